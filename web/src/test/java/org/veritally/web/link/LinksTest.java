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
    assertThat(http.page(Lang.PT, PageRef.unit("R1", "C1", "official"))).isEqualTo("/pt/unit/R1?contest=C1&view=official");
    assertThat(http.page(Lang.ID, PageRef.station("010101001.01"))).isEqualTo("/id/station/010101001.01");
    assertThat(http.page(Lang.EN, PageRef.search("san josé"))).isEqualTo("/en/search?q=san+jos%C3%A9");
    assertThat(http.page(Lang.EN, PageRef.downloads())).isEqualTo("/en/downloads");
  }

  @Test
  void unitLinksCarryContestAndViewSoTheyMeanTheSameLater() {
    assertThat(http.page(Lang.EN, PageRef.unit("R1", "C2", "source:party-a").sorted("-coverage", false)))
        .isEqualTo("/en/unit/R1?contest=C2&view=source%3Aparty-a&sort=-coverage");
    assertThat(http.page(Lang.EN, PageRef.unit("R1", "C2", "official").sorted("name", true))).doesNotContain("sort=");
  }

  @Test
  void mirrorLinksAreRelativeAndResolveToTheTargetFile() {
    PageRef from = PageRef.unit("R1", "C1", "official");
    var links = new MirrorLinks(from);
    assertThat(MirrorLinks.file(from)).isEqualTo("unit/R1/C1/official.html");
    String href = links.page(Lang.ES, PageRef.station("P9"));
    assertThat(href).isEqualTo("../../../../es/station/P9.html");
    assertThat(java.net.URI.create("https://m.example/en/unit/R1/C1/official.html").resolve(href).getPath()).isEqualTo("/es/station/P9.html");
    assertThat(new MirrorLinks(PageRef.home()).asset("site.abc.css")).isEqualTo("../static/site.abc.css");
    assertThat(links.liveResults("R1", "C1", "official")).isEmpty();
    assertThat(links.hasSearch()).isFalse();
  }
}
