package org.veritally.web.page;

import java.util.List;
import java.util.OptionalLong;
import org.veritally.core.reconcile.StationStatus;
import org.veritally.web.html.Html;
import org.veritally.web.i18n.Numbers;
import org.veritally.web.model.ContestCopies;
import org.veritally.web.model.FieldRow;
import org.veritally.web.model.LogStatus;
import org.veritally.web.model.SheetCopy;
import org.veritally.web.model.StationPage;

/**
 * Renders a station page: for each contest, every source's copy side by side (one column per copy,
 * headed by the source, the log index of its sheet linked to its inclusion proof, the mark of the
 * copy the consensus view counts, and the image of the sheet where one exists), one row per field.
 * A field whose copies differ is marked on the row and on each differing cell, in colour and in
 * words ("differs"), so the difference does not depend on seeing colour. Corrected copies list
 * every version below the table ({@link HistoryHtml}). Photos of the sheets filed as evidence show as
 * thumbnails in their copy's column and in full below the tables ({@link PhotosHtml}).
 */
public final class StationHtml {
    private StationHtml() {}

    public static String render(StationPage p, PageContext c) {
        return render(p, c, java.util.List.of());
    }

    /**
     * The station page with how its photos were transcribed ({@code transcribed}, in log order; docs/
     * transcription.md): each photo's status, how many people typed it, and every piece of work.
     */
    public static String render(
            StationPage p, PageContext c, java.util.List<org.veritally.web.model.PhotoHistory> transcribed) {
        Html h = new Html(8_192);
        String firstContest = p.contests().isEmpty() ? "" : p.contests().get(0).contestId();
        Layout.open(h, c, c.words().format("station.title", p.stationId()), false);
        Selectors.crumbs(h, c, p.ancestry(), firstContest, p.view());
        h.raw("<h1>")
                .text(c.words().format("station.title", p.stationId()))
                .raw(" <small>")
                .text(p.name())
                .raw("</small></h1>");
        h.raw("<p>").text(c.t("field.registered")).raw(": ");
        Figures.element(
                h,
                c,
                "strong",
                Figures.station(p.stationId(), "registered"),
                Long.toString(p.registered()),
                c.numbers().count(p.registered()));
        h.raw("</p>");
        boolean evidence = false;
        for (ContestCopies k : p.contests()) {
            contest(h, c, p, k);
            evidence |= k.copies().stream().anyMatch(s -> s.evidence().isPresent());
        }
        h.raw("<p class=\"muted\">").text(c.t("station.explain")).raw("</p>");
        h.raw("<p class=\"muted\">").text(c.t("station.proofs")).raw("</p>");
        if (!p.photos().isEmpty()) PhotosHtml.section(h, c, p.stationId(), p.photos(), p.contests(), p.log());
        if (!evidence && p.photos().isEmpty())
            h.raw("<p class=\"muted\">").text(c.t("station.noevidence")).raw("</p>");
        if (!transcribed.isEmpty()) transcriptions(h, c, transcribed);
        Layout.close(h, c, p.election().logSize());
        return h.toString();
    }

    /** A status in words, styled by status. */
    public static void badge(Html h, PageContext c, StationStatus s) {
        h.open("span", "class", "st " + s.wire())
                .text(c.t("status." + s.wire()))
                .close("span");
    }

    /** A log index, linked to its inclusion proof once a signed checkpoint covers it. */
    public static void logIndex(Html h, PageContext c, long index, LogStatus log) {
        logIndex(h, c, index, log, "");
    }

    /** A log index, its number tagged as the figure {@code figure} on a static mirror (unless empty). */
    static void logIndex(Html h, PageContext c, long index, LogStatus log, String figure) {
        String text = c.words().format("station.logindex", c.numbers().count(index));
        boolean tagged = !figure.isEmpty() && c.links().isStatic();
        if (log.proven(index)) {
            if (tagged) {
                h.raw("<a")
                        .attr("href", c.links().receipt(index))
                        .attr("title", c.t("station.proof"))
                        .raw(">");
                Figures.inMessage(
                        h,
                        c,
                        "station.logindex",
                        figure,
                        Long.toString(index),
                        c.numbers().count(index));
                h.raw("</a>");
            } else {
                h.link(c.links().receipt(index), text, "title", c.t("station.proof"));
            }
            h.raw("<span class=\"sr\"> (").text(c.t("station.proof")).raw(")</span>");
        } else if (tagged) {
            Figures.inMessage(
                    h,
                    c,
                    "station.logindex",
                    figure,
                    Long.toString(index),
                    c.numbers().count(index));
        } else {
            h.text(text);
        }
    }

    /** A copy's column header: source, kind, log index, consensus mark, image link. */
    public static void copyHeader(Html h, PageContext c, SheetCopy s, LogStatus log) {
        copyHeader(h, c, s, log, "", "");
    }

    /**
     * A copy's column header, its log index tagged on a static mirror as the copy of {@code station} ×
     * {@code contest}.
     */
    static void copyHeader(Html h, PageContext c, SheetCopy s, LogStatus log, String station, String contest) {
        copyHeader(h, c, s, log, station, contest, List.of());
    }

    /** A copy's column header with the thumbnails of {@code photos} (those of this copy's source and contest). */
    static void copyHeader(
            Html h,
            PageContext c,
            SheetCopy s,
            LogStatus log,
            String station,
            String contest,
            List<org.veritally.web.model.StationPhoto> photos) {
        h.raw("<th scope=\"col\" class=\"n\">")
                .text(s.sourceName())
                .raw("<br><small>")
                .text(c.t("kind." + s.kind()))
                .raw(" · ");
        logIndex(
                h,
                c,
                s.logIndex(),
                log,
                station.isEmpty() ? "" : Figures.copy(station, contest, s.sourceId(), "index"));
        if (s.consensus())
            h.raw("<br><span class=\"cons\">").text(c.t("station.consensus")).raw("</span>");
        if (s.evidence().filter(StationHtml::webAddress).isPresent())
            h.raw("<br>").link(s.evidence().get(), c.t("station.evidence"), "rel", "noopener");
        PhotosHtml.thumbnails(h, c, photos);
        h.raw("</small></th>");
    }

    /** Only http(s) links from data become hrefs: never a {@code javascript:} or {@code data:} one. */
    static boolean webAddress(String url) {
        return url.startsWith("https://") || url.startsWith("http://");
    }

    private static void contest(Html h, PageContext c, StationPage p, ContestCopies k) {
        String station = p.stationId();
        LogStatus log = p.log();
        String id = "h-" + k.contestId();
        h.open("section", "class", "copies", "aria-labelledby", id);
        h.open("h2", "id", id).text(k.contestName()).raw(" ");
        badge(h, c, k.status());
        h.close("h2");
        if (!k.copies().isEmpty()) {
            h.open("div", "class", "scroll", "tabindex", "0", "role", "region", "aria-labelledby", id)
                    .raw("<table><thead><tr>");
            h.element("th", c.t("station.field"), "scope", "col");
            for (SheetCopy s : k.copies())
                copyHeader(
                        h, c, s, log, station, k.contestId(), PhotosHtml.of(p.photos(), s.sourceId(), k.contestId()));
            h.raw("</tr></thead><tbody>");
            for (FieldRow r : k.rows()) row(h, c, r, station, k.contestId(), k.copies());
            h.raw("</tbody></table></div>");
        }
        if (!k.missingSources().isEmpty()) {
            h.raw("<p class=\"muted\">")
                    .text(c.words().format("station.missing", String.join(", ", k.missingSources())))
                    .raw("</p>");
        }
        HistoryHtml.write(h, c, k, log);
        h.close("section");
    }

    /** A field across the copies; differing values marked in colour and in words. */
    public static void row(Html h, PageContext c, FieldRow r) {
        row(h, c, r, "", "", List.of());
    }

    /**
     * A field across the copies of {@code station} × {@code contest} (one value per copy, in the order
     * of {@code copies}); on a static mirror each value is tagged as its copy's figure.
     */
    static void row(Html h, PageContext c, FieldRow r, String station, String contest, List<SheetCopy> copies) {
        Numbers n = c.numbers();
        boolean tag = !station.isEmpty()
                && !r.field().isEmpty()
                && copies.size() == r.values().size();
        h.raw(r.anyDiffers() ? "<tr class=\"diff\">" : "<tr>");
        h.element("th", r.translated() ? c.t(r.label()) : r.label(), "scope", "row");
        for (int i = 0; i < r.values().size(); i++) {
            OptionalLong v = r.values().get(i);
            String text = v.isPresent() ? n.count(v.getAsLong()) : "—";
            String key = tag ? Figures.copy(station, contest, copies.get(i).sourceId(), r.field()) : "";
            String raw = v.isPresent() ? Long.toString(v.getAsLong()) : "";
            if (r.differs().get(i)) {
                h.raw("<td class=\"n\">");
                if (tag) Figures.element(h, c, "mark", key, raw, text);
                else h.raw("<mark>").text(text).raw("</mark>");
                h.raw(" <span class=\"sr\">").text(c.t("station.differs")).raw("</span></td>");
            } else if (tag) {
                Figures.element(h, c, "td", key, raw, text, "class", "n");
            } else {
                h.raw("<td class=\"n\">").text(text).raw("</td>");
            }
        }
        h.raw("</tr>");
    }

    private static void transcriptions(Html h, PageContext c, java.util.List<org.veritally.web.model.PhotoHistory> ps) {
        h.open("section", "class", "transcribed", "id", "transcriptions");
        h.element("h2", c.t("transcriptions.title"));
        for (var p : ps) {
            long people = p.work().stream().map(w -> w.account()).distinct().count();
            h.open("p", "class", "transcribed-summary", "data-status", p.status())
                    .text(c.words()
                            .format(
                                    "transcriptions.summary",
                                    p.photo().substring(0, 12),
                                    p.source(),
                                    c.t("transcriptions.status." + p.status()),
                                    Long.toString(people)))
                    .close("p");
            TranscriptionTable.render(h, c, p);
        }
        h.close("section");
    }
}
