package org.veritally.server.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.veritally.core.entry.TranscriptionWork;
import org.veritally.core.rulebook.Decision;
import org.veritally.core.transcribe.PhotoOutcome;
import org.veritally.core.transcribe.TranscriptionBook;
import org.veritally.core.validation.Problem;
import org.veritally.server.state.ElectionState;
import org.veritally.store.Store;
import org.veritally.store.Tx;

/**
 * Use case: record transcriptions, transcription flags and transcriber pauses (docs/transcription.md) as the
 * rulebook allows (the TR rules), a batch at a time in one transaction ({@link GroupCommit} queues online
 * work into batches). Each piece of work is decided in order, as if the accepted ones before it in the batch
 * were already in the log; a refused one refuses only itself. When the rulebook derives an agreed copy, the
 * copy is applied in the batch's transaction exactly as a sheet of the photo's source would be ({@link
 * CopyStage}): whoever replays the log derives the same copy at the same index. Nothing is visible, nor
 * answered, before the transaction committed. Thread-safe (synchronized on the sequencer, the single writer).
 */
public final class RecordTranscription {
    private final Store store;
    private final ElectionState state;
    private final LogAppender appender;
    private final Object writeLock;
    private final Reconciler.SheetLookup log;

    /** One piece of work: the entry, the account that did it, and where it came from (its problems' location). */
    public record Work(TranscriptionWork entry, String account, String location) {}

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
        Outcome o = record(List.of(new Work(entry, account, where)), alongside.map(a -> out -> a.apply(result(out))));
        return result(o);
    }

    private static EntryResult result(Outcome o) {
        if (!o.rejected().isEmpty()) return EntryResult.rejected(o.rejected());
        Accepted a = o.accepted().get(0);
        return new EntryResult(List.of(), a.index(), a.idempotent(), a.flags());
    }

    private record Applied(long index, Work work, Optional<PhotoOutcome> photo, List<Problem> flags) {}

    /**
     * Records {@code work} in one transaction, with the writes {@code alongside} derives from the outcome (in a
     * transaction of their own when nothing is appended). The outcome has every accepted piece (a new entry with
     * its leaf hash and receipt, or a repeat of one in the log) and every problem, each at its work's location.
     */
    public Outcome record(List<Work> work, Optional<Function<Outcome, Consumer<Tx>>> alongside) {
        synchronized (writeLock) {
            state.requireElection();
            long next = state.logSize();
            StateLedger ledger = new StateLedger(state, log);
            TranscriptionBook book = ledger.stageTranscriptions();
            CopyStage copies = new CopyStage(state, log);
            List<Accepted> accepted = new ArrayList<>();
            List<Problem> rejected = new ArrayList<>();
            List<LogAppender.NewEntry> entries = new ArrayList<>();
            List<Applied> applied = new ArrayList<>();
            for (Work w : work) {
                Decision d = state.rulebook().decide(ledger, next, w.entry(), w.location());
                if (d instanceof Decision.Repeat r) {
                    accepted.add(new Accepted(w.location(), r.index(), new byte[0], true, List.of()));
                    continue;
                }
                if (d instanceof Decision.Refuse r) {
                    rejected.addAll(r.problems());
                    continue;
                }
                Decision.Accept ok = (Decision.Accept) d;
                byte[] bytes = state.codec().encode(w.entry());
                var tooLarge = org.veritally.core.rulebook.EntrySize.check(bytes, w.location());
                if (tooLarge.isPresent()) {
                    rejected.add(tooLarge.get());
                    continue;
                }
                long idx = next++;
                book.apply(idx, w.entry(), ok.photo()); // the rest of the batch is decided with it
                ok.photo().flatMap(PhotoOutcome::copy).ifPresent(s -> {
                    copies.add(ok.copyKey(), idx, s, Optional.empty());
                    ledger.stage(ok.copyKey(), idx, s);
                });
                entries.add(new LogAppender.NewEntry(w.entry().kind(), bytes, w.account()));
                applied.add(new Applied(idx, w, ok.photo(), ok.flags()));
            }
            if (entries.isEmpty()) {
                Outcome none = new Outcome(accepted, rejected, state.logSize(), false);
                alongside.ifPresent(a -> store.write(tx -> {
                    a.apply(none).accept(tx);
                    return null;
                }));
                return none;
            }
            var prepared = appender.prepare(state, entries);
            var appended = prepared.appended();
            List<String> receipts = prepared.receipts(new org.veritally.store.StoreHashReader(store));
            for (int i = 0; i < applied.size(); i++) {
                Applied a = applied.get(i);
                accepted.add(new Accepted(
                        a.work().location(),
                        a.index(),
                        appended.leafHashes().get(i),
                        false,
                        a.flags(),
                        Optional.of(receipts.get(i))));
            }
            Outcome out = new Outcome(accepted, rejected, appended.tree().size(), true);
            store.write(tx -> {
                appender.write(tx, prepared);
                for (Applied a : applied)
                    for (Problem p : a.flags()) tx.putFlag(a.index(), p.rule().id(), p.message());
                copies.write(tx);
                alongside.ifPresent(x -> x.apply(out).accept(tx));
                return null;
            });
            for (Applied a : applied)
                state.transcriptions().apply(a.index(), a.work().entry(), a.photo());
            // after an agreed copy's totals are visible, so a live page told of the checkpoint reads them
            appender.committed(state, appended, copies.publish());
            return out;
        }
    }
}
