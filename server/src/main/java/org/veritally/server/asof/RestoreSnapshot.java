package org.veritally.server.asof;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.veritally.core.entry.ElectionEntry;
import org.veritally.core.model.Catalogue;
import org.veritally.core.model.Source;
import org.veritally.core.reconcile.CopyDigest;
import org.veritally.core.tabulate.Tally;
import org.veritally.core.tabulate.TallyKey;
import org.veritally.core.validation.Problem;
import org.veritally.formats.entry.EntryCodec;
import org.veritally.server.state.ElectionState;
import org.veritally.server.state.ReconciliationState;
import org.veritally.store.Store;
import org.veritally.store.StoreHashReader;
import org.veritally.translog.CompactRange;
import org.veritally.translog.LogHasher;

/**
 * Turns a {@link Snapshot} back into an {@link ElectionState} of its size, over a catalogue shared with other
 * as-of states (never written through it: {@link ElectionState#catalogueToExtend}). The election is entry 0
 * of the log, the sparse entries are read again from the log, and the snapshot's root must be the root of the
 * store's tree at its size: a snapshot of another log, or of a log since rebuilt otherwise, is refused.
 */
final class RestoreSnapshot {
    private static final String OUTCOME = "SELECT l.body, (SELECT MIN(f.rule) FROM sheet_flag f WHERE f.entry_idx ="
            + " l.idx AND f.rule IN ('TR-AGREE', 'TR-ESCALATE', 'TR-REJECT')) FROM log_entry l WHERE l.idx = ?";

    private RestoreSnapshot() {}

    /**
     * The state the snapshot holds, materialised: every tally and copy put into the state's own maps (a file
     * whose copies are not ordered by key, written before {@link MappedSnapshot}, can only be restored so).
     *
     * @throws SnapshotCodec.CorruptSnapshot if the snapshot does not fit the log or the catalogue
     */
    static ElectionState restore(Snapshot s, Store store, Catalogue shared) {
        checkRoot(s.size(), s.range(), store);
        ElectionState st = begin(s.size(), s.units(), s.stations(), s.sources(), store, shared);
        var tab = st.tabulation();
        var t = s.totals();
        for (int i = 0; i < t.count(); i++) {
            long[] c = t.counts();
            int o = 6 * i;
            tab.load(
                    new TallyKey(t.contest()[i], t.view()[i], t.unit()[i]),
                    Tally.of(
                            c[o],
                            c[o + 1],
                            c[o + 2],
                            c[o + 3],
                            c[o + 4],
                            c[o + 5],
                            Arrays.copyOfRange(t.votes(), t.voteStart()[i], t.voteStart()[i + 1])));
        }
        var copies = s.copies();
        st.sheets().reserve(copies.count());
        for (int i = 0; i < copies.count(); i++)
            st.sheets().put(copies.key()[i], copies.entry()[i], new CopyDigest(copies.core()[i], copies.optional()[i]));
        return finish(st, s.size(), s.range(), s.stations(), s.reconciliation(), s.sparse(), store);
    }

    /**
     * The state the snapshot holds, over its tallies and copies read in place ({@link MappedSnapshot}): nothing
     * per copy or tally is copied, so the cost is the reconciliation's two arrays and the sparse entries.
     *
     * @throws SnapshotCodec.CorruptSnapshot if the snapshot does not fit the log or the catalogue
     * @throws IllegalArgumentException if {@code m} cannot be read in place ({@link MappedSnapshot#inPlace})
     */
    static ElectionState restoreInPlace(MappedSnapshot m, Store store, Catalogue shared) {
        if (!m.inPlace()) throw new IllegalArgumentException("the snapshot of size " + m.size() + " is not ordered");
        if (!m.rootChecked()) {
            checkRoot(m.size(), m.range(), store);
            m.markRootChecked();
        }
        ElectionState st = begin(m.size(), m.units(), m.stations(), m.sources(), store, shared);
        st.tabulation().underlay(m.tallies());
        st.sheets().underlay(m.copies());
        return finish(st, m.size(), m.range(), m.stations(), m.reconciliation(), m.sparse(), store);
    }

    static void checkRoot(long size, CompactRange range, Store store) {
        LogHasher hasher = LogHasher.create();
        byte[] root = CompactRange.read(size, new StoreHashReader(store)).root(hasher);
        if (!Arrays.equals(root, range.root(hasher)))
            throw new SnapshotCodec.CorruptSnapshot("its root is not that of the log's tree of size " + size);
    }

    /** A state with the election (entry 0 of the log), the shared catalogue and the sources. */
    private static ElectionState begin(
            long size, int units, int stations, List<Source> sources, Store store, Catalogue shared) {
        if (shared.unitCount() != units || shared.stationCount() != stations)
            throw new SnapshotCodec.CorruptSnapshot("it names " + units + " units and " + stations
                    + " stations, the catalogue has " + shared.unitCount() + " and " + shared.stationCount());
        ElectionState st = new ElectionState();
        List<Problem> ps = new ArrayList<>();
        var first = new EntryCodec(Optional.empty())
                .decode(store.readLog(0, 1).get(0).body(), "log entry 0", ps)
                .orElseThrow(() -> new IllegalStateException("log entry 0: " + ps));
        st.defineSharing(((ElectionEntry) first).election(), shared);
        sources.forEach(st.tabulation()::addSource);
        return st;
    }

    /** The reconciliation, the sparse entries read again from the log, and the log's size and edge. */
    private static ElectionState finish(
            ElectionState st,
            long size,
            CompactRange range,
            int stations,
            ReconciliationState.Image reconciliation,
            long[] sparse,
            Store store) {
        int slots = stations * st.requireElection().contests().size();
        if (reconciliation.status().length != slots)
            throw new SnapshotCodec.CorruptSnapshot(
                    "its reconciliation has " + reconciliation.status().length + " slots, not " + slots);
        st.reconciliation().restore(reconciliation);
        var reported = ElectionState.storedReports(store);
        for (long idx : sparse)
            store.query(
                    OUTCOME,
                    List.of(idx),
                    row -> st.applySparse(
                            idx, Store.getBytes(row, 1), Optional.ofNullable(Store.getString(row, 2)), reported));
        st.advance(size, range);
        return st;
    }
}
