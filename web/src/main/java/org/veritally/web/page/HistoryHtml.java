package org.veritally.web.page;

import java.util.OptionalLong;
import org.veritally.web.html.Html;
import org.veritally.web.model.ContestCopies;
import org.veritally.web.model.FieldChange;
import org.veritally.web.model.LogStatus;
import org.veritally.web.model.SheetVersion;

/**
 * Renders the corrections of a station × contest: every version of each corrected copy, oldest
 * first, with its log index (linked to its inclusion proof), the entry it corrects, the source's
 * reason in its own words, and the fields it changed (before → after). Nothing when no copy was
 * ever corrected: then every copy shown is its source's first and only one.
 */
final class HistoryHtml {
    private HistoryHtml() {}

    static void write(Html h, PageContext c, ContestCopies k, LogStatus log) {
        if (k.history().isEmpty()) return;
        String id = "h-hist-" + k.contestId();
        h.open("h3", "id", id).text(c.t("history.title")).close("h3");
        h.open("div", "class", "scroll", "tabindex", "0", "role", "region", "aria-labelledby", id)
                .raw("<table class=\"hist\"><thead><tr>");
        h.element("th", c.t("history.source"), "scope", "col")
                .element("th", c.t("history.entry"), "scope", "col")
                .element("th", c.t("history.what"), "scope", "col")
                .raw("</tr></thead><tbody>");
        for (SheetVersion v : k.history()) {
            h.raw(v.current() ? "<tr>" : "<tr class=\"old\">")
                    .element("th", v.sourceName(), "scope", "row")
                    .raw("<td>");
            StationHtml.logIndex(h, c, v.logIndex(), log);
            h.raw("<br><small>")
                    .text(c.t(v.current() ? "history.current" : "history.superseded"))
                    .raw("</small></td><td>");
            if (v.supersedes().isEmpty()) {
                h.text(c.t("history.first"));
            } else {
                h.text(c.words()
                                .format(
                                        "history.corrects",
                                        c.numbers().count(v.supersedes().getAsLong())))
                        .raw(" ");
                h.raw("<q>").text(v.reason().orElse("")).raw("</q>");
                if (!v.changes().isEmpty()) {
                    h.raw("<ul class=\"changes\">");
                    for (FieldChange f : v.changes()) {
                        h.raw("<li>")
                                .text(f.translated() ? c.t(f.label()) : f.label())
                                .raw(": ")
                                .text(value(c, f.before()))
                                .raw(" → ")
                                .text(value(c, f.after()))
                                .raw("</li>");
                    }
                    h.raw("</ul>");
                }
            }
            h.raw("</td></tr>");
        }
        h.raw("</tbody></table></div>");
    }

    private static String value(PageContext c, OptionalLong v) {
        return v.isPresent() ? c.numbers().count(v.getAsLong()) : "—";
    }
}
