package org.veritally.server.intake;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.veritally.core.entry.AnnouncementEntry;
import org.veritally.core.model.Announcement;
import org.veritally.core.rulebook.Decision;
import org.veritally.server.state.ElectionState;
import org.veritally.store.Store;
import org.veritally.store.Tx;

/**
 * Use case: record an announcement of the authority as a log entry, as the rulebook allows
 * (AN-CONTEST, AN-CANDIDATE, AN-DUP). Recording the same announcement again is idempotent. Thread-safe (synchronized on
 * the
 * sequencer, the single writer).
 */
public final class RecordAnnouncement {
    private final Store store;
    private final ElectionState state;
    private final LogAppender appender;
    private final Object writeLock;

    public RecordAnnouncement(Store store, ElectionState state, LogAppender appender, Object writeLock) {
        this.store = store;
        this.state = state;
        this.appender = appender;
        this.writeLock = writeLock;
    }

    /** Problems (empty when recorded or already present), and the log index of the entry. */
    public EntryResult record(Announcement a, String account, String where) {
        return record(a, account, where, Optional.empty());
    }

    /**
     * As {@link #record(Announcement, String, String)}, and commits the writes {@code alongside}
     * derives from the result in the transaction that appends the entry (in one of their own when
     * nothing is appended): the sequencer's answer to a queued announcement then exists exactly when
     * its entry is durably in the log.
     */
    public EntryResult record(
            Announcement a, String account, String where, Function<EntryResult, Consumer<Tx>> alongside) {
        return record(a, account, where, Optional.of(alongside));
    }

    EntryResult record(
            Announcement a, String account, String where, Optional<Function<EntryResult, Consumer<Tx>>> alongside) {
        synchronized (writeLock) {
            state.requireElection();
            long idx = state.logSize();
            var entry = new AnnouncementEntry(a);
            Decision d = state.rulebook()
                    .decide(
                            new StateLedger(state, i -> {
                                throw new IllegalStateException("an announcement reads no sheet");
                            }),
                            idx,
                            entry,
                            where);
            if (d instanceof Decision.Repeat r)
                return new EntryResult(List.of(), r.index(), true).commitAlone(store, alongside);
            if (d instanceof Decision.Refuse r)
                return EntryResult.rejected(r.problems()).commitAlone(store, alongside);
            byte[] bytes = state.codec().encode(entry);
            var tooLarge = org.veritally.core.rulebook.EntrySize.check(bytes, where);
            if (tooLarge.isPresent())
                return EntryResult.rejected(List.of(tooLarge.get())).commitAlone(store, alongside);
            EntryResult recorded = new EntryResult(List.of(), idx, false);
            var appended = store.write(tx -> {
                var r = appender.append(tx, state, List.of(new LogAppender.NewEntry("announcement", bytes, account)));
                tx.putAnnouncement(a.id(), idx, new String(bytes, StandardCharsets.UTF_8));
                alongside.ifPresent(x -> x.apply(recorded).accept(tx));
                return r;
            });
            appender.committed(state, appended);
            state.addAnnouncement(new org.veritally.core.rulebook.LedgerView.Recorded(idx, a));
            return recorded;
        }
    }
}
