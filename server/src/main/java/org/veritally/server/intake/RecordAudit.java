package org.veritally.server.intake;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.veritally.core.audit.AuditDefinition;
import org.veritally.core.audit.AuditMethod;
import org.veritally.core.audit.AuditRecord;
import org.veritally.core.audit.AuditRisk;
import org.veritally.core.audit.HandCount;
import org.veritally.core.audit.SeedReveal;
import org.veritally.core.audit.risk.AuditRounds;
import org.veritally.core.audit.risk.ReportedBatch;
import org.veritally.core.audit.risk.Round;
import org.veritally.core.entry.AuditEntry;
import org.veritally.core.rulebook.AuditBook;
import org.veritally.core.rulebook.AuditRecompute;
import org.veritally.core.rulebook.Decision;
import org.veritally.core.rulebook.KeyRing;
import org.veritally.core.rulebook.ReportedAtSeed;
import org.veritally.server.state.ElectionState;
import org.veritally.server.state.ReportedRows;
import org.veritally.store.Store;
import org.veritally.store.Tx;

/**
 * Use case: record the entries of a risk-limiting audit (docs/audit.md) as the one rulebook allows (AUD-DEFINE,
 * AUD-SEED, AUD-COUNT, AUD-ROUND): a definition, the seed's reveal and hand counts, and the {@code audit-round}
 * entry of a round, computed by {@link AuditRecompute}, the computation the rulebook holds it to (AUD-ROUND). A hand
 * count that completes its round appends the round's risk at once. Thread-safe (synchronized on the sequencer,
 * the single writer).
 */
public final class RecordAudit {
    private final Store store;
    private final ElectionState state;
    private final LogAppender appender;
    private final Sequencer sequencer;
    private final Clock clock;

    public RecordAudit(Store store, ElectionState state, LogAppender appender, Sequencer sequencer, Clock clock) {
        this.store = store;
        this.state = state;
        this.appender = appender;
        this.sequencer = sequencer;
        this.clock = clock;
    }

    public RecordAudit(Store store, ElectionState state, LogAppender appender, Sequencer sequencer) {
        this(store, state, appender, sequencer, Clock.systemUTC());
    }

    /** This process's time as audit entries write it (RFC 3339, UTC, seconds). */
    public String now() {
        return KeyRing.format(clock.instant());
    }

    /**
     * Records a definition, a seed reveal or a hand count written by {@code account}; problems are located under
     * {@code where}. A hand count that completes the current round also appends the round's {@code audit-round}
     * entry. An {@link AuditRisk} is refused here: the server computes it ({@link #measure}).
     */
    public EntryResult record(AuditRecord r, String account, String where) {
        return record(r, account, where, Optional.empty());
    }

    /**
     * As {@link #record(AuditRecord, String, String)}, and commits the writes {@code alongside} derives from the
     * result in the transaction that appends the entry (in one of their own when nothing is appended).
     */
    EntryResult record(
            AuditRecord r, String account, String where, Optional<Function<EntryResult, Consumer<Tx>>> alongside) {
        if (r instanceof AuditRisk)
            throw new IllegalArgumentException("the server computes a round's risk: use measure(audit)");
        synchronized (sequencer) {
            EntryResult res = append(r, account, where, alongside);
            if (res.problems().isEmpty() && !res.idempotent() && r instanceof HandCount h) {
                Optional<Round> next = next(h.audit());
                if (next.isPresent()
                        && next.get().counted() == next.get().stations().size())
                    append(risk(h.audit(), next.get()), account, where, Optional.empty());
            }
            return res;
        }
    }

    /**
     * Computes the current round of {@code audit} from the hand counts so far and appends its {@code audit-round}
     * entry (stations drawn but not counted count as the worst case); empty when the audit has no seed yet or has
     * decided.
     */
    public Optional<EntryResult> measure(String audit, String account, String where) {
        synchronized (sequencer) {
            Optional<Round> next = next(audit);
            if (next.isEmpty()) return Optional.empty();
            return Optional.of(append(risk(audit, next.get()), account, where, Optional.empty()));
        }
    }

    /** The round after the recorded ones as it stands now; empty with no such audit, no seed, or when decided. */
    public Optional<Round> next(String audit) {
        synchronized (sequencer) {
            Optional<AuditBook.Audit> a = state.audits().audit(audit);
            if (a.isEmpty() || a.get().seed().isEmpty()) return Optional.empty();
            try {
                return rounds(a.get()).next(recorded(a.get()), state.logSize());
            } catch (IllegalArgumentException
                    | ArithmeticException nothingToAudit) { // e.g. no sheets yet: a tie, no outcome
                return Optional.empty();
            }
        }
    }

    /** The recorded rounds of {@code audit}, recomputed; empty with no such audit or no seed. */
    public List<Round> rounds(String audit) {
        synchronized (sequencer) {
            Optional<AuditBook.Audit> a = state.audits().audit(audit);
            if (a.isEmpty() || a.get().seed().isEmpty()) return List.of();
            try {
                return rounds(a.get()).replay(recorded(a.get()));
            } catch (IllegalArgumentException | ArithmeticException nothingToAudit) {
                return List.of();
            }
        }
    }

    /** Every audit defined, in the order defined. */
    public List<AuditStatus> statuses() {
        synchronized (sequencer) {
            return state.audits().audits().stream().map(this::status).toList();
        }
    }

    /** Where audit {@code id} stands; empty when no such audit is defined. */
    public Optional<AuditStatus> status(String id) {
        synchronized (sequencer) {
            return state.audits().audit(id).map(this::status);
        }
    }

    private AuditStatus status(AuditBook.Audit a) {
        AuditDefinition d = a.definition();
        boolean auditable = a.seed().isPresent() && unauditable(a).isEmpty();
        List<Round> replayed = auditable ? rounds(a).replay(recorded(a)) : List.of();
        List<AuditStatus.RoundStatus> done = new ArrayList<>();
        for (int i = 0; i < a.rounds().size(); i++) {
            AuditRisk m = a.rounds().get(i).risk();
            Optional<Round> r = i < replayed.size() ? Optional.of(replayed.get(i)) : Optional.empty();
            done.add(new AuditStatus.RoundStatus(
                    m.round(),
                    m.draws(),
                    m.risk(),
                    m.decision(),
                    a.rounds().get(i).index(),
                    r.map(x -> x.stations().size()).orElse(0),
                    r.map(Round::counted).orElse(0)));
        }
        Optional<AuditStatus.FullCount> full = Optional.empty();
        Optional<AuditStatus.Current> current = Optional.empty();
        String st;
        if (a.seed().isEmpty()) st = "awaiting-seed";
        else if (!done.isEmpty() && !done.get(done.size() - 1).decision().equals("next-round"))
            st = done.get(done.size() - 1).decision();
        else if (!auditable) st = "no-outcome";
        else {
            st = "counting";
            AuditRounds rounds = rounds(a);
            Round r = rounds.next(recorded(a), state.logSize()).orElseThrow();
            java.util.Map<String, String> strata = new java.util.HashMap<>();
            for (ReportedBatch b : batches(a)) strata.put(b.id(), b.stratum());
            java.util.Map<String, List<Long>> drawn = new java.util.LinkedHashMap<>();
            for (var b : rounds.ballots(r.draws()))
                drawn.computeIfAbsent(b.stationId(), k -> new ArrayList<>()).add(b.ballot());
            java.util.Map<String, java.util.Set<Long>> read = new java.util.HashMap<>();
            java.util.Set<String> counted = new java.util.HashSet<>();
            for (AuditBook.Counted k : a.counts()) {
                counted.add(k.count().station());
                read.computeIfAbsent(k.count().station(), x -> new java.util.HashSet<>())
                        .addAll(k.count().ballots().keySet());
            }
            List<AuditStatus.Station> stations = new ArrayList<>();
            for (String s : r.stations()) {
                List<Long> ballots = drawn.getOrDefault(s, List.of());
                boolean done1 = d.method() == AuditMethod.MACRO
                        ? counted.contains(s)
                        : read.getOrDefault(s, java.util.Set.of()).containsAll(ballots);
                stations.add(new AuditStatus.Station(s, strata.getOrDefault(s, ""), done1, ballots));
            }
            current = Optional.of(
                    new AuditStatus.Current(r.number(), r.draws(), AuditRisk.format(r.risk()), r.counted(), stations));
        }
        if (st.equals("full-hand-count"))
            full = Optional.of(FullHandCount.of(
                    a, state.requireElection().contest(d.contest()).orElseThrow(), batches(a)));
        return new AuditStatus(
                d.audit(),
                d.contest(),
                d.view(),
                d.riskLimit(),
                d.method().wire(),
                d.maxRounds(),
                d.seedCommitment(),
                a.seed().map(x -> x.reveal().seed()),
                st,
                done,
                current,
                full,
                d.strata(),
                a.seed().map(x -> {
                    var since = AuditRecompute.sinceSeed(ledger(), a);
                    return new AuditStatus.Reported(since.index(), since.changed(), since.added());
                }));
    }

    /**
     * Why the audit's reported outcome cannot be audited now (no sheets in its view, a tie at the last seat), as
     * the statistics say; empty when it can.
     */
    private Optional<String> unauditable(AuditBook.Audit a) {
        try {
            rounds(a);
            return Optional.empty();
        } catch (IllegalArgumentException | ArithmeticException e) { // no outcome, a tie, sizes past Java's integers
            return Optional.of(e.getMessage());
        }
    }

    /** The audit's computation over the current sheets of its view, as AUD-ROUND recomputes it. */
    AuditRounds rounds(AuditBook.Audit a) {
        return AuditRecompute.rounds(ledger(), a);
    }

    /**
     * The reported batches of the audit's contest in its view as they stood at its seed, in catalogue order, as
     * AUD-ROUND builds them; the audit must have its seed.
     */
    List<ReportedBatch> batches(AuditBook.Audit a) {
        return AuditRecompute.batches(ledger(), a);
    }

    private StateLedger ledger() {
        state.requireElection();
        return new StateLedger(state, sequencer::sheetAt);
    }

    private static List<AuditRounds.At> recorded(AuditBook.Audit a) {
        return AuditRecompute.recorded(a);
    }

    private AuditRisk risk(String audit, Round r) {
        return AuditRecompute.entry(audit, r, now());
    }

    private EntryResult append(
            AuditRecord r, String account, String where, Optional<Function<EntryResult, Consumer<Tx>>> alongside) {
        state.requireElection();
        long idx = state.logSize();
        AuditEntry entry = new AuditEntry(r);
        Decision d = state.rulebook().decide(new StateLedger(state, sequencer::sheetAt), idx, entry, where);
        if (d instanceof Decision.Repeat rep)
            return new EntryResult(List.of(), rep.index(), true).commitAlone(store, alongside);
        if (d instanceof Decision.Refuse ref)
            return EntryResult.rejected(ref.problems()).commitAlone(store, alongside);
        byte[] bytes = state.codec().encode(entry);
        var tooLarge = org.veritally.core.rulebook.EntrySize.check(bytes, where);
        if (tooLarge.isPresent())
            return EntryResult.rejected(List.of(tooLarge.get())).commitAlone(store, alongside);
        EntryResult recorded = new EntryResult(List.of(), idx, false);
        // a seed fixes the results the audit audits as they stand now, before it (docs/audit.md); stored with it
        Optional<ReportedAtSeed> reported = r instanceof SeedReveal s
                ? Optional.of(AuditRecompute.reported(
                        ledger(), state.audits().audit(s.audit()).orElseThrow().definition(), idx))
                : Optional.empty();
        var appended = store.write(tx -> {
            var a = appender.append(tx, state, List.of(new LogAppender.NewEntry(entry.kind(), bytes, account)));
            reported.ifPresent(x -> ReportedRows.put(tx, ((SeedReveal) r).audit(), x));
            alongside.ifPresent(x -> x.apply(recorded).accept(tx));
            return a;
        });
        appender.committed(state, appended);
        state.addAudit(idx, entry, def -> reported.orElseThrow());
        return recorded;
    }
}
