package org.veritally.server.intake;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.veritally.core.model.Catalogue;
import org.veritally.core.model.Election;
import org.veritally.core.model.TallySheet;
import org.veritally.core.reconcile.CopyDigest;
import org.veritally.core.reconcile.CopyKey;
import org.veritally.core.tabulate.Tabulation;
import org.veritally.core.tabulate.Tally;
import org.veritally.core.tabulate.TallyKey;
import org.veritally.server.state.ElectionState;
import org.veritally.store.Tx;

/**
 * The copies one batch makes current, whether sheets or agreed transcriptions (docs/transcription.md): each
 * is staged in the tabulation and the reconciliation as it is accepted, written with the batch's entries in
 * its transaction ({@link #write}: the current copy, the totals, the stations' status), and made visible
 * only after that transaction committed ({@link #publish}). The one copy-apply step of the
 * {@link Sequencer} and {@link RecordTranscription}. Not thread-safe; one per batch, under the single
 * writer's monitor.
 */
final class CopyStage {
    private final ElectionState state;
    private final Reconciler reconciler;
    private final List<Staged> staged = new ArrayList<>();
    private Tabulation.Batch batch; // begun at the batch's first copy

    private record Staged(long index, TallySheet sheet, CopyDigest digest) {}

    CopyStage(ElectionState state, Reconciler.SheetLookup log) {
        this.state = state;
        this.reconciler = new Reconciler(state, log);
    }

    /**
     * Stages {@code sheet}, accepted at log index {@code index}, as the current copy at {@code copyKey}, in place
     * of {@code replaced} (the copy it supersedes, if any).
     */
    void add(long copyKey, long index, TallySheet sheet, Optional<TallySheet> replaced) {
        if (batch == null) batch = state.tabulation().begin();
        int station = CopyKey.station(copyKey);
        int contest = CopyKey.contest(copyKey);
        int source = CopyKey.source(copyKey);
        // the rulebook resolved the copy key from the sheet's ids: no second lookup of the station id (issue 15)
        batch.add(station, contest, source, sheet, replaced);
        CopyDigest d = reconciler.accept(station, contest, source, index, sheet, batch);
        staged.add(new Staged(index, sheet, d));
    }

    /** In the batch's transaction: every staged copy, the totals it changed and the stations' status. */
    void write(Tx tx) {
        writes().accept(tx);
    }

    /**
     * The writes of {@link #write}, with the changed totals computed now: a bulk import runs them later, on its
     * writer's thread, after {@link #publish} has made the totals live (computed then, they would be empty or
     * counted twice).
     */
    Consumer<Tx> writes() {
        if (batch == null) return tx -> {};
        List<Staged> copies = List.copyOf(staged);
        Map<TallyKey, Tally> totals = batch.changed();
        Election e = state.requireElection();
        Catalogue cat = state.catalogue();
        Tabulation tab = state.tabulation();
        return tx -> {
            for (Staged p : copies) {
                TallySheet s = p.sheet();
                tx.upsertSheet(
                        s.stationId(),
                        s.contestId(),
                        s.sourceId(),
                        p.index(),
                        s.counts(),
                        s.votes(),
                        p.digest().core(),
                        p.digest().optional());
            }
            totals.forEach((k, t) -> tx.upsertTotal(
                    cat.unit(k.unit()).id(), e.contests().get(k.contest()).id(), tab.viewId(k.source()), t));
            reconciler.write(tx);
        };
    }

    /**
     * After the commit: the new totals and verdicts are visible. Returns the IDs of the units whose totals
     * changed, for the live feed ({@link LogAppender#committed}).
     */
    Set<String> publish() {
        Set<String> units = new LinkedHashSet<>();
        if (batch == null) return units;
        Catalogue cat = state.catalogue();
        batch.touched().forEach(k -> units.add(cat.unit(k.unit()).id()));
        batch.publish();
        reconciler.publish();
        return units;
    }
}
