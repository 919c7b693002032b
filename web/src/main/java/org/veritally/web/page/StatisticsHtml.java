package org.veritally.web.page;

import java.util.Optional;
import org.veritally.server.stats.ViewForensics;
import org.veritally.server.stats.ViewIrreversibility;
import org.veritally.stats.announced.IrreversibilityResult;
import org.veritally.stats.announced.ThresholdResult;
import org.veritally.web.html.Html;
import org.veritally.web.i18n.Numbers;
import org.veritally.web.link.PageRef;
import org.veritally.web.model.StatisticsPage;

/**
 * Renders the statistics page of a contest × view (issue 6): pickers, a table of contents, then
 * irreversibility of the count so far, the quick count ({@link QuickCountHtml}), the fingerprint
 * ({@link FingerprintHtml}) and the forensic checks ({@link ForensicsHtml}). Every result says in
 * plain words what it found and carries its rule's caveat; none of them is presented as proof.
 */
public final class StatisticsHtml {
    private StatisticsHtml() {}

    public static String render(StatisticsPage p, PageContext c) {
        Html h = new Html(64 * 1024);
        Layout.open(h, c, c.t("stats.title"), false);
        h.raw("<h1>")
                .text(c.t("stats.title"))
                .raw(" <small>")
                .text(p.contestName())
                .raw("</small></h1>");
        Optional<String> view = Optional.of(p.view());
        Selectors.options(h, c, "nav.contest", p.contests(), id -> PageRef.statistics(Optional.of(id), view));
        Selectors.options(
                h, c, "nav.view", p.views(), v -> PageRef.statistics(Optional.of(p.contestId()), Optional.of(v)));
        h.raw("<p class=\"note\">").text(c.t("stats.intro")).raw("</p>");
        toc(h, c, p.forensics().isPresent());
        p.irreversibility().ifPresent(v -> irreversibility(h, c, p, v));
        QuickCountHtml.write(h, c, p);
        if (p.forensics().isEmpty()) {
            h.raw("<section aria-labelledby=\"h-fp\"><h2 id=\"h-fp\">")
                    .text(c.t("stats.forensics"))
                    .raw("</h2>");
            h.element("p", c.t("stats.nodata"), "role", "status").raw("</section>");
        } else {
            ViewForensics f = p.forensics().get();
            h.raw("<p class=\"muted\">")
                    .text(c.words()
                            .format(
                                    "stats.scope",
                                    c.numbers().count(f.stations()),
                                    c.numbers().count(f.catalogueStations()),
                                    c.numbers().count(f.logSize())))
                    .raw(" ");
            c.links()
                    .api("/api/stats/forensics", "contest", p.contestId(), "view", p.view())
                    .ifPresent(u -> h.link(u, c.t("stats.json")));
            h.raw("</p>");
            FingerprintHtml.write(h, c, p, f);
            ForensicsHtml.write(h, c, p, f);
        }
        Layout.close(h, c, p.election().logSize());
        return h.toString();
    }

    private static void toc(Html h, PageContext c, boolean forensics) {
        h.open("nav", "class", "toc", "aria-label", c.t("stats.toc")).raw("<ul>");
        String[][] items = forensics
                ? new String[][] {
                    {"h-irrev", "stats.irrev"},
                    {"h-qc", "stats.qc"},
                    {"h-fp", "stats.fp"},
                    {"h-int", "stats.int"},
                    {"h-out", "stats.out"},
                    {"h-2bl", "stats.2bl"},
                    {"h-ld", "stats.ld"}
                }
                : new String[][] {{"h-irrev", "stats.irrev"}, {"h-qc", "stats.qc"}};
        for (String[] i : items) h.raw("<li>").link("#" + i[0], c.t(i[1])).raw("</li>");
        h.raw("</ul></nav>");
    }

    private static void irreversibility(Html h, PageContext c, StatisticsPage p, ViewIrreversibility v) {
        Numbers n = c.numbers();
        IrreversibilityResult r = v.irreversibility();
        h.raw("<section aria-labelledby=\"h-irrev\"><h2 id=\"h-irrev\">")
                .text(c.t("stats.irrev"))
                .raw("</h2>");
        h.element(
                "p",
                c.words()
                        .format(
                                "stats.irrev.sofar",
                                n.count(v.stationsReporting()),
                                n.count(v.stationsTotal()),
                                n.count(r.remainingRegistered())));
        h.element("p", c.t("coverage.basis." + v.denominator()), "class", "muted");
        if (!r.margins().isEmpty() && v.validVotes() > 0) {
            IrreversibilityResult.Margin m = r.margins().get(0);
            String leader = p.name(r.leader());
            h.raw("<p>")
                    .open("strong", "class", r.irreversible() ? "ok" : "")
                    .text(c.words()
                            .format(
                                    r.irreversible() ? "stats.irrev.yes" : "stats.irrev.no",
                                    leader,
                                    p.name(m.over()),
                                    n.count(m.margin()),
                                    n.count(r.remainingRegistered())))
                    .close("strong")
                    .raw("</p>");
            ThresholdResult t = v.majority();
            String key = switch (t.status()) {
                case CERTAINLY_MET -> "stats.majority.met";
                case CERTAINLY_MISSED -> "stats.majority.missed";
                case OPEN -> "stats.majority.open";
            };
            h.element(
                    "p",
                    c.words()
                            .format(
                                    key,
                                    leader,
                                    n.percent(t.shareNow(), 2),
                                    n.percent(t.lowestPossibleShare(), 2),
                                    n.percent(t.highestPossibleShare(), 2)));
        } else {
            h.element("p", c.t("stats.irrev.novotes"));
        }
        h.raw("<p class=\"muted\">").text(c.t("rule.ST-IRREV.caveat")).raw("</p></section>");
    }
}
