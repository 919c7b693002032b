package org.veritally.web.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.veritally.core.model.Source;
import org.veritally.core.tabulate.Tabulation;
import org.veritally.web.model.Option;

/**
 * The views a reader may choose: {@code official} when an authority source is declared, and each
 * source as {@code source:<id>}, and {@code consensus} (stations whose copies agree, by the
 * election's consensus policy). The default is official when it exists, else the first declared
 * source (so a data directory holding only an opposition's copies still shows its figures).
 * Stateless.
 */
public final class Views {
    public static final String OFFICIAL = "official";
    public static final String CONSENSUS = "consensus";

    private Views() {}

    /** The default view, or empty when no source is declared yet. */
    public static Optional<String> defaultView(Tabulation tab) {
        if (tab.authority().isPresent()) return Optional.of(OFFICIAL);
        return tab.sources().stream().findFirst().map(s -> "source:" + s.id());
    }

    /**
     * The view the reader asked for (or the default), checked against the declared sources.
     *
     * @throws NotFound when the view does not exist, or no source is declared at all
     */
    public static String resolve(Tabulation tab, Optional<String> asked) {
        if (asked.isEmpty()) return defaultView(tab).orElseThrow(() -> new NotFound("notfound.view", OFFICIAL));
        String v = asked.get();
        if (v.equals(OFFICIAL) && tab.authority().isPresent()) return v;
        if (v.equals(CONSENSUS) && !tab.sources().isEmpty()) return v;
        if (v.startsWith("source:") && tab.sourceIndex(v.substring(7)) >= 0) return v;
        throw new NotFound("notfound.view", v);
    }

    /**
     * Every view as a selector option, the chosen one marked. The authority's own source view is the
     * official view under another name, so it is listed only when the reader is on it.
     */
    public static List<Option> options(Tabulation tab, String chosen) {
        List<Option> out = new ArrayList<>();
        Optional<String> authority = tab.authority().map(Source::id);
        if (authority.isPresent()) out.add(new Option(OFFICIAL, "view.official", true, chosen.equals(OFFICIAL)));
        for (Source s : tab.sources()) {
            String w = "source:" + s.id();
            if (authority.isPresent() && authority.get().equals(s.id()) && !chosen.equals(w)) continue;
            out.add(new Option(w, s.name(), false, chosen.equals(w)));
        }
        if (!tab.sources().isEmpty()) out.add(new Option(CONSENSUS, "view.consensus", true, chosen.equals(CONSENSUS)));
        return out;
    }
}
