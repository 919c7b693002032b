package org.veritally.web.page;

import java.util.List;
import org.veritally.server.stats.ViewForensics;
import org.veritally.stats.RuleId;
import org.veritally.stats.digits.DigitPairResult;
import org.veritally.stats.digits.LastDigitResult;
import org.veritally.stats.digits.SecondDigitResult;
import org.veritally.stats.fingerprint.IntegerPercentResult;
import org.veritally.stats.outliers.Outlier;
import org.veritally.stats.outliers.OutlierThresholds;
import org.veritally.web.html.Html;
import org.veritally.web.i18n.Numbers;
import org.veritally.web.link.PageRef;
import org.veritally.web.model.StatisticsPage;

/**
 * Renders the station-level forensic checks of the statistics page: integer-percentage peaks
 * ({@code ST-INTPCT-*}), outliers by rule with links to the flagged stations ({@code ST-OUT-*}),
 * the second-digit test ({@code ST-2BL}) and the last-digit tests ({@code ST-LD-*}). A result is
 * called unusual in words (and marked) when its p-value is below {@value #UNUSUAL} or, for 2BL, when
 * the expected mean lies outside the bootstrap interval; each table is followed by its caveat.
 */
final class ForensicsHtml {
    static final double UNUSUAL = 0.01;
    /** Flagged stations listed per outlier rule (the count is always complete). */
    static final int LISTED = 50;

    static final List<RuleId> OUTLIER_RULES = List.of(
            RuleId.ST_OUT_TURNOUT100,
            RuleId.ST_OUT_TURNOUT95,
            RuleId.ST_OUT_UNANIMOUS,
            RuleId.ST_OUT_DUPVEC,
            RuleId.ST_OUT_ZEROMAJOR,
            RuleId.ST_OUT_NEIGHBOUR);

    private ForensicsHtml() {}

    static void write(Html h, PageContext c, StatisticsPage p, ViewForensics f) {
        integers(h, c, p, f);
        outliers(h, c, p, f);
        secondDigits(h, c, p, f.report().secondDigits());
        lastDigits(h, c, p, f);
        PowerHtml.write(h, c);
    }

    private static void integers(Html h, PageContext c, StatisticsPage p, ViewForensics f) {
        Numbers n = c.numbers();
        h.raw("<section aria-labelledby=\"h-int\"><h2 id=\"h-int\">")
                .text(c.t("stats.int"))
                .raw("</h2>");
        h.element("p", c.t("stats.int.what"));
        h.open("div", "class", "scroll", "tabindex", "0", "role", "region", "aria-labelledby", "h-int")
                .raw("<table><thead><tr>");
        h.element("th", c.t("stats.int.of"), "scope", "col")
                .element("th", c.t("stats.reading"), "scope", "col")
                .element("th", c.t("stats.int.on"), "scope", "col", "class", "n")
                .element("th", c.t("stats.int.expected"), "scope", "col", "class", "n")
                .element("th", c.t("stats.int.excessCol"), "scope", "col", "class", "n")
                .element("th", c.t("stats.p"), "scope", "col", "class", "n")
                .element("th", c.t("stats.tested"), "scope", "col", "class", "n")
                .raw("</tr></thead><tbody>");
        String leader = p.name(f.report().fingerprint().candidateId());
        String turnout = c.t("stats.int.turnout");
        String share = c.words().format("stats.int.share", leader);
        integerRow(h, c, turnout, f.report().integerTurnout());
        integerRow(h, c, share, f.report().integerShare());
        h.raw("</tbody></table></div>");
        IntegerPeaksHtml.write(h, c, turnout, f.report().integerTurnout(), "ipk-t");
        IntegerPeaksHtml.write(h, c, share, f.report().integerShare(), "ipk-s");
        h.raw("<p class=\"muted\">").text(c.t("rule.ST-INTPCT-TURNOUT.caveat")).raw("</p></section>");
    }

    private static void integerRow(Html h, PageContext c, String label, IntegerPercentResult r) {
        Numbers n = c.numbers();
        h.raw("<tr>").element("th", label, "scope", "row");
        reading(h, c, r.pValue() < UNUSUAL, "stats.int.excess", "stats.int.none");
        h.element("td", n.count(r.observed()), "class", "n")
                .element("td", n.decimal(r.expected(), 1) + " ± " + n.decimal(r.sd(), 1), "class", "n")
                .element(
                        "td",
                        (r.excess() > 0 ? "+" : "") + n.decimal(r.excess(), 1) + " (" + n.decimal(r.z(), 1) + ")",
                        "class",
                        "n");
        h.element("td", n.probability(r.pValue()), "class", "n")
                .element("td", n.count(r.stations()), "class", "n")
                .raw("</tr>");
    }

    /** A plain-language reading, marked when unusual. */
    private static void reading(Html h, PageContext c, boolean unusual, String unusualKey, String usualKey) {
        if (unusual) h.raw("<td><mark>").text(c.t(unusualKey)).raw("</mark></td>");
        else h.element("td", c.t(usualKey));
    }

    private static void outliers(Html h, PageContext c, StatisticsPage p, ViewForensics f) {
        Numbers n = c.numbers();
        var counts = f.report().outlierCounts();
        h.raw("<section aria-labelledby=\"h-out\"><h2 id=\"h-out\">")
                .text(c.t("stats.out"))
                .raw("</h2>");
        h.element("p", c.t("stats.out.what"));
        h.open("div", "class", "scroll", "tabindex", "0", "role", "region", "aria-labelledby", "h-out")
                .raw("<table><thead><tr>");
        h.element("th", c.t("stats.rule"), "scope", "col")
                .element("th", c.t("stats.out.count"), "scope", "col", "class", "n")
                .element("th", c.t("stats.out.flags"), "scope", "col")
                .raw("</tr></thead><tbody>");
        for (RuleId r : OUTLIER_RULES) {
            long k = counts.getOrDefault(r, 0L);
            h.raw("<tr>").raw("<th scope=\"row\"><code>").text(r.code()).raw("</code></th><td class=\"n\">");
            if (k > 0) h.link("#out-" + r.code(), n.count(k));
            else h.text(n.count(0));
            h.raw("</td>")
                    .element("td", what(c, r, f.report().options().outliers()))
                    .raw("</tr>");
        }
        h.raw("</tbody></table></div>");
        for (RuleId r : OUTLIER_RULES) {
            long k = counts.getOrDefault(r, 0L);
            if (k == 0) continue;
            h.open("details", "id", "out-" + r.code())
                    .raw("<summary>")
                    .text(c.words().format("stats.out.list", r.code(), n.count(k)))
                    .raw("</summary><ul class=\"flagged\">");
            int listed = 0;
            for (Outlier o : f.report().outliers()) {
                if (o.rule() != r || listed >= LISTED) continue;
                listed++;
                h.raw("<li>")
                        .link(c.href(PageRef.station(o.stationId())), c.words().format("station.title", o.stationId()))
                        .raw(" ");
                h.raw("<span class=\"muted\">").text(observed(c, p, o)).raw("</span></li>");
            }
            h.raw("</ul>");
            if (k > listed)
                h.element("p", c.words().format("stats.out.more", n.count(listed), n.count(k)), "class", "muted");
            h.raw("<p class=\"muted\">")
                    .text(c.t("rule." + r.code() + ".caveat"))
                    .raw("</p></details>");
        }
        h.raw("</section>");
    }

    /** What a rule flags, with the thresholds the run used. */
    static String what(PageContext c, RuleId r, OutlierThresholds t) {
        Numbers n = c.numbers();
        String key = "rule." + r.code() + ".what";
        return switch (r) {
            case ST_OUT_TURNOUT95 -> c.words().format(key, n.percent(t.highTurnout(), 0));
            case ST_OUT_DUPVEC -> c.words().format(key, n.count(t.duplicateMinValid()));
            case ST_OUT_ZEROMAJOR ->
                c.words().format(key, n.percent(t.majorShare(), 0), n.count(t.zeroMajorMinValid()));
            case ST_OUT_NEIGHBOUR ->
                c.words().format(key, n.decimal(t.neighbourK(), 1), n.count(t.neighbourMinOthers()));
            default -> c.t(key);
        };
    }

    /** What a rule saw at a station, from its observed value (whose meaning depends on the rule). */
    static String observed(PageContext c, StatisticsPage p, Outlier o) {
        Numbers n = c.numbers();
        String cand = o.candidateId().map(p::name).orElse("");
        return switch (o.rule()) {
            case ST_OUT_TURNOUT100, ST_OUT_TURNOUT95 ->
                c.words().format("stats.out.turnout", n.percent(o.observed(), 1));
            case ST_OUT_UNANIMOUS -> c.words().format("stats.out.unanimous", cand);
            case ST_OUT_ZEROMAJOR -> c.words().format("stats.out.zero", cand);
            case ST_OUT_DUPVEC -> c.words().format("stats.out.dup", n.count(Math.max(1, Math.round(o.observed()) - 1)));
            case ST_OUT_NEIGHBOUR -> c.words().format("stats.out.neighbour", cand, n.decimal(o.observed(), 1));
            default -> "";
        };
    }

    private static String scope(PageContext c, StatisticsPage p, String scope) {
        return scope.equals("all") ? c.t("stats.allcands") : p.name(scope);
    }

    private static void secondDigits(Html h, PageContext c, StatisticsPage p, List<SecondDigitResult> rs) {
        Numbers n = c.numbers();
        h.raw("<section aria-labelledby=\"h-2bl\"><h2 id=\"h-2bl\">")
                .text(c.t("stats.2bl"))
                .raw("</h2>");
        h.element("p", c.t("stats.2bl.what"));
        h.open("div", "class", "scroll", "tabindex", "0", "role", "region", "aria-labelledby", "h-2bl")
                .raw("<table><thead><tr>");
        h.element("th", c.t("result.candidate"), "scope", "col")
                .element("th", c.t("stats.reading"), "scope", "col")
                .element("th", c.t("stats.2bl.mean"), "scope", "col", "class", "n")
                .element("th", c.t("stats.p"), "scope", "col", "class", "n")
                .element("th", c.t("stats.tested"), "scope", "col", "class", "n")
                .raw("</tr></thead><tbody>");
        for (SecondDigitResult r : rs) {
            h.raw("<tr>").element("th", scope(c, p, r.scope()), "scope", "row");
            reading(h, c, r.counts() > 0 && r.meanDeviates(), "stats.2bl.deviates", "stats.2bl.fits");
            h.element(
                    "td",
                    r.counts() == 0
                            ? "–"
                            : n.decimal(r.mean(), 3) + " ["
                                    + n.decimal(r.meanInterval().low(), 3) + " – "
                                    + n.decimal(r.meanInterval().high(), 3) + "]",
                    "class",
                    "n");
            h.element("td", n.probability(r.pValue()), "class", "n");
            h.element(
                            "td",
                            c.words().format("stats.excluded", n.count(r.counts()), n.count(r.excluded())),
                            "class",
                            "n")
                    .raw("</tr>");
        }
        h.raw("</tbody></table></div>");
        if (!rs.isEmpty()) {
            var spec = rs.get(0).meanInterval().spec();
            h.element(
                    "p",
                    c.words()
                            .format(
                                    "stats.2bl.how",
                                    n.decimal(rs.get(0).expectedMean(), 3),
                                    n.count(spec.replicates()),
                                    n.percent(spec.confidence(), 0),
                                    Long.toString(spec.seed())),
                    "class",
                    "muted");
        }
        h.raw("<p class=\"muted\">").text(c.t("rule.ST-2BL.caveat")).raw("</p></section>");
    }

    private static void lastDigits(Html h, PageContext c, StatisticsPage p, ViewForensics f) {
        Numbers n = c.numbers();
        var ld = f.report().lastDigits();
        h.raw("<section aria-labelledby=\"h-ld\"><h2 id=\"h-ld\">")
                .text(c.t("stats.ld"))
                .raw("</h2>");
        h.element("p", c.t("stats.ld.what"));
        h.open("div", "class", "scroll", "tabindex", "0", "role", "region", "aria-labelledby", "h-ld")
                .raw("<table><thead><tr>");
        h.element("th", c.t("result.candidate"), "scope", "col")
                .element("th", c.t("stats.reading"), "scope", "col")
                .element("th", c.t("stats.ld.unif"), "scope", "col", "class", "n")
                .element("th", c.t("stats.ld.repeat"), "scope", "col", "class", "n")
                .element("th", c.t("stats.ld.adj"), "scope", "col", "class", "n")
                .element("th", c.t("stats.tested"), "scope", "col", "class", "n")
                .raw("</tr></thead><tbody>");
        for (int i = 0; i < ld.uniformity().size(); i++) {
            LastDigitResult u = ld.uniformity().get(i);
            DigitPairResult rep = i < ld.repeats().size() ? ld.repeats().get(i) : null;
            DigitPairResult adj = i < ld.adjacent().size() ? ld.adjacent().get(i) : null;
            h.raw("<tr>").element("th", scope(c, p, u.scope()), "scope", "row");
            boolean unusual = u.counts() > 0
                    && (u.pValue() < UNUSUAL
                            || rep != null && rep.pValue() < UNUSUAL
                            || adj != null && adj.pValue() < UNUSUAL);
            reading(h, c, unusual, "stats.ld.unusual", "stats.ld.usual");
            h.element("td", "p = " + n.probability(u.pValue()), "class", "n");
            h.element("td", pair(n, rep), "class", "n").element("td", pair(n, adj), "class", "n");
            h.element("td", n.count(u.counts()), "class", "n").raw("</tr>");
        }
        h.raw("</tbody></table></div>");
        h.element(
                "p",
                c.words().format("stats.ld.how", n.count(f.report().options().lastDigitMinCount())),
                "class",
                "muted");
        h.raw("<p class=\"muted\">")
                .text(c.t("rule.ST-LD-UNIF.caveat"))
                .raw(" ")
                .text(c.t("rule.ST-LD-REPEAT.caveat"))
                .raw("</p></section>");
    }

    private static String pair(Numbers n, DigitPairResult r) {
        if (r == null) return "–";
        return n.percent(r.share(), 1) + " (" + n.percent(r.expectedShare(), 0) + "), p = " + n.probability(r.pValue());
    }
}
