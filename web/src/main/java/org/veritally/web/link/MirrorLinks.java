package org.veritally.web.link;

import java.util.List;
import java.util.Optional;
import org.veritally.web.i18n.Lang;

/**
 * Relative links between the files of a static mirror, so the mirror works from any host or from
 * disk. Files, under {@code {lang}/}: {@code index.html} (overview in the default view) or {@code
 * overview/{view}.html}, {@code unit/{contest}/{view}/{id}.html} (one folder per contest and view,
 * not per unit: a mirror has hundreds of thousands of pages, and folders cost as much to create as
 * files), {@code station/{id}.html}, {@code
 * downloads.html}, {@code announcements.html}, {@code discrepancies.html} (or {@code
 * discrepancies/unit/{u}.html}, {@code discrepancies/source/{s}.html}, {@code
 * discrepancies/unit/{u}/source/{s}.html} when filtered), {@code statistics.html} (or {@code
 * statistics/{contest}/{view}.html}), {@code audits.html}, {@code audit/{id}.html} and {@code
 * audit/{id}/form/{station}.html}; at the root, assets under {@code static/}, inclusion
 * proofs under {@code log/receipt/{index}} and the public copies of photos under {@code
 * evidence/{sha256}} (the same name as on the live site). A mirror has one order of children (sort is dropped), no
 * quick-count form (seed and size are dropped), no upload form, and no search, live updates, JSON API or database
 * download of its own (the publisher may put the SQLite file at {@code downloads/veritally.db}). Ids
 * are file-name safe by the core's id rule; a view's {@code :} becomes {@code -} ({@link #slug}).
 * Immutable.
 */
public final class MirrorLinks implements Links {
    private final String up;
    private final List<Lang> languages;

    /** Links as seen from the page {@code from}, in a mirror of every language. */
    public MirrorLinks(PageRef from) {
        this(from, List.of(Lang.values()));
    }

    /** Links as seen from the page {@code from}, in a mirror of {@code languages}. */
    public MirrorLinks(PageRef from, List<Lang> languages) {
        int depth = file(from).split("/").length;
        this.up = "../".repeat(depth - 1);
        this.languages = List.copyOf(languages);
    }

    /** The file a page is written to, relative to the mirror's root (without the language). */
    public static String file(PageRef t) {
        return switch (t.kind()) {
            case OVERVIEW -> t.view().map(v -> "overview/" + slug(v) + ".html").orElse("index.html");
            case UNIT ->
                "unit/" + t.contest().orElse("default") + "/" + slug(t.view().orElse("default")) + "/" + t.id()
                        + ".html";
            case STATION -> "station/" + t.id() + ".html";
            case TIMELINE ->
                "timeline/" + t.contest().orElse("default") + "/"
                        + slug(t.view().orElse("default")) + "/" + t.id() + ".html";
            case SEARCH, UPLOAD, TRANSCRIBE, MODERATE, CAMPAIGN, DIFF -> "index.html";
            case DOWNLOADS -> "downloads.html";
            case AUDITS -> "audits.html";
            case AUDIT -> "audit/" + safe(t.id()) + ".html";
            case AUDIT_FORM ->
                "audit/" + safe(t.id()) + "/form/" + t.param("station").orElseThrow() + ".html";
            case ANNOUNCEMENTS -> "announcements.html";
            case DISCREPANCIES -> discrepancies(t);
            case STATISTICS ->
                t.contest().isEmpty() && t.view().isEmpty()
                        ? "statistics.html"
                        : "statistics/" + t.contest().orElse("default") + "/"
                                + slug(t.view().orElse("default")) + ".html";
        };
    }

    private static String discrepancies(PageRef t) {
        Optional<String> unit = t.param("unit");
        Optional<String> source = t.param("source");
        if (unit.isEmpty() && source.isEmpty()) return "discrepancies.html";
        String u = unit.map(x -> "unit/" + x).orElse("");
        String s = source.map(x -> "source/" + x).orElse("");
        return "discrepancies/" + u + (u.isEmpty() || s.isEmpty() ? "" : "/") + s + ".html";
    }

    /**
     * An audit's id as a file name: ids of the core's id rule stay as they are; any other character (the log does
     * not restrict an audit's id) becomes {@code _} followed by its code point in hex, so no id escapes its folder.
     */
    static String safe(String id) {
        StringBuilder b = new StringBuilder(id.length());
        id.codePoints().forEach(cp -> {
            boolean plain = (cp >= 'a' && cp <= 'z')
                    || (cp >= 'A' && cp <= 'Z')
                    || (cp >= '0' && cp <= '9')
                    || cp == '-'
                    || cp == '.' && b.length() > 0;
            if (plain) b.appendCodePoint(cp);
            else b.append('_').append(Integer.toHexString(cp)).append('_');
        });
        return b.toString();
    }

    /** A view as a file name: {@code source:cvzla} becomes {@code source-cvzla}. */
    public static String slug(String view) {
        return view.replace(':', '-');
    }

    @Override
    public String page(Lang lang, PageRef target) {
        return up + "../" + lang.code() + "/" + file(target);
    }

    @Override
    public String asset(String fileName) {
        return up + "../static/" + fileName;
    }

    @Override
    public String evidence(String sha256) {
        return up + "../evidence/" + sha256;
    }

    @Override
    public String database() {
        return up + "../downloads/veritally.db";
    }

    @Override
    public Optional<String> liveResults(String unitId, String contestId, String view) {
        return Optional.empty();
    }

    @Override
    public boolean hasSearch() {
        return false;
    }

    @Override
    public String receipt(long index) {
        return up + "../log/receipt/" + index;
    }

    @Override
    public Optional<String> api(String path, String... params) {
        return Optional.empty();
    }

    @Override
    public boolean isStatic() {
        return true;
    }

    @Override
    public Optional<String> publicationFile(String path) {
        return Optional.of(up + "../" + path);
    }

    @Override
    public List<Lang> languages() {
        return languages;
    }
}
