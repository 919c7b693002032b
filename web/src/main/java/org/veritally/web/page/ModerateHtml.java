package org.veritally.web.page;

import org.veritally.web.html.Html;
import org.veritally.web.link.PageRef;
import org.veritally.web.model.ModeratePage;
import org.veritally.web.model.Option;
import org.veritally.web.model.PhotoHistory;
import org.veritally.web.model.ReportedPhoto;

/**
 * Renders the moderator's page (docs/transcription.md, "The pages"): each escalated photo with its competing
 * transcriptions and flags ({@link TranscriptionTable}), a form to settle it with the figures the photo shows
 * (TR-SETTLE) and buttons to reject it (TR-REJECT). Plain form posts; no script needed.
 */
public final class ModerateHtml {
    private ModerateHtml() {}

    public static String render(ModeratePage p, PageContext c) {
        Html h = new Html(8_192);
        String title = c.t("moderate.title");
        Layout.open(h, c, title, false);
        h.element("h1", title);
        p.recorded()
                .ifPresent(i -> h.open("div", "class", "verdict good", "role", "status", "id", "mo-done")
                        .text(c.words().format("moderate.recorded", i))
                        .close("div"));
        if (!p.problems().isEmpty()) TranscribeHtml.problems(h, c, p.problems());
        if (!p.signedIn()) {
            signIn(h, c);
            Layout.close(h, c, p.election().logSize());
            return h.toString();
        }
        TranscribeHtml.work(h, c, PageRef.Kind.MODERATE, true);
        if (p.escalated().isEmpty() && p.reported().isEmpty()) h.element("p", c.t("moderate.none"), "id", "mo-none");
        for (PhotoHistory e : p.escalated()) photo(h, c, p, e);
        if (!p.reported().isEmpty()) {
            h.element("h2", c.t("moderate.reported"), "id", "mo-reported");
            for (ReportedPhoto r : p.reported()) reported(h, c, r);
        }
        if (!p.paused().isEmpty()) paused(h, c, p);
        Layout.close(h, c, p.election().logSize());
        return h.toString();
    }

    private static void photo(Html h, PageContext c, ModeratePage p, PhotoHistory e) {
        h.open("section", "class", "escalated", "data-photo", e.photo());
        h.element("h2", c.words().format("transcribe.caption", e.station(), e.source(), e.contest()));
        if (e.image().isPresent()) {
            String src = c.links().evidence(e.image().get());
            h.open("figure", "class", "sheet-photo")
                    .open("a", "href", src)
                    .raw("<img")
                    .attr("src", src)
                    .attr("alt", c.t("transcribe.photo"))
                    .raw("></a>")
                    .close("figure");
        }
        h.element("p", c.t("moderate.work"));
        TranscriptionTable.render(h, c, e);
        boolean again = p.typedPhoto().equals(e.photo());
        String id = "mo-" + e.photo().substring(0, 12);
        h.open("form", "class", "upload settle", "id", id, "method", "post", "action", c.href(PageRef.moderate()));
        TranscribeHtml.hidden(h, "do", "settle");
        keys(h, e);
        h.element("p", c.t("moderate.settle.help"), "class", "muted");
        for (Option o : e.choices()) {
            String name = "v." + o.value();
            TranscribeHtml.figure(h, name, o.label(), again ? p.typed().getOrDefault(name, "") : "", false, "vote");
        }
        TranscribeHtml.figure(
                h, "valid", c.t("transcribe.valid"), again ? p.typed().getOrDefault("valid", "") : "", false, "valid");
        TranscribeHtml.figure(
                h, "null", c.t("transcribe.null"), again ? p.typed().getOrDefault("null", "") : "", false, "null");
        h.element("button", c.t("moderate.settle"), "type", "submit");
        h.close("form");
        rejectForm(h, c, () -> keys(h, e));
        h.close("section");
    }

    /** A photo reports took out of the queue: the reports folded, and the moderator's two answers. */
    private static void reported(Html h, PageContext c, ReportedPhoto r) {
        h.open("section", "class", "reported", "data-photo", r.photo());
        h.element("h3", c.words().format("transcribe.caption", r.station(), r.source(), ""));
        if (r.image().isPresent()) {
            String src = c.links().evidence(r.image().get());
            h.open("figure", "class", "sheet-photo")
                    .open("a", "href", src)
                    .raw("<img")
                    .attr("src", src)
                    .attr("alt", c.t("transcribe.photo"))
                    .raw("></a>")
                    .close("figure");
        }
        h.element(
                "p",
                c.words().format("moderate.reports", Integer.toString(r.accounts()), CampaignHtml.reasons(c, r)),
                "class",
                "reports");
        if (!r.texts().isEmpty()) {
            h.raw("<ul class=\"texts\">");
            for (String t : r.texts()) h.element("li", t);
            h.raw("</ul>");
        }
        h.open("form", "class", "upload", "method", "post", "action", c.href(PageRef.moderate()));
        TranscribeHtml.hidden(h, "do", "return");
        reportedKeys(h, r);
        String id = "mo-ret-" + r.photo().substring(0, 12);
        h.raw("<p>").open("label", "for", id).text(c.t("moderate.return.text")).close("label");
        h.open("input", "id", id, "name", "text", "type", "text", "maxlength", "500")
                .raw("</p>");
        h.element("button", c.t("moderate.return"), "type", "submit");
        h.close("form");
        rejectForm(h, c, () -> reportedKeys(h, r));
        h.close("section");
    }

    /** The moderator's rejection of a photo, one button a reason; {@code keys} writes the photo's hidden fields. */
    private static void rejectForm(Html h, PageContext c, Runnable keys) {
        h.open("form", "class", "flags", "method", "post", "action", c.href(PageRef.moderate()));
        TranscribeHtml.hidden(h, "do", "reject");
        keys.run();
        h.element("p", c.t("moderate.reject"), "class", "muted");
        for (String r : new String[] {"illegible", "wrong-station", "not-a-tally-sheet", "duplicate"})
            h.element("button", c.t("transcribe.flag." + r), "type", "submit", "name", "reason", "value", r);
        h.close("form");
    }

    private static void reportedKeys(Html h, ReportedPhoto r) {
        TranscribeHtml.hidden(h, "photo", r.photo());
        TranscribeHtml.hidden(h, "station", r.station());
        TranscribeHtml.hidden(h, "source", r.source());
    }

    /** The paused volunteers, each with a form to lift the pause (TR-LIFT). */
    private static void paused(Html h, PageContext c, ModeratePage p) {
        h.element("h2", c.t("moderate.paused"), "id", "mo-paused");
        for (String account : p.paused()) {
            h.open("form", "class", "upload lift", "method", "post", "action", c.href(PageRef.moderate()));
            TranscribeHtml.hidden(h, "do", "lift");
            TranscribeHtml.hidden(h, "account", account);
            h.element("p", account, "class", "account");
            String id = "mo-lift-" + Math.abs(account.hashCode());
            h.raw("<p>")
                    .open("label", "for", id)
                    .text(c.t("moderate.lift.reason"))
                    .close("label");
            h.open("input", "id", id, "name", "reason", "type", "text", "required", "", "maxlength", "500")
                    .raw("</p>");
            h.element("button", c.t("moderate.lift"), "type", "submit");
            h.close("form");
        }
    }

    private static void keys(Html h, PhotoHistory e) {
        TranscribeHtml.hidden(h, "photo", e.photo());
        TranscribeHtml.hidden(h, "station", e.station());
        TranscribeHtml.hidden(h, "source", e.source());
        TranscribeHtml.hidden(h, "contest", e.contest());
    }

    private static void signIn(Html h, PageContext c) {
        h.element("p", c.t("moderate.intro"));
        h.open("form", "class", "upload", "method", "post", "action", c.href(PageRef.transcribe()));
        TranscribeHtml.hidden(h, "do", "signin");
        TranscribeHtml.hidden(h, "next", "moderate");
        h.raw("<p>").open("label", "for", "mo-token").text(c.t("upload.token")).close("label");
        h.open(
                        "input",
                        "id",
                        "mo-token",
                        "name",
                        "token",
                        "type",
                        "password",
                        "required",
                        "",
                        "autocomplete",
                        "current-password")
                .raw("</p>");
        h.element("button", c.t("transcribe.signin"), "type", "submit");
        h.close("form");
    }
}
