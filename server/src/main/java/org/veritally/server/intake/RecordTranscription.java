package org.veritally.server.intake;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.veritally.core.entry.TranscriptionWork;
import org.veritally.core.rulebook.Decision;
import org.veritally.core.transcribe.PhotoOutcome;
import org.veritally.core.validation.Problem;
import org.veritally.server.state.ElectionState;
import org.veritally.store.Store;
import org.veritally.store.Tx;

/**
 * Use case: record a transcription, a transcription flag or a transcriber pause (docs/transcription.md)
 * as the rulebook allows (the TR rules). When the rulebook derives an agreed copy from it, the copy is
 * applied in the same transaction as the entry, exactly as a sheet of the photo's source would be
 * (tabulation, current copy, reconciliation): whoever replays the log derives the same copy at the same
 * index. Thread-safe (synchronized on the sequencer, the single writer).
 */
public final class RecordTranscription {
    private final Store store;
    private final ElectionState state;
    private final LogAppender appender;
    private final Object writeLock;
    private final Reconciler.SheetLookup log;

    public RecordTranscription(Store store, ElectionState state, LogAppender appender, Sequencer sequencer) {
        this.store = store;
        this.state = state;
        this.appender = appender;
        this.writeLock = sequencer;
        this.log = sequencer::sheetAt;
    }

    /** Records {@code entry} written by {@code account}; an accepted result carries the rulebook's flags. */
    EntryResult record(
            TranscriptionWork entry,
            String account,
            String where,
            Optional<Function<EntryResult, Consumer<Tx>>> alongside) {
        synchronized (writeLock) {
            state.requireElection();
            long idx = state.logSize();
            StateLedger ledger = new StateLedger(state, log);
            Decision d = state.rulebook().decide(ledger, idx, entry, where);
            if (d instanceof Decision.Repeat r)
                return new EntryResult(List.of(), r.index(), true).commitAlone(store, alongside);
            if (d instanceof Decision.Refuse r)
                return EntryResult.rejected(r.problems()).commitAlone(store, alongside);
            Decision.Accept ok = (Decision.Accept) d;
            byte[] bytes = state.codec().encode(entry);
            var tooLarge = org.veritally.core.rulebook.EntrySize.check(bytes, where);
            if (tooLarge.isPresent())
                return EntryResult.rejected(List.of(tooLarge.get())).commitAlone(store, alongside);
            EntryResult recorded = new EntryResult(List.of(), idx, false, ok.flags());
            var copies = new CopyStage(state, log);
            ok.photo().flatMap(PhotoOutcome::copy).ifPresent(s -> copies.add(ok.copyKey(), idx, s, Optional.empty()));
            var prepared = appender.prepare(state, List.of(new LogAppender.NewEntry(entry.kind(), bytes, account)));
            store.write(tx -> {
                appender.write(tx, prepared);
                for (Problem p : ok.flags()) tx.putFlag(idx, p.rule().id(), p.message());
                copies.write(tx);
                alongside.ifPresent(x -> x.apply(recorded).accept(tx));
                return null;
            });
            state.transcriptions().apply(idx, entry, ok.photo());
            // after an agreed copy's totals are visible, so a live page told of the checkpoint reads them
            appender.committed(state, prepared.appended(), copies.publish());
            return recorded;
        }
    }
}
