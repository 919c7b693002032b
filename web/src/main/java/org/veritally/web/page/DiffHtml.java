package org.veritally.web.page;

import org.veritally.server.asof.CheckpointDiff;
import org.veritally.web.html.Html;
import org.veritally.web.i18n.Numbers;
import org.veritally.web.link.AsOfLinks;
import org.veritally.web.link.PageRef;

/**
 * Renders what changed between two log sizes ({@link CheckpointDiff}, issue 18): how the totals moved
 * (the root and the units that moved most, per contest), the corrections with their reasons, the
 * station × contests newly disputed or settled, and the copies added (those agreed by transcription marked
 * so). Stations link to their page as of
 * the later size. Stateless.
 */
public final class DiffHtml {
    private DiffHtml() {}

    public static String render(CheckpointDiff d, String electionName, PageContext c) {
        Html h = new Html(16_384);
        Numbers n = c.numbers();
        Layout.open(h, c, c.t("diff.title"), false);
        h.element("h1", c.t("diff.title"));
        h.element("p", c.words().format("diff.intro", electionName, n.count(d.from()), n.count(d.to()), d.view()));
        var to = new AsOfLinks(c.links(), d.to());
        h.raw("<section aria-labelledby=\"h-moved\"><h2 id=\"h-moved\">")
                .text(c.t("diff.moved"))
                .raw("</h2>");
        for (CheckpointDiff.TotalsMove m : d.moved()) {
            h.raw("<h3>").text(m.unitName() + " · " + m.contest()).raw("</h3><p>");
            h.text(c.words()
                    .format(
                            "diff.stations",
                            n.count(m.stationsBefore()),
                            n.count(m.stationsAfter()),
                            n.count(m.validBefore()),
                            n.count(m.validAfter())));
            h.raw("</p><table class=\"diff\"><thead><tr><th scope=\"col\">")
                    .text(c.t("diff.choice"))
                    .raw("</th><th scope=\"col\">")
                    .text(n.count(d.from()))
                    .raw("</th><th scope=\"col\">")
                    .text(n.count(d.to()))
                    .raw("</th><th scope=\"col\">±</th></tr></thead><tbody>");
            for (CheckpointDiff.ChoiceMove k : m.choices()) {
                h.raw("<tr><th scope=\"row\">").text(k.name()).raw("</th><td>");
                h.text(n.count(k.before()))
                        .raw("</td><td>")
                        .text(n.count(k.after()))
                        .raw("</td><td>");
                h.text((k.delta() > 0 ? "+" : k.delta() < 0 ? "−" : "") + n.count(Math.abs(k.delta())));
                h.raw("</td></tr>");
            }
            h.raw("</tbody></table>");
        }
        h.raw("</section>");
        h.raw("<section aria-labelledby=\"h-corrected\"><h2 id=\"h-corrected\">")
                .text(c.words().format("diff.corrected", n.count(d.correctedCount())))
                .raw("</h2><ul>");
        for (CheckpointDiff.SheetChange s : d.corrected()) {
            h.raw("<li>");
            h.link(to.page(c.lang(), PageRef.station(s.station())), s.station());
            h.text(" · " + s.contest() + " · " + s.source() + " · #" + s.index() + ": "
                    + s.reason().orElse(""));
            h.raw("</li>");
        }
        h.raw("</ul></section>");
        statuses(
                h,
                c,
                to,
                "h-disputed",
                c.words().format("diff.disputed", n.count(d.disputedCount())),
                d.newlyDisputed());
        statuses(h, c, to, "h-settled", c.words().format("diff.settled", n.count(d.settledCount())), d.settled());
        h.raw("<section aria-labelledby=\"h-added\"><h2 id=\"h-added\">")
                .text(c.words().format("diff.added", n.count(d.addedCount())))
                .raw("</h2><ul>");
        for (CheckpointDiff.SheetChange s : d.added()) {
            h.raw("<li>");
            h.link(to.page(c.lang(), PageRef.station(s.station())), s.station());
            h.text(" · " + s.contest() + " · " + s.source() + " · #" + s.index());
            if (s.entry().equals("transcription")) h.text(" · " + c.t("diff.transcribed"));
            h.raw("</li>");
        }
        h.raw("</ul></section>");
        Layout.close(h, c, d.to());
        return h.toString();
    }

    private static void statuses(
            Html h,
            PageContext c,
            AsOfLinks to,
            String id,
            String title,
            java.util.List<CheckpointDiff.StatusChange> l) {
        h.raw("<section aria-labelledby=\"" + id + "\"><h2 id=\"" + id + "\">")
                .text(title)
                .raw("</h2><ul>");
        for (CheckpointDiff.StatusChange s : l) {
            h.raw("<li>");
            h.link(to.page(c.lang(), PageRef.station(s.station())), s.station());
            h.text(" · " + s.contest() + " · " + s.before() + " → " + s.after());
            h.raw("</li>");
        }
        h.raw("</ul></section>");
    }
}
