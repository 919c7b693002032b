package org.veritally.server.intake;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.veritally.core.entry.AnnouncementEntry;
import org.veritally.core.entry.CatalogueEntry;
import org.veritally.core.entry.ElectionEntry;
import org.veritally.core.entry.Entry;
import org.veritally.core.entry.EntryVisitor;
import org.veritally.core.entry.KeyEntry;
import org.veritally.core.entry.SheetEntry;
import org.veritally.core.entry.SourceEntry;
import org.veritally.core.model.TallySheet;
import org.veritally.core.reconcile.CopyKey;
import org.veritally.core.rulebook.Decision;
import org.veritally.core.validation.Problem;
import org.veritally.core.validation.Rule;
import org.veritally.server.state.ElectionState;
import org.veritally.server.state.ReportedRows;
import org.veritally.store.LogRow;
import org.veritally.store.Store;
import org.veritally.store.Tx;
import org.veritally.translog.LogHasher;
import org.veritally.translog.TreeAppender;

/**
 * Applies log entries, in log order, to an {@link ElectionState}: the election, the catalogue, the
 * sources, the keys, the announcements and the sheets (tabulation, current-sheet index,
 * reconciliation), exactly as the sequencer did when it appended them. Each entry is first decided
 * by the rulebook, as the sequencer decided it: an entry it refuses means the log is not what this
 * program wrote, and the replay stops. Two uses:
 *
 * <ul>
 *   <li>{@code rebuild} ({@link #rebuilding}): from entry 0 into a fresh state, writing every
 *       projection row in the caller's transaction;
 *   <li>an instance that follows a log another instance writes ({@link #following}): memory only,
 *       from the state's current size on; the log's size and right edge advance with each page.
 * </ul>
 *
 * Sheets are staged per page (one {@code Tabulation.Batch} and one {@link Reconciler}) and made
 * visible by {@link #finishPage}, so memory stays bounded and readers never see half a page. Not
 * thread-safe: the caller holds the single writer's monitor.
 */
public final class ReplayLog {
    private final ElectionState state;
    private final Store store;
    private final Optional<Tx> tx;
    private final LogHasher hasher = LogHasher.create();
    private final List<byte[]> leaves = new ArrayList<>();
    private long next;
    private int unitOrd;
    private int stationOrd;
    private Page page;
    private final java.util.Set<String> changedUnits = new java.util.LinkedHashSet<>();

    private ReplayLog(ElectionState state, Store store, Optional<Tx> tx, long next) {
        this.state = state;
        this.store = store;
        this.tx = tx;
        this.next = next;
        this.unitOrd = state.catalogue().unitCount();
        this.stationOrd = state.catalogue().stationCount();
    }

    /** Replays the whole log into {@code fresh}, writing the projections in {@code tx}. */
    public static ReplayLog rebuilding(ElectionState fresh, Store store, Tx tx) {
        return new ReplayLog(fresh, store, Optional.of(tx), 0);
    }

    /** Applies entries past {@code state}'s size to it, in memory only. */
    public static ReplayLog following(ElectionState state, Store store) {
        return new ReplayLog(state, store, Optional.empty(), state.logSize());
    }

    /**
     * Applies the next entry.
     *
     * @throws BrokenEntry if it is not the next index, its leaf hash is not that of its body (when
     *     following), it does not decode or the rulebook refuses it: the log is not what this program wrote
     */
    public void apply(LogRow row) {
        if (row.idx() != next)
            throw new BrokenEntry(row.idx(), "log entry " + row.idx() + " follows entry " + (next - 1));
        List<Problem> problems = new ArrayList<>();
        Entry e = state.codec()
                .decode(row.body(), "log entry " + row.idx(), problems)
                .orElseThrow(
                        () -> new BrokenEntry(row.idx(), "log entry " + row.idx() + " does not decode: " + problems));
        if (tx.isEmpty()) {
            byte[] leaf = hasher.leafHash(row.body());
            if (!java.util.Arrays.equals(leaf, row.leafHash()))
                throw new BrokenEntry(
                        row.idx(), "log entry " + row.idx() + ": stored leaf hash is not the hash of its body");
            leaves.add(leaf);
        }
        if (page == null) page = new Page();
        var decision = state.rulebook().decide(page.ledger, row.idx(), e, "log entry " + row.idx());
        if (!(decision instanceof Decision.Accept accepted)) {
            throw new BrokenEntry(
                    row.idx(),
                    "log entry " + row.idx() + " breaks the rulebook: "
                            + (decision instanceof Decision.Refuse r
                                    ? r.problems().toString()
                                    : Rule.LOG_REPEAT.id() + " of entry " + ((Decision.Repeat) decision).index()));
        }
        next++;
        boolean sheet = e.accept(new EntryVisitor<Boolean>() {
            @Override
            public Boolean election(ElectionEntry el) {
                state.define(el.election());
                tx.ifPresent(t ->
                        t.putElection(el.election().id(), row.idx(), new String(row.body(), StandardCharsets.UTF_8)));
                return false;
            }

            @Override
            public Boolean catalogue(CatalogueEntry c) {
                var catalogue = state.catalogueToExtend(); // a snapshot's shared catalogue is copied first
                for (var u : c.units()) {
                    catalogue.addUnit(u);
                    int ord = unitOrd++;
                    tx.ifPresent(t -> t.putUnit(u, ord));
                }
                for (var s : c.stations()) {
                    catalogue.addStation(s);
                    int ord = stationOrd++;
                    tx.ifPresent(t -> t.putStation(s, ord));
                }
                return false;
            }

            @Override
            public Boolean source(SourceEntry s) {
                state.tabulation().addSource(s.source());
                tx.ifPresent(t -> t.putSource(
                        s.source().id(), s.source().name(), s.source().kind().wire(), row.idx()));
                return false;
            }

            @Override
            public Boolean key(KeyEntry k) {
                // the account's public_key is written with the entry: no projection row of its own
                state.addKey(row.idx(), k);
                return false;
            }

            @Override
            public Boolean revocation(org.veritally.core.entry.RevocationEntry r) {
                state.revokeKey(row.idx(), r);
                return false;
            }

            @Override
            public Boolean sheet(SheetEntry se) {
                page.sheet(row.idx(), se.sheet(), accepted);
                return true;
            }

            @Override
            public Boolean announcement(AnnouncementEntry an) {
                state.addAnnouncement(
                        new org.veritally.core.rulebook.LedgerView.Recorded(row.idx(), an.announcement()));
                tx.ifPresent(t -> t.putAnnouncement(
                        an.announcement().id(), row.idx(), new String(row.body(), StandardCharsets.UTF_8)));
                return false;
            }

            @Override
            public Boolean audit(org.veritally.core.entry.AuditEntry a) {
                // found by kind at start, like the keys; a seed fixes the results the audit audits as the ledger
                // holds them before it, kept in audit_reported for start-up (docs/audit.md)
                long idx = row.idx();
                state.addAudit(idx, a, d -> {
                    var r = org.veritally.core.rulebook.AuditRecompute.reported(page.ledger, d, idx);
                    tx.ifPresent(t -> ReportedRows.put(t, d.audit(), r));
                    return r;
                });
                return false;
            }

            @Override
            public Boolean evidence(org.veritally.core.entry.EvidenceEntry ev) {
                state.addEvidence(new org.veritally.core.rulebook.LedgerView.Filed(row.idx(), ev));
                tx.ifPresent(
                        t -> t.putEvidence(ev.evidence(), row.idx(), new String(row.body(), StandardCharsets.UTF_8)));
                for (Problem p : accepted.flags())
                    tx.ifPresent(t -> t.putFlag(row.idx(), p.rule().id(), p.message()));
                return false;
            }

            @Override
            public Boolean transcription(org.veritally.core.entry.TranscriptionWork w) {
                state.transcriptions().apply(row.idx(), w, accepted.photo());
                var copy = accepted.photo().flatMap(org.veritally.core.transcribe.PhotoOutcome::copy);
                if (copy.isPresent()) { // the agreed copy the rulebook derived: applied as a sheet is
                    page.sheet(row.idx(), copy.get(), accepted);
                    return true;
                }
                for (Problem p : accepted.flags())
                    tx.ifPresent(t -> t.putFlag(row.idx(), p.rule().id(), p.message()));
                return false;
            }
        });
        if (sheet) return;
        // Following, the state now holds this entry: count it in the log's size at once, so that a read
        // failing later in the page (the page is then dropped and read again) does not apply it twice.
        if (tx.isEmpty()) finishPage();
    }

    /** Writes the page's totals and reconciliation (rebuild) and makes the page visible. */
    public void finishPage() {
        if (page != null) page.finish();
        page = null;
        if (!leaves.isEmpty()) {
            var r = new TreeAppender(LogHasher.create()).append(state.range(), leaves);
            state.advance(r.size(), r.range());
            leaves.clear();
        }
    }

    /**
     * The ids of the units whose totals the pages finished so far changed, in the order first changed (what a
     * follower's live feed announces with the checkpoint it caught up to).
     */
    public java.util.Set<String> changedUnits() {
        return java.util.Collections.unmodifiableSet(changedUnits);
    }

    /** An entry the replay cannot apply: the log is not what this program wrote. Carries the entry's index. */
    public static final class BrokenEntry extends IllegalStateException {
        private final long index;

        BrokenEntry(long index, String message) {
            super(message);
            this.index = index;
        }

        /** The entry's index in the log. */
        public long index() {
            return index;
        }
    }

    private TallySheet sheetAt(long idx) {
        List<Problem> problems = new ArrayList<>();
        var e = state.codec().decode(store.readLog(idx, 1).get(0).body(), "log entry " + idx, problems);
        var entry = e.orElseThrow(() -> new IllegalStateException("log entry " + idx + ": " + problems));
        // an agreed copy stands at the index of the transcription that completed it, with its figures
        return org.veritally.core.transcribe.Figures.of(entry)
                .orElseThrow(() -> new IllegalStateException("log entry " + idx + " holds no copy"));
    }

    /** The sheets of one page of the log: decided, staged, written, then published into the state. */
    private final class Page {
        private org.veritally.core.tabulate.Tabulation.Batch
                batch; // begun at the page's first sheet (after the election)
        private final Reconciler reconciler = new Reconciler(state, ReplayLog.this::sheetAt);
        private final StateLedger ledger = new StateLedger(state, ReplayLog.this::sheetAt);

        void sheet(long idx, TallySheet sh, Decision.Accept accepted) {
            long key = accepted.copyKey();
            TallySheet previous = accepted.superseded() < 0 ? null : ledger.currentSheet(key);
            if (batch == null) batch = state.tabulation().begin();
            batch.add(sh, Optional.ofNullable(previous));
            ledger.stage(key, idx, sh);
            var digest =
                    reconciler.accept(CopyKey.station(key), CopyKey.contest(key), CopyKey.source(key), idx, sh, batch);
            if (tx.isPresent()) {
                Tx t = tx.get();
                t.upsertSheet(
                        sh.stationId(),
                        sh.contestId(),
                        sh.sourceId(),
                        idx,
                        sh.counts(),
                        sh.votes(),
                        digest.core(),
                        digest.optional());
                for (Problem p : accepted.flags()) t.putFlag(idx, p.rule().id(), p.message());
            }
        }

        void finish() {
            if (batch == null) return;
            if (tx.isEmpty()) { // following: what the live feed announces (a rebuild tells no one)
                var units = state.catalogue();
                batch.changed()
                        .keySet()
                        .forEach(k -> changedUnits.add(units.unit(k.unit()).id()));
            }
            if (tx.isPresent()) {
                var el = state.requireElection();
                var cat = state.catalogue();
                var tab = state.tabulation();
                Tx t = tx.get();
                batch.changed()
                        .forEach((k, v) -> t.upsertTotal(
                                cat.unit(k.unit()).id(),
                                el.contests().get(k.contest()).id(),
                                tab.viewId(k.source()),
                                v));
                reconciler.write(t);
            }
            batch.publish();
            reconciler.publish();
        }
    }
}
