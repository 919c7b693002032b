package org.veritally.web.page;

import java.util.Locale;
import org.veritally.server.stats.ViewForensics;
import org.veritally.stats.fingerprint.Fingerprint;
import org.veritally.stats.fingerprint.FingerprintCell;
import org.veritally.web.html.Html;
import org.veritally.web.i18n.Numbers;
import org.veritally.web.model.StatisticsPage;

/**
 * Renders the election fingerprint ({@code ST-FP}) inline: an SVG drawn here rather than the
 * server's {@code fingerprint.svg}, so its title, axes and legend are in the reader's language and
 * a static mirror needs no extra file. Cells are grouped by colour into one path per colour step
 * (8 steps on a log scale), about 20 bytes a cell, so 100 × 100 bins stay small on the wire. The
 * picture is described by its title and summary, and a table of the same stations by tens of
 * percent is the alternative for readers who cannot see it.
 */
final class FingerprintHtml {
    static final int STEPS = 8;
    private static final int LEFT = 62;
    private static final int TOP = 8;
    private static final int PLOT = 400;
    private static final int[] LOW = {255, 247, 188};
    private static final int[] HIGH = {63, 0, 125};

    private FingerprintHtml() {}

    static void write(Html h, PageContext c, StatisticsPage p, ViewForensics f) {
        Fingerprint fp = f.report().fingerprint();
        String leader = p.name(fp.candidateId());
        Numbers n = c.numbers();
        h.raw("<section aria-labelledby=\"h-fp\"><h2 id=\"h-fp\">")
                .text(c.t("stats.fp"))
                .raw("</h2>");
        h.element("p", c.words().format("stats.fp.what", leader));
        h.raw("<figure class=\"fp\">");
        svg(h, c, fp, leader);
        h.raw("<figcaption>");
        legend(h, c, fp);
        h.text(c.words()
                .format(
                        "stats.fp.placed",
                        n.count(fp.stations()),
                        n.count(fp.excludedNoVotes()),
                        n.count(fp.excludedOver100())));
        h.raw("</figcaption></figure>");
        c.links()
                .api("/api/stats/forensics/fingerprint.svg", "contest", p.contestId(), "view", p.view())
                .ifPresent(u -> h.raw("<p>").link(u, c.t("stats.fp.svg")).raw("</p>"));
        table(h, c, fp, leader);
        h.raw("<p class=\"muted\">").text(c.t("rule.ST-FP.caveat")).raw("</p></section>");
    }

    /** The colour step (0 .. STEPS-1) of a cell holding {@code count} stations when the fullest holds {@code max}. */
    static int step(long count, long max) {
        if (max <= 1) return STEPS - 1;
        double level = (Math.log1p(count) - Math.log(2)) / (Math.log1p(max) - Math.log(2));
        return (int) Math.max(0, Math.min(STEPS - 1, Math.floor(level * STEPS)));
    }

    static String colour(int step) {
        double l = STEPS == 1 ? 1 : (double) step / (STEPS - 1);
        int r = (int) Math.round(LOW[0] + (HIGH[0] - LOW[0]) * l);
        int g = (int) Math.round(LOW[1] + (HIGH[1] - LOW[1]) * l);
        int b = (int) Math.round(LOW[2] + (HIGH[2] - LOW[2]) * l);
        return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, b);
    }

    private static void svg(Html h, PageContext c, Fingerprint fp, String leader) {
        Numbers n = c.numbers();
        int w = LEFT + PLOT + 24;
        int ht = TOP + PLOT + 44;
        h.raw("<svg class=\"fpsvg\" xmlns=\"http://www.w3.org/2000/svg\"")
                .attr("viewBox", "0 0 " + w + " " + ht)
                .raw(" role=\"img\" aria-labelledby=\"fp-t fp-d\" font-size=\"14\" "
                        + "font-family=\"system-ui,sans-serif\">");
        h.raw("<title id=\"fp-t\">")
                .text(c.words().format("stats.fp.title", leader))
                .raw("</title>");
        h.raw("<desc id=\"fp-d\">")
                .text(c.words().format("stats.fp.desc", n.count(fp.stations()), leader, n.count(fp.bins())))
                .raw("</desc>");
        h.raw("<rect")
                .attr("x", "" + LEFT)
                .attr("y", "" + TOP)
                .attr("width", "" + PLOT)
                .attr("height", "" + PLOT)
                .raw(" fill=\"#fff\" stroke=\"#888\"/>");
        StringBuilder[] paths = new StringBuilder[STEPS];
        long max = fp.maxCount();
        double size = (double) PLOT / fp.bins();
        for (int t = 0; t < fp.bins(); t++) {
            for (int s = 0; s < fp.bins(); s++) {
                long k = fp.count(t, s);
                if (k == 0) continue;
                int st = step(k, max);
                if (paths[st] == null) paths[st] = new StringBuilder();
                paths[st]
                        .append('M')
                        .append(num(LEFT + t * size))
                        .append(' ')
                        .append(num(TOP + PLOT - (s + 1) * size))
                        .append('h')
                        .append(num(size))
                        .append('v')
                        .append(num(size))
                        .append('h')
                        .append(num(-size))
                        .append('z');
            }
        }
        for (int st = 0; st < STEPS; st++) {
            if (paths[st] != null)
                h.raw("<path")
                        .attr("fill", colour(st))
                        .attr("d", paths[st].toString())
                        .raw("/>");
        }
        for (int pct = 0; pct <= 100; pct += 20) {
            String label = n.percent(pct / 100.0, 0);
            h.raw("<text text-anchor=\"middle\"")
                    .attr("x", num(LEFT + PLOT * pct / 100.0))
                    .attr("y", "" + (TOP + PLOT + 16))
                    .raw(">")
                    .text(label)
                    .raw("</text>");
            h.raw("<text text-anchor=\"end\"")
                    .attr("x", "" + (LEFT - 4))
                    .attr("y", num(TOP + PLOT - PLOT * pct / 100.0 + 4))
                    .raw(">")
                    .text(label)
                    .raw("</text>");
        }
        h.raw("<text text-anchor=\"middle\"")
                .attr("x", "" + (LEFT + PLOT / 2))
                .attr("y", "" + (ht - 6))
                .raw(">")
                .text(c.t("stats.fp.x"))
                .raw("</text>");
        h.raw("<text text-anchor=\"middle\"")
                .attr("transform", "translate(12 " + (TOP + PLOT / 2) + ") rotate(-90)")
                .raw(">")
                .text(c.words().format("stats.fp.y", leader))
                .raw("</text></svg>");
    }

    private static String num(double x) {
        return x == Math.rint(x) ? Long.toString((long) x) : String.format(Locale.ROOT, "%.2f", x);
    }

    /** The colour steps with the range of stations per cell each one stands for. */
    private static void legend(Html h, PageContext c, Fingerprint fp) {
        long max = fp.maxCount();
        if (max == 0) return;
        long[] lo = new long[STEPS];
        long[] hi = new long[STEPS];
        for (long k = max; k >= 1; k--) {
            int s = step(k, max);
            if (hi[s] == 0) hi[s] = k;
            lo[s] = k;
        }
        h.raw("<ul class=\"legend\" aria-label=\"").text(c.t("stats.fp.legend")).raw("\">");
        for (int s = 0; s < STEPS; s++) {
            if (hi[s] == 0) continue;
            String range = lo[s] == hi[s]
                    ? c.numbers().count(lo[s])
                    : c.numbers().count(lo[s]) + "–" + c.numbers().count(hi[s]);
            h.raw("<li><span class=\"sw\" aria-hidden=\"true\"")
                    .attr("style", "background:" + colour(s))
                    .raw("></span>")
                    .text(c.words().format("stats.fp.cell", range))
                    .raw("</li>");
        }
        h.raw("</ul>");
    }

    /** Stations by tens of percent of turnout (rows) and of the leader's share (columns). */
    private static void table(Html h, PageContext c, Fingerprint fp, String leader) {
        long[][] grid = new long[10][10];
        for (FingerprintCell k : fp.table()) {
            int t = (int) Math.min(9, Math.floor(k.turnoutLow() * 10 + 1e-9));
            int s = (int) Math.min(9, Math.floor(k.shareLow() * 10 + 1e-9));
            grid[t][s] += k.stations();
        }
        Numbers n = c.numbers();
        h.raw("<details><summary>").text(c.t("stats.fp.table")).raw("</summary>");
        h.open("div", "class", "scroll", "tabindex", "0", "role", "region", "aria-label", c.t("stats.fp.table"))
                .raw("<table class=\"grid10\">");
        h.raw("<caption>").text(c.words().format("stats.fp.caption", leader)).raw("</caption><thead><tr>");
        h.element("th", c.t("stats.fp.x"), "scope", "col");
        for (int s = 0; s < 10; s++) h.element("th", tens(n, s), "scope", "col", "class", "n");
        h.raw("</tr></thead><tbody>");
        for (int t = 0; t < 10; t++) {
            long row = 0;
            for (long v : grid[t]) row += v;
            if (row == 0) continue;
            h.raw("<tr>").element("th", tens(n, t), "scope", "row");
            for (int s = 0; s < 10; s++)
                h.element("td", n.count(grid[t][s]), "class", grid[t][s] == 0 ? "n muted" : "n");
            h.raw("</tr>");
        }
        h.raw("</tbody></table></div></details>");
    }

    private static String tens(Numbers n, int i) {
        return n.percent(i / 10.0, 0) + "–" + n.percent((i + 1) / 10.0, 0);
    }
}
