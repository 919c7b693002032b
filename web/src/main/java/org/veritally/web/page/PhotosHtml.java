package org.veritally.web.page;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.veritally.web.html.Html;
import org.veritally.web.model.ContestCopies;
import org.veritally.web.model.LogStatus;
import org.veritally.web.model.StationPhoto;

/**
 * The photos of a station's sheets (docs/evidence.md): a small thumbnail in the column of the copy
 * it belongs to, beside the numbers, and a section with every photo at a readable size, each linked
 * to the full image (the browser zooms it; nothing needs a script), with the SHA-256 of the original
 * and of the public copy, its log index linked to the inclusion proof, when a signed checkpoint first
 * covered it, the camera's clock, what its QR code says (a Venezuelan acta's per candidate) and its
 * flags. Images load lazily and carry their size, so they cost nothing before they are scrolled to
 * and the page does not jump when they arrive. A photo from a source that has sent no sheet yet is
 * marked "image only".
 */
final class PhotosHtml {
    /** The width of a thumbnail in a copy's column, in CSS pixels. */
    static final int THUMB = 72;
    /** The largest width a photo is shown at in the section (CSS scales it down to the screen). */
    static final int SHOWN = 480;

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    private PhotosHtml() {}

    /** The photos of {@code source} that show {@code contest} or do not say which contest they show. */
    static List<StationPhoto> of(List<StationPhoto> photos, String source, String contest) {
        return photos.stream()
                .filter(p -> p.sourceId().equals(source))
                .filter(p -> p.contestId().map(contest::equals).orElse(true))
                .filter(p -> p.image().isPresent())
                .toList();
    }

    /** Thumbnails for a copy's column header, each linked to its full image. */
    static void thumbnails(Html h, PageContext c, List<StationPhoto> photos) {
        for (StationPhoto p : photos) {
            var img = p.image().orElseThrow();
            h.raw("<br>").open("a", "href", c.links().evidence(img.sha256()), "class", "thumb");
            image(h, c, p, img, THUMB);
            h.raw("</a>");
        }
    }

    /** The section of every photo, in log order. */
    static void section(
            Html h,
            PageContext c,
            String station,
            List<StationPhoto> photos,
            List<ContestCopies> contests,
            LogStatus log) {
        h.open("section", "class", "photos", "aria-labelledby", "h-photos");
        h.element("h2", c.t("photos.title"), "id", "h-photos");
        h.raw("<p class=\"muted\">").text(c.t("photos.explain")).raw("</p>");
        for (StationPhoto p : photos) {
            photo(h, c, p, contests, log);
            // the live site takes reports from any account (docs/transcription.md#reports-on-photos)
            if (!c.links().isStatic())
                TranscribeHtml.report(
                        h, c, p.originalSha256(), station, p.sourceId(), true, c.href(c.self()), "rp-" + p.logIndex());
        }
        h.close("section");
    }

    private static void photo(Html h, PageContext c, StationPhoto p, List<ContestCopies> contests, LogStatus log) {
        h.open("figure", "id", "photo-" + p.logIndex(), "class", "photo");
        if (p.image().isPresent()) {
            var img = p.image().get();
            h.open("a", "href", c.links().evidence(img.sha256()), "title", c.t("photos.open"));
            image(h, c, p, img, SHOWN);
            h.raw("</a>");
        } else {
            h.raw("<p class=\"note\">").text(c.t("photos.nopublic")).raw("</p>");
        }
        h.raw("<figcaption><dl>");
        h.element("dt", c.t("photos.source")).raw("<dd>").text(p.sourceName());
        if (p.imageOnly())
            h.raw(" <span class=\"st single\">").text(c.t("photos.imageonly")).raw("</span>");
        h.raw("</dd>");
        if (p.contestId().isPresent()) {
            String id = p.contestId().get();
            String name = contests.stream()
                    .filter(k -> k.contestId().equals(id))
                    .map(ContestCopies::contestName)
                    .findFirst()
                    .orElse(id);
            h.element("dt", c.t("photos.contest")).element("dd", name);
        }
        h.element("dt", c.t("photos.log")).raw("<dd>");
        StationHtml.logIndex(h, c, p.logIndex(), log);
        h.raw("</dd>");
        h.element("dt", c.t("photos.received"))
                .element(
                        "dd",
                        p.provenAt()
                                .map(t -> UTC.format(t.atOffset(ZoneOffset.UTC)))
                                .orElse(c.t("photos.pending")));
        p.captured().ifPresent(t -> h.element("dt", c.t("photos.captured")).element("dd", t));
        h.element("dt", c.t("photos.original"))
                .raw("<dd><code>")
                .text(p.originalSha256())
                .raw("</code></dd>");
        p.image()
                .ifPresent(i -> h.element("dt", c.t("photos.public"))
                        .raw("<dd><code>")
                        .text(i.sha256())
                        .raw("</code></dd>"));
        h.raw("</dl>");
        reads(h, c, p.reads());
        flags(h, c, p.flags());
        h.raw("</figcaption></figure>");
    }

    private static void image(Html h, PageContext c, StationPhoto p, StationPhoto.PublicImage img, int width) {
        String alt = c.words().format("photos.alt", p.sourceName(), c.numbers().count(p.logIndex()));
        h.raw("<img loading=\"lazy\" decoding=\"async\"")
                .attr("src", c.links().evidence(img.sha256()))
                .attr("alt", alt);
        if (img.sized()) {
            int w = Math.min(width, img.width());
            long hgt = Math.max(1, Math.round((double) img.height() * w / img.width()));
            h.attr("width", Integer.toString(w)).attr("height", Long.toString(hgt));
        } else {
            h.attr("width", Integer.toString(width));
        }
        h.raw(">");
    }

    /** What a machine read from a photo: a parsed acta as a small table, anything else as its text. */
    static void reads(Html h, PageContext c, List<StationPhoto.QrRead> reads) {
        for (StationPhoto.QrRead r : reads) {
            h.raw("<div class=\"qr\"><p>")
                    .text(c.words().format("photos.qr", r.format()))
                    .raw("</p>");
            if (!r.counts().isEmpty()) {
                h.raw("<table class=\"qrc\"><tbody>");
                for (StationPhoto.QrCount k : r.counts()) {
                    h.raw("<tr>").element("th", k.translated() ? c.t(k.label()) : k.label(), "scope", "row");
                    h.element("td", c.numbers().count(k.value()), "class", "n").raw("</tr>");
                }
                h.raw("</tbody></table>");
            }
            h.raw("<p><code>").text(r.payload()).raw("</code></p></div>");
        }
    }

    /** The rulebook's flags on an entry: rule ID and message. */
    static void flags(Html h, PageContext c, List<StationPhoto.Flag> flags) {
        if (flags.isEmpty()) return;
        h.raw("<ul class=\"flags\">");
        for (StationPhoto.Flag f : flags)
            h.raw("<li><strong>")
                    .text(f.rule())
                    .raw("</strong> ")
                    .text(f.message())
                    .raw("</li>");
        h.raw("</ul>");
    }
}
