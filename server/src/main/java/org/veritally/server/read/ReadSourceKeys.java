package org.veritally.server.read;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.veritally.core.rulebook.KeyRing;
import org.veritally.core.validation.ReadRule;
import org.veritally.server.state.ElectionState;

/**
 * Use case: a source's key page ({@code GET /api/sources/{id}/keys}, docs/api.md): whether it signs,
 * which accounts hold a live key, every key and revocation entry of the source in log order, and,
 * after a revocation with no live key left, from when an unendorsed new key would count (the
 * cooling-off period, KEY-COOL). What the party watches for. Stateless; reads the state's {@link
 * KeyRing}, which is thread-safe.
 */
public final class ReadSourceKeys {
    private ReadSourceKeys() {}

    /**
     * The page of source {@code id}.
     *
     * @throws UsageProblem if no such source is declared (RD-VIEW)
     */
    public static Map<String, Object> of(ElectionState state, String id) {
        var el = state.election().orElseThrow(() -> new UsageProblem(ReadRule.RD_ELECTION, "no election yet"));
        if (state.tabulation().sourceIndex(id) < 0)
            throw new UsageProblem(ReadRule.RD_VIEW, "no source '" + id + "' is declared");
        KeyRing ring = state.keys();
        List<Object> history = new ArrayList<>();
        for (KeyRing.Event e : ring.history(id)) {
            // the entry as the log holds it (every member: account, key, time, endorser, reason, …), and its index
            var m = new LinkedHashMap<String, Object>();
            m.put("index", e.index());
            try {
                m.putAll(org.veritally.formats.canonical.JsonTree.asObject(
                        org.veritally.formats.canonical.JsonTree.parse(
                                state.codec().encode(e.entry()))));
            } catch (org.veritally.formats.canonical.JsonTree.JsonError ex) {
                throw new IllegalStateException("the codec wrote an entry that does not parse", ex);
            }
            history.add(m);
        }
        var out = new LinkedHashMap<String, Object>();
        out.put("source", id);
        out.put("signs", ring.signs(id));
        List<String> live = ring.liveAccounts(id);
        out.put("liveAccounts", live);
        out.put("keyCoolingOffHours", el.keyCoolingOffHours());
        if (live.isEmpty())
            ring.lastRevocation(id)
                    .ifPresent(t -> out.put(
                            "unendorsedKeyFrom", KeyRing.format(t.plus(Duration.ofHours(el.keyCoolingOffHours())))));
        out.put("history", history);
        return out;
    }
}
