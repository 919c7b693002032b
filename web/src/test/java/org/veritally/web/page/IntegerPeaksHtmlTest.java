package org.veritally.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.veritally.web.i18n.Lang;
import org.veritally.web.link.PageRef;

/** ST-INTPCT on the statistics page: the excess at each whole percentage as a chart and as a table. */
class IntegerPeaksHtmlTest {

    @Test
    void ST_INTPCT_TURNOUT_excessAtEachWholePercentageIsAChartWithATableInEveryLanguage() {
        for (Lang lang : Lang.values()) {
            String html = StatisticsHtml.render(
                    NewPagesRenderTest.statistics(),
                    NewPagesRenderTest.ctx(lang, PageRef.statistics(Optional.of("C1"), Optional.of("official"))));
            assertThat(html)
                    .as(lang.code())
                    .contains("<svg class=\"ipksvg\"")
                    .contains("aria-labelledby=\"ipk-t-t ipk-t-d\"")
                    .contains("aria-labelledby=\"ipk-s-t ipk-s-d\"")
                    .contains("<title id=\"ipk-t-t\">")
                    .contains("<desc id=\"ipk-s-d\">")
                    .doesNotContain("stats.int.")
                    .doesNotContain("<script>alert");
            // the table alternative: one row per whole percentage with a station observed or expected
            assertThat(html.split("<details><summary>", -1).length).isGreaterThan(2);
        }
    }

    @Test
    void ST_INTPCT_SHARE_powerTableShowsEveryRuleBesideItsCaveat() {
        String tsv = "# 100 stations per election, 2 elections per column\n"
                + "rule\tmanipulation\tfraction\trate\n"
                + "ST-INTPCT-SHARE\tNONE\t0.00\t0.0100\n"
                + "ST-INTPCT-SHARE\tROUND_TARGETS\t0.05\t0.9000\n"
                + "ST-LD-ADJ\tNONE\t0.00\t0.0000\n"
                + "ST-LD-ADJ\tROUND_TARGETS\t0.05\t0.0000\n";
        var table = PowerHtml.parse(tsv);
        assertThat(table.columns()).containsExactly("NONE 0.00", "ROUND_TARGETS 0.05");
        for (Lang lang : Lang.values()) {
            var h = new org.veritally.web.html.Html();
            PowerHtml.write(
                    h, NewPagesRenderTest.ctx(lang, PageRef.statistics(Optional.empty(), Optional.empty())), table);
            String html = h.toString();
            assertThat(html)
                    .as(lang.code())
                    .contains("id=\"h-power\"")
                    .contains("<code>ST-INTPCT-SHARE</code>")
                    .contains("100 stations per election")
                    .doesNotContain("stats.power.");
        }
    }
}
