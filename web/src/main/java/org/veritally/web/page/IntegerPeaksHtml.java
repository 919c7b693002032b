package org.veritally.web.page;

import java.util.Locale;
import org.veritally.stats.fingerprint.IntegerPercentResult;
import org.veritally.stats.fingerprint.PercentExcess;
import org.veritally.web.html.Html;
import org.veritally.web.i18n.Numbers;

/**
 * The excess at each whole percentage of one integer-percentage test ({@code ST-INTPCT-*}): a small inline
 * SVG bar chart (one bar per percentage 0..100, up for more stations than the binomial Monte Carlo expects,
 * down for fewer; bars beyond 3 SD darker) with a title and description, and a table of the same numbers as
 * the alternative (every percentage with a station observed or expected). Stateless.
 */
final class IntegerPeaksHtml {
    private static final int LEFT = 44;
    private static final int BAR = 4;
    private static final int HALF = 60;
    private static final int TOP = 8;

    private IntegerPeaksHtml() {}

    static void write(Html h, PageContext c, String label, IntegerPercentResult r, String id) {
        Numbers n = c.numbers();
        double max = 1;
        PercentExcess top = r.byPercent().get(0);
        for (PercentExcess p : r.byPercent()) {
            max = Math.max(max, Math.abs(p.excess()));
            if (p.excess() > top.excess()) top = p;
        }
        h.raw("<figure class=\"ipk\">");
        int w = LEFT + 101 * BAR + 8;
        int ht = TOP + 2 * HALF + 24;
        h.raw("<svg class=\"ipksvg\" xmlns=\"http://www.w3.org/2000/svg\"")
                .attr("viewBox", "0 0 " + w + " " + ht)
                .attr("aria-labelledby", id + "-t " + id + "-d")
                .raw(" role=\"img\" font-size=\"12\" font-family=\"system-ui,sans-serif\">");
        h.raw("<title")
                .attr("id", id + "-t")
                .raw(">")
                .text(c.words().format("stats.int.chart.title", label))
                .raw("</title>");
        h.raw("<desc")
                .attr("id", id + "-d")
                .raw(">")
                .text(c.words()
                        .format(
                                "stats.int.chart.desc",
                                n.decimal(top.excess(), 0),
                                n.percent(top.percent() / 100.0, 0)))
                .raw("</desc>");
        double scale = HALF / max;
        int base = TOP + HALF;
        for (PercentExcess p : r.byPercent()) {
            double e = p.excess();
            if (Math.abs(e) * scale < 0.5) continue;
            boolean strong = p.sd() > 0 && Math.abs(e) > 3 * p.sd();
            double y = e > 0 ? base - e * scale : base;
            h.raw("<rect")
                    .attr("x", "" + (LEFT + p.percent() * BAR))
                    .attr("y", num(y))
                    .attr("width", "" + (BAR - 1))
                    .attr("height", num(Math.abs(e) * scale))
                    .attr("fill", strong ? "#6a1b9a" : "#b39ddb")
                    .raw("/>");
        }
        h.raw("<line")
                .attr("x1", "" + LEFT)
                .attr("x2", "" + (LEFT + 101 * BAR))
                .attr("y1", "" + base)
                .attr("y2", "" + base)
                .raw(" stroke=\"#555\"/>");
        for (int pct = 0; pct <= 100; pct += 20) {
            h.raw("<text text-anchor=\"middle\"")
                    .attr("x", "" + (LEFT + pct * BAR + BAR / 2))
                    .attr("y", "" + (ht - 6))
                    .raw(">")
                    .text(n.percent(pct / 100.0, 0))
                    .raw("</text>");
        }
        h.raw("<text text-anchor=\"end\"")
                .attr("x", "" + (LEFT - 4))
                .attr("y", "" + (TOP + 10))
                .raw(">")
                .text("+" + n.decimal(max, 0))
                .raw("</text>");
        h.raw("<text text-anchor=\"end\"")
                .attr("x", "" + (LEFT - 4))
                .attr("y", "" + (base + HALF))
                .raw(">")
                .text("−" + n.decimal(max, 0))
                .raw("</text></svg>");
        h.raw("<figcaption>")
                .text(c.words().format("stats.int.mc", n.count(r.replicates()), Long.toString(r.seed())))
                .raw("</figcaption></figure>");
        table(h, c, label, r);
    }

    private static void table(Html h, PageContext c, String label, IntegerPercentResult r) {
        Numbers n = c.numbers();
        String title = c.words().format("stats.int.table", label);
        h.raw("<details><summary>").text(title).raw("</summary>");
        h.open("div", "class", "scroll", "tabindex", "0", "role", "region", "aria-label", title)
                .raw("<table><thead><tr>");
        h.element("th", c.t("stats.int.pct"), "scope", "col")
                .element("th", c.t("stats.int.on"), "scope", "col", "class", "n")
                .element("th", c.t("stats.int.expected"), "scope", "col", "class", "n")
                .element("th", c.t("stats.int.sd"), "scope", "col", "class", "n")
                .element("th", c.t("stats.int.excessCol"), "scope", "col", "class", "n")
                .raw("</tr></thead><tbody>");
        for (PercentExcess p : r.byPercent()) {
            if (p.observed() == 0 && p.expected() < 0.5) continue;
            h.raw("<tr>").element("th", n.percent(p.percent() / 100.0, 0), "scope", "row");
            h.element("td", n.count(p.observed()), "class", "n")
                    .element("td", n.decimal(p.expected(), 1), "class", "n")
                    .element("td", n.decimal(p.sd(), 1), "class", "n")
                    .element("td", signed(n, p.excess()), "class", "n")
                    .raw("</tr>");
        }
        h.raw("</tbody></table></div></details>");
    }

    private static String signed(Numbers n, double x) {
        return (x > 0 ? "+" : "") + n.decimal(x, 1);
    }

    private static String num(double x) {
        return String.format(Locale.ROOT, "%.1f", x);
    }
}
