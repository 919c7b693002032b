package org.veritally.web.page;

import org.veritally.web.html.Html;
import org.veritally.web.model.Option;
import org.veritally.web.model.PhotoHistory;

/**
 * The work done on one photo as a table: one row per transcription or flag, in log order (index, account,
 * whether a moderator's, then the figures typed or the flag's reason). Shared by the moderator's page and the
 * station page, so both show the same thing the same way.
 */
final class TranscriptionTable {
    private TranscriptionTable() {}

    static void render(Html h, PageContext c, PhotoHistory p) {
        h.raw("<div class=\"scroll\"><table class=\"transcriptions\" data-photo=\"")
                .text(p.photo())
                .raw("\"><thead><tr>");
        h.element("th", c.t("transcriptions.index"), "scope", "col");
        h.element("th", c.t("transcriptions.account"), "scope", "col");
        for (Option o : p.choices()) h.element("th", o.label(), "scope", "col");
        h.element("th", c.t("transcribe.valid"), "scope", "col");
        h.element("th", c.t("transcribe.null"), "scope", "col");
        h.raw("</tr></thead><tbody>");
        for (PhotoHistory.Typed t : p.work()) {
            h.raw("<tr>");
            h.element("td", c.numbers().count(t.index()), "class", "num");
            String who = t.moderator() ? t.account() + " (" + c.t("transcriptions.moderator") + ")" : t.account();
            h.element("td", who, "class", "account");
            if (t.flag().isPresent()) {
                h.element(
                        "td",
                        c.t("transcriptions.flagged") + ": "
                                + c.t("transcribe.flag." + t.flag().get()),
                        "colspan",
                        Integer.toString(p.choices().size() + 2),
                        "class",
                        "flag");
            } else {
                for (long v : t.votes()) h.element("td", c.numbers().count(v), "class", "num");
                h.element("td", c.numbers().count(t.valid()), "class", "num");
                h.element("td", c.numbers().count(t.nulls()), "class", "num");
            }
            h.raw("</tr>");
        }
        h.raw("</tbody></table></div>");
    }
}
