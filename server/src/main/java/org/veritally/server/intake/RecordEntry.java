package org.veritally.server.intake;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.veritally.core.entry.AnnouncementEntry;
import org.veritally.core.entry.Entry;
import org.veritally.core.entry.KeyEntry;
import org.veritally.server.auth.Accounts;
import org.veritally.server.state.ElectionState;
import org.veritally.store.Tx;

/**
 * Use case: record one entry that is written on its own rather than in a batch of sheets, through
 * the use case of its kind: an announcement ({@link RecordAnnouncement}), a key registration or
 * revocation ({@link RegisterKey}), evidence ({@link RecordEvidence}) or an audit's definition, seed or hand
 * count ({@link RecordAudit}; a round's risk is computed by the server, never submitted). The answer has
 * the form of a sheet batch's ({@link Outcome}), one record located at {@code location}, so the sequencer can
 * answer a queued entry as it answers a queued sheet. Thread-safe (the use cases take the single writer's monitor).
 */
public final class RecordEntry {
    private final ElectionState state;
    private final RecordAnnouncement announcements;
    private final RegisterKey keys;
    private final RecordEvidence evidence;
    private final Optional<RecordTranscription> transcriptions;
    private final Accounts accounts;
    private Optional<RecordAudit> audits = Optional.empty();

    public RecordEntry(
            ElectionState state,
            RecordAnnouncement announcements,
            RegisterKey keys,
            RecordEvidence evidence,
            Accounts accounts) {
        this(state, announcements, keys, evidence, Optional.empty(), accounts);
    }

    /** As the other constructor, and records transcriptions, flags and pauses through {@code transcriptions}. */
    public RecordEntry(
            ElectionState state,
            RecordAnnouncement announcements,
            RegisterKey keys,
            RecordEvidence evidence,
            Optional<RecordTranscription> transcriptions,
            Accounts accounts) {
        this.state = state;
        this.announcements = announcements;
        this.keys = keys;
        this.evidence = evidence;
        this.transcriptions = transcriptions;
        this.accounts = accounts;
    }

    /** Records audit definitions, seed reveals and hand counts through {@code audits} (issue 19). */
    public RecordEntry withAudits(RecordAudit audits) {
        this.audits = Optional.of(audits);
        return this;
    }

    /**
     * Where an entry goes: this process's use case, or, on an instance that is not the sequencer, the
     * database's submission queue. Either way the outcome is returned only after an accepted entry is
     * durably in the log.
     */
    @FunctionalInterface
    public interface Intake {
        Outcome submit(Entry entry, String account, String location);
    }

    /** Whether entries of this kind are recorded one by one here (sheets go through the {@link Sequencer}). */
    public static boolean records(Entry e) {
        return e.accept(new Route<>(
                a -> true,
                k -> true,
                r -> true,
                v -> true,
                t -> true,
                u -> !(u.record() instanceof org.veritally.core.audit.AuditRisk),
                () -> false));
    }

    /**
     * Records {@code entry} as written by {@code account}.
     *
     * @throws IllegalArgumentException if it is not an announcement or a key ({@link #records})
     */
    public Outcome record(Entry entry, String account, String location) {
        return record(entry, account, location, Optional.empty());
    }

    /**
     * As {@link #record(Entry, String, String)}, and commits the writes {@code alongside} derives from
     * the outcome in the transaction that appends the entry (in one of their own when nothing is
     * appended).
     */
    public Outcome record(Entry entry, String account, String location, Function<Outcome, Consumer<Tx>> alongside) {
        return record(entry, account, location, Optional.of(alongside));
    }

    private Outcome record(
            Entry entry, String account, String location, Optional<Function<Outcome, Consumer<Tx>>> alongside) {
        Optional<Function<EntryResult, Consumer<Tx>>> then = alongside.map(a -> r -> a.apply(outcome(r, location)));
        EntryResult r = entry.accept(new Route<>(
                a -> announcements.record(a.announcement(), account, location, then),
                k -> keys.register(accounts, k, account, location, then),
                rv -> keys.revoke(accounts, rv, account, location, then),
                v -> evidence.record(v, account, location, then),
                t -> transcriptions
                        .orElseThrow(() -> new IllegalStateException("no transcription use case is wired"))
                        .record(t, account, location, then),
                u -> audits.orElseThrow(() -> new IllegalStateException("no audit use case is wired"))
                        .record(u.record(), account, location, then),
                () -> {
                    throw new IllegalArgumentException("a " + entry.kind() + " entry is not recorded on its own");
                }));
        return outcome(r, location);
    }

    /** Routes the kinds recorded one by one here; every other kind goes to {@code elsewhere}. */
    private record Route<R>(
            java.util.function.Function<AnnouncementEntry, R> announcement,
            java.util.function.Function<KeyEntry, R> key,
            java.util.function.Function<org.veritally.core.entry.RevocationEntry, R> revocation,
            java.util.function.Function<org.veritally.core.entry.EvidenceEntry, R> evidence,
            java.util.function.Function<org.veritally.core.entry.TranscriptionWork, R> transcription,
            java.util.function.Function<org.veritally.core.entry.AuditEntry, R> audit,
            java.util.function.Supplier<R> elsewhere)
            implements org.veritally.core.entry.EntryVisitor<R> {
        @Override
        public R election(org.veritally.core.entry.ElectionEntry e) {
            return elsewhere.get();
        }

        @Override
        public R catalogue(org.veritally.core.entry.CatalogueEntry e) {
            return elsewhere.get();
        }

        @Override
        public R source(org.veritally.core.entry.SourceEntry e) {
            return elsewhere.get();
        }

        @Override
        public R key(KeyEntry e) {
            return key.apply(e);
        }

        @Override
        public R revocation(org.veritally.core.entry.RevocationEntry e) {
            return revocation.apply(e);
        }

        @Override
        public R sheet(org.veritally.core.entry.SheetEntry e) {
            return elsewhere.get();
        }

        @Override
        public R announcement(AnnouncementEntry e) {
            return announcement.apply(e);
        }

        @Override
        public R evidence(org.veritally.core.entry.EvidenceEntry e) {
            return evidence.apply(e);
        }

        @Override
        public R transcription(org.veritally.core.entry.TranscriptionWork e) {
            return transcription.apply(e);
        }

        @Override
        public R audit(org.veritally.core.entry.AuditEntry e) {
            return audit.apply(e); // issue 19: definitions, seeds and hand counts (RecordAudit)
        }
    }

    /**
     * The result as a one-record outcome; a new entry's log size is its index + 1 (read before the in-memory size
     * moves).
     */
    private Outcome outcome(EntryResult r, String location) {
        if (!r.problems().isEmpty()) return new Outcome(List.of(), r.problems(), state.logSize(), false);
        long size = r.idempotent() ? state.logSize() : r.index() + 1;
        return new Outcome(
                List.of(new Accepted(location, r.index(), new byte[0], r.idempotent(), r.flags())),
                List.of(),
                size,
                !r.idempotent());
    }
}
