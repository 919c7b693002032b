package org.veritally.server.intake;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.veritally.core.model.Catalogue;
import org.veritally.core.model.Election;
import org.veritally.core.model.TallySheet;
import org.veritally.core.rulebook.LedgerView;
import org.veritally.server.state.ElectionState;

/**
 * The {@link LedgerView} the rulebook reads on this side: the live {@link ElectionState} plus the
 * sheets of the batch in hand, which are decided in order but reach the state only after their
 * transaction commits. A current copy's numbers come from the batch or, by log index, from the log
 * ({@link Reconciler.SheetLookup}). Not thread-safe; one per batch, under the single writer's monitor.
 */
class StateLedger implements LedgerView {
    private final ElectionState state;
    private final Reconciler.SheetLookup log;
    private final Map<Long, Staged> staged = new HashMap<>();
    private org.veritally.core.transcribe.TranscriptionBook transcriptions;

    private record Staged(long index, TallySheet sheet) {}

    StateLedger(ElectionState state, Reconciler.SheetLookup log) {
        this.state = state;
        this.log = log;
    }

    /**
     * Makes {@code sheet}, accepted at {@code index}, the current copy at {@code copyKey} for the rest of the batch.
     */
    void stage(long copyKey, long index, TallySheet sheet) {
        staged.put(copyKey, new Staged(index, sheet));
    }

    /**
     * From now on the rulebook reads the state's transcription work with the batch's on top: the returned book,
     * to which the caller applies each accepted piece of work of the batch (the state's book is applied to after
     * the commit).
     */
    org.veritally.core.transcribe.TranscriptionBook stageTranscriptions() {
        if (transcriptions == null)
            transcriptions = org.veritally.core.transcribe.TranscriptionBook.over(state.transcriptions());
        return transcriptions;
    }

    @Override
    public Optional<Election> election() {
        return state.election();
    }

    @Override
    public Catalogue catalogue() {
        return state.catalogue();
    }

    @Override
    public int sourceIndex(String id) {
        return state.election().isEmpty() ? -1 : state.tabulation().sourceIndex(id);
    }

    @Override
    public Optional<String> authority() {
        return state.election().isEmpty()
                ? Optional.empty()
                : state.tabulation().authority().map(s -> s.id());
    }

    @Override
    public boolean hasAuthority() {
        return state.election().isPresent() && state.tabulation().authority().isPresent();
    }

    @Override
    public org.veritally.core.rulebook.KeyRing keys() {
        return state.keys();
    }

    @Override
    public org.veritally.core.rulebook.AuditBook audits() {
        return state.audits();
    }

    @Override
    public Optional<Recorded> announcement(String id) {
        return state.announcement(id);
    }

    @Override
    public List<Filed> evidence(String sha256) {
        return state.evidence(sha256);
    }

    @Override
    public org.veritally.core.transcribe.TranscriptionBook transcriptions() {
        return transcriptions != null ? transcriptions : state.transcriptions();
    }

    @Override
    public long currentIndex(long copyKey) {
        Staged s = staged.get(copyKey);
        return s != null ? s.index() : state.sheets().get(copyKey);
    }

    @Override
    public TallySheet currentSheet(long copyKey) {
        Staged s = staged.get(copyKey);
        return s != null ? s.sheet() : log.sheetAt(state.sheets().get(copyKey));
    }
}
