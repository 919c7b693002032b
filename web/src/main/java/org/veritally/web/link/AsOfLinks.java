package org.veritally.web.link;

import java.util.List;
import java.util.Optional;
import org.veritally.web.i18n.Lang;

/**
 * Links of a page shown as of log size N ({@code /{lang}/at/{N}/…}, issue 18): the overview, unit and
 * station pages stay at that size (a permanent address), every other page is the live one. Such a
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
        return k == PageRef.Kind.OVERVIEW || k == PageRef.Kind.UNIT || k == PageRef.Kind.STATION;
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

    @Override
    public Optional<String> api(String path, String... params) {
        return live.api(path, params);
    }

    @Override
    public List<Lang> languages() {
        return live.languages();
    }
}
