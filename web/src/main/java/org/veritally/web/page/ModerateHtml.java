package org.veritally.web.page;

import org.veritally.web.html.Html;
import org.veritally.web.link.PageRef;
import org.veritally.web.model.ModeratePage;
import org.veritally.web.model.Option;
import org.veritally.web.model.PhotoHistory;

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
        if (p.escalated().isEmpty()) h.element("p", c.t("moderate.none"), "id", "mo-none");
        for (PhotoHistory e : p.escalated()) photo(h, c, p, e);
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
        h.open("form", "class", "flags", "method", "post", "action", c.href(PageRef.moderate()));
        TranscribeHtml.hidden(h, "do", "reject");
        keys(h, e);
        h.element("p", c.t("moderate.reject"), "class", "muted");
        for (String r : new String[] {"illegible", "wrong-station", "not-a-tally-sheet", "duplicate"})
            h.element("button", c.t("transcribe.flag." + r), "type", "submit", "name", "reason", "value", r);
        h.close("form");
        h.close("section");
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
