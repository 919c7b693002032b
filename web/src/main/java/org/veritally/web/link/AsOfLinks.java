package org.veritally.web.link;

import java.util.List;
import java.util.Optional;
import org.veritally.web.i18n.Lang;

/**
 * Links of a page shown as of log size N ({@code /{lang}/at/{N}/…}, issue 18): the results views (overview,
 * unit, station, disputed stations, announcements, statistics, the reporting timeline) stay at that size (a
 * permanent address); every other page (search, downloads, the forms) is the live one. Such a
 * page polls nothing: its figures never change. Immutable and thread-safe.
 */
public final class AsOfLinks implements Links {
    private final Links live;
    private final long size;

    public AsOfLinks(Links live, long size) {
        this.live = live;
        this.size = size;
    }

    /** Whether a page of this kind has an as-of address. */
    public static boolean kept(PageRef.Kind k) {
        return switch (k) {
            case OVERVIEW, UNIT, STATION, DISCREPANCIES, ANNOUNCEMENTS, STATISTICS, TIMELINE -> true;
            case SEARCH, DOWNLOADS, UPLOAD, TRANSCRIBE, MODERATE, CAMPAIGN, DIFF, AUDITS, AUDIT, AUDIT_FORM -> false;
        };
    }

    @Override
    public String page(Lang lang, PageRef target) {
        String href = live.page(lang, target);
        if (!kept(target.kind())) return href;
        String prefix = "/" + lang.code() + "/";
        return prefix + "at/" + size + "/" + href.substring(prefix.length());
    }

    @Override
    public String asset(String fileName) {
        return live.asset(fileName);
    }

    @Override
    public String evidence(String sha256) {
        return live.evidence(sha256);
    }

    @Override
    public String database() {
        return live.database();
    }

    @Override
    public Optional<String> liveResults(String unitId, String contestId, String view) {
        return Optional.empty();
    }

    @Override
    public boolean hasSearch() {
        return live.hasSearch();
    }

    @Override
    public String receipt(long index) {
        return live.receipt(index);
    }

    /** The API answers that take {@code ?at=N} (docs/api.md, "As of a checkpoint"). */
    static final java.util.Set<String> AS_OF_API = java.util.Set.of(
            "/api/results",
            "/api/discrepancies",
            "/api/discrepancies/summary",
            "/api/announcements",
            "/api/stats/forensics",
            "/api/stats/forensics/fingerprint.svg",
            "/api/stats/quickcount",
            "/api/stats/irreversible",
            "/api/timeline");

    /** The API answer at this size where it has one (so a page's JSON link shows what the page shows), else live. */
    @Override
    public Optional<String> api(String path, String... params) {
        if (!AS_OF_API.contains(path) && !path.startsWith("/api/units/")) return live.api(path, params);
        String[] withAt = java.util.Arrays.copyOf(params, params.length + 2);
        withAt[params.length] = "at";
        withAt[params.length + 1] = Long.toString(size);
        return live.api(path, withAt);
    }

    @Override
    public List<Lang> languages() {
        return live.languages();
    }
}
