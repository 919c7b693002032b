package org.veritally.server.state;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.veritally.core.model.Catalogue;
import org.veritally.core.model.Election;
import org.veritally.core.rulebook.LedgerView.Recorded;
import org.veritally.core.tabulate.Tabulation;
import org.veritally.core.tabulate.Tally;
import org.veritally.core.tabulate.TallyKey;
import org.veritally.formats.entry.EntryCodec;
import org.veritally.store.Store;
import org.veritally.translog.CompactRange;
import org.veritally.translog.HashReader;

/**
 * The in-memory side of one data directory: the election, its catalogue, the live tabulation, the
 * current-sheet index, and the log's size and right edge. Loaded from the store's projections at
 * start (fast), or rebuilt from the log. Written only by the sequencer; see {@link Tabulation} for
 * what readers may touch concurrently.
 */
public final class ElectionState {
    /** Volatile and set last by {@link #define}: whoever sees the election sees the codec and rulebook made for it. */
    private volatile Optional<Election> election = Optional.empty();

    /**
     * Volatile: {@link #catalogueToExtend} swaps in a copy on the sequencer's thread while web threads read it; the
     * copy is filled before the write, so a reader sees it whole.
     */
    private volatile Catalogue catalogue = new Catalogue();

    private boolean catalogueShared;
    private Tabulation tabulation;
    private EntryCodec codec = new EntryCodec(Optional.empty());
    private org.veritally.core.rulebook.Rulebook rulebook = rulebookOf(Optional.empty());
    private final CurrentSheetIndex sheets = new CurrentSheetIndex();
    private ReconciliationState reconciliation = new ReconciliationState(1);
    private final java.util.concurrent.CopyOnWriteArrayList<Recorded> announcements =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    private final java.util.concurrent.ConcurrentHashMap<String, Recorded> announcementsById =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final org.veritally.core.rulebook.KeyRing keys = new org.veritally.core.rulebook.KeyRing();
    private final org.veritally.core.rulebook.AuditBook audits = new org.veritally.core.rulebook.AuditBook();
    private final java.util.concurrent.ConcurrentHashMap<String, List<org.veritally.core.rulebook.LedgerView.Filed>>
            evidence = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong evidenceCount = new java.util.concurrent.atomic.AtomicLong();
    private final org.veritally.core.transcribe.TranscriptionBook transcriptions =
            new org.veritally.core.transcribe.TranscriptionBook();

    /** Every photo's transcription work and the paused accounts (docs/transcription.md). */
    public org.veritally.core.transcribe.TranscriptionBook transcriptions() {
        return transcriptions;
    }

    /** The announcements in log order. */
    public List<Recorded> announcements() {
        return List.copyOf(announcements);
    }

    /** The announcement recorded with {@code id}, if any. */
    public Optional<Recorded> announcement(String id) {
        return Optional.ofNullable(announcementsById.get(id));
    }

    public void addAnnouncement(Recorded r) {
        announcements.add(r);
        announcementsById.put(r.announcement().id(), r);
    }

    /** Every evidence entry whose original has SHA-256 {@code sha256}, in log order. */
    public List<org.veritally.core.rulebook.LedgerView.Filed> evidence(String sha256) {
        var l = evidence.get(sha256);
        return l == null ? List.of() : List.copyOf(l);
    }

    /** The evidence entry of a projection row (its canonical text), decoded with this election's codec. */
    public org.veritally.core.entry.EvidenceEntry evidenceEntry(org.veritally.store.ProjectionQueries.EvidenceRow row) {
        List<org.veritally.core.validation.Problem> ps = new ArrayList<>();
        return (org.veritally.core.entry.EvidenceEntry)
                codec.decode(row.body().getBytes(java.nio.charset.StandardCharsets.UTF_8), "evidence", ps)
                        .orElseThrow(() -> new IllegalStateException("evidence row " + row.entryIdx() + ": " + ps));
    }

    /** How many evidence entries the log holds. */
    public long evidenceCount() {
        return evidenceCount.get();
    }

    public void addEvidence(org.veritally.core.rulebook.LedgerView.Filed f) {
        evidence.computeIfAbsent(
                        f.entry().evidence().original().sha256(),
                        k -> new java.util.concurrent.CopyOnWriteArrayList<>())
                .add(f);
        evidenceCount.incrementAndGet();
        for (var l : evidenceListeners) l.accept(f);
    }

    private final List<java.util.function.Consumer<org.veritally.core.rulebook.LedgerView.Filed>> evidenceListeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * Calls {@code l} with every evidence entry filed so far (in log order) and then with each one as it is
     * added (a transcription campaign's queue follows the photos this way). An entry added while this runs may
     * reach {@code l} twice (the listener is registered before the entries so far are read, so that none is
     * missed): {@code l} must ignore a second call with the same entry.
     */
    public void followEvidence(java.util.function.Consumer<org.veritally.core.rulebook.LedgerView.Filed> l) {
        evidenceListeners.add(l);
        List<org.veritally.core.rulebook.LedgerView.Filed> all = new ArrayList<>();
        evidence.values().forEach(all::addAll);
        all.sort(java.util.Comparator.comparingLong(org.veritally.core.rulebook.LedgerView.Filed::index));
        all.forEach(l);
    }

    /** The keys the log registered and revoked (live keys, each source's history). */
    public org.veritally.core.rulebook.KeyRing keys() {
        return keys;
    }

    /** The live key entry of {@code account} (its last one, unless revoked since). */
    public Optional<org.veritally.core.entry.KeyEntry> key(String account) {
        return keys.live(account).map(org.veritally.core.rulebook.KeyRing.Live::entry);
    }

    /** Whether an account of {@code source} has registered a key (its sheets are then all signed). */
    public boolean signs(String source) {
        return keys.signs(source);
    }

    /** The risk-limiting audits the log defined, with their seeds and hand counts (issue 19). */
    public org.veritally.core.rulebook.AuditBook audits() {
        return audits;
    }

    /**
     * Records an audit entry the log accepted at {@code index}; for a seed, {@code atSeed} gives the reported results
     * the audit audits (derived from the ledger before the seed, or read from {@code audit_reported}).
     */
    public void addAudit(
            long index,
            org.veritally.core.entry.AuditEntry a,
            java.util.function.Function<
                            org.veritally.core.audit.AuditDefinition, org.veritally.core.rulebook.ReportedAtSeed>
                    atSeed) {
        audits.add(index, a, atSeed);
    }

    /** Every audit's reported results fixed at its seed, as the {@code audit_reported} projection holds them. */
    public static Map<String, org.veritally.core.rulebook.ReportedAtSeed> storedReports(Store store) {
        Map<String, org.veritally.core.rulebook.ReportedAtSeed> out = new HashMap<>();
        new org.veritally.store.ProjectionQueries(store)
                .auditReported(row -> out.put(row.audit(), ReportedRows.of(row)));
        return out;
    }

    /**
     * The stored results of the audit whose seed is entry {@code idx}, for an as-of state restored from a snapshot.
     *
     * @throws IllegalStateException if none is stored for that seed: the projections are not the log's
     */
    private static org.veritally.core.rulebook.ReportedAtSeed stored(
            Map<String, org.veritally.core.rulebook.ReportedAtSeed> reported, String audit, long idx) {
        var r = reported.get(audit);
        if (r == null || r.index() != idx)
            throw new IllegalStateException("audit '" + audit + "': the reported results its seed (log entry " + idx
                    + ") fixed are not stored (audit_reported; a data directory from before schema V8?):"
                    + " run `veritally rebuild`");
        return r;
    }

    /** Records a key entry the log accepted at {@code index}. */
    public void addKey(long index, org.veritally.core.entry.KeyEntry k) {
        keys.add(index, k);
    }

    /** Records a revocation entry the log accepted at {@code index}. */
    public void revokeKey(long index, org.veritally.core.entry.RevocationEntry r) {
        keys.revoke(index, r);
    }

    private volatile long logSize;
    private CompactRange range = CompactRange.empty();

    public Optional<Election> election() {
        return election;
    }

    public Election requireElection() {
        return election.orElseThrow(() -> new IllegalStateException("no election defined yet"));
    }

    public Catalogue catalogue() {
        return catalogue;
    }

    public Tabulation tabulation() {
        if (tabulation == null) throw new IllegalStateException("no election defined yet");
        return tabulation;
    }

    public EntryCodec codec() {
        return codec;
    }

    /** The rulebook, bound to this election's encoding of signed sheets. */
    public org.veritally.core.rulebook.Rulebook rulebook() {
        return rulebook;
    }

    private static org.veritally.core.rulebook.Rulebook rulebookOf(Optional<Election> e) {
        return new org.veritally.core.rulebook.Rulebook(
                new org.veritally.formats.entry.NoteSignatureCheck(e), new org.veritally.formats.qr.QrFigures());
    }

    public CurrentSheetIndex sheets() {
        return sheets;
    }

    public ReconciliationState reconciliation() {
        return reconciliation;
    }

    public long logSize() {
        return logSize;
    }

    public CompactRange range() {
        return range;
    }

    public void advance(long newSize, CompactRange newRange) {
        this.range = newRange;
        this.logSize = newSize;
    }

    /** Installs the election (entry 0). */
    public void define(Election e) {
        if (election.isPresent()) throw new IllegalStateException("election already defined");
        catalogue = new Catalogue();
        tabulation = new Tabulation(e, catalogue);
        codec = new EntryCodec(Optional.of(e));
        rulebook = rulebookOf(Optional.of(e));
        reconciliation = new ReconciliationState(e.contests().size());
        election = Optional.of(e); // last: a follower's thread that sees it sees the rest (FollowerSubmissionTest)
    }

    /**
     * Installs the election (entry 0) over {@code shared}, a catalogue other states read too (an as-of state
     * restored from a snapshot shares the snapshot's): it is never written through this state; a replay that
     * must add to it takes a copy first ({@link #catalogueToExtend}).
     */
    public void defineSharing(Election e, Catalogue shared) {
        define(e);
        catalogue = shared;
        tabulation = new Tabulation(e, shared);
        catalogueShared = true;
    }

    /** The catalogue to add units and stations to: this state's own, copied first if it was shared. */
    public Catalogue catalogueToExtend() {
        if (catalogueShared) {
            Catalogue own = catalogue.copy();
            tabulation().rebase(own);
            catalogue = own;
            catalogueShared = false;
        }
        return catalogue;
    }

    /** Loads the state from the store's projection tables and the log's tree. */
    public static ElectionState load(Store store, HashReader nodes) {
        ElectionState s = new ElectionState();
        var projections = new org.veritally.store.ProjectionQueries(store);
        List<byte[]> bodies = new ArrayList<>();
        projections.electionBody().ifPresent(b -> bodies.add(b.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        long size = store.logSize();
        s.logSize = size;
        s.range = CompactRange.read(size, nodes);
        if (bodies.isEmpty()) return s;
        List<org.veritally.core.validation.Problem> problems = new ArrayList<>();
        var entry = new EntryCodec(Optional.empty()).decode(bodies.get(0), "election", problems);
        if (entry.isEmpty()) throw new IllegalStateException("stored election does not decode: " + problems);
        s.define(((org.veritally.core.entry.ElectionEntry) entry.get()).election());
        Catalogue cat = s.catalogue;
        projections.units(cat::addUnit);
        projections.sources(s.tabulation::addSource);
        Election e = s.requireElection();
        Tabulation tab = s.tabulation;
        // The unit totals need only the units and sources: they load on a second connection while this
        // one reads the stations and the current sheets (the two largest tables), if that connection's
        // snapshot shows the same log (so the same projections); else here, afterwards.
        Map<String, Integer> unitIds = new HashMap<>(cat.unitCount() * 2);
        for (int u = 0; u < cat.unitCount(); u++) unitIds.put(cat.unit(u).id(), u);
        var totals = new java.util.concurrent.FutureTask<Boolean>(() -> store.readSnapshot(() -> {
            if (store.logSize() != size) return false;
            loadTotals(store, e, tab, unitIds);
            return true;
        }));
        Thread totalsThread = new Thread(totals, "veritally-load-totals");
        totalsThread.setDaemon(true);
        totalsThread.start();
        projections.stations(
                id -> {
                    Integer u = unitIds.get(id);
                    return u == null ? id : cat.unit(u).id();
                },
                cat::addStation);
        var rec = s.reconciliation;
        int minSources = e.consensus().minSources();
        // sheet_current comes in primary-key order, so the copies of one station × contest are adjacent:
        // a group of one is a SINGLE station, whose status needs no row of its own (see Reconciler.write)
        long[] group = {-1, -1, 0, -1, -1}; // station, contest, copies, source of the first copy, its entry
        Runnable close = () -> {
            if (group[2] == 1)
                rec.set(
                        (int) group[0],
                        (int) group[1],
                        org.veritally.core.reconcile.StationStatus.SINGLE,
                        (int) group[3],
                        -1,
                        minSources <= 1 ? group[4] : -1);
        };
        projections.sheetDigests(row -> {
            int station = cat.stationIndex(row.station());
            int contest = e.contestIndex(row.contest());
            int source = tab.sourceIndex(row.source());
            long entryIdx = row.entryIdx();
            s.sheets.put(
                    org.veritally.core.reconcile.CopyKey.of(station, contest, source),
                    entryIdx,
                    new org.veritally.core.reconcile.CopyDigest(row.digestCore(), row.digestOpt()));
            if (station != group[0] || contest != group[1]) {
                close.run();
                group[0] = station;
                group[1] = contest;
                group[2] = 0;
                group[3] = source;
                group[4] = entryIdx;
            }
            group[2]++;
        });
        close.run();
        // SINGLE stations were set from sheet_current above; leaving their rows in the database saves a
        // million JDBC rows at start-up for a one-source election
        projections.statusesOtherThan(org.veritally.core.reconcile.StationStatus.SINGLE.wire(), row -> {
            var status = org.veritally.core.reconcile.StationStatus.valueOf(
                    row.status().toUpperCase(java.util.Locale.ROOT));
            rec.set(
                    cat.stationIndex(row.station()),
                    e.contestIndex(row.contest()),
                    status,
                    -1,
                    -1,
                    row.consensusEntry());
        });
        boolean totalsLoaded;
        try {
            totalsLoaded = totals.get();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading the unit totals", ex);
        } catch (java.util.concurrent.ExecutionException ex) {
            throw ex.getCause() instanceof RuntimeException re ? re : new IllegalStateException(ex.getCause());
        }
        if (!totalsLoaded) loadTotals(store, e, tab, unitIds);
        projections.announcements(row -> {
            List<org.veritally.core.validation.Problem> ps = new ArrayList<>();
            var en = s.codec.decode(row.body().getBytes(java.nio.charset.StandardCharsets.UTF_8), "announcement", ps);
            s.addAnnouncement(new Recorded(
                    row.entryIdx(), ((org.veritally.core.entry.AnnouncementEntry) en.orElseThrow()).announcement()));
        });
        projections.evidence(row ->
                s.addEvidence(new org.veritally.core.rulebook.LedgerView.Filed(row.entryIdx(), s.evidenceEntry(row))));
        loadRareEntries(store, s, storedReports(store));
        return s;
    }

    /**
     * The keys' history (live keys, revocations, times), the audits (issue 19) and the transcription work, from
     * the log's entries of those kinds, in log order: few entries, found in one query through the partial index
     * of migration V6 rather than by a pass over the log ({@link org.veritally.store.LogQueries#rareEntries}).
     * Each piece of transcription work comes with the photo status the rulebook derived when it was appended:
     * the one outcome flag it raised (TR-AGREE, TR-ESCALATE, TR-REJECT, TR-REPORT) or none (still open).
     */
    private static void loadRareEntries(
            Store store, ElectionState s, Map<String, org.veritally.core.rulebook.ReportedAtSeed> reported) {
        new org.veritally.store.LogQueries(store).rareEntries(row -> {
            long idx = row.idx();
            List<org.veritally.core.validation.Problem> ps = new ArrayList<>();
            var en = s.codec
                    .decode(row.body(), "log entry " + idx, ps)
                    .orElseThrow(() -> new IllegalStateException("log entry " + idx + ": " + ps));
            var work = org.veritally.core.entry.TranscriptionWork.of(en);
            var audit = org.veritally.core.entry.AuditEntry.of(en);
            if (work.isPresent()) loadTranscription(s, idx, work.get(), row);
            else if (audit.isPresent())
                s.audits.add(idx, audit.get(), d -> {
                    var r = reported.get(d.audit());
                    // before schema V8 no row was written: the current results, as then, until a rebuild
                    return r != null && r.index() == idx ? r : ReportedRows.current(store, s, d, idx);
                });
            else s.keys.record(idx, en);
        });
    }

    private static void loadTranscription(
            ElectionState s,
            long idx,
            org.veritally.core.entry.TranscriptionWork en,
            org.veritally.store.LogQueries.RareEntry row) {
        s.applyTranscription(idx, en, row.outcome());
    }

    /** A transcription entry with the outcome flag the rulebook raised when it was appended (or none). */
    private void applyTranscription(long idx, org.veritally.core.entry.TranscriptionWork en, Optional<String> outcome) {
        boolean settles = org.veritally.core.transcribe.Figures.settles(en);
        var status = outcome.isEmpty()
                ? org.veritally.core.transcribe.PhotoStatus.OPEN
                : switch (outcome.get()) {
                    case "TR-AGREE" ->
                        settles
                                ? org.veritally.core.transcribe.PhotoStatus.SETTLED
                                : org.veritally.core.transcribe.PhotoStatus.AGREED;
                    case "TR-ESCALATE" -> org.veritally.core.transcribe.PhotoStatus.ESCALATED;
                    case "TR-REPORT" -> org.veritally.core.transcribe.PhotoStatus.REPORTED;
                    default -> org.veritally.core.transcribe.PhotoStatus.REJECTED;
                };
        transcriptions.apply(
                idx, en, Optional.of(new org.veritally.core.transcribe.PhotoOutcome(status, Optional.empty())));
    }

    /**
     * Whether entries of {@code kind} are what {@link #applySparse} applies: every kind but the election, the
     * catalogue, the sources and the sheets, whose effects a snapshot of the state holds in bulk.
     */
    public static boolean sparse(String kind) {
        return switch (kind) {
            case "election", "catalogue", "source", "sheet" -> false;
            default -> true;
        };
    }

    /**
     * Applies a {@link #sparse} entry the log accepted at {@code idx} (an announcement, evidence, a key or its
     * revocation, an audit step, transcription work) to a state restored from a snapshot, as {@link #load}
     * does; {@code outcome} is the transcription outcome flag stored with it (TR-AGREE, TR-ESCALATE,
     * TR-REJECT), if any; {@code reported} the audits' results fixed at their seeds ({@link #storedReports}).
     *
     * @throws IllegalStateException if the entry does not decode or is not of a sparse kind
     */
    public void applySparse(
            long idx,
            byte[] body,
            Optional<String> outcome,
            Map<String, org.veritally.core.rulebook.ReportedAtSeed> reported) {
        List<org.veritally.core.validation.Problem> ps = new ArrayList<>();
        var en = codec.decode(body, "log entry " + idx, ps)
                .orElseThrow(() -> new IllegalStateException("log entry " + idx + ": " + ps));
        if (!sparse(en.kind())) throw new IllegalStateException("log entry " + idx + " is a " + en.kind());
        en.accept(new org.veritally.core.entry.EntryVisitor<Void>() {
            @Override
            public Void election(org.veritally.core.entry.ElectionEntry e) {
                return null;
            }

            @Override
            public Void catalogue(org.veritally.core.entry.CatalogueEntry e) {
                return null;
            }

            @Override
            public Void source(org.veritally.core.entry.SourceEntry e) {
                return null;
            }

            @Override
            public Void sheet(org.veritally.core.entry.SheetEntry e) {
                return null;
            }

            @Override
            public Void key(org.veritally.core.entry.KeyEntry e) {
                addKey(idx, e);
                return null;
            }

            @Override
            public Void revocation(org.veritally.core.entry.RevocationEntry e) {
                revokeKey(idx, e);
                return null;
            }

            @Override
            public Void announcement(org.veritally.core.entry.AnnouncementEntry e) {
                addAnnouncement(new Recorded(idx, e.announcement()));
                return null;
            }

            @Override
            public Void evidence(org.veritally.core.entry.EvidenceEntry e) {
                addEvidence(new org.veritally.core.rulebook.LedgerView.Filed(idx, e));
                return null;
            }

            @Override
            public Void transcription(org.veritally.core.entry.TranscriptionWork e) {
                applyTranscription(idx, e, outcome);
                return null;
            }

            @Override
            public Void audit(org.veritally.core.entry.AuditEntry e) {
                addAudit(idx, e, d -> stored(reported, d.audit(), idx));
                return null;
            }
        });
    }

    private static void loadTotals(Store store, Election e, Tabulation tab, Map<String, Integer> unitIds) {
        new org.veritally.store.ProjectionQueries(store).unitTotals(row -> {
            Integer unit = unitIds.get(row.unit());
            if (unit == null) throw new IllegalStateException("unit_total names an unknown unit " + row.unit());
            var key = new TallyKey(e.contestIndex(row.contest()), tab.viewIndex(row.source()), unit);
            String[] v = row.votes().split(",");
            long[] votes = new long[v.length];
            for (int i = 0; i < v.length; i++) votes[i] = Long.parseLong(v[i]);
            tab.load(
                    key,
                    Tally.of(
                            row.stations(),
                            row.registered(),
                            row.ballots(),
                            row.valid(),
                            row.nulls(),
                            row.blank(),
                            votes));
        });
    }
}
