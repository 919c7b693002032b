package org.veritally.web.link;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.veritally.web.i18n.Lang;

class LinksTest {
    private final HttpLinks http = new HttpLinks();

    @Test
    void permanentUrlsHaveTheDocumentedShape() {
        assertThat(http.page(Lang.ES, PageRef.home())).isEqualTo("/es/");
        assertThat(http.page(Lang.EN, PageRef.overview("source:cvzla"))).isEqualTo("/en/?view=source%3Acvzla");
        assertThat(http.page(Lang.PT, PageRef.unit("R1", "C1", "official")))
                .isEqualTo("/pt/unit/R1?contest=C1&view=official");
        assertThat(http.page(Lang.ID, PageRef.station("010101001.01"))).isEqualTo("/id/station/010101001.01");
        assertThat(http.page(Lang.EN, PageRef.search("san josé"))).isEqualTo("/en/search?q=san+jos%C3%A9");
        assertThat(http.page(Lang.EN, PageRef.downloads())).isEqualTo("/en/downloads");
        assertThat(http.page(
                        Lang.ES, PageRef.discrepancies(java.util.Optional.of("R1"), java.util.Optional.of("party-a"))))
                .isEqualTo("/es/discrepancies?unit=R1&source=party-a");
        assertThat(http.page(Lang.EN, PageRef.announcements())).isEqualTo("/en/announcements");
        assertThat(http.page(
                        Lang.PT,
                        PageRef.statistics(java.util.Optional.of("C1"), java.util.Optional.of("source:cvzla"))
                                .quickCount("dado 4", "1500")))
                .isEqualTo("/pt/statistics?contest=C1&view=source%3Acvzla&seed=dado+4&size=1500");
        assertThat(http.receipt(42)).isEqualTo("/log/receipt/42");
        assertThat(http.api("/api/stats/forensics", "contest", "C1", "view", "source:x"))
                .contains("/api/stats/forensics?contest=C1&view=source%3Ax");
    }

    @Test
    void mirrorFilesOfTheCheckingPagesDoNotCollide() {
        var none = java.util.Optional.<String>empty();
        assertThat(MirrorLinks.file(PageRef.discrepancies(none, none))).isEqualTo("discrepancies.html");
        assertThat(MirrorLinks.file(PageRef.discrepancies(java.util.Optional.of("R1"), none)))
                .isEqualTo("discrepancies/unit/R1.html");
        assertThat(MirrorLinks.file(PageRef.discrepancies(none, java.util.Optional.of("pa"))))
                .isEqualTo("discrepancies/source/pa.html");
        assertThat(MirrorLinks.file(PageRef.discrepancies(java.util.Optional.of("R1"), java.util.Optional.of("pa"))))
                .isEqualTo("discrepancies/unit/R1/source/pa.html");
        assertThat(MirrorLinks.file(PageRef.announcements())).isEqualTo("announcements.html");
        assertThat(MirrorLinks.file(PageRef.statistics(none, none))).isEqualTo("statistics.html");
        assertThat(MirrorLinks.file(PageRef.statistics(none, none).quickCount("s", "5")))
                .isEqualTo("statistics.html");
        var from = PageRef.discrepancies(java.util.Optional.of("R1"), java.util.Optional.of("pa"));
        assertThat(java.net
                        .URI
                        .create("https://m.example/en/" + MirrorLinks.file(from))
                        .resolve(new MirrorLinks(from).receipt(7))
                        .getPath())
                .isEqualTo("/log/receipt/7");
        assertThat(new MirrorLinks(from).api("/api/stats/forensics")).isEmpty();
    }

    @Test
    void unitLinksCarryContestAndViewSoTheyMeanTheSameLater() {
        assertThat(http.page(Lang.EN, PageRef.unit("R1", "C2", "source:party-a").sorted("-coverage", false)))
                .isEqualTo("/en/unit/R1?contest=C2&view=source%3Aparty-a&sort=-coverage");
        assertThat(http.page(Lang.EN, PageRef.unit("R1", "C2", "official").sorted("name", true)))
                .doesNotContain("sort=");
    }

    @Test
    void mirrorLinksAreRelativeAndResolveToTheTargetFile() {
        PageRef from = PageRef.unit("R1", "C1", "official");
        var links = new MirrorLinks(from);
        assertThat(MirrorLinks.file(from)).isEqualTo("unit/C1/official/R1.html");
        String href = links.page(Lang.ES, PageRef.station("P9"));
        assertThat(href).isEqualTo("../../../../es/station/P9.html");
        assertThat(java.net
                        .URI
                        .create("https://m.example/en/unit/C1/official/R1.html")
                        .resolve(href)
                        .getPath())
                .isEqualTo("/es/station/P9.html");
        assertThat(new MirrorLinks(PageRef.home()).asset("site.abc.css")).isEqualTo("../static/site.abc.css");
        assertThat(links.liveResults("R1", "C1", "official")).isEmpty();
        assertThat(links.hasSearch()).isFalse();
    }
}
