package org.veritally.web.link;

import java.util.List;
import java.util.Optional;
import org.veritally.web.i18n.Lang;

/**
 * Turns page references into hrefs for one rendered page. Implementations are immutable and
 * thread-safe.
 */
public interface Links {
    /** The href of {@code target} in {@code lang}, as seen from the page being rendered. */
    String page(Lang lang, PageRef target);

    /** The href of a static asset by its (hashed) file name. */
    String asset(String fileName);

    /**
     * The href of the public copy of a photo (re-encoded, without metadata: docs/evidence.md) by its
     * SHA-256: {@code /evidence/{sha256}} on the live site, the file {@code evidence/{sha256}} at the
     * mirror's root.
     */
    String evidence(String sha256);

    /** The href of the downloadable SQLite file. */
    String database();

    /** The JSON endpoint a live page polls for a unit's result; empty on a static mirror. */
    Optional<String> liveResults(String unitId, String contestId, String view);

    /** Whether this address scheme can serve the search form (a server must answer it). */
    boolean hasSearch();

    /**
     * The href of the inclusion proof (C2SP tlog-proof: the entry, its inclusion proof and the signed
     * checkpoint) of log entry {@code index}: {@code /log/receipt/{index}} on the live server, the
     * file {@code log/receipt/{index}} at the mirror's root (written by the mirror publisher).
     */
    String receipt(long index);

    /**
     * The href of a JSON or SVG endpoint of the live server ({@code /api/...}) with query parameters
     * as name, value pairs (empty values left out); empty on a static mirror, which has no server.
     */
    Optional<String> api(String path, String... params);

    /**
     * Whether these links address a static mirror ({@code publish --site}): its pages then carry every
     * figure in machine-readable form ({@code data-vt}, {@code data-v}: see docs/verify.md, check
     * {@code VFY-PAGES}), load no live-update script, name no log size in the footer (so a page whose
     * figures did not change stays byte-identical from one publish to the next), and the downloads page
     * lists the mirror's files. False on the live site.
     */
    default boolean isStatic() {
        return false;
    }

    /**
     * The href of a file at the root of a static mirror ({@code manifest.json}, {@code
     * exports/station.csv}, {@code checkpoint}, …), as seen from the page being rendered; empty on the
     * live site.
     */
    default Optional<String> publicationFile(String path) {
        return Optional.empty();
    }

    /**
     * The href of the Atom feed in {@code lang} ({@code /{lang}/feed.atom} on the live site, the file {@code
     * {lang}/feed.atom} at a mirror's root), which every page's head names as its alternate.
     */
    default String feed(Lang lang) {
        String path = lang.code() + "/feed.atom";
        return publicationFile(path).orElse("/" + path);
    }

    /** The languages the site has pages in: the language switcher offers these. */
    default List<Lang> languages() {
        return List.of(Lang.values());
    }
}
