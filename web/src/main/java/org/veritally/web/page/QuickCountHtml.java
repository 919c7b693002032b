package org.veritally.web.page;

import java.util.List;
import java.util.Optional;
import org.veritally.server.stats.ViewQuickCount;
import org.veritally.stats.quickcount.CandidateEstimate;
import org.veritally.stats.quickcount.QuickCountEstimate;
import org.veritally.stats.quickcount.ShareComparison;
import org.veritally.web.html.Html;
import org.veritally.web.i18n.Numbers;
import org.veritally.web.link.PageRef;
import org.veritally.web.model.StatisticsPage;

/**
 * Renders the quick count ({@code ST-QC}) part of the statistics page: a GET form for the mission's
 * published seed and sample size (so every quick count has a permanent URL, and the page works
 * without scripts; only on the live site, which can answer it), and for a drawn sample the estimate
 * of each candidate's share with its interval, against the official and consensus shares and the
 * shares the contest's announcements gave (marked when outside), with the chance of an
 * announcement's round percentages ({@code ST-ROUND}) next to it.
 */
final class QuickCountHtml {
    private QuickCountHtml() {}

    static void write(Html h, PageContext c, StatisticsPage p) {
        var q = p.quickCount();
        h.raw("<section aria-labelledby=\"h-qc\"><h2 id=\"h-qc\">")
                .text(c.t("stats.qc"))
                .raw("</h2>");
        h.element("p", c.t("stats.qc.what"));
        if (c.links().hasSearch()) form(h, c, p);
        q.problemKey()
                .ifPresent(k -> h.element(
                        "p",
                        c.words().format(k, c.numbers().count(p.election().stations())),
                        "class",
                        "bad",
                        "role",
                        "alert"));
        q.result().ifPresent(r -> result(h, c, p, r));
        h.raw("<p class=\"muted\">").text(c.t("rule.ST-QC.caveat")).raw("</p></section>");
    }

    private static void form(Html h, PageContext c, StatisticsPage p) {
        var q = p.quickCount();
        h.open(
                "form",
                "class",
                "qc",
                "method",
                "get",
                "action",
                c.href(PageRef.statistics(Optional.empty(), Optional.empty())));
        h.open("input", "type", "hidden", "name", "contest", "value", p.contestId());
        h.open("input", "type", "hidden", "name", "view", "value", p.view());
        h.raw("<p>").open("label", "for", "qc-seed").text(c.t("stats.qc.seed")).close("label");
        h.open("input", "id", "qc-seed", "name", "seed", "type", "text", "value", q.seed(), "autocomplete", "off")
                .raw("</p>");
        h.raw("<p>").open("label", "for", "qc-size").text(c.t("stats.qc.size")).close("label");
        h.open(
                        "input",
                        "id",
                        "qc-size",
                        "name",
                        "size",
                        "type",
                        "number",
                        "min",
                        "1",
                        "max",
                        Long.toString(p.election().stations()),
                        "value",
                        q.size(),
                        "inputmode",
                        "numeric")
                .raw("</p>");
        h.element("button", c.t("stats.qc.run"), "type", "submit").close("form");
    }

    private static void result(Html h, PageContext c, StatisticsPage p, ViewQuickCount r) {
        Numbers n = c.numbers();
        h.element(
                "p",
                c.words()
                        .format(
                                "stats.qc.sample",
                                n.count(r.plan().sampleSize()),
                                n.count(r.plan().strata().size()),
                                r.plan().seed(),
                                n.count(r.received().size())),
                "role",
                "status");
        c.links()
                .api(
                        "/api/stats/quickcount",
                        "seed",
                        r.plan().seed(),
                        "size",
                        Integer.toString(r.plan().sampleSize()),
                        "contest",
                        p.contestId(),
                        "view",
                        p.view())
                .ifPresent(u -> h.raw("<p>").link(u, c.t("stats.qc.list")).raw("</p>"));
        if (r.estimate().isEmpty()) {
            h.element("p", c.t("stats.qc.nothing"));
            return;
        }
        QuickCountEstimate e = r.estimate().get();
        h.element(
                "p",
                c.words()
                        .format(
                                "stats.qc.strata",
                                n.count(e.strataReceived()),
                                n.count(e.strata()),
                                n.decimal(e.z(), 2)),
                "class",
                "muted");
        h.open("div", "class", "scroll", "tabindex", "0", "role", "region", "aria-labelledby", "h-qc")
                .raw("<table><thead><tr>");
        h.element("th", c.t("result.candidate"), "scope", "col")
                .element("th", c.t("stats.qc.estimate"), "scope", "col", "class", "n");
        for (var s : r.comparisons()) h.element("th", c.t("view." + s.view()), "scope", "col", "class", "n");
        for (var a : p.announced()) h.element("th", a.id(), "scope", "col", "class", "n", "title", a.title());
        h.raw("</tr></thead><tbody>");
        for (int i = 0; i < e.candidates().size(); i++) {
            CandidateEstimate k = e.candidates().get(i);
            h.raw("<tr>").element("th", p.name(k.candidateId()), "scope", "row");
            h.raw("<td class=\"n\"><strong>")
                    .text(n.percent(k.share(), 2))
                    .raw("</strong><br><small>[")
                    .text(n.percent(k.low(), 2))
                    .raw(" – ")
                    .text(n.percent(k.high(), 2))
                    .raw("]</small></td>");
            for (var s : r.comparisons()) comparison(h, c, s.shares(), i);
            for (var a : p.announced()) {
                Double share = a.shares().get(k.candidateId());
                if (share == null) h.element("td", "–", "class", "n");
                else share(h, c, share, k.contains(share));
            }
            h.raw("</tr>");
        }
        h.raw("</tbody></table></div>");
        if (!r.comparisons().isEmpty() || !p.announced().isEmpty())
            h.element("p", c.t("stats.qc.marked"), "class", "muted");
        for (var a : p.announced()) {
            a.round().filter(x -> x.allRound()).ifPresent(x -> {
                h.raw("<p>")
                        .text(c.words()
                                .format("stats.qc.round", a.title(), c.numbers().probability(x.chance())))
                        .raw(" ");
                h.link(c.href(PageRef.announcements()) + "#ann-" + a.id(), c.t("stats.qc.seeann"))
                        .raw("</p>");
            });
        }
    }

    private static void comparison(Html h, PageContext c, List<ShareComparison> shares, int i) {
        if (i >= shares.size()) {
            h.raw("<td></td>");
            return;
        }
        ShareComparison s = shares.get(i);
        share(h, c, s.announced(), s.inside());
    }

    /** A share held against the interval; outside it, marked in colour and in words. */
    private static void share(Html h, PageContext c, double share, boolean inside) {
        String v = c.numbers().percent(share, 2);
        if (inside) h.element("td", v, "class", "n");
        else
            h.raw("<td class=\"n\"><mark>")
                    .text(v)
                    .raw("</mark> <span class=\"sr\">")
                    .text(c.t("stats.qc.outside"))
                    .raw("</span></td>");
    }
}
