package org.veritally.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.veritally.core.reconcile.StationStatus;
import org.veritally.web.i18n.Lang;
import org.veritally.web.link.HttpLinks;
import org.veritally.web.link.PageRef;
import org.veritally.web.model.CandidateLine;
import org.veritally.web.model.ChildRow;
import org.veritally.web.model.ChildSort;
import org.veritally.web.model.ContestCopies;
import org.veritally.web.model.Coverage;
import org.veritally.web.model.Crumb;
import org.veritally.web.model.ElectionInfo;
import org.veritally.web.model.FieldRow;
import org.veritally.web.model.Option;
import org.veritally.web.model.ResultSummary;
import org.veritally.web.model.SheetCopy;
import org.veritally.web.model.StationPage;
import org.veritally.web.model.StationRow;
import org.veritally.web.model.UnitPage;

/** Renderers are pure: these build view models by hand and look at the HTML. */
class RenderTest {
    static final String EVIL = "<script>alert(1)</script>";
    static final ElectionInfo ELECTION = new ElectionInfo("e", "Election \"2024\"", "N", 10, 5, 1234567);

    static PageContext ctx(Lang lang, PageRef self) {
        return PageContext.of(lang, new HttpLinks(), self, new PageContext.AssetNames("site.x.css", "live.y.js"));
    }

    /** A unit page with {@code n} children; child 0 is called {@link #EVIL}. */
    public static UnitPage unit(int n) {
        var cands = List.of(new CandidateLine("K1", "Ana " + EVIL, 1_234_567), new CandidateLine("K2", "Bo", 765_433));
        var r = new ResultSummary(
                "U1",
                "C1",
                "President",
                "official",
                new Coverage(7, 10, 700, 1000),
                2_100_000,
                2_000_000,
                60_000,
                40_000,
                cands);
        List<ChildRow> kids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            kids.add(new ChildRow(
                    "U1-" + i,
                    i == 0 ? EVIL : "Child " + i,
                    new Coverage(i % 7, 7, 100, 700),
                    1000 + i,
                    List.of(600L + i, 400L)));
        }
        return new UnitPage(
                ELECTION,
                List.of(new Crumb("N", "Nation", "country")),
                new Crumb("U1", "Unit " + EVIL, "region"),
                List.of(new Option("C1", "President", false, true)),
                List.of(
                        new Option("official", "view.official", true, true),
                        new Option("source:a", "Party A", false, false)),
                r,
                "district",
                cands,
                kids,
                ChildSort.DEFAULT,
                List.of(new StationRow("P1", "Mesa 1", 450, 2, StationStatus.DISPUTED)));
    }

    @Test
    void everyValueIsEscaped() {
        String html = UnitHtml.render(unit(3), ctx(Lang.EN, PageRef.unit("U1", "C1", "official")));
        assertThat(html).doesNotContain("<script>alert").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(html).contains("<title>Unit &lt;script&gt;");
    }

    @Test
    void aQueryCannotBreakOutOfTheSearchBox() {
        var p = new org.veritally.web.model.SearchPage(
                ELECTION, "\"><script>x()</script>", List.of(), List.of(), false);
        String html = SearchHtml.render(p, ctx(Lang.EN, PageRef.search(p.query())));
        assertThat(html)
                .contains("value=\"&quot;&gt;&lt;script&gt;x()&lt;/script&gt;\"")
                .doesNotContain("<script>x()");
    }

    @Test
    void numbersFollowTheLanguage() {
        PageRef self = PageRef.unit("U1", "C1", "official");
        assertThat(UnitHtml.render(unit(1), ctx(Lang.EN, self)))
                .contains("1,234,567")
                .contains("61.7%");
        assertThat(UnitHtml.render(unit(1), ctx(Lang.ES, self)))
                .contains("1.234.567")
                .contains("61,7");
        assertThat(UnitHtml.render(unit(1), ctx(Lang.ID, self)))
                .contains("1.234.567")
                .contains("lang=\"id\"");
        assertThat(UnitHtml.render(unit(1), ctx(Lang.PT, self)))
                .contains("1.234.567")
                .contains("Votos válidos");
    }

    @Test
    void linksAreStableAndTheLanguageSwitcherKeepsThePage() {
        PageRef self = PageRef.unit("U1", "C1", "official").sorted("-coverage", false);
        String html = UnitHtml.render(unit(2), ctx(Lang.EN, self));
        assertThat(html).contains("href=\"/es/unit/U1?contest=C1&amp;view=official&amp;sort=-coverage\"");
        assertThat(html).contains("href=\"/en/unit/U1-1?contest=C1&amp;view=official\"");
        assertThat(html).contains("href=\"/en/station/P1\"");
        assertThat(html).contains("href=\"/en/unit/U1?contest=C1&amp;view=source%3Aa\"");
        assertThat(html).contains("<html lang=\"en\">").contains("hreflang=\"pt\"");
    }

    @Test
    void sortHeadersLinkToTheOtherOrderAndSayWhichIsCurrent() {
        PageRef self = PageRef.unit("U1", "C1", "official");
        String html = UnitHtml.render(unit(2), ctx(Lang.EN, self));
        assertThat(html)
                .contains("aria-sort=\"ascending\"")
                .contains("sort=-name")
                .contains("sort=-coverage")
                .contains("sort=-share%3AK1");
    }

    @Test
    void chartBarsAreDecorationAndTheTableCarriesTheFigures() {
        String html = UnitHtml.render(unit(1), ctx(Lang.EN, PageRef.unit("U1", "C1", "official")));
        assertThat(html)
                .contains("class=\"bar\" aria-hidden=\"true\"")
                .contains("style=\"width:61.7%\"")
                .contains("<table>")
                .contains("data-api=\"/api/results?unit=U1&amp;contest=C1&amp;view=official\"");
    }

    @Test
    void differingFieldsAreMarkedInColourAndInWords() {
        var row = new FieldRow(
                "Line 1",
                false,
                List.of(OptionalLong.of(10), OptionalLong.of(15), OptionalLong.of(10)),
                List.of(false, true, false));
        var same = new FieldRow(
                "field.blank",
                true,
                List.of(OptionalLong.of(9), OptionalLong.of(9), OptionalLong.empty()),
                List.of(false, false, false));
        var copies = List.of(
                new SheetCopy("authority", "Authority", "authority", 12),
                new SheetCopy("party-a", "Party " + EVIL, "witness", 13),
                new SheetCopy("obs", "Observers", "observer", 14));
        var cc = new ContestCopies(
                "C1",
                "President",
                StationStatus.DISPUTED,
                copies,
                List.of(row, same),
                List.of("Late source"),
                List.of());
        var page = new StationPage(
                ELECTION,
                List.of(new Crumb("N", "Nation", "country")),
                "official",
                "P1",
                "Mesa 1",
                450,
                List.of(cc),
                new org.veritally.web.model.LogStatus(20, java.util.Optional.of(14L)));
        String html = StationHtml.render(page, ctx(Lang.EN, PageRef.station("P1")));
        assertThat(html)
                .contains("<tr class=\"diff\"><th scope=\"row\">Line 1</th><td class=\"n\">10</td><td "
                        + "class=\"n\"><mark>15</mark>");
        assertThat(html)
                .contains("(differs)")
                .contains("Disputed")
                .contains(">log #13</a>")
                .contains("Party &lt;script&gt;");
        assertThat(html)
                .contains("href=\"/log/receipt/13\"")
                .contains("· log #14<")
                .doesNotContain("/log/receipt/14");
        assertThat(html)
                .contains("<td class=\"n\">—</td>")
                .doesNotContain("<mark>—")
                .contains("No copy yet from: Late source");
    }
}
