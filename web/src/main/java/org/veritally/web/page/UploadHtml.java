package org.veritally.web.page;

import org.veritally.web.html.Html;
import org.veritally.web.link.PageRef;
import org.veritally.web.model.Option;
import org.veritally.web.model.UploadPage;

/**
 * Renders the upload page (docs/evidence.md, "The upload page"): phone first, a plain HTML form that
 * needs no script: the account's token (a password field, never sent back), the station, the contest
 * (optional) and the photo ({@code capture="environment"} opens the phone's rear camera), posted as
 * {@code multipart/form-data} to the same address. After sending, the same page shows above the form
 * either the receipt (log index, SHA-256 of the file and of its public copy, the public image, what
 * its QR code says, the flags, and the inclusion proof to keep) or every problem with its rule ID.
 */
public final class UploadHtml {
    private UploadHtml() {}

    public static String render(UploadPage p, PageContext c) {
        Html h = new Html(6_144);
        String title = p.outcome() instanceof UploadPage.Refused
                ? c.t("upload.refused")
                : p.outcome() instanceof UploadPage.Receipt ? c.t("upload.done") : c.t("upload.title");
        Layout.open(h, c, title, false);
        h.element("h1", title);
        if (p.outcome() instanceof UploadPage.Refused r) refused(h, c, r);
        else if (p.outcome() instanceof UploadPage.Receipt r) receipt(h, c, r);
        else h.element("p", c.t("upload.intro"));
        if (p.outcome() instanceof UploadPage.Receipt) h.element("h2", c.t("upload.another"), "id", "h-form");
        form(h, c, p);
        Layout.close(h, c, p.election().logSize());
        return h.toString();
    }

    private static void refused(Html h, PageContext c, UploadPage.Refused r) {
        h.open("div", "class", "why", "role", "alert").element("p", c.t("upload.refused.text"));
        h.raw("<ul class=\"problems\">");
        for (UploadPage.Issue i : r.problems()) {
            h.raw("<li><strong>").text(i.rule()).raw("</strong> ");
            h.raw("<span class=\"muted\">").text(i.location()).raw("</span>: ");
            h.text(i.translated() ? c.t(i.message()) : i.message()).raw("</li>");
        }
        h.raw("</ul></div>");
    }

    private static void receipt(Html h, PageContext c, UploadPage.Receipt r) {
        h.open("div", "class", "verdict good", "role", "status")
                .text(r.idempotent() ? c.t("upload.idempotent") : c.t("upload.filed"))
                .close("div");
        h.raw("<dl class=\"receipt\">");
        h.element("dt", c.t("upload.index"))
                .element("dd", c.numbers().count(r.index()), "class", "index", "data-index", Long.toString(r.index()));
        h.element("dt", c.t("upload.sha"))
                .raw("<dd><code class=\"sha\">")
                .text(r.sha256())
                .raw("</code></dd>");
        r.publicSha256()
                .ifPresent(s -> h.element("dt", c.t("upload.publicsha"))
                        .raw("<dd><code class=\"psha\">")
                        .text(s)
                        .raw("</code></dd>"));
        h.element("dt", c.t("upload.station")).raw("<dd>");
        h.link(c.href(PageRef.station(r.stationId())), r.stationId());
        h.raw("</dd></dl>");
        h.element("p", c.t("upload.check"), "class", "muted");
        r.publicSha256().ifPresent(s -> {
            h.open("figure", "class", "photo")
                    .open("a", "href", c.links().evidence(s))
                    .raw("<img decoding=\"async\"")
                    .attr("src", c.links().evidence(s))
                    .attr("alt", c.t("upload.public"))
                    .attr("width", Integer.toString(PhotosHtml.SHOWN))
                    .raw("></a>")
                    .element("figcaption", c.t("upload.public"))
                    .close("figure");
        });
        h.element("h2", c.t("upload.reads"));
        if (r.reads().isEmpty()) h.element("p", c.t("upload.noreads"), "class", "muted");
        else PhotosHtml.reads(h, c, r.reads());
        if (!r.flags().isEmpty()) {
            h.element("h2", c.t("upload.flags"));
            PhotosHtml.flags(h, c, r.flags());
        }
        h.element("h2", c.t("upload.proof"));
        if (r.proof().isPresent()) {
            h.element("p", c.t("upload.proof.help"));
            h.open("pre", "class", "proof").text(r.proof().get()).close("pre");
            h.raw("<p>")
                    .link(
                            c.links().receipt(r.index()),
                            c.t("upload.proof.download"),
                            "download",
                            "receipt-" + r.index());
            h.raw("</p>");
        } else {
            h.element("p", c.words().format("upload.proof.pending", c.links().receipt(r.index())));
        }
    }

    private static void form(Html h, PageContext c, UploadPage p) {
        h.open(
                "form",
                "class",
                "upload",
                "method",
                "post",
                "action",
                c.href(PageRef.upload()),
                "enctype",
                "multipart/form-data");
        field(h, c, "up-token", "upload.token", "upload.token.help");
        h.open(
                        "input",
                        "id",
                        "up-token",
                        "name",
                        "token",
                        "type",
                        "password",
                        "required",
                        "",
                        "autocomplete",
                        "current-password",
                        "aria-describedby",
                        "up-token-help")
                .raw("</p>");
        field(h, c, "up-station", "upload.station", "upload.station.help");
        h.open(
                        "input",
                        "id",
                        "up-station",
                        "name",
                        "station",
                        "type",
                        "text",
                        "required",
                        "",
                        "value",
                        p.station(),
                        "autocomplete",
                        "off",
                        "autocapitalize",
                        "characters",
                        "spellcheck",
                        "false",
                        "aria-describedby",
                        "up-station-help")
                .raw("</p>");
        if (!p.contests().isEmpty()) {
            h.raw("<p>")
                    .open("label", "for", "up-contest")
                    .text(c.t("upload.contest"))
                    .close("label");
            h.open("select", "id", "up-contest", "name", "contest");
            h.open("option", "value", "").text(c.t("upload.contest.any")).close("option");
            for (Option o : p.contests()) {
                if (o.selected())
                    h.open("option", "value", o.value(), "selected", "")
                            .text(o.label())
                            .close("option");
                else h.open("option", "value", o.value()).text(o.label()).close("option");
            }
            h.raw("</select></p>");
        }
        field(h, c, "up-photo", "upload.photo", "upload.photo.help");
        h.open(
                        "input",
                        "id",
                        "up-photo",
                        "name",
                        "photo",
                        "type",
                        "file",
                        "required",
                        "",
                        "accept",
                        "image/*,application/pdf",
                        "capture",
                        "environment",
                        "aria-describedby",
                        "up-photo-help")
                .raw("</p>");
        h.element("button", c.t("upload.send"), "type", "submit");
        h.close("form");
    }

    /** A paragraph opened with a field's label and its help text (the input follows). */
    private static void field(Html h, PageContext c, String id, String label, String help) {
        h.raw("<p>").open("label", "for", id).text(c.t(label)).close("label");
        h.open("small", "id", id + "-help", "class", "muted").text(c.t(help)).close("small");
    }
}
