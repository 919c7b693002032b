package org.veritally.web.page;

import org.veritally.core.announce.Figure;
import org.veritally.web.html.Html;
import org.veritally.web.i18n.Numbers;
import org.veritally.web.model.AnnouncementReport;
import org.veritally.web.model.AnnouncementsPage;
import org.veritally.web.model.FigureCheck;
import org.veritally.web.model.LogStatus;
import org.veritally.web.model.ViewCheck;

/**
 * Renders the announcements page: each announcement of the authority (newest first) with what it
 * claimed, then per view a table of its figures against the sheets in hand, the interval each must
 * lie in and the verdict. A contradicted figure is marked on its row in colour and in words, and
 * explained below the table in a sentence built from the numbers; then the announced lead against
 * the voters it leaves uncounted ({@code ST-IRREV}), and how round its shares are ({@link RoundHtml}).
 */
public final class AnnouncementsHtml {
    private AnnouncementsHtml() {}

    public static String render(AnnouncementsPage p, PageContext c) {
        Html h = new Html(16_384);
        Layout.open(h, c, c.t("announce.title"), false);
        h.element("h1", c.t("announce.title"));
        h.element("p", c.t("announce.intro"));
        if (p.announcements().isEmpty()) h.element("p", c.t("announce.none"), "role", "status");
        for (AnnouncementReport a : p.announcements()) announcement(h, c, a, p.log());
        Layout.close(h, c, p.election().logSize());
        return h.toString();
    }

    private static void announcement(Html h, PageContext c, AnnouncementReport a, LogStatus log) {
        Numbers n = c.numbers();
        String id = "a-" + a.id();
        h.open("article", "class", "ann", "id", "ann-" + a.id(), "aria-labelledby", id);
        h.open("h2", "id", id).text(a.title()).close("h2");
        h.raw("<p class=\"muted\">")
                .text(a.time())
                .raw(" · ")
                .text(a.contestName())
                .raw(" · ");
        StationHtml.logIndex(h, c, a.logIndex(), log);
        h.raw("</p><p>").text(claim(c, a)).raw("</p>");
        verdict(h, c, a);
        int firstCheckable = -1;
        for (int i = 0; i < a.views().size() && firstCheckable < 0; i++)
            if (a.views().get(i).checkable()) firstCheckable = i;
        for (int i = 0; i < a.views().size(); i++) {
            ViewCheck v = a.views().get(i);
            view(h, c, a, v, v.contradicted() > 0 || !a.contradicted() && i == firstCheckable);
        }
        a.lead().ifPresent(l -> {
            h.raw("<h3>").text(c.t("announce.lead")).raw("</h3><p>");
            h.text(c.words()
                            .format(
                                    "announce.lead.text",
                                    l.leader(),
                                    l.runnerUp(),
                                    n.count(l.margin()),
                                    n.count(l.unreported()),
                                    c.t(l.fromCounted() ? "announce.lead.counted" : "announce.lead.coverage")))
                    .raw(" ");
            h.open("strong", "class", l.irreversible() ? "ok" : "bad")
                    .text(c.t(l.irreversible() ? "announce.lead.yes" : "announce.lead.no"))
                    .close("strong")
                    .raw("</p>");
            h.raw("<p class=\"muted\">").text(c.t("rule.ST-IRREV.caveat")).raw("</p>");
        });
        a.round().ifPresent(r -> RoundHtml.write(h, c, r, id));
        h.close("article");
    }

    private static String claim(PageContext c, AnnouncementReport a) {
        Numbers n = c.numbers();
        String of = a.stationsTotal().isPresent() ? n.count(a.stationsTotal().getAsLong()) : "";
        if (a.coverageHundredths().isPresent()) {
            String pct = n.percent(a.coverageHundredths().getAsLong() / 10_000.0, 2);
            return of.isEmpty()
                    ? c.words().format("announce.claim.pct", pct)
                    : c.words().format("announce.claim.pctof", pct, of);
        }
        if (a.coverageStations().isPresent()) {
            String st = n.count(a.coverageStations().getAsLong());
            return of.isEmpty()
                    ? c.words().format("announce.claim.st", st)
                    : c.words().format("announce.claim.stof", st, of);
        }
        return c.t("announce.claim.final");
    }

    private static void verdict(Html h, PageContext c, AnnouncementReport a) {
        long views = a.views().stream().filter(ViewCheck::checkable).count();
        long against = a.views().stream().filter(v -> v.contradicted() > 0).count();
        if (views == 0)
            h.raw("<p class=\"verdict\">").text(c.t("announce.verdict.none")).raw("</p>");
        else if (against == 0)
            h.raw("<p class=\"verdict good\">").text(c.t("announce.verdict.ok")).raw("</p>");
        else {
            h.raw("<p class=\"verdict bad\">")
                    .text(c.words()
                            .format(
                                    "announce.verdict.bad",
                                    c.numbers().count(against),
                                    c.numbers().count(views)))
                    .raw("</p>");
        }
    }

    /**
     * One view's verdicts, shown open when it contradicts the announcement (or, when none does, for
     * the first view that has sheets); the others folded under a summary that says how many figures
     * they contradict, so the page stays short on a phone.
     */
    private static void view(Html h, PageContext c, AnnouncementReport a, ViewCheck v, boolean open) {
        Numbers n = c.numbers();
        String id = "a-" + a.id() + "-" + v.view().replace(':', '-');
        String label = c.words().format("announce.view", v.translated() ? c.t(v.label()) : v.label());
        String verdict = !v.checkable()
                ? c.t("figure.not-yet-checkable")
                : v.contradicted() > 0
                        ? c.words().format("announce.view.bad", n.count(v.contradicted()))
                        : c.t("announce.view.ok");
        if (open) {
            h.open("section", "class", "view", "aria-labelledby", id);
            h.open("h3", "id", id).text(label).close("h3");
        } else {
            h.open("details", "class", "view")
                    .raw("<summary>")
                    .text(label)
                    .raw(" · ")
                    .text(verdict)
                    .raw("</summary>");
            h.open("section", "aria-label", label);
        }
        if (!v.checkable()) {
            h.element("p", c.t("announce.nosheets"), "class", "muted");
        } else {
            h.element(
                    "p",
                    c.words()
                            .format(
                                    "announce.inhand",
                                    n.count(v.stationsInHand()),
                                    n.count(v.stationsTotal()),
                                    n.count(v.registeredInHand()),
                                    n.count(v.registeredTotal()),
                                    n.count(v.excludedAtMost())),
                    "class",
                    "muted");
            h.element("p", c.t("coverage.basis." + v.denominator()), "class", "muted");
            h.open("div", "class", "scroll", "tabindex", "0", "role", "region", "aria-label", label)
                    .raw("<table class=\"figs\"><thead><tr>");
            h.element("th", c.t("announce.figure"), "scope", "col")
                    .element("th", c.t("announce.verdict"), "scope", "col")
                    .element("th", c.t("announce.announced"), "scope", "col", "class", "n")
                    .element("th", c.t("announce.sheets"), "scope", "col", "class", "n")
                    .element("th", c.t("announce.range"), "scope", "col", "class", "n")
                    .raw("</tr></thead><tbody>");
            for (FigureCheck f : v.figures()) figure(h, c, f);
            h.raw("</tbody></table></div>");
            for (FigureCheck f : v.figures()) {
                if (f.status() == Figure.Status.CONTRADICTED) h.element("p", explain(c, f, v), "class", "why");
            }
        }
        h.close("section");
        if (!open) h.close("details");
    }

    private static void figure(Html h, PageContext c, FigureCheck f) {
        Numbers n = c.numbers();
        boolean bad = f.status() == Figure.Status.CONTRADICTED;
        h.raw(bad ? "<tr class=\"contra\">" : "<tr>")
                .element("th", f.translated() ? c.t(f.label()) : f.label(), "scope", "row");
        h.raw("<td>")
                .open("span", "class", "fs " + f.status().wire())
                .text(c.t("figure." + f.status().wire()))
                .close("span")
                .raw("</td>");
        if (bad) h.raw("<td class=\"n\"><mark>").text(n.count(f.announced())).raw("</mark></td>");
        else h.element("td", n.count(f.announced()), "class", "n");
        h.element("td", n.count(f.inHand()), "class", "n");
        h.element("td", n.count(f.low()) + " – " + n.count(f.high()), "class", "n")
                .raw("</tr>");
    }

    /** Why a figure is contradicted, in the reader's language, from the numbers alone. */
    static String explain(PageContext c, FigureCheck f, ViewCheck v) {
        Numbers n = c.numbers();
        String name = f.translated() ? c.t(f.label()) : f.label();
        if (f.announced() < f.low() && v.excludedAtMost() == 0) {
            return c.words()
                    .format(
                            "announce.why.low0",
                            name,
                            n.count(f.announced()),
                            n.count(f.inHand()),
                            n.count(v.stationsInHand()));
        }
        if (f.announced() < f.low()) {
            return c.words()
                    .format(
                            "announce.why.low",
                            name,
                            n.count(f.announced()),
                            n.count(f.inHand()),
                            n.count(v.stationsInHand()),
                            n.count(v.excludedAtMost()),
                            n.count(f.low()));
        }
        return c.words()
                .format(
                        "announce.why.high",
                        name,
                        n.count(f.announced()),
                        n.count(f.inHand()),
                        n.count(Math.max(0, v.registeredTotal() - v.registeredInHand())),
                        n.count(f.high()));
    }
}
