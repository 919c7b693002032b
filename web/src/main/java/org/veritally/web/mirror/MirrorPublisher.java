package org.veritally.web.mirror;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import org.veritally.core.model.Catalogue;
import org.veritally.core.model.Contest;
import org.veritally.core.model.Election;
import org.veritally.formats.canonical.JsonTree;
import org.veritally.formats.replay.ExportFiles;
import org.veritally.formats.replay.ReplayExportData;
import org.veritally.server.Instance;
import org.veritally.server.log.EvidenceCopies;
import org.veritally.server.log.EvidenceFiles;
import org.veritally.server.log.LogKeys;
import org.veritally.server.log.LogView;
import org.veritally.server.log.Publisher;
import org.veritally.store.LogRow;
import org.veritally.store.StoreHashReader;
import org.veritally.translog.AppendResult;
import org.veritally.translog.Checkpoint;
import org.veritally.translog.CompactRange;
import org.veritally.translog.HashReader;
import org.veritally.translog.InMemoryNodeStore;
import org.veritally.translog.InclusionProof;
import org.veritally.translog.LogHasher;
import org.veritally.translog.Note;
import org.veritally.translog.NoteSignature;
import org.veritally.translog.Parsed;
import org.veritally.translog.Tile;
import org.veritally.translog.TileLayout;
import org.veritally.translog.TlogProof;
import org.veritally.translog.TreeAppender;
import org.veritally.translog.Verification;
import org.veritally.web.Assets;
import org.veritally.web.RenderedPage;
import org.veritally.web.SiteRenderer;
import org.veritally.web.html.Html;
import org.veritally.web.i18n.Lang;
import org.veritally.web.link.MirrorLinks;
import org.veritally.web.link.PageRef;
import org.veritally.web.model.DownloadsPage;
import org.veritally.web.model.Option;
import org.veritally.web.query.Views;

/**
 * Use case {@code publish --site}: the whole website for one moment of the count, as static files
 * that any web server (or a browser from disk) can serve, and that {@code verify} can check.
 * Layout (docs/open-data.md, "Static mirror"):
 *
 * <ul>
 *   <li>the log as {@link Publisher} writes it ({@code checkpoint}, {@code tile/…}, {@code results/…},
 *       {@code log.vkey}), the checkpoint written last of all;
 *   <li>{@code <lang>/…}: every page in every language, addressed as {@link MirrorLinks} says: the
 *       overview in each view, every unit × contest × view, every station, the downloads and
 *       announcements pages, and the discrepancies and statistics pages that those link to;
 *   <li>{@code static/…} the assets; {@code index.html} the choice of language;
 *   <li>{@code exports/…} ({@link ExportFiles}), written from the same replay of the log as {@code
 *       results/}, and {@code downloads/veritally.db} when given one;
 *   <li>{@code log/receipt/<index>}: the inclusion proof of every sheet and announcement, against the
 *       checkpoint of the publish that first carried it (written once; {@code --full} writes all again);
 *   <li>{@code evidence/<sha256>}: the public copy of every evidence photo the log names ({@link
 *       EvidenceFiles}; never an original), or {@code evidence-withheld.txt} when published without them;
 *   <li>{@code manifest.json} ({@link Manifest}): every file's SHA-256 and the signed checkpoint.
 * </ul>
 *
 * <p>Incremental: when the previous publish's manifest is there, by the same generator and in the
 * same languages, and the entries since are only sheets, announcements and keys, only the pages of
 * the stations that received sheets, of the units above them and the pages about the whole election
 * are rendered again; every file is compared by hash and written only when it changed. Anything else
 * (a new unit, station or source) renders everything.
 *
 * <p>Reads one {@link Instance} that must not change meanwhile (the caller opens it on a snapshot
 * of the database). Pages are rendered on {@code threads} threads; beside them, one more thread
 * replays the log (its tiles, the results) and writes the exports from that replay.
 * {@link #publish} is not thread-safe: one publish into a directory at a time.
 */
public final class MirrorPublisher {
    /** Bumped when the pages' markup changes in a way the assets and words do not show. */
    static final int TEMPLATES = 1;

    private final Instance in;
    private final LogKeys keys;
    private final Options o;
    private final SiteRenderer renderer;

    /**
     * What to publish.
     *
     * @param languages the languages of the pages, the first being the one {@code index.html} opens
     * @param full render every page even when an incremental publish would do
     * @param database the SQLite file to carry as {@code downloads/veritally.db}, if any
     * @param firstSheetDay the UTC day of the first sheet (the NIST reports' date without {@code electionDate})
     * @param withoutEvidence publish no evidence image, saying so ({@code --without-evidence}); else every
     *     public copy the log names is read from the instance's blob store
     */
    public record Options(
            List<Lang> languages,
            boolean full,
            Optional<LocalDate> electionDate,
            String electionType,
            String nistLanguage,
            Instant now,
            Optional<String> firstSheetDay,
            Optional<Path> database,
            int threads,
            boolean withoutEvidence) {
        public Options {
            languages = List.copyOf(languages);
            if (languages.isEmpty()) throw new IllegalArgumentException("a mirror needs at least one language");
            if (threads < 1) throw new IllegalArgumentException("threads < 1");
        }

        /** Every language, no database, now, as many threads as processors. */
        public static Options defaults() {
            return new Options(
                    List.of(Lang.values()),
                    false,
                    Optional.empty(),
                    "unspecified",
                    "und",
                    Instant.now(),
                    Optional.empty(),
                    Optional.empty(),
                    Runtime.getRuntime().availableProcessors(),
                    false);
        }

        public Options withFull(boolean f) {
            return new Options(
                    languages,
                    f,
                    electionDate,
                    electionType,
                    nistLanguage,
                    now,
                    firstSheetDay,
                    database,
                    threads,
                    withoutEvidence);
        }

        public Options withLanguages(List<Lang> l) {
            return new Options(
                    l,
                    full,
                    electionDate,
                    electionType,
                    nistLanguage,
                    now,
                    firstSheetDay,
                    database,
                    threads,
                    withoutEvidence);
        }

        public Options withDatabase(Optional<Path> db) {
            return new Options(
                    languages,
                    full,
                    electionDate,
                    electionType,
                    nistLanguage,
                    now,
                    firstSheetDay,
                    db,
                    threads,
                    withoutEvidence);
        }

        /** The time the NIST reports say they were generated at. */
        public Options withNow(Instant t) {
            return new Options(
                    languages,
                    full,
                    electionDate,
                    electionType,
                    nistLanguage,
                    t,
                    firstSheetDay,
                    database,
                    threads,
                    withoutEvidence);
        }

        public Options withThreads(int n) {
            return new Options(
                    languages,
                    full,
                    electionDate,
                    electionType,
                    nistLanguage,
                    now,
                    firstSheetDay,
                    database,
                    n,
                    withoutEvidence);
        }

        /** Publishes no evidence image, saying so in {@link EvidenceFiles#WITHHELD}. */
        public Options withoutEvidence(boolean w) {
            return new Options(
                    languages,
                    full,
                    electionDate,
                    electionType,
                    nistLanguage,
                    now,
                    firstSheetDay,
                    database,
                    threads,
                    w);
        }

        public Options withNist(Optional<LocalDate> date, String type, String language, Optional<String> firstDay) {
            return new Options(
                    languages, full, date, type, language, now, firstDay, database, threads, withoutEvidence);
        }
    }

    /** What one publish did. */
    public record Report(
            long previousSize,
            long size,
            boolean incremental,
            int pages,
            int receipts,
            int filesWritten,
            int filesUnchanged,
            int filesDeleted,
            int files,
            EvidenceFiles.Written evidence,
            Map<String, Double> seconds) {}

    public MirrorPublisher(Instance in, LogKeys keys, Options options) {
        this.in = in;
        this.keys = keys;
        this.o = options;
        this.renderer = new SiteRenderer(in, Assets.load());
    }

    public Report publish(Path out) throws IOException {
        Map<String, Double> seconds = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>());
        long t0 = System.nanoTime();
        long n = in.state().logSize();
        LogView log = new LogView(in.store());
        LogView.SignedNote cp = log.at(n)
                .orElseThrow(() -> new IllegalStateException("the log holds " + n
                        + " entries but no checkpoint signed at that size: nothing consistent to publish"));
        Optional<Manifest> prev = Manifest.read(out);
        Files.createDirectories(out);
        long published = publishedSize(out);
        if (published > n)
            throw new IllegalStateException("the output holds a larger tree (" + published + ") than this log (" + n
                    + "): refusing to roll it back");
        Map<String, String> before = prev.map(Manifest::files).orElse(Map.of());
        MirrorFiles files = new MirrorFiles(out, before);

        // beside the pages, on a thread of its own: the log's files, the results and the exports, from one replay of
        // the log
        List<DownloadsPage.MirrorFile> downloads = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.FutureTask<LogPart> logPart =
                new java.util.concurrent.FutureTask<>(() -> logPart(out, cp, files, before, downloads, seconds));
        Thread logThread = new Thread(logPart, "mirror-log");
        logThread.setDaemon(true);
        logThread.start();

        String generator = generator();
        List<String> langCodes = o.languages().stream().map(Lang::code).toList();
        long m = prev.map(Manifest::treeSize).orElse(-1L);
        Optional<Set<String>> touched = Optional.empty();
        if (!o.full()
                && prev.isPresent()
                && prev.get().generator().equals(generator)
                && prev.get().languages().equals(langCodes)
                && m == published) {
            touched = touchedStations(m, n);
        }
        for (var a : renderer.assets().all().entrySet())
            files.put("static/" + a.getKey(), a.getValue().bytes());
        files.put("index.html", rootIndex().getBytes(StandardCharsets.UTF_8));
        // the Atom feed of each language, its links relative to {lang}/ like the pages there (docs/api.md)
        for (Lang l : o.languages())
            files.put(
                    l.code() + "/feed.atom",
                    renderer.feed(l, new MirrorLinks(PageRef.announcements(), o.languages()), "feed.atom"));
        int receipts = receipts(cp, files, before, o.full() ? 0 : Math.max(0, m), n);
        Set<String> pages = ConcurrentHashMap.newKeySet();
        int rendered = pages(files, pages, touched);
        seconds.put("pages and receipts", (System.nanoTime() - t0) / 1e9);
        LogPart lp = join(logPart);
        Publisher.Staged staged = lp.staged();
        rendered += downloadsPage(files, pages, downloads, lp.databaseBytes(), n, staged);
        long t1 = System.nanoTime();
        int deleted = 0;
        if (touched.isPresent()) {
            // pages of units and stations that did not change are kept; the pages found by following links are re-found
            for (String p : before.keySet()) {
                if (files.has(p) || !isPage(p)) continue;
                if (isLinkedPage(p)) deleted += delete(out, p);
                else files.keep(p);
            }
        } else {
            for (String p : before.keySet()) {
                if (!files.has(p) && !p.startsWith("tile/") && !p.startsWith("log/receipt/")) deleted += delete(out, p);
            }
        }

        Manifest manifest = new Manifest(
                logSignatureOnly(cp.note()),
                n,
                root(cp.note()),
                generator,
                langCodes,
                lp.exports().stream().map(ExportFiles.Spec::toJson).toList(),
                files.hashes());
        Path mf = out.resolve(Manifest.FILE);
        Path tmp = out.resolve(Manifest.FILE + ".tmp");
        Files.write(tmp, manifest.encode(before));
        Files.move(tmp, mf, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        publisher().commit(out, staged);
        seconds.put("manifest", (System.nanoTime() - t1) / 1e9);
        return new Report(
                staged.previousSize(),
                n,
                touched.isPresent(),
                rendered,
                receipts,
                files.written(),
                files.unchanged(),
                deleted,
                files.hashes().size(),
                staged.evidence(),
                seconds);
    }

    /** What the log's thread did: the staged log, the exports written and the size of the database file carried. */
    private record LogPart(Publisher.Staged staged, List<ExportFiles.Spec> exports, Optional<Long> databaseBytes) {}

    private LogPart logPart(
            Path out,
            LogView.SignedNote cp,
            MirrorFiles files,
            Map<String, String> before,
            List<DownloadsPage.MirrorFile> downloads,
            Map<String, Double> seconds)
            throws IOException {
        long t0 = System.nanoTime();
        Publisher.Staged staged = publisher().stage(out, cp, before);
        logFiles(staged, files, cp.size());
        long t1 = System.nanoTime();
        List<ExportFiles.Spec> exports = exports(staged, files, downloads);
        Optional<Long> dbBytes = Optional.empty();
        if (o.database().isPresent()) {
            Path db = o.database().get();
            dbBytes = Optional.of(files.stream("downloads/veritally.db", os -> Files.copy(db, os)));
        }
        seconds.put("log (beside the pages)", (t1 - t0) / 1e9);
        seconds.put("exports (beside the pages)", (System.nanoTime() - t1) / 1e9);
        return new LogPart(staged, exports, dbBytes);
    }

    /** The log's publisher, taking the evidence images from the instance's blob store unless told not to. */
    private Publisher publisher() {
        return new Publisher(
                in.store(),
                keys,
                o.withoutEvidence() ? new EvidenceCopies.Withheld() : new EvidenceCopies.From(in::blobs));
    }

    private static <T> T join(java.util.concurrent.FutureTask<T> task) throws IOException {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing the log", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) throw io;
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The tree size of the checkpoint already in {@code out}, or 0. */
    private static long publishedSize(Path out) throws IOException {
        Path f = out.resolve("checkpoint");
        if (!Files.exists(f)) return 0;
        if (Note.parse(Files.readString(f)) instanceof Parsed.Ok<Note> ok
                && Checkpoint.parse(ok.value().text()) instanceof Parsed.Ok<Checkpoint> c) {
            return c.value().size();
        }
        throw new IllegalStateException(
                f + " is not a checkpoint; publish into an empty directory or a previous publication");
    }

    /** The log's own files, as the publisher wrote or left them: every tile of the tree, the results, the key. */
    private static void logFiles(Publisher.Staged staged, MirrorFiles files, long n) {
        staged.written().forEach(files::record);
        staged.evidence().files().forEach(files::record);
        List<String> tiles = new ArrayList<>();
        for (Tile.Hashes t : TileLayout.hashTiles(n)) tiles.add(t.path());
        for (Tile.Entries t : TileLayout.entryBundles(n)) tiles.add(t.path());
        for (String t : tiles) {
            if (!files.has(t) && files.keep(t).isEmpty())
                throw new IllegalStateException("the output lacks the tile " + t + "; publish into an empty directory");
        }
    }

    /**
     * The stations that received sheets in {@code [m, n)}, or empty when those entries change more
     * than sheets can (the catalogue, the sources, the election): then everything is rendered.
     */
    private Optional<Set<String>> touchedStations(long m, long n) {
        Set<String> out = new HashSet<>();
        for (long from = m; from < n; from += 10_000) {
            for (LogRow r : in.store().readLog(from, (int) Math.min(10_000, n - from))) {
                switch (r.kind()) {
                    case "sheet" -> {
                        try {
                            out.add((String)
                                    JsonTree.asObject(JsonTree.parse(r.body())).get("station"));
                        } catch (JsonTree.JsonError | RuntimeException e) {
                            return Optional.empty();
                        }
                    }
                    case "announcement", "key" -> {}
                    default -> {
                        return Optional.empty();
                    }
                }
            }
        }
        return Optional.of(out);
    }

    /**
     * The inclusion proofs of the sheets and announcements in {@code [from, n)} (the entries pages link
     * to), against this checkpoint; the proofs of earlier ones stay as the publish that first carried
     * them wrote them ({@code --full} writes every proof again). A publish from an empty directory rebuilds the
     * tree in memory from the leaf hashes (32 bytes a leaf, twice over), so a proof costs no database reads, and
     * checks its root against the checkpoint's. An incremental one reads the nodes its proofs need from the
     * store, each tile once ({@link StoreHashReader#keepingTiles}), and checks each proof against the
     * checkpoint's root: reading every leaf of the log for a few new entries made its cost grow with the log
     * (issue 15, the scaling table in docs/performance.md).
     */
    private int receipts(LogView.SignedNote cp, MirrorFiles files, Map<String, String> before, long from, long n) {
        for (String p : before.keySet()) {
            if (p.startsWith("log/receipt/")
                    && p.substring(12).matches("\\d{1,18}")
                    && Long.parseLong(p.substring(12)) < from) files.keep(p);
        }
        if (from >= n) return 0;
        byte[] root = Base64.getDecoder().decode(root(cp.note()));
        if (from > 0)
            return receiptsFrom(cp, files, from, n, StoreHashReader.keepingTiles(in.store()), Optional.of(root));
        InMemoryNodeStore tree = new InMemoryNodeStore();
        TreeAppender appender = new TreeAppender();
        CompactRange range = CompactRange.empty();
        for (long start = 0; start < n; start += 50_000) {
            List<byte[]> leaves =
                    new org.veritally.store.LogQueries(in.store()).leafHashes(start, Math.min(n, start + 50_000));
            AppendResult a = appender.append(range, leaves);
            tree.putAll(a.nodes());
            range = a.range();
        }
        if (range.size() != n || !java.util.Arrays.equals(range.root(LogHasher.create()), root)) {
            throw new IllegalStateException(
                    "the stored leaves do not hash to the checkpoint's root: the database is damaged");
        }
        return receiptsFrom(cp, files, from, n, tree, Optional.empty());
    }

    /**
     * The receipts of the sheets and announcements in {@code [from, n)}, their proofs read from {@code tree}; with
     * {@code root}, each proof is checked against it first (a tree read from the store, not rebuilt and checked whole).
     */
    private int receiptsFrom(
            LogView.SignedNote cp, MirrorFiles files, long from, long n, HashReader tree, Optional<byte[]> root) {
        LogHasher hasher = LogHasher.create();
        int written = 0;
        for (long start = from; start < n; start += 10_000) {
            for (LogRow r : in.store().readLog(start, (int) Math.min(10_000, n - start))) {
                if (!r.kind().equals("sheet") && !r.kind().equals("announcement")) continue;
                var proof = InclusionProof.build(r.idx(), n, tree);
                if (root.isPresent()
                        && !(proof.verify(hasher.leafHash(r.body()), root.get()) instanceof Verification.Verified))
                    throw new IllegalStateException("the stored tree does not prove entry " + r.idx()
                            + " in the checkpoint's root: the database is damaged");
                files.put(
                        "log/receipt/" + r.idx(),
                        new TlogProof(Optional.of(r.body()), r.idx(), proof.hashes(), cp.note())
                                .format()
                                .getBytes(StandardCharsets.UTF_8));
                written++;
            }
        }
        return written;
    }

    /**
     * The exports, written from the publisher's replay of the log at the checkpoint, as {@code verify}
     * writes them again ({@link ReplayExportData}; the projections' {@code export} is not used: it
     * reports a station with a single copy as {@code missing}).
     */
    private List<ExportFiles.Spec> exports(
            Publisher.Staged staged, MirrorFiles files, List<DownloadsPage.MirrorFile> downloads) {
        if (staged.replay().election().isEmpty()) return List.of();
        List<String> views =
                Views.defaultView(in.state().tabulation()).map(List::of).orElse(List.of());
        List<ExportFiles.Spec> specs = ExportFiles.standard(
                views, o.now(), o.electionDate(), o.firstSheetDay(), o.electionType(), o.nistLanguage());
        ReplayExportData data = new ReplayExportData(
                staged.replay(), ExportFiles.firstSheetDay(specs).or(o::firstSheetDay));
        for (ExportFiles.Spec s : specs) {
            long size = files.stream(s.path(), os -> ExportFiles.write(s, data, os));
            downloads.add(new DownloadsPage.MirrorFile(
                    s.path(), "downloads.file." + s.format(), s.view().orElse(""), size));
        }
        return specs;
    }

    /** The views a reader can choose (official when there is an authority, each other source, consensus). */
    private List<String> views() {
        if (in.state().tabulation().sources().isEmpty()) return List.of();
        return Views.options(in.state().tabulation(), "").stream()
                .map(Option::value)
                .toList();
    }

    /**
     * Renders the pages: everything, or, for an incremental publish, the stations {@code touched}, the
     * units above them, and the pages about the whole election; then the discrepancies and statistics
     * pages that the rendered pages link to, until none is missing. The downloads page comes later.
     */
    private int pages(MirrorFiles files, Set<String> paths, Optional<Set<String>> touched) {
        List<PageRef> refs = new ArrayList<>();
        List<String> views = views();
        refs.add(PageRef.home());
        for (String v : views) refs.add(PageRef.overview(v));
        refs.add(PageRef.announcements());
        refs.add(PageRef.audits());
        refs.add(PageRef.discrepancies(Optional.empty(), Optional.empty()));
        refs.add(PageRef.statistics(Optional.empty(), Optional.empty()));
        Optional<Election> e = in.state().election();
        if (e.isPresent()) {
            Catalogue cat = in.state().catalogue();
            Set<Integer> units = new LinkedHashSet<>();
            List<String> stations = new ArrayList<>();
            if (touched.isEmpty()) {
                for (int u = 0; u < cat.unitCount(); u++) units.add(u);
                for (int s = 0; s < cat.stationCount(); s++)
                    stations.add(cat.station(s).id());
            } else {
                for (String id : touched.get()) {
                    int s = cat.stationIndex(id);
                    if (s < 0) continue;
                    stations.add(id);
                    for (int u : cat.ancestry(cat.unitOfStation(s))) units.add(u);
                }
            }
            for (int u : units) {
                String id = cat.unit(u).id();
                for (Contest c : e.get().contests()) for (String v : views) refs.add(PageRef.unit(id, c.id(), v));
            }
            for (String s : stations) refs.add(PageRef.station(s));
        }
        Map<String, PageRef> linked = new ConcurrentHashMap<>();
        Set<String> done = ConcurrentHashMap.newKeySet();
        AtomicInteger count = new AtomicInteger();
        List<PageRef> batch = refs;
        while (!batch.isEmpty()) {
            for (PageRef r : batch) done.add(MirrorLinks.file(r));
            render(batch, files, paths, linked, count);
            batch = new ArrayList<>();
            for (var x : linked.entrySet()) if (!done.contains(x.getKey())) batch.add(x.getValue());
        }
        return count.get();
    }

    /** The downloads page, which lists the exports with their sizes: rendered once they are written. */
    private int downloadsPage(
            MirrorFiles files,
            Set<String> paths,
            List<DownloadsPage.MirrorFile> downloads,
            Optional<Long> dbBytes,
            long n,
            Publisher.Staged staged) {
        int count = 0;
        PageRef dl = PageRef.downloads();
        List<DownloadsPage.MirrorFile> all = new ArrayList<>(downloads);
        if (dbBytes.isPresent())
            all.add(new DownloadsPage.MirrorFile("downloads/veritally.db", "downloads.file.sqlite", "", dbBytes.get()));
        for (var r : staged.results()) {
            String view = r.path().substring(r.path().lastIndexOf('/') + 1).replace(".json", "");
            if (r.path().contains("/source/")) view = "source:" + view;
            all.add(new DownloadsPage.MirrorFile(
                    r.path(), "downloads.file.results", r.path().split("/")[1] + " · " + view, r.bytes().length));
        }
        all.add(new DownloadsPage.MirrorFile(Manifest.FILE, "downloads.file.manifest", "", -1));
        all.add(new DownloadsPage.MirrorFile("checkpoint", "downloads.file.checkpoint", "", -1));
        for (Lang l : o.languages()) {
            RenderedPage p = renderer.mirrorDownloads(l, new MirrorLinks(dl, o.languages()), all, n, dbBytes);
            String path = l.code() + "/" + MirrorLinks.file(dl);
            files.put(path, p.html().getBytes(StandardCharsets.UTF_8));
            paths.add(path);
            count++;
        }
        return count;
    }

    private void render(
            List<PageRef> refs,
            MirrorFiles files,
            Set<String> paths,
            Map<String, PageRef> linked,
            AtomicInteger count) {
        ForkJoinPool pool = new ForkJoinPool(o.threads());
        try {
            pool.submit(() -> refs.parallelStream().forEach(ref -> {
                        var links = new RecordingLinks(
                                new MirrorLinks(ref, o.languages()),
                                t -> linked.putIfAbsent(MirrorLinks.file(normal(t)), normal(t)));
                        List<RenderedPage> rendered = renderer.renderEach(ref, o.languages(), links);
                        for (int i = 0; i < rendered.size(); i++) {
                            String path = o.languages().get(i).code() + "/" + MirrorLinks.file(ref);
                            files.put(path, rendered.get(i).html().getBytes(StandardCharsets.UTF_8));
                            paths.add(path);
                            count.incrementAndGet();
                        }
                    }))
                    .get();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rendering the pages", ex);
        } catch (ExecutionException ex) {
            if (ex.getCause() instanceof RuntimeException r) throw r;
            if (ex.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(ex.getCause());
        } finally {
            pool.shutdown();
        }
    }

    /** A linked page as the mirror has it: only the parameters its file name keeps. */
    private static PageRef normal(PageRef t) {
        if (t.kind() == PageRef.Kind.STATISTICS) return PageRef.statistics(t.contest(), t.view());
        if (t.kind() == PageRef.Kind.TIMELINE || t.kind() == PageRef.Kind.AUDIT || t.kind() == PageRef.Kind.AUDIT_FORM)
            return t;
        return PageRef.discrepancies(t.param("unit"), t.param("source"));
    }

    /** Whether a path is a page of one of the mirror's languages. */
    private boolean isPage(String path) {
        int slash = path.indexOf('/');
        return slash > 0 && Lang.of(path.substring(0, slash)).isPresent() && path.endsWith(".html");
    }

    /** The pages found by following links, which every publish finds again. */
    private static boolean isLinkedPage(String path) {
        String rest = path.substring(path.indexOf('/') + 1);
        return rest.startsWith("discrepancies")
                || rest.startsWith("statistics")
                || rest.startsWith("timeline")
                || rest.startsWith("audit/");
    }

    private static int delete(Path out, String path) {
        try {
            return Files.deleteIfExists(out.resolve(path)) ? 1 : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The root page: the election's name and a link to each language; opens the first. */
    private String rootIndex() {
        String name = in.state().election().map(Election::name).orElse("Veritally");
        Lang first = o.languages().get(0);
        Html h = new Html(1024);
        h.raw("<!doctype html>\n")
                .open("html", "lang", first.code())
                .raw("<head><meta charset=\"utf-8\">")
                .raw("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><link "
                        + "rel=\"icon\" href=\"data:,\">")
                .element("title", name + " · Veritally")
                .open("meta", "http-equiv", "refresh", "content", "0; url=" + first.code() + "/index.html")
                .open(
                        "link",
                        "rel",
                        "stylesheet",
                        "href",
                        "static/" + renderer.assets().names().css())
                .raw("</head><body><main class=\"wrap\">")
                .element("h1", name)
                .raw("<ul>");
        for (Lang l : o.languages())
            h.raw("<li>")
                    .link(l.code() + "/index.html", l.nativeName(), "lang", l.code(), "hreflang", l.code())
                    .raw("</li>");
        h.raw("</ul></main></body></html>\n");
        return h.toString();
    }

    /** The software and words that made the pages: another generator re-renders everything. */
    private String generator() {
        var md = MirrorFiles.sha256();
        for (Lang l : Lang.values()) {
            try (InputStream s = Lang.class.getResourceAsStream("messages_" + l.code() + ".properties")) {
                if (s != null) md.update(s.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        var names = renderer.assets().names();
        return "veritally 0.1.0 templates/" + TEMPLATES + " " + names.css() + " " + names.js() + " words/"
                + MirrorFiles.hex(md.digest()).substring(0, 12);
    }

    /** The checkpoint with only the log's own signature: witnesses may add theirs to the file later. */
    private String logSignatureOnly(String note) {
        if (!(Note.parse(note) instanceof Parsed.Ok<Note> ok))
            throw new IllegalStateException("the checkpoint does not parse");
        var key = keys.verifierKey();
        List<NoteSignature> mine =
                ok.value().signatures().stream().filter(s -> s.isFrom(key)).toList();
        return new Note(ok.value().text(), mine).format();
    }

    private static String root(String note) {
        if (Note.parse(note) instanceof Parsed.Ok<Note> ok
                && Checkpoint.parse(ok.value().text()) instanceof Parsed.Ok<Checkpoint> c) {
            return Base64.getEncoder().encodeToString(c.value().rootHash());
        }
        throw new IllegalStateException("the checkpoint does not parse");
    }
}
