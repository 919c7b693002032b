package org.veritally.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.veritally.core.announce.Figure;
import org.veritally.core.reconcile.StationStatus;
import org.veritally.server.stats.ViewForensics;
import org.veritally.stats.CandidateSet;
import org.veritally.stats.StationCounts;
import org.veritally.stats.report.Forensics;
import org.veritally.stats.report.ForensicsOptions;
import org.veritally.web.i18n.Lang;
import org.veritally.web.link.MirrorLinks;
import org.veritally.web.link.PageRef;
import org.veritally.web.model.AnnouncementReport;
import org.veritally.web.model.AnnouncementsPage;
import org.veritally.web.model.ContestCopies;
import org.veritally.web.model.Crumb;
import org.veritally.web.model.DiscrepanciesPage;
import org.veritally.web.model.DiscrepancySummary;
import org.veritally.web.model.DisputedStation;
import org.veritally.web.model.FieldChange;
import org.veritally.web.model.FieldRow;
import org.veritally.web.model.FigureCheck;
import org.veritally.web.model.LogStatus;
import org.veritally.web.model.Option;
import org.veritally.web.model.SheetCopy;
import org.veritally.web.model.SheetVersion;
import org.veritally.web.model.StationPage;
import org.veritally.web.model.StatisticsPage;
import org.veritally.web.model.ViewCheck;

/**
 * The discrepancies, announcements, statistics and station-history renderers on hand-built models: escaping, numbers
 * per language, links.
 */
class NewPagesRenderTest {
    static final String EVIL = RenderTest.EVIL;
    static final LogStatus LOG = new LogStatus(2_000_000, Optional.of(1_500_000L));

    static PageContext ctx(Lang lang, PageRef self) {
        return RenderTest.ctx(lang, self);
    }

    static DiscrepanciesPage discrepancies() {
        var copies = List.of(
                new SheetCopy("auth", "Authority", "authority", 1_234_567, false, Optional.empty()),
                new SheetCopy("pa", "Party " + EVIL, "witness", 1_234_999, false, Optional.empty()));
        var row = new FieldRow(
                "Line 1 " + EVIL, false, List.of(OptionalLong.of(1_200), OptionalLong.of(1_205)), List.of(true, true));
        var d = new DisputedStation("P1", "Mesa " + EVIL, "Village " + EVIL, "C1", "President", copies, List.of(row));
        var summary = new DiscrepancySummary(
                1_000_000, 4, List.of(new DiscrepancySummary.Count("auth", "Authority", 12)), 3, 500_010, 2);
        var sources = List.of(
                new Option("", "discrepancies.allsources", true, false),
                new Option("pa", "Party " + EVIL, false, true));
        return new DiscrepanciesPage(
                RenderTest.ELECTION,
                summary,
                sources,
                Optional.of("pa"),
                List.of(new Crumb("N", "Nation", "country"), new Crumb("R1", "Region " + EVIL, "region")),
                List.of(new DiscrepancySummary.Count("D1", "District " + EVIL, 1)),
                "district",
                List.of(d),
                false,
                LOG);
    }

    @Test
    void discrepanciesEscapeEveryNameAndShowOnlyTheDifferingFields() {
        PageRef self = PageRef.discrepancies(Optional.of("R1"), Optional.of("pa"));
        String html = DiscrepanciesHtml.render(discrepancies(), ctx(Lang.EN, self));
        assertThat(html)
                .doesNotContain("<script>alert")
                .contains("Mesa &lt;script&gt;")
                .contains("District &lt;script&gt;");
        assertThat(html).contains("<tr class=\"diff\"><th scope=\"row\">Line 1 &lt;script&gt;");
        assertThat(html)
                .contains("href=\"/en/station/P1\"")
                .contains("href=\"/en/discrepancies?unit=D1&amp;source=pa\"")
                .contains("href=\"/en/discrepancies?source=pa\"")
                .contains("href=\"/en/discrepancies?unit=R1\"")
                .contains("href=\"/log/receipt/1234567\"");
        assertThat(html)
                .contains("1,000,000")
                .contains("Disputed stations (station × contest) matching this filter: 1.");
    }

    @Test
    void discrepanciesWriteNumbersInTheReadersLanguage() {
        PageRef self = PageRef.discrepancies(Optional.empty(), Optional.empty());
        assertThat(DiscrepanciesHtml.render(discrepancies(), ctx(Lang.ES, self)))
                .contains("1.000.000")
                .contains("1.205")
                .contains("registro n.º 1.234.567")
                .contains("<html lang=\"es\">");
        assertThat(DiscrepanciesHtml.render(discrepancies(), ctx(Lang.ID, self)))
                .contains("1.000.000")
                .contains("Perbedaan");
        assertThat(DiscrepanciesHtml.render(discrepancies(), ctx(Lang.PT, self)))
                .contains("1.000.000")
                .contains("Divergências");
    }

    static AnnouncementsPage announcements() {
        var bad = new FigureCheck(
                "Cand " + EVIL, false, 5_150_092, 4_000_000, 3_900_000, 4_100_000, Figure.Status.CONTRADICTED);
        var low =
                new FigureCheck("field.valid", true, 100, 9_000_000, 8_500_000, 9_500_000, Figure.Status.CONTRADICTED);
        var ok = new FigureCheck("Bo", false, 4_000_000, 3_950_000, 3_900_000, 4_200_000, Figure.Status.CONSISTENT);
        var view = new ViewCheck(
                "official",
                "view.official",
                true,
                30_026,
                25_000,
                21_321_805,
                17_000_000,
                6_005,
                List.of(bad, low, ok),
                "universe");
        var empty = new ViewCheck(
                "source:x", "Party " + EVIL, false, 30_026, 0, 21_321_805, 0, 6_005, List.of(), "catalogue");
        var round = new AnnouncementReport.RoundCheck(
                10_058_774,
                List.of(
                        new AnnouncementReport.RoundLine("Cand", false, 5_150_092, 51.1999971, Optional.of("51.2")),
                        new AnnouncementReport.RoundLine(
                                "announce.others", true, 462_704, 4.6000039, Optional.of("4.6"))),
                true,
                9.88e-9,
                true);
        var a = new AnnouncementReport(
                77,
                "cne-1",
                "Bulletin " + EVIL,
                "2024-07-29",
                "C1",
                "President",
                OptionalLong.of(8_000),
                OptionalLong.empty(),
                OptionalLong.of(30_026),
                List.of(view, empty),
                Optional.of(new AnnouncementReport.LeadCheck("Cand", "Bo", 704_114, 4_264_361, false, false)),
                Optional.of(round));
        return new AnnouncementsPage(RenderTest.ELECTION, List.of(a), LOG);
    }

    @Test
    void aContradictedFigureIsMarkedInWordsAndExplainedFromItsNumbers() {
        String html = AnnouncementsHtml.render(announcements(), ctx(Lang.EN, PageRef.announcements()));
        assertThat(html)
                .doesNotContain("<script>alert")
                .contains("Bulletin &lt;script&gt;")
                .contains("Party &lt;script&gt;");
        assertThat(html)
                .contains("<tr class=\"contra\"><th scope=\"row\">Cand "
                        + "&lt;script&gt;alert(1)&lt;/script&gt;</th><td><span class=\"fs "
                        + "contradicted\">Contradicted</span></td><td "
                        + "class=\"n\"><mark>5,150,092</mark>");
        assertThat(html)
                .contains("<span class=\"fs contradicted\">Contradicted</span>")
                .contains("<span class=\"fs consistent\">Consistent</span>");
        assertThat(html).contains("it could be at most 4,100,000. The announced figure is too high.");
        assertThat(html)
                .contains("Valid votes: announced 100, but the sheets in hand give 9,000,000 over 25,000 stations")
                .contains("at least 8,500,000 remain");
        assertThat(html)
                .contains("Claimed coverage: 80.00% of 30,026 stations.")
                .contains("Contradicted by the sheets in 1 of 1 views.");
        assertThat(html).contains("51.2%").contains("9.9 × 10⁻⁹").contains("The lead was not yet irreversible");
        assertThat(html).contains("href=\"/log/receipt/77\"");
    }

    @Test
    void announcementsReadInEveryLanguageWithItsNumbers() {
        String es = AnnouncementsHtml.render(announcements(), ctx(Lang.ES, PageRef.announcements()));
        assertThat(es)
                .contains("se anunciaron 5.150.092")
                .contains("no podría superar 4.100.000")
                .contains("Contradicha")
                .contains("51,2");
        assertThat(es).contains("9,9 × 10⁻⁹");
        assertThat(AnnouncementsHtml.render(announcements(), ctx(Lang.PT, PageRef.announcements())))
                .contains("foram anunciados 5.150.092")
                .contains("Contradito");
        assertThat(AnnouncementsHtml.render(announcements(), ctx(Lang.ID, PageRef.announcements())))
                .contains("diumumkan 5.150.092")
                .contains("Dibantah");
    }

    static StatisticsPage statistics() {
        var cands = new CandidateSet(List.of("A", "B"), List.of("Ana " + EVIL, "Bo"));
        List<StationCounts> st = new ArrayList<>();
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        for (int i = 0; i < 300; i++) {
            long reg = 300 + r.nextInt(500);
            long cast = i == 7 ? reg + 5 : Math.round(reg * (0.5 + 0.3 * r.nextDouble()));
            long a = Math.round(cast * (0.4 + 0.3 * r.nextDouble()));
            st.add(new StationCounts("P" + i, "V" + i / 6, "R" + i / 60, reg, cast, new long[] {a, cast - a}));
        }
        var report = Forensics.run(st, cands, ForensicsOptions.defaults(1));
        var f = new ViewForensics("C1", "official", cands, 300, 320, 9_999, report);
        return new StatisticsPage(
                RenderTest.ELECTION,
                List.of(new Option("C1", "President", false, true)),
                List.of(new Option("official", "view.official", true, true)),
                "C1",
                "President",
                "official",
                Map.of("A", "Ana " + EVIL, "B", "Bo"),
                Optional.of(f),
                Optional.empty(),
                StatisticsPage.QuickCountRequest.none(),
                List.of());
    }

    @Test
    void statisticsShowEveryCheckWithItsCaveatAndLinkFlaggedStations() {
        String html = StatisticsHtml.render(
                statistics(), ctx(Lang.EN, PageRef.statistics(Optional.of("C1"), Optional.of("official"))));
        assertThat(html).doesNotContain("<script>alert").contains("Ana &lt;script&gt;");
        assertThat(html)
                .contains("id=\"h-2bl\"")
                .contains("id=\"h-ld\"")
                .contains("id=\"h-int\"")
                .contains("id=\"h-out\"")
                .contains("id=\"h-fp\"");
        assertThat(html)
                .contains("<svg class=\"fpsvg\"")
                .contains("role=\"img\" aria-labelledby=\"fp-t fp-d\"")
                .contains("<table class=\"grid10\">");
        assertThat(html)
                .contains("ST-OUT-TURNOUT100")
                .contains("href=\"/en/station/P7\"")
                .contains("turnout 10");
        assertThat(html).contains("a small p-value here is a reason to look, not evidence of fraud");
        assertThat(html).contains("href=\"/api/stats/forensics/fingerprint.svg?contest=C1&amp;view=official\"");
        assertThat(html)
                .contains("Computed over the 300 stations with a sheet in this view (of 320 in the "
                        + "catalogue), when the log held 9,999 entries.");
    }

    @Test
    void statisticsOnAMirrorLinkRelativelyAndOfferNoServerForms() {
        PageRef self = PageRef.statistics(Optional.of("C1"), Optional.of("official"));
        var c = PageContext.of(
                Lang.PT, new MirrorLinks(self), self, new PageContext.AssetNames("site.x.css", "live.y.js"));
        String html = StatisticsHtml.render(statistics(), c);
        assertThat(MirrorLinks.file(self)).isEqualTo("statistics/C1/official.html");
        assertThat(html)
                .contains("href=\"../../../pt/station/P7.html\"")
                .doesNotContain("/api/")
                .doesNotContain("<form")
                .doesNotContain("href=\"/");
        assertThat(html).contains("Impressão digital").contains("Comparecimento");
    }

    @Test
    void aCorrectedCopyListsEveryVersionWithItsReasonAndChanges() {
        var copies = List.of(new SheetCopy("obs", "Observers", "observer", 30, true, Optional.empty()));
        var row = new FieldRow("field.valid", true, List.of(OptionalLong.of(300)), List.of(false));
        var first = new SheetVersion("Observers", 12, OptionalLong.empty(), Optional.empty(), false, List.of());
        var fix = new SheetVersion(
                "Observers",
                30,
                OptionalLong.of(12),
                Optional.of("typo " + EVIL),
                true,
                List.of(new FieldChange("Line 2", false, OptionalLong.of(1_120), OptionalLong.of(1_124))));
        var cc = new ContestCopies(
                "C1", "President", StationStatus.SINGLE, copies, List.of(row), List.of(), List.of(first, fix));
        var page = new StationPage(RenderTest.ELECTION, List.of(), "official", "P2", "Mesa 2", 450, List.of(cc), LOG);
        PageRef self = PageRef.station("P2");
        String html = StationHtml.render(page, ctx(Lang.ES, self));
        assertThat(html)
                .contains("Correcciones")
                .contains("Corrige el registro n.º 12")
                .contains("<q>typo &lt;script&gt;")
                .contains("1.120 → 1.124");
        assertThat(html).contains("✓ cuenta en la vista de consenso").contains("href=\"/log/receipt/12\"");
        String mirror = StationHtml.render(
                page,
                PageContext.of(Lang.EN, new MirrorLinks(self), self, new PageContext.AssetNames("a.css", "b.js")));
        assertThat(mirror).contains("href=\"../../log/receipt/30\"");
    }

    @Test
    void evidenceLinksOnlyForWebAddresses() {
        assertThat(StationHtml.webAddress("https://example.org/acta.jpg")).isTrue();
        assertThat(StationHtml.webAddress("javascript:alert(1)")).isFalse();
        var copies = List.of(
                new SheetCopy("a", "A", "witness", 1, false, Optional.of("javascript:alert(1)")),
                new SheetCopy("b", "B", "witness", 2, false, Optional.of("https://img.example/P1.jpg")));
        var cc = new ContestCopies("C1", "President", StationStatus.AGREED, copies, List.of(), List.of(), List.of());
        String html = StationHtml.render(
                new StationPage(RenderTest.ELECTION, List.of(), "official", "P1", "M", 1, List.of(cc), LOG),
                ctx(Lang.EN, PageRef.station("P1")));
        assertThat(html)
                .doesNotContain("javascript:")
                .contains("href=\"https://img.example/P1.jpg\"")
                .doesNotContain("No image of these sheets");
    }
}
