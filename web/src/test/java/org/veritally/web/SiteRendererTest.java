package org.veritally.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.server.Instance;
import org.veritally.web.i18n.Lang;
import org.veritally.web.link.MirrorLinks;
import org.veritally.web.link.PageRef;

/** Renders pages of a real data directory without HTTP, as a static-mirror publisher would. */
class SiteRendererTest {
    @TempDir
    static Path dir;

    static Instance in;
    static SiteRenderer site;

    @BeforeAll
    static void load() {
        in = Instance.open(dir);
        SampleElection.load(in);
        site = new SiteRenderer(in, Assets.load());
    }

    @AfterAll
    static void close() {
        in.close();
    }

    @Test
    void overviewShowsEveryContestInTheDefaultOfficialView() {
        RenderedPage p = site.render(Lang.EN, "", Map.of());
        assertThat(p.status()).isEqualTo(200);
        assertThat(p.live()).isTrue();
        assertThat(p.html())
                .contains("Synthetic election (seed 7)")
                .contains("id=\"h-C1\"")
                .contains("id=\"h-C2\"")
                .contains("aria-current=\"page\">Official</a>")
                .contains("Region 0");
    }

    @Test
    void figuresComeFromTheLiveTabulation() {
        var r = in.results().result(java.util.Optional.empty(), java.util.Optional.of("C2"), "official");
        String votes = new org.veritally.web.i18n.Numbers(Lang.ES)
                .count(r.candidates().get(0).votes());
        assertThat(site.render(Lang.ES, "", Map.of()).html()).contains(votes);
    }

    @Test
    void theConsensusViewLeavesTheDisputedStationsOut() {
        var r = in.results().result(java.util.Optional.empty(), java.util.Optional.of("C1"), "consensus");
        assertThat(r.stationsReporting()).isEqualTo(598);
        String html = site.render(Lang.EN, "", Map.of("view", "consensus")).html();
        assertThat(html)
                .contains("aria-current=\"page\">Consensus of the sources</a>")
                .contains("<span data-f=\"stationsReporting\">598</span>");
    }

    @Test
    void aStationWhereTwoSourcesDifferIsDisputedWithTheFieldsMarked() {
        RenderedPage p = site.render(Lang.EN, "station/" + SampleElection.DISPUTED, Map.of());
        assertThat(p.status()).isEqualTo(200);
        assertThat(p.html())
                .contains("<span class=\"st disputed\">Disputed</span>")
                .contains("<tr class=\"diff\">")
                .contains("<mark>")
                .contains("Witnesses of party A")
                .contains("log #");
    }

    @Test
    void aStationWithAHeldBackCopyListsTheMissingSource() {
        String html = site.render(Lang.EN, "station/" + SampleElection.HELD_BACK, Map.of())
                .html();
        assertThat(html)
                .contains("No copy yet from: Electoral authority")
                .contains("<span class=\"st agreed\">Agreed</span>");
    }

    @Test
    void unknownThingsGiveAFriendly404InTheReadersLanguage() {
        assertThat(site.render(Lang.ES, "station/NOPE", Map.of())).satisfies(p -> {
            assertThat(p.status()).isEqualTo(404);
            assertThat(p.html())
                    .contains("No hay ninguna mesa con el código «NOPE».")
                    .doesNotContain("Exception");
        });
        assertThat(site.render(Lang.EN, "unit/NOPE", Map.of()).status()).isEqualTo(404);
        assertThat(site.render(Lang.EN, "unit/N", Map.of("contest", "C9")).status())
                .isEqualTo(404);
        assertThat(site.render(Lang.EN, "unit/N", Map.of("view", "source:nobody"))
                        .status())
                .isEqualTo(404);
        assertThat(site.render(Lang.EN, "elsewhere", Map.of()).status()).isEqualTo(404);
    }

    @Test
    void searchIgnoresCaseAndAccentsAndEscapesWhatItFinds() {
        String html = site.render(Lang.EN, "search", Map.of("q", "san jose")).html();
        assertThat(html).contains("San José &lt;b&gt;del&lt;/b&gt; Ávila").doesNotContain("<b>del</b>");
        assertThat(site.render(Lang.EN, "search", Map.of("q", "p12")).html()).contains("href=\"/en/station/P12\"");
    }

    @Test
    void childrenSortOnTheServer() {
        String byName = site.render(Lang.EN, "unit/S0", Map.of("contest", "C1", "view", "official"))
                .html();
        String byCoverageDesc = site.render(
                        Lang.EN, "unit/S0", Map.of("contest", "C1", "view", "official", "sort", "-valid"))
                .html();
        assertThat(byName).contains("aria-sort=\"ascending\"");
        assertThat(byCoverageDesc).contains("aria-sort=\"descending\"").isNotEqualTo(byName);
    }

    @Test
    void mirrorRenderingLinksRelativelyAndHasNoLiveOrSearchHooks() {
        PageRef ref = PageRef.unit("R0", "C1", "official");
        String html = site.render(Lang.PT, ref, new MirrorLinks(ref)).html();
        assertThat(html)
                .contains("href=\"../../../../static/site.")
                .contains("href=\"../../../../pt/unit/C1/official/D0.html\"")
                .doesNotContain("data-api")
                .doesNotContain("role=\"search\"")
                .doesNotContain("href=\"/");
    }

    @Test
    void withoutAnAuthorityTheDefaultViewIsTheFirstSource(@TempDir Path other) {
        try (Instance solo = Instance.open(other)) {
            var g = new org.veritally.formats.generate.SyntheticElection(12, 1, 3, 1, 3);
            var d = g.definition();
            var src = new org.veritally.core.model.Source(
                    "cvzla", "Comando con Venezuela", org.veritally.core.model.SourceKind.WITNESS);
            solo.define()
                    .define(
                            new org.veritally.formats.Definition(
                                    d.election(), d.units(), d.stations(), java.util.List.of(src)),
                            "t",
                            "t");
            String html = new SiteRenderer(solo, Assets.load())
                    .render(Lang.ES, "", Map.of())
                    .html();
            assertThat(html)
                    .contains("aria-current=\"page\">Comando con Venezuela</a>")
                    .doesNotContain(">Oficial<");
        }
    }

    @Test
    void discrepanciesListEveryDisputedStationWithBothCopies() {
        RenderedPage p = site.render(Lang.EN, "discrepancies", Map.of());
        assertThat(p.status()).isEqualTo(200);
        assertThat(p.html())
                .contains("href=\"/en/station/P1\"")
                .contains("href=\"/en/station/P9\"")
                .contains("Disputed stations (station × contest) matching this filter: 2.")
                .contains("Witnesses of party A")
                .contains("Observer mission 1");
        assertThat(p.html()).contains("aria-current=\"page\">Discrepancies</a>");
    }

    @Test
    void discrepanciesFilterBySourceAndByPlace() {
        String partyA = site.render(Lang.EN, "discrepancies", Map.of("source", "party-a"))
                .html();
        assertThat(partyA)
                .contains("href=\"/en/station/P1\"")
                .doesNotContain("href=\"/en/station/P9\"")
                .contains("aria-current=\"page\">Witnesses of party A</a>");
        String unitOfP9 = in.state()
                .catalogue()
                .unit(in.state()
                        .catalogue()
                        .unitOfStation(in.state().catalogue().stationIndex("P9")))
                .id();
        String village =
                site.render(Lang.EN, "discrepancies", Map.of("unit", unitOfP9)).html();
        assertThat(village).contains("href=\"/en/station/P9\"").doesNotContain("href=\"/en/station/P1\"");
        String root = site.render(Lang.EN, "discrepancies", Map.of()).html();
        assertThat(root).contains("Disputed stations by region").contains("href=\"/en/discrepancies?unit=R");
        assertThat(site.render(Lang.EN, "discrepancies", Map.of("source", "nobody"))
                        .status())
                .isEqualTo(404);
        assertThat(site.render(Lang.EN, "discrepancies", Map.of("unit", "NOPE")).status())
                .isEqualTo(404);
    }

    @Test
    void announcementsShowTheContradictedFigureWithItsNumbers() {
        String html = site.render(Lang.EN, "announcements", Map.of()).html();
        var official = in.results().result(java.util.Optional.empty(), java.util.Optional.of("C1"), "official");
        long b = official.candidates().stream()
                .filter(k -> k.id().equals("C1-K2"))
                .findFirst()
                .orElseThrow()
                .votes();
        var n = new org.veritally.web.i18n.Numbers(Lang.EN);
        assertThat(html).contains("Bulletin &lt;1&gt; of the authority").doesNotContain("Bulletin <1>");
        assertThat(html)
                .contains("<tr class=\"contra\"><th scope=\"row\">Candidate B</th><td><span class=\"fs "
                        + "contradicted\">Contradicted</span></td><td class=\"n\"><mark>"
                        + n.count(b + SampleElection.INFLATION) + "</mark>");
        assertThat(html)
                .contains("Candidate B: announced " + n.count(b + SampleElection.INFLATION)
                        + ", but the sheets in hand give " + n.count(b));
        assertThat(html).doesNotContain("Against the sheets of: Electoral authority");
    }

    @Test
    void statisticsRunTheForensicsOnTheLiveSheetsAndReuseThem() {
        long t0 = System.nanoTime();
        RenderedPage p = site.render(Lang.EN, "statistics", Map.of());
        long first = System.nanoTime() - t0;
        assertThat(p.status()).isEqualTo(200);
        assertThat(p.html())
                .contains("Computed over the 599 stations with a sheet in this view (of 600 in the catalogue)")
                .contains("<svg class=\"fpsvg\"")
                .contains("Second digits (2BL)")
                .contains("Candidate A");
        t0 = System.nanoTime();
        RenderedPage again = site.render(Lang.ES, "statistics", Map.of("contest", "C1", "view", "official"));
        long second = System.nanoTime() - t0;
        System.out.printf(
                "statistics page: first %.1f ms, again (reused) %.1f ms, %,d bytes%n",
                first / 1e6, second / 1e6, p.html().length());
        assertThat(again.html()).contains("Huella electoral");
        assertThat(site.render(Lang.EN, "statistics", Map.of("contest", "C9")).status())
                .isEqualTo(404);
        assertThat(site.render(Lang.EN, "statistics", Map.of("view", "source:nobody"))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aQuickCountIsDrawnFromTheSeedInTheQuery() {
        String html = site.render(Lang.EN, "statistics", Map.of("seed", "dice 3 5 1", "size", "60"))
                .html();
        assertThat(html)
                .contains("Sample of 60 stations")
                .contains("drawn from the seed “dice 3 5 1”")
                .contains("value=\"dice 3 5 1\"")
                .contains("href=\"/es/statistics?seed=dice+3+5+1&amp;size=60\"")
                .contains(">" + SampleElection.ANNOUNCEMENT + "</th>");
        assertThat(site.render(Lang.EN, "statistics", Map.of("seed", "x", "size", "0"))
                        .html())
                .contains("must be a whole number from 1 to 600");
    }

    @Test
    void aCorrectedCopyShowsItsHistoryAndTheCopiesLinkTheirProofs() {
        String html = site.render(Lang.EN, "station/" + SampleElection.CORRECTED, Map.of())
                .html();
        assertThat(html)
                .contains("Corrections")
                .contains(SampleElection.REASON)
                .contains("replaced by a later correction")
                .contains("→");
        assertThat(html).containsPattern("href=\"/log/receipt/\\d+\"").contains("✓ counted in the consensus view");
        assertThat(html).contains("No image of these sheets has been published on this server yet.");
    }

    @Test
    void theNewPagesRenderForAStaticMirror() {
        for (PageRef ref : java.util.List.of(
                PageRef.discrepancies(java.util.Optional.empty(), java.util.Optional.of("party-a")),
                PageRef.announcements(),
                PageRef.statistics(java.util.Optional.empty(), java.util.Optional.empty()),
                PageRef.station(SampleElection.CORRECTED))) {
            RenderedPage p = site.render(Lang.ID, ref, new MirrorLinks(ref));
            assertThat(p.status()).as(ref.toString()).isEqualTo(200);
            assertThat(p.html())
                    .as(ref.toString())
                    .doesNotContain("href=\"/")
                    .doesNotContain("action=\"/")
                    .doesNotContain("src=\"/");
        }
        String d = site.render(
                        Lang.ID,
                        PageRef.discrepancies(java.util.Optional.empty(), java.util.Optional.of("party-a")),
                        new MirrorLinks(
                                PageRef.discrepancies(java.util.Optional.empty(), java.util.Optional.of("party-a"))))
                .html();
        assertThat(d).contains("href=\"../../../id/station/P1.html\"").contains("href=\"../../../log/receipt/");
    }
}
