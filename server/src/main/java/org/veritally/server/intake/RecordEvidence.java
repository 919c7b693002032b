package org.veritally.server.intake;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.veritally.core.entry.EvidenceEntry;
import org.veritally.core.rulebook.Decision;
import org.veritally.core.rulebook.LedgerView;
import org.veritally.core.validation.Problem;
import org.veritally.server.state.ElectionState;
import org.veritally.store.Store;
import org.veritally.store.Tx;

/**
 * Use case: record an evidence entry (a photo's hashes, station, source and what a machine read from
 * it) as the rulebook allows (EV-STATION, EV-CONTEST, EV-SOURCE, AUTH-SIG, EV-DUP; EV-SAME is a
 * flag). The bytes are already in the blob store when this is called: the entry is appended only
 * after them, so an acknowledged entry never names bytes that are not kept. Recording the same entry
 * again is idempotent. Thread-safe (synchronized on the sequencer, the single writer).
 */
public final class RecordEvidence {
    private final Store store;
    private final ElectionState state;
    private final LogAppender appender;
    private final Object writeLock;

    public RecordEvidence(Store store, ElectionState state, LogAppender appender, Object writeLock) {
        this.store = store;
        this.state = state;
        this.appender = appender;
        this.writeLock = writeLock;
    }

    /** Records {@code entry} as filed by {@code account}; an accepted result carries the rulebook's flags (EV-SAME). */
    EntryResult record(
            EvidenceEntry entry,
            String account,
            String where,
            Optional<Function<EntryResult, Consumer<Tx>>> alongside) {
        synchronized (writeLock) {
            state.requireElection();
            long idx = state.logSize();
            Decision d = state.rulebook()
                    .decide(
                            new StateLedger(state, i -> {
                                throw new IllegalStateException("evidence reads no sheet");
                            }),
                            idx,
                            entry,
                            where);
            if (d instanceof Decision.Repeat r)
                return new EntryResult(List.of(), r.index(), true).commitAlone(store, alongside);
            if (d instanceof Decision.Refuse r)
                return EntryResult.rejected(r.problems()).commitAlone(store, alongside);
            List<Problem> flags = ((Decision.Accept) d).flags();
            byte[] bytes = state.codec().encode(entry);
            var tooLarge = org.veritally.core.rulebook.EntrySize.check(bytes, where);
            if (tooLarge.isPresent())
                return EntryResult.rejected(List.of(tooLarge.get())).commitAlone(store, alongside);
            EntryResult recorded = new EntryResult(List.of(), idx, false, flags);
            var appended = store.write(tx -> {
                var r = appender.append(tx, state, List.of(new LogAppender.NewEntry("evidence", bytes, account)));
                tx.putEvidence(entry.evidence(), idx, new String(bytes, StandardCharsets.UTF_8));
                for (Problem p : flags) tx.putFlag(idx, p.rule().id(), p.message());
                alongside.ifPresent(x -> x.apply(recorded).accept(tx));
                return r;
            });
            appender.committed(state, appended);
            state.addEvidence(new LedgerView.Filed(idx, entry));
            return recorded;
        }
    }
}
