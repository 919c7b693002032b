package org.veritally.server.intake;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.veritally.core.model.TallySheet;
import org.veritally.core.reconcile.Copy;
import org.veritally.core.reconcile.CopyDigest;
import org.veritally.core.reconcile.StationStatus;
import org.veritally.core.reconcile.Verdict;
import org.veritally.core.tabulate.Tabulation;
import org.veritally.server.state.CurrentSheetIndex;
import org.veritally.server.state.ElectionState;
import org.veritally.store.Tx;

/**
 * Stages the reconciliation of one batch: for every accepted copy it recomputes the verdict of its
 * station × contest from the copies before and after (so the state is always a function of the
 * current copies), moves the consensus totals when the counted copy changes, and after the commit
 * updates the live counters. Used alike by the sequencer and by {@code rebuild}. Not thread-safe;
 * one per batch.
 */
final class Reconciler {
    /** Loads a sheet by its log index (from the log itself). */
    interface SheetLookup {
        TallySheet sheetAt(long entryIndex);
    }

    private record Change(int station, int contest, Verdict after, int singleAfter, int singleBefore) {}

    private final ElectionState state;
    private final SheetLookup lookup;
    private final Map<Long, Copy> copies = new HashMap<>();
    private final Map<Long, TallySheet> sheetsByIndex = new HashMap<>();
    private final List<Change> changes = new ArrayList<>();
    private final Map<Integer, Change> finalBySlot = new LinkedHashMap<>();

    Reconciler(ElectionState state, SheetLookup lookup) {
        this.state = state;
        this.lookup = lookup;
    }

    /** Copy of {@code key} as of this batch so far, if any. */
    private Optional<Copy> copyAt(int station, int contest, int source) {
        long key = org.veritally.core.reconcile.CopyKey.of(station, contest, source);
        Copy c = copies.get(key);
        if (c != null) return Optional.of(c);
        long idx = state.sheets().get(key);
        return idx < 0
                ? Optional.empty()
                : Optional.of(new Copy(source, idx, state.sheets().digest(key)));
    }

    /** Stages a new current copy of a source; returns its digest (stored with the sheet). */
    CopyDigest accept(int station, int contest, int source, long entryIndex, TallySheet sheet, Tabulation.Batch batch) {
        int sources = state.tabulation().sourceCount();
        List<Copy> before = new ArrayList<>(sources);
        List<Copy> after = new ArrayList<>(sources);
        Copy mine = new Copy(source, entryIndex, CopyDigest.of(sheet));
        for (int j = 0; j < sources; j++) {
            Optional<Copy> c = copyAt(station, contest, j);
            c.ifPresent(before::add);
            if (j == source) after.add(mine);
            else c.ifPresent(after::add);
        }
        var policy = state.requireElection().consensus();
        Verdict vb = Verdict.of(before, policy);
        Verdict va = Verdict.of(after, policy);
        sheetsByIndex.put(entryIndex, sheet);
        long cb = vb.consensus().map(Copy::entryIndex).orElse(-1L);
        long ca = va.consensus().map(Copy::entryIndex).orElse(-1L);
        if (cb != ca) {
            if (cb >= 0) batch.addTo(Tabulation.CONSENSUS, station, contest, sheetAt(cb), -1);
            if (ca >= 0) batch.addTo(Tabulation.CONSENSUS, station, contest, sheetAt(ca), 1);
        }
        copies.put(org.veritally.core.reconcile.CopyKey.of(station, contest, source), mine);
        Change ch = new Change(station, contest, va, single(va, after), single(vb, before));
        changes.add(ch);
        finalBySlot.put(state.reconciliation().slot(station, contest), ch);
        return mine.digest();
    }

    private static int single(Verdict v, List<Copy> copies) {
        return v.status() == StationStatus.SINGLE ? copies.get(0).source() : -1;
    }

    private TallySheet sheetAt(long idx) {
        TallySheet s = sheetsByIndex.get(idx);
        return s != null ? s : lookup.sheetAt(idx);
    }

    /**
     * Writes the final status of every touched station × contest (projection {@code station_status}),
     * single-copy stations included: exports, statistics and the consensus joins read this table.
     */
    void write(Tx tx) {
        var cat = state.catalogue();
        var e = state.requireElection();
        for (Change c : finalBySlot.values()) {
            tx.upsertStatus(
                    cat.station(c.station()).id(),
                    e.contests().get(c.contest()).id(),
                    c.after().status().wire(),
                    c.after().consensus().map(Copy::entryIndex).orElse(-1L));
        }
    }

    /**
     * After commit: the digests into the index, the verdicts into the live state, both under the index's monitor,
     * so a reader holding it (a unit page's station rows, {@link CurrentSheetIndex}) sees a batch whole or not at all.
     */
    void publish() {
        CurrentSheetIndex index = state.sheets();
        var r = state.reconciliation();
        synchronized (index) {
            copies.forEach((k, c) -> index.put(k, c.entryIndex(), c.digest()));
            for (Change c : changes) {
                r.set(
                        c.station(),
                        c.contest(),
                        c.after().status(),
                        c.singleAfter(),
                        c.singleBefore(),
                        c.after().consensus().map(Copy::entryIndex).orElse(-1L));
            }
        }
    }
}
