package org.veritally.server;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.veritally.core.entry.Entry;
import org.veritally.server.intake.DefineElection;
import org.veritally.server.intake.GroupCommit;
import org.veritally.server.intake.LogAppender;
import org.veritally.server.intake.Outcome;
import org.veritally.server.intake.RebuildProjections;
import org.veritally.server.intake.RecordEntry;
import org.veritally.server.intake.ReplayLog;
import org.veritally.server.intake.Sequencer;
import org.veritally.server.read.ReadResults;
import org.veritally.server.state.ElectionState;
import org.veritally.store.Database;
import org.veritally.store.Dialect;
import org.veritally.store.LogRow;
import org.veritally.store.SessionLock;
import org.veritally.store.Store;
import org.veritally.store.StoreException;
import org.veritally.store.StoreHashReader;

/**
 * One open data directory, wired: the store, the in-memory state loaded from its projections, the
 * sequencer and the read side. The data directory holds the log's keys ({@code keys/}), the
 * {@code evidence/} and, by default, the database {@code veritally.db} (SQLite); with a PostgreSQL
 * database the log and projections live there instead.
 *
 * <p>On PostgreSQL several processes may open the same database. Exactly one writes the log at a
 * time, the holder of the sequencer's advisory lock ({@link SessionLock#SEQUENCER}). A one-shot
 * command takes the lock on its first write ({@link #sequencer()}, {@link #define()}, …) and
 * refuses if a {@code serve} instance holds it; {@code serve} instead {@link #attach}es a cluster
 * node, which takes the lock when it is free and routes submissions meanwhile. Whoever takes the
 * lock first {@link #catchUp catches up} with entries other processes appended.
 *
 * <p>Not thread-safe to open or close; the use cases it hands out document their own thread-safety.
 */
public final class Instance implements AutoCloseable {
    public static final String DB_FILE = "veritally.db";
    private static final int PAGE = 20_000;
    private final Path dir;
    private final Store store;
    private final Optional<SessionLock> lock;
    private volatile ElectionState state;
    private volatile Sequencer sequencer;
    private volatile DefineElection define;
    private volatile ReadResults results;
    private volatile org.veritally.server.read.ReadTimeline timeline;
    private volatile GroupCommit groupCommit;
    private volatile Optional<GroupCommit.Intake> intake = Optional.empty();
    private volatile Optional<GroupCommit.WorkIntake> workIntake = Optional.empty();
    private volatile Optional<RecordEntry.Intake> entryIntake = Optional.empty();
    private volatile Optional<AutoCloseable> node = Optional.empty();
    private final LogAppender appender;
    private final org.veritally.server.log.LogKeys keys;
    private final org.veritally.server.integrity.IntegrityMonitor integrity;
    private final org.veritally.server.asof.StatesAsOf asOf;

    private Instance(Path dir, Store store, Optional<org.veritally.server.log.LogKeys> givenKeys) {
        this.dir = dir;
        this.store = store;
        this.lock = store.dialect() == Dialect.POSTGRESQL
                ? Optional.of(new SessionLock(store.database(), SessionLock.SEQUENCER))
                : Optional.empty();
        this.keys = givenKeys.isPresent()
                ? org.veritally.server.log.LogKeys.check(givenKeys.get(), latestCheckpoint(store))
                : org.veritally.server.log.LogKeys.loadOrCreate(dir, latestCheckpoint(store));
        this.appender = new LogAppender(System::currentTimeMillis, keys.signer());
        this.integrity = new org.veritally.server.integrity.IntegrityMonitor(
                () -> org.veritally.server.integrity.IntegrityCheck.run(store, keys, dir, restoredAtStart()));
        // the snapshots of the state for as-of pages (issue 18) live in the data directory; serve takes them
        this.asOf = new org.veritally.server.asof.StatesAsOf(
                store,
                Optional.of(new org.veritally.server.asof.Snapshots(
                        store,
                        dir.resolve("snapshots"),
                        Long.getLong("veritally.snapshot.every", org.veritally.server.asof.Snapshots.DEFAULT_EVERY),
                        this::liveCatalogue)));
        var loaded = org.veritally.server.startup.StartState.load(
                store,
                asOf.snapshots(),
                dir.resolve("snapshots").resolve(org.veritally.server.startup.StartState.IMAGE),
                Long.getLong("veritally.start.replay.max", org.veritally.server.startup.StartState.MAX_REPLAY),
                c -> lentCatalogue = c,
                () -> load(store));
        this.startUp = loaded.how();
        this.imageWriter = loaded.how().imageCurrent()
                ? Optional.empty()
                : Optional.of(org.veritally.server.startup.StartState.imageWriter(
                        loaded.state(),
                        dir.resolve("snapshots").resolve(org.veritally.server.startup.StartState.IMAGE)));
        wire(loaded.state());
    }

    private final org.veritally.server.startup.StartUp startUp;
    private final Optional<Runnable> imageWriter;
    private volatile org.veritally.core.model.Catalogue lentCatalogue;

    /** The served state's catalogue; while start-up restores a snapshot, the catalogue image's (issue 15). */
    private org.veritally.core.model.Catalogue liveCatalogue() {
        ElectionState s = state;
        return s != null ? s.catalogue() : lentCatalogue;
    }

    /** What start-up restored from a snapshot, for the integrity check to compare with the log (issue 15). */
    private Optional<org.veritally.server.integrity.RestoredState> restoredAtStart() {
        if (startUp.from() != org.veritally.server.startup.StartUp.From.SNAPSHOT) return Optional.empty();
        long size = startUp.snapshotSize();
        return Optional.of(new org.veritally.server.integrity.RestoredState(
                size, () -> asOf.snapshots().flatMap(s -> s.restoreAtMost(size))));
    }

    /** How the state was loaded when this instance opened: a snapshot or the projections, and why (issue 15). */
    public org.veritally.server.startup.StartUp startUp() {
        return startUp;
    }

    /**
     * Writes the image of the catalogue loaded at start (issue 15) when the one on disk does not cover it, so the
     * next start-up can use the snapshots; {@code serve} calls it once it answers. Whether it wrote one.
     */
    public boolean keepCatalogueImage() {
        imageWriter.ifPresent(Runnable::run);
        return imageWriter.isPresent();
    }

    /** The election as it stood at an earlier log size (issue 18); its cache outlives a rebuild, as the log does. */
    public org.veritally.server.asof.StatesAsOf asOf() {
        return asOf;
    }

    /** What changed between two log sizes. */
    public org.veritally.server.asof.DiffCheckpoints diff() {
        return new org.veritally.server.asof.DiffCheckpoints(store, asOf);
    }

    /** The log's own signed note of its largest tree size, if it has one (without witness cosignatures). */
    private static Optional<String> latestCheckpoint(Store store) {
        return new org.veritally.store.CheckpointQueries(store).latest().map(c -> c.note());
    }

    /** The state as the projections hold it, read in one snapshot so a concurrent writer is not half seen. */
    private static ElectionState load(Store store) {
        return store.readSnapshot(() -> ElectionState.load(store, new StoreHashReader(store)));
    }

    private volatile org.veritally.server.transcribe.TranscriptionCampaign campaign;

    /**
     * The transcription campaign over every photo filed (docs/transcription.md), created on first use with
     * the default configuration, the system clock and the gold photos of the data directory's {@value
     * org.veritally.server.transcribe.GoldSet#FILE} (none if absent); it follows evidence as it is filed.
     */
    public synchronized org.veritally.server.transcribe.TranscriptionCampaign transcription() {
        if (campaign == null) {
            requireWriter();
            var gold = storedGold();
            var c = new org.veritally.server.transcribe.TranscriptionCampaign(
                    state, gold.config(), java.time.Clock.systemUTC(), this::submitWork, gold.photos());
            state.followEvidence(f -> c.add(
                    new org.veritally.core.transcribe.PhotoKey(
                            f.entry().evidence().original().sha256(),
                            f.entry().evidence().stationId(),
                            f.entry().evidence().sourceId()),
                    f.entry().evidence().contestId().orElse(""),
                    f.entry().evidence().account()));
            campaign = c;
        }
        return campaign;
    }

    /** The gold set the data directory keeps, or none; a file that no longer reads is refused loudly. */
    private org.veritally.server.transcribe.GoldSet storedGold() {
        Path f = dir.resolve(org.veritally.server.transcribe.GoldSet.FILE);
        if (!java.nio.file.Files.exists(f)) return org.veritally.server.transcribe.GoldSet.NONE;
        List<org.veritally.core.validation.Problem> problems = new java.util.ArrayList<>();
        try {
            return org.veritally.server.transcribe.GoldSet.read(state, java.nio.file.Files.readAllBytes(f), problems)
                    .orElseThrow(() -> new IllegalStateException(f + ": " + problems));
        } catch (IOException e) {
            throw new StoreException("cannot read " + f + ": " + e.getMessage(), e);
        }
    }

    /**
     * Sets the campaign's gold photos and rates from {@code body} (docs/transcription.md#gold-tasks-and-pauses;
     * {@code POST /api/campaign/gold}): kept in the data directory, owner-only and never served, and applied to
     * the running campaign. Returns every problem; nothing changes if there is one.
     */
    public synchronized List<org.veritally.core.validation.Problem> configureGold(byte[] body) {
        List<org.veritally.core.validation.Problem> problems = new java.util.ArrayList<>();
        var gold = org.veritally.server.transcribe.GoldSet.read(state, body, problems);
        if (gold.isEmpty()) return problems;
        Path f = dir.resolve(org.veritally.server.transcribe.GoldSet.FILE);
        try {
            Path tmp = dir.resolve(org.veritally.server.transcribe.GoldSet.FILE + ".tmp");
            java.nio.file.Files.deleteIfExists(tmp);
            org.veritally.store.OwnerOnly.file(tmp); // mode 600 before the figures are in it
            java.nio.file.Files.write(tmp, body);
            java.nio.file.Files.move(
                    tmp,
                    f,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new StoreException("cannot write " + f + ": " + e.getMessage(), e);
        }
        transcription().configure(gold.get().config(), gold.get().photos());
        return List.of();
    }

    private void wire(ElectionState s) {
        campaign = null;
        if (groupCommit != null) {
            groupCommit.close();
            groupCommit = null;
        }
        this.state = s;
        this.sequencer = new Sequencer(store, s, appender);
        this.define = new DefineElection(store, s, appender, sequencer);
        this.results = new ReadResults(s);
        this.timeline = new org.veritally.server.read.ReadTimeline(s, store);
    }

    /** Opens the data directory, creating it (and an empty SQLite database) if needed. */
    public static Instance open(Path dir) {
        return open(dir, Optional.empty());
    }

    /**
     * Opens the data directory with the database at {@code databaseUrl} (a {@code postgresql://}
     * URL), or, when empty, the SQLite file {@value #DB_FILE} in the directory.
     *
     * @throws IllegalArgumentException if the URL is not a PostgreSQL URL
     */
    public static Instance open(Path dir, Optional<String> databaseUrl) {
        Database db = databaseUrl.map(Database::parse).orElseGet(() -> Database.sqlite(dir.resolve(DB_FILE)));
        try {
            org.veritally.store.OwnerOnly.directories(dir);
        } catch (IOException e) {
            throw new StoreException("cannot create data directory " + dir + ": " + e.getMessage(), e);
        }
        return new Instance(dir, Store.open(db), Optional.empty());
    }

    /**
     * Opens a SQLite copy of a data directory's database (a snapshot in a scratch directory) with the
     * original directory's log keys, so that no key is copied or created there (LOG-KEY still checks
     * that they signed the copy's log).
     */
    public static Instance openCopy(Path dir, org.veritally.server.log.LogKeys keys) {
        return new Instance(dir, Store.open(Database.sqlite(dir.resolve(DB_FILE))), Optional.of(keys));
    }

    public Path dir() {
        return dir;
    }

    private Optional<String> evidenceLocation = Optional.empty();
    private org.veritally.store.blob.BlobStore blobs;

    /**
     * Keeps the evidence at {@code location} (an {@code --evidence} form: a directory, {@code postgres}
     * or {@code s3://bucket?…}) instead of the directory {@code evidence} beside the database. Call
     * before the first use of {@link #blobs}.
     */
    public synchronized void evidenceAt(String location) {
        if (blobs != null) throw new IllegalStateException("the evidence store is already open");
        org.veritally.store.blob.BlobLocation.parse(location); // STORE-BLOB-URI now, not at the first photo
        evidenceLocation = Optional.of(location);
    }

    private volatile org.veritally.server.evidence.MachineReader machineReader =
            org.veritally.server.evidence.QrMachineReader.quick();

    /** Reads photos filed from now on with {@code reader} instead of the QR reader (tests). */
    public void readPhotosWith(org.veritally.server.evidence.MachineReader reader) {
        this.machineReader = reader;
    }

    private volatile java.util.Set<org.veritally.server.auth.Role> originalReaders =
            java.util.Set.of(org.veritally.server.auth.Role.ADMIN);

    /** The roles that may read original photos (docs/evidence.md, "Witness safety"); administrators by default. */
    public java.util.Set<org.veritally.server.auth.Role> originalReaders() {
        return originalReaders;
    }

    public void originalsReadableBy(java.util.Set<org.veritally.server.auth.Role> roles) {
        this.originalReaders = java.util.Set.copyOf(roles);
    }

    /** Files photos of tally sheets (docs/evidence.md) with the default limits. */
    public org.veritally.server.evidence.EvidenceIntake evidenceIntake() {
        return new org.veritally.server.evidence.EvidenceIntake(
                this, org.veritally.image.Limits.defaults(), p -> machineReader.read(p));
    }

    /** The evidence blob store, opened at first use. */
    public synchronized org.veritally.store.blob.BlobStore blobs() {
        if (blobs == null) {
            String at = evidenceLocation.orElseGet(() ->
                    org.veritally.store.blob.BlobStores.defaultDirectory(dir).toString());
            blobs = org.veritally.store.blob.BlobStores.open(at, store.database());
        }
        return blobs;
    }

    public org.veritally.server.log.LogKeys keys() {
        return keys;
    }

    /**
     * The integrity check of this instance's database at rest (not started: {@code serve} starts it on its
     * schedule; tests and commands may {@link org.veritally.server.integrity.IntegrityMonitor#checkNow run it}).
     */
    public org.veritally.server.integrity.IntegrityMonitor integrity() {
        return integrity;
    }

    public Store store() {
        return store;
    }

    private org.veritally.server.live.LiveConfig liveConfig = org.veritally.server.live.LiveConfig.defaults();
    private volatile org.veritally.server.live.LiveFeed live;

    /** Sets the limits of the live event stream ({@code serve} options); call before the first {@link #live}. */
    public synchronized void liveWith(org.veritally.server.live.LiveConfig config) {
        if (live != null) throw new IllegalStateException("the live feed is already running");
        this.liveConfig = java.util.Objects.requireNonNull(config, "config");
    }

    /**
     * The live feed of checkpoints ({@code /api/events}), started at first use: from then on the sequencer tells it
     * of every committed batch. Its first event is the log's latest checkpoint.
     */
    public synchronized org.veritally.server.live.LiveFeed live() {
        if (live == null) {
            var seed = new org.veritally.store.CheckpointQueries(store)
                    .latest()
                    .map(c -> new org.veritally.server.live.LiveEvent(
                            c.treeSize(), rootOf(c.note()), c.createdMs(), -1, List.of(), true));
            live = new org.veritally.server.live.LiveFeed(liveConfig, seed);
            appender.listen(live::committed);
        }
        return live;
    }

    /** The root hash line of a checkpoint note (C2SP tlog-checkpoint: origin, size, base64 root). */
    private static String rootOf(String note) {
        String[] lines = note.split("\n", 4);
        return lines.length >= 3 ? lines[2] : "";
    }

    public ElectionState state() {
        return state;
    }

    /** The sequencer (on PostgreSQL, outside {@code serve}, this takes the sequencer's lock first). */
    public Sequencer sequencer() {
        requireWriter();
        return sequencer;
    }

    /** The group-commit front of the sequencer, for online submissions (started on first use). */
    public synchronized GroupCommit groupCommit() {
        if (groupCommit == null) {
            if (intake.isPresent()) {
                groupCommit = new GroupCommit(intake.get(), workIntake);
            } else {
                requireWriter();
                groupCommit = new GroupCommit(sequencer, transcriptionRecorder());
            }
        }
        return groupCommit;
    }

    public org.veritally.server.intake.RecordAnnouncement announcements() {
        requireWriter();
        return new org.veritally.server.intake.RecordAnnouncement(store, state, appender, sequencer);
    }

    public org.veritally.server.intake.RegisterKey keyRegistry() {
        requireWriter();
        return new org.veritally.server.intake.RegisterKey(store, state, appender, sequencer);
    }

    public org.veritally.server.intake.RecordEvidence evidenceRecorder() {
        requireWriter();
        return new org.veritally.server.intake.RecordEvidence(store, state, appender, sequencer);
    }

    /** Records the entries of risk-limiting audits and computes their rounds (issue 19). */
    public org.veritally.server.intake.RecordAudit auditRecorder() {
        requireWriter();
        return new org.veritally.server.intake.RecordAudit(store, state, appender, sequencer);
    }

    public org.veritally.server.intake.RecordTranscription transcriptionRecorder() {
        requireWriter();
        return new org.veritally.server.intake.RecordTranscription(store, state, appender, sequencer);
    }

    /**
     * Records announcements, keys, evidence and transcription work in this process (on PostgreSQL, outside
     * {@code serve}, this takes the sequencer's lock first).
     */
    public RecordEntry entries() {
        return new RecordEntry(
                        state,
                        announcements(),
                        keyRegistry(),
                        evidenceRecorder(),
                        java.util.Optional.of(transcriptionRecorder()),
                        accounts())
                .withAudits(auditRecorder());
    }

    /**
     * Records one announcement or key registration received online: in this process, or, on an
     * instance {@link #attach}ed to others, through its cluster node (sequenced here while this
     * instance holds the lock, queued for the one that does otherwise). Returns after an accepted
     * entry is durably in the log.
     */
    public Outcome submitEntry(Entry entry, String account, String location) {
        var routed = entryIntake;
        return routed.isPresent()
                ? routed.get().submit(entry, account, location)
                : entries().record(entry, account, location);
    }

    /**
     * Records transcription work received online (docs/transcription.md): through {@link #groupCommit} with other
     * requests, many in one transaction; on an instance {@link #attach}ed to others, the batch goes to the cluster's
     * work intake (recorded here in one transaction while this instance is the sequencer, else queued in one
     * transaction and integrated by the sequencer as one batch). Any other entry goes to {@link #submitEntry}.
     * Returns after an accepted entry is durably in the log.
     *
     * @throws GroupCommit.Busy if the sequencer's queue is full or its answer does not come within 30 s
     */
    public Outcome submitWork(Entry entry, String account, String location) {
        var work = org.veritally.core.entry.TranscriptionWork.of(entry);
        if (work.isEmpty() || entryIntake.isPresent() && workIntake.isEmpty())
            return submitEntry(entry, account, location);
        return GroupCommit.await(groupCommit()
                .submit(new org.veritally.server.intake.RecordTranscription.Work(work.get(), account, location)));
    }

    public org.veritally.server.auth.Accounts accounts() {
        return new org.veritally.server.auth.Accounts(store, this::sourceKind);
    }

    /** The kind of the declared source {@code id}, if the election declares it. */
    public java.util.Optional<org.veritally.core.model.SourceKind> sourceKind(String id) {
        if (state.election().isEmpty()) return java.util.Optional.empty();
        int i = state.tabulation().sourceIndex(id);
        return i < 0
                ? java.util.Optional.empty()
                : java.util.Optional.of(state.tabulation().sources().get(i).kind());
    }

    public DefineElection define() {
        requireWriter();
        return define;
    }

    public ReadResults results() {
        return results;
    }

    /** The reporting timeline (docs/timeline.md): replays the log on its first use, then what is new. */
    public org.veritally.server.read.ReadTimeline timeline() {
        return timeline;
    }

    /**
     * Recomputes every projection from the log and reloads the in-memory state from them, once the log has
     * passed {@link org.veritally.server.integrity.LogIntegrity} (its bytes against the leaf hashes, the tree
     * nodes and the latest signed checkpoint). A log that fails it, or an entry the rulebook refuses on replay,
     * changes nothing: the projections stay as they were.
     *
     * @throws org.veritally.server.integrity.IntegrityFailure naming the check and the first mismatch
     */
    public synchronized void rebuild() {
        if (node.isPresent())
            throw new IllegalStateException("rebuild is a one-shot command, not for a serving instance");
        requireWriter();
        var broken = store.readSnapshot(() -> org.veritally.server.integrity.LogIntegrity.check(store, keys));
        if (broken.isPresent()) throw new org.veritally.server.integrity.IntegrityFailure(broken.get());
        wire(new ElectionState()); // let the old state go first: a rebuild holds a second one while it runs
        try {
            RebuildProjections.rebuild(store);
        } catch (ReplayLog.BrokenEntry e) {
            wire(load(store)); // rolled back whole: the projections are those of before
            throw new org.veritally.server.integrity.IntegrityFailure(new org.veritally.server.integrity.Mismatch(
                    org.veritally.server.integrity.IntegrityRule.INTEG_REPLAY,
                    "log entry " + e.index(),
                    e.getMessage()));
        }
        wire(load(store));
    }

    /**
     * Applies the entries that another process appended since this state was loaded or last caught
     * up, in memory only ({@link ReplayLog}), under the single writer's monitor. Returns how many.
     */
    public long catchUp() {
        Sequencer seq = sequencer;
        synchronized (seq) {
            ElectionState s = seq.state();
            ReplayLog replay = ReplayLog.following(s, store);
            long applied = 0;
            long next = s.logSize();
            while (true) {
                List<LogRow> rows = store.readLog(next, PAGE);
                if (rows.isEmpty()) break;
                rows.forEach(replay::apply);
                replay.finishPage();
                applied += rows.size();
                next += rows.size();
                if (rows.size() < PAGE) break;
            }
            if (applied > 0) announceCaughtUp(s.logSize(), replay.changedUnits());
            return applied;
        }
    }

    /** Units changed by entries caught up with but not yet announced (no checkpoint of their size was read yet). */
    private final java.util.Set<String> unannounced = new java.util.LinkedHashSet<>();

    /**
     * Tells the live feed (if it runs) of the checkpoint the entries just caught up with reached, and of the units
     * they changed: a follower's streams announce what the sequencer wrote (issue 18). The sequencer signs a
     * checkpoint in the transaction that appends its entries, so the latest one is normally of size {@code size};
     * one of a smaller size (the rows were read between two of the sequencer's commits) is announced now and
     * the units carried to the next, and none newer than what this state holds is announced.
     */
    private void announceCaughtUp(long size, java.util.Set<String> units) {
        unannounced.addAll(units);
        var feed = live;
        if (feed == null) {
            unannounced.clear();
            return;
        }
        var c = new org.veritally.store.CheckpointQueries(store).latest();
        if (c.isEmpty() || c.get().treeSize() > size) return;
        byte[] root = java.util.Base64.getDecoder().decode(rootOf(c.get().note()));
        feed.committed(c.get().treeSize(), root, c.get().createdMs(), List.copyOf(unannounced));
        unannounced.clear();
    }

    /**
     * Whether this process may write the log: always on SQLite; on PostgreSQL, whether it holds the
     * sequencer's lock now, taking it if it is free (and then catching up first).
     */
    public boolean tryBecomeSequencer() {
        if (lock.isEmpty()) return true;
        boolean had = lock.get().held();
        if (had) return true;
        if (!lock.get().tryAcquire()) return false;
        catchUp();
        return true;
    }

    /** Whether this process holds the sequencer's lock (always true on SQLite); asks the database. */
    public boolean isSequencer() {
        return lock.isEmpty() || lock.get().held();
    }

    /**
     * Ends this process's session holding the sequencer's lock, as its death would, and returns once
     * PostgreSQL has released the lock (at most 10 s), so another process can take it at once (tests
     * simulate crashes with it).
     */
    public void severSequencerLock() {
        lock.ifPresent(l -> l.severAndAwaitRelease(10_000));
    }

    /**
     * Several instances on one database ({@code serve} on PostgreSQL): from now on online submissions
     * go to {@code intake} (sheets), {@code work} (batches of transcription work, docs/transcription.md) and
     * {@code entries} (announcements, keys), which decide whether this process sequences them or queues them for
     * the one that does; writes no longer take the lock themselves. {@code clusterNode} is closed with this
     * instance.
     */
    public synchronized void attach(
            GroupCommit.Intake intake,
            GroupCommit.WorkIntake work,
            RecordEntry.Intake entries,
            AutoCloseable clusterNode) {
        if (groupCommit != null) {
            groupCommit.close();
            groupCommit = null;
        }
        this.intake = Optional.of(intake);
        this.workIntake = Optional.of(work);
        this.entryIntake = Optional.of(entries);
        this.node = Optional.of(clusterNode);
    }

    private void requireWriter() {
        if (lock.isEmpty() || node.isPresent()) return;
        synchronized (lock.get()) {
            if (lock.get().held()) return;
            if (!tryBecomeSequencer()) {
                throw new StoreException(
                        "another process holds the sequencer's lock on " + store.database()
                                + " (a running serve instance): submit through its API, or stop it first",
                        null);
            }
        }
    }

    @Override
    public synchronized void close() {
        integrity.close();
        asOf.snapshots().ifPresent(org.veritally.server.asof.Snapshots::close);
        if (live != null) {
            appender.listen(LogAppender.CommitListener.NONE);
            live.close();
        }
        try {
            if (node.isPresent()) node.get().close();
        } catch (Exception e) {
            throw new IllegalStateException("close the cluster node", e);
        } finally {
            if (groupCommit != null) groupCommit.close();
            lock.ifPresent(SessionLock::close);
            try {
                if (blobs != null) blobs.close();
            } catch (Exception e) {
                throw new IllegalStateException("close the evidence store", e);
            } finally {
                store.close();
            }
        }
    }
}
