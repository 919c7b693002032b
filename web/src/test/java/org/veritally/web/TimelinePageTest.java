package org.veritally.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.veritally.web.i18n.Lang;
import org.veritally.web.i18n.Messages;
import org.veritally.web.link.HttpLinks;
import org.veritally.web.link.MirrorLinks;
import org.veritally.web.link.PageRef;

/**
 * The reporting timeline page ({@code /{lang}/timeline/{unit}}) of a real data directory: it renders in
 * every language with an inline SVG chart, its table alternative and the arrival of each source's
 * sheets, names its denominator, is linked from the overview and unit pages in their view, consensus too.
 */
class TimelinePageTest {
    @TempDir
    static Path dir;

    static org.veritally.server.Instance in;
    static SiteRenderer site;

    @BeforeAll
    static void load() {
        in = org.veritally.server.Instance.open(dir);
        SampleElection.load(in);
        site = new SiteRenderer(in, Assets.load());
    }

    @AfterAll
    static void close() {
        in.close();
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void rendersInEveryLanguageWithChartTableArrivalsAndDenominator(Lang lang) {
        RenderedPage p = site.render(lang, "timeline/N", Map.of("contest", "C1", "view", "official"));
        assertThat(p.status()).isEqualTo(200);
        Messages m = Messages.of(lang);
        assertThat(p.html())
                .startsWith("<!doctype html>")
                .contains("<html lang=\"" + lang.code() + "\"")
                .contains("<svg", "role=\"img\"", "<title id=\"tl-st-t\">", "<desc id=\"tl-sh-d\">", "<polyline")
                .contains("<table>", esc(m.get("timeline.col.stations")), esc(m.get("timeline.arrivals")))
                .contains(esc(m.get("coverage.basis.catalogue")))
                .contains("Electoral authority")
                .contains("/api/timeline?unit=N&amp;contest=C1&amp;view=official")
                .doesNotContain("<script");
    }

    private static String esc(String text) {
        return org.veritally.web.html.Html.escape(text);
    }

    @Test
    void theTimelineAsOfNIsTheTimelineCutAtNUnderTheNoteAndLinksStayAtN() {
        long size = in.store().logSize();
        long n = size / 2;
        RenderedPage p = site.renderAt(Lang.EN, n, "timeline/R0", Map.of("contest", "C2", "view", "source:party-a"));
        assertThat(p.status()).as(p.html()).isEqualTo(200);
        var t = in.timeline()
                .timeline(Optional.of("R0"), Optional.of("C2"), "source:party-a", java.util.OptionalLong.of(n));
        var last = t.points().get(t.points().size() - 1);
        assertThat(last.logSize()).isEqualTo(n);
        String reporting = new org.veritally.web.i18n.Numbers(Lang.EN).count(last.stationsReporting());
        String html = p.html();
        String lastRow = html.substring(html.lastIndexOf("<tr><th scope=\"row\" class=\"n\">"));
        assertThat(lastRow).contains(">" + reporting + "<");
        assertThat(html)
                .contains("data-asof=\"" + n + "\"")
                .contains("/api/timeline?unit=R0&amp;contest=C2&amp;view=source%3Aparty-a&amp;at=" + n)
                .contains("/en/at/" + n + "/unit/R0");
        assertThat(site.renderAt(Lang.EN, n, "", Map.of()).html()).contains("/en/at/" + n + "/timeline/N");
        assertThat(site.renderAt(Lang.EN, size + 1, "timeline/N", Map.of()).status())
                .isEqualTo(404);
        assertThat(site.renderAt(Lang.EN, n, "timeline/nowhere", Map.of()).status())
                .isEqualTo(404);
    }

    @Test
    void lastRowOfTheTableIsTheCurrentResult() {
        var r = in.results().result(Optional.of("R0"), Optional.of("C2"), "source:party-a");
        String html = site.render(Lang.EN, "timeline/R0", Map.of("contest", "C2", "view", "source:party-a"))
                .html();
        String reporting = new org.veritally.web.i18n.Numbers(Lang.EN).count(r.stationsReporting());
        String lastRow = html.substring(html.lastIndexOf("<tr><th scope=\"row\" class=\"n\">"));
        assertThat(lastRow).contains(">" + reporting + "<");
    }

    @Test
    void overviewAndUnitPagesLinkTheTimelineInTheirViewConsensusToo() {
        assertThat(site.render(Lang.EN, "", Map.of()).html()).contains("/en/timeline/N?contest=C1&amp;view=official");
        assertThat(site.render(Lang.ES, "unit/R0", Map.of("contest", "C2", "view", "source:party-a"))
                        .html())
                .contains("/es/timeline/R0?contest=C2&amp;view=source%3Aparty-a");
        assertThat(site.render(Lang.EN, "unit/R0", Map.of("contest", "C2", "view", "consensus"))
                        .html())
                .contains("/en/timeline/R0?contest=C2&amp;view=consensus\"");
        assertThat(site.render(Lang.EN, "timeline/N", Map.of("view", "consensus"))
                        .status())
                .isEqualTo(200);
        assertThat(site.render(Lang.EN, "timeline/nowhere", Map.of()).status()).isEqualTo(404);
    }

    @Test
    void theTimelineWithoutAUnitIsTheWholeElectionsTheRootUnits() {
        RenderedPage none = site.render(Lang.EN, "timeline", Map.of("contest", "C2", "view", "source:party-a"));
        RenderedPage root = site.render(Lang.EN, "timeline/N", Map.of("contest", "C2", "view", "source:party-a"));
        assertThat(none.status()).isEqualTo(200);
        assertThat(none.html()).isEqualTo(root.html());
        long n = in.store().logSize() / 2;
        assertThat(site.renderAt(Lang.ES, n, "timeline/", Map.of()).html())
                .isEqualTo(site.renderAt(Lang.ES, n, "timeline/N", Map.of()).html());
    }

    @Test
    void timelineUrlsRoundTripOnTheLiveSiteAndHaveAMirrorFile() {
        PageRef ref = PageRef.timeline("R0", "C1", "source:party-a");
        String href = new HttpLinks().page(Lang.EN, ref);
        assertThat(href).isEqualTo("/en/timeline/R0?contest=C1&view=source%3Aparty-a");
        assertThat(Route.parse("timeline/R0", Map.of("contest", "C1", "view", "source:party-a", "x", "y")))
                .contains(ref);
        assertThat(MirrorLinks.file(ref)).isEqualTo("timeline/C1/source-party-a/R0.html");
    }
}
