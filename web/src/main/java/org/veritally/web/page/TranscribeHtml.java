package org.veritally.web.page;

import org.veritally.web.html.Html;
import org.veritally.web.link.PageRef;
import org.veritally.web.model.Option;
import org.veritally.web.model.TranscribePage;
import org.veritally.web.model.UploadPage;

/**
 * Renders the transcription page (docs/transcription.md, "The pages"): phone first (one column, works at
 * 360 px), keyboard first (the first figure has the focus, Enter sends, the flags are plain buttons), and
 * complete without script: plain form posts to the same address. It shows the photo and an empty form built
 * from the contest's choices, never anyone else's figures. The optional script (live.js) checks the
 * arithmetic as the figures are typed (TS-SUM, TS-FLAG-ZERO) and asks for the confirmation only then; the
 * server checks again whatever the script said.
 */
public final class TranscribeHtml {
    private TranscribeHtml() {}

    public static String render(TranscribePage p, PageContext c) {
        Html h = new Html(6_144);
        String title = c.t("transcribe.title");
        Layout.open(h, c, title, true);
        h.element("h1", title);
        boolean reported = p.state() instanceof TranscribePage.Reported;
        p.recorded()
                .ifPresent(i -> h.open("div", "class", "verdict good", "role", "status", "id", "tr-done")
                        .text(
                                reported
                                        ? c.words().format("report.done", i)
                                        : i.equals("sent")
                                                ? c.t("transcribe.sent")
                                                : c.words().format("transcribe.recorded", i))
                        .close("div"));
        if (!p.problems().isEmpty()) problems(h, c, p);
        if (p.state() instanceof TranscribePage.Form || p.state() instanceof TranscribePage.NoTask)
            work(h, c, PageRef.Kind.TRANSCRIBE, p.moderator());
        if (p.state() instanceof TranscribePage.Form f) {
            task(h, c, f);
            signOut(h, c);
        } else if (p.state() instanceof TranscribePage.Reported r) {
            if (!r.back().isEmpty())
                h.raw("<p>").link(r.back(), c.t("report.back"), "id", "tr-back").raw("</p>");
        } else if (p.state() instanceof TranscribePage.NoTask n) {
            h.element("p", c.t(n.key()), "class", "none", "id", "tr-none");
            signOut(h, c);
        } else signIn(h, c);
        Layout.close(h, c, p.election().logSize());
        return h.toString();
    }

    /**
     * The signed-in volunteer's navigation (docs/transcription.md#navigation): the transcription page, the
     * moderator's page where the account may moderate, and the campaign's progress. Only on these per-account
     * pages (never stored in a shared cache): the public pages are the same for everyone.
     */
    static void work(Html h, PageContext c, PageRef.Kind here, boolean moderator) {
        h.open("nav", "class", "work", "aria-label", c.t("nav.work")).raw("<ul>");
        workLink(h, c, PageRef.transcribe(), here == PageRef.Kind.TRANSCRIBE, "nav.transcribe");
        if (moderator) workLink(h, c, PageRef.moderate(), here == PageRef.Kind.MODERATE, "nav.moderate");
        workLink(h, c, PageRef.campaign(), false, "nav.campaign");
        h.raw("</ul></nav>");
    }

    private static void workLink(Html h, PageContext c, PageRef target, boolean current, String key) {
        h.raw("<li>");
        if (current)
            h.open("a", "href", c.href(target), "aria-current", "page")
                    .text(c.t(key))
                    .close("a");
        else h.link(c.href(target), c.t(key));
        h.raw("</li>");
    }

    private static void problems(Html h, PageContext c, TranscribePage p) {
        problems(h, c, p.problems());
    }

    static void problems(Html h, PageContext c, java.util.List<UploadPage.Issue> issues) {
        h.open("div", "class", "why", "role", "alert", "id", "tr-problems").element("p", c.t("transcribe.refused"));
        h.raw("<ul class=\"problems\">");
        for (UploadPage.Issue i : issues) {
            h.raw("<li><strong>").text(i.rule()).raw("</strong> ");
            h.raw("<span class=\"muted\">").text(i.location()).raw("</span>: ");
            h.text(i.translated() ? c.t(i.message()) : i.message()).raw("</li>");
        }
        h.raw("</ul></div>");
    }

    private static void signIn(Html h, PageContext c) {
        h.element("p", c.t("transcribe.intro"));
        h.open("form", "class", "upload transcribe-signin", "method", "post", "action", c.href(PageRef.transcribe()));
        h.open("input", "type", "hidden", "name", "do", "value", "signin");
        h.raw("<p>").open("label", "for", "tr-token").text(c.t("upload.token")).close("label");
        h.open("small", "id", "tr-token-help", "class", "muted")
                .text(c.t("upload.token.help"))
                .close("small");
        h.open(
                        "input",
                        "id",
                        "tr-token",
                        "name",
                        "token",
                        "type",
                        "password",
                        "required",
                        "",
                        "autofocus",
                        "",
                        "autocomplete",
                        "current-password",
                        "aria-describedby",
                        "tr-token-help")
                .raw("</p>");
        h.element("button", c.t("transcribe.signin"), "type", "submit");
        h.close("form");
    }

    private static void signOut(Html h, PageContext c) {
        h.open("form", "class", "signout", "method", "post", "action", c.href(PageRef.transcribe()));
        h.open("input", "type", "hidden", "name", "do", "value", "signout");
        h.element("button", c.t("transcribe.signout"), "type", "submit", "class", "quiet");
        h.close("form");
    }

    private static void task(Html h, PageContext c, TranscribePage.Form f) {
        h.open("div", "class", "transcribe");
        h.open("figure", "class", "sheet-photo");
        if (f.image().isPresent()) {
            String src = c.links().evidence(f.image().get());
            h.open("a", "href", src)
                    .raw("<img id=\"tr-photo\"")
                    .attr("src", src)
                    .attr("alt", c.t("transcribe.photo"))
                    .raw("></a>");
        } else h.element("p", c.t("transcribe.nophoto"), "class", "muted");
        h.open("figcaption")
                .text(
                        f.contest().isEmpty()
                                ? c.words().format("transcribe.caption.nocontest", f.station(), f.source())
                                : c.words().format("transcribe.caption", f.station(), f.source(), f.contest()))
                .close("figcaption");
        h.close("figure");
        if (f.contest().isEmpty()) {
            chooseContest(h, c, f);
            flags(h, c, f);
            report(h, c, f.photo(), f.station(), f.source(), false, "", "tr-report");
            h.close("div");
            return;
        }
        if (!f.contests().isEmpty())
            h.raw("<p>")
                    .link(c.href(PageRef.transcribe()), c.t("transcribe.contest.change"), "id", "tr-contest-change")
                    .raw("</p>");
        h.open(
                "form",
                "class",
                "upload transcribe-form",
                "id",
                "tr-form",
                "method",
                "post",
                "action",
                c.href(PageRef.transcribe()));
        hidden(h, "do", "submit");
        hidden(h, "photo", f.photo());
        hidden(h, "station", f.station());
        hidden(h, "source", f.source());
        hidden(h, "contest", f.contest());
        h.element("p", c.t("transcribe.help"), "class", "muted");
        boolean first = true;
        for (Option o : f.choices()) {
            figure(h, "v." + o.value(), o.label(), f.values().getOrDefault("v." + o.value(), ""), first, "vote");
            first = false;
        }
        figure(h, "valid", c.t("transcribe.valid"), f.values().getOrDefault("valid", ""), first, "valid");
        figure(h, "null", c.t("transcribe.null"), f.values().getOrDefault("null", ""), false, "null");
        h.open(
                        "p",
                        "id",
                        "tr-check",
                        "class",
                        "check",
                        "aria-live",
                        "polite",
                        "data-sum",
                        c.t("transcribe.check.sum"),
                        "data-zero",
                        c.t("transcribe.check.zero"),
                        "data-ok",
                        c.t("transcribe.check.ok"))
                .close("p");
        h.raw("<p class=\"confirm\" id=\"tr-confirm-p\"><label>");
        if (f.confirm())
            h.open("input", "type", "checkbox", "id", "tr-confirm", "name", "confirm", "value", "yes", "checked", "");
        else h.open("input", "type", "checkbox", "id", "tr-confirm", "name", "confirm", "value", "yes");
        h.text(" " + c.t("transcribe.confirm")).raw("</label></p>");
        h.element("button", c.t("transcribe.send"), "type", "submit", "id", "tr-send");
        h.close("form");
        flags(h, c, f);
        report(h, c, f.photo(), f.station(), f.source(), false, "", "tr-report");
        h.close("div");
    }

    /**
     * Which contest's sheet the photo shows, where it was filed with none in an election of several
     * (docs/transcription.md#a-photo-filed-with-no-contest): one button per contest, a plain {@code GET} of this
     * page with {@code contest}, which then shows that contest's form for the same leased task.
     */
    private static void chooseContest(Html h, PageContext c, TranscribePage.Form f) {
        h.open(
                "form",
                "class",
                "contests",
                "id",
                "tr-contests",
                "method",
                "get",
                "action",
                c.href(PageRef.transcribe()));
        h.element("p", c.t("transcribe.contest.choose"));
        boolean first = true;
        for (Option o : f.contests()) {
            if (first)
                h.element(
                        "button", o.label(), "type", "submit", "name", "contest", "value", o.value(), "autofocus", "");
            else h.element("button", o.label(), "type", "submit", "name", "contest", "value", o.value());
            first = false;
        }
        h.close("form");
    }

    /**
     * The report form (docs/transcription.md#reports-on-photos), folded in a {@code details}: a reason, a text
     * (required for "other"), and, where the reporter may not be signed in ({@code withToken}), a token field;
     * it posts {@code do=report} to the transcription page, which goes back to {@code back} (a path of this
     * site) once recorded. No script needed.
     */
    public static void report(
            Html h,
            PageContext c,
            String photo,
            String station,
            String source,
            boolean withToken,
            String back,
            String id) {
        h.open("details", "class", "report", "id", id);
        h.element("summary", c.t("report.title"));
        h.open("form", "class", "upload report-form", "method", "post", "action", c.href(PageRef.transcribe()));
        hidden(h, "do", "report");
        hidden(h, "photo", photo);
        hidden(h, "station", station);
        hidden(h, "source", source);
        if (!back.isEmpty()) hidden(h, "back", back);
        h.element("p", c.t("report.intro"), "class", "muted");
        h.raw("<p>")
                .open("label", "for", id + "-reason")
                .text(c.t("report.reason"))
                .close("label");
        h.open("select", "id", id + "-reason", "name", "reason");
        for (String r : new String[] {"illegible", "wrong-station", "not-a-tally-sheet", "duplicate", "other"})
            h.element("option", c.t("report.reason." + r), "value", r);
        h.raw("</select></p>");
        h.raw("<p>").open("label", "for", id + "-text").text(c.t("report.text")).close("label");
        h.open("input", "id", id + "-text", "name", "text", "type", "text", "maxlength", "500", "autocomplete", "off")
                .raw("</p>");
        if (withToken) {
            h.raw("<p>")
                    .open("label", "for", id + "-token")
                    .text(c.t("report.token"))
                    .close("label");
            h.open(
                            "input",
                            "id",
                            id + "-token",
                            "name",
                            "token",
                            "type",
                            "password",
                            "autocomplete",
                            "current-password")
                    .raw("</p>");
        }
        h.element("button", c.t("report.send"), "type", "submit");
        h.close("form");
        h.close("details");
    }

    static void figure(Html h, String name, String label, String value, boolean first, String role) {
        String id = "tr-" + name.replace('.', '-');
        h.raw("<p>").open("label", "for", id).text(label).close("label");
        String[] attrs = {
            "id",
            id,
            "name",
            name,
            "type",
            "text",
            "inputmode",
            "numeric",
            "pattern",
            "[0-9]*",
            "required",
            "",
            "autocomplete",
            "off",
            "value",
            value,
            "data-role",
            role
        };
        if (first) {
            String[] withFocus = java.util.Arrays.copyOf(attrs, attrs.length + 2);
            withFocus[attrs.length] = "autofocus";
            withFocus[attrs.length + 1] = "";
            attrs = withFocus;
        }
        h.open("input", attrs).raw("</p>");
    }

    private static void flags(Html h, PageContext c, TranscribePage.Form f) {
        h.open("form", "class", "flags", "method", "post", "action", c.href(PageRef.transcribe()));
        hidden(h, "do", "flag");
        hidden(h, "photo", f.photo());
        hidden(h, "station", f.station());
        hidden(h, "source", f.source());
        hidden(h, "contest", f.contest());
        h.element("p", c.t("transcribe.flag"), "class", "muted");
        for (String r : new String[] {"illegible", "wrong-station", "not-a-tally-sheet", "duplicate"})
            h.element("button", c.t("transcribe.flag." + r), "type", "submit", "name", "reason", "value", r);
        h.close("form");
    }

    static void hidden(Html h, String name, String value) {
        h.open("input", "type", "hidden", "name", name, "value", value);
    }
}
