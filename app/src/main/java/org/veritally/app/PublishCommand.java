package org.veritally.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.veritally.server.Instance;
import org.veritally.server.export.SqliteSnapshot;
import org.veritally.server.log.EvidenceCopies;
import org.veritally.server.log.EvidenceFiles;
import org.veritally.server.log.LogKeys;
import org.veritally.server.log.Publisher;
import org.veritally.store.blob.BlobStore;
import org.veritally.store.blob.BlobStores;
import org.veritally.web.i18n.Lang;
import org.veritally.web.mirror.MirrorPublisher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code veritally publish}: the log as tlog tiles plus the published results, for any static host;
 * with {@code --site}, the whole website, the exports and a manifest besides (a static mirror,
 * docs/open-data.md). A SQLite data directory is first copied in one consistent snapshot, so the
 * mirror is one moment of the count even while the server goes on accepting sheets.
 */
@Command(
        name = "publish",
        description = {
            "Write the log (checkpoint, tiles, entry bundles) and the published results to a directory.",
            "With --site, also every page in every language, the exports and manifest.json: a static "
                    + "mirror that `verify` checks."
        })
final class PublishCommand implements Callable<Integer> {
    @Mixin
    DataDirOption data;

    @Option(names = "--out", required = true, paramLabel = "DIR")
    Path out;

    @Option(
            names = "--site",
            description = "also render the website, the exports, the receipts and manifest.json (a static mirror)")
    boolean site;

    @Option(
            names = "--languages",
            split = ",",
            paramLabel = "CODES",
            description =
                    "with --site: the languages of the pages, the first opening index.html (default: es,en,pt,id)")
    List<String> languages = new ArrayList<>(List.of("es", "en", "pt", "id"));

    @Option(names = "--full", description = "with --site: render every page even if an incremental publish would do")
    boolean full;

    @Option(
            names = "--no-database",
            description = "with --site: do not carry the SQLite file as downloads/veritally.db")
    boolean noDatabase;

    @Option(
            names = "--without-evidence",
            description = "publish none of the evidence photos' public copies (evidence/<sha256>), saying so in "
                    + "evidence-withheld.txt; without it, a copy the evidence store lacks fails the publish "
                    + "(PUB-EVIDENCE)")
    boolean withoutEvidence;

    @Option(
            names = "--election-date",
            paramLabel = "YYYY-MM-DD",
            description = "with --site: the NIST reports' StartDate/EndDate (default: the UTC day of the first sheet)")
    Optional<String> electionDate;

    @Option(
            names = "--election-type",
            paramLabel = "T",
            defaultValue = "unspecified",
            description = "with --site: the NIST reports' ElectionType (default: ${DEFAULT-VALUE})")
    String electionType;

    @Option(
            names = "--language",
            paramLabel = "TAG",
            defaultValue = "und",
            description = "with --site: language of the names in the NIST reports (default: ${DEFAULT-VALUE})")
    String nistLanguage;

    @Option(
            names = "--threads",
            paramLabel = "N",
            description = "with --site: threads rendering pages (default: the processors)")
    Optional<Integer> threads;

    @Override
    public Integer call() throws Exception {
        var db = data.location();
        boolean sqlite = db.dialect() == org.veritally.store.Dialect.SQLITE;
        if (sqlite && !Files.exists(data.dir.resolve(Instance.DB_FILE))) {
            throw new UsageError("no data directory at " + data.dir);
        }
        if (site) return site(sqlite);
        // the store alone: publishing replays the log itself and needs none of the in-memory state
        List<BlobStore> opened = new ArrayList<>(1);
        try (var store = org.veritally.store.Store.open(db)) {
            var keys = LogKeys.loadOrCreate(data.dir);
            long t0 = System.nanoTime();
            EvidenceCopies copies = withoutEvidence
                    ? new EvidenceCopies.Withheld()
                    : new EvidenceCopies.From(() -> {
                        // opened only when an image must be written: a log without evidence needs no store
                        opened.add(BlobStores.open(data.evidenceStore(), store.database()));
                        return opened.get(0);
                    });
            var r = new Publisher(store, keys, copies).publish(out);
            System.out.printf(
                    "published tree size %,d (was %,d): %,d tiles written, %d results files, %s, in %.1f s; "
                            + "verifier key %s%n",
                    r.size(),
                    r.previousSize(),
                    r.tilesWritten(),
                    r.resultFiles(),
                    evidence(r.evidence()),
                    (System.nanoTime() - t0) / 1e9,
                    keys.verifierKey().encode());
            return Main.OK;
        } finally {
            opened.forEach(BlobStore::close);
        }
    }

    private int site(boolean sqlite) throws IOException {
        List<Lang> langs = new ArrayList<>();
        for (String code : languages) {
            Lang l = Lang.of(code.strip())
                    .orElseThrow(() -> new UsageError("--languages: no language '" + code + "' (en, es, id, pt)"));
            if (!langs.contains(l)) langs.add(l);
        }
        Optional<LocalDate> date = electionDate.map(PublishCommand::date);
        long t0 = System.nanoTime();
        var keys = LogKeys.loadOrCreate(data.dir);
        long tOpen;
        Path tmp = Files.createTempDirectory("veritally-publish-");
        try {
            Instance in;
            Optional<Path> database = Optional.empty();
            if (sqlite) {
                // one consistent moment: a snapshot of the database (private tables emptied), also the mirror's
                // download
                Path snapshot = tmp.resolve("public.db");
                SqliteSnapshot.write(data.dir, snapshot);
                Path dir = Files.createDirectories(tmp.resolve("data"));
                Files.copy(snapshot, dir.resolve(Instance.DB_FILE));
                if (!noDatabase) database = Optional.of(snapshot);
                in = Instance.openCopy(dir, keys);
                in.evidenceAt(data.evidenceStore()); // the snapshot's directory holds no evidence
            } else {
                in = data.open();
            }
            tOpen = System.nanoTime();
            try (in) {
                var options = MirrorPublisher.Options.defaults()
                        .withLanguages(langs)
                        .withFull(full)
                        .withDatabase(database)
                        .withNist(date, electionType, nistLanguage, firstSheetDay(in))
                        .withoutEvidence(withoutEvidence);
                if (threads.isPresent()) options = options.withThreads(Math.max(1, threads.get()));
                var r = new MirrorPublisher(in, keys, options).publish(out);
                System.out.printf(
                        "published a static mirror at tree size %,d (was %,d), %s: %,d pages rendered, "
                                + "%,d receipts; %,d files written,"
                                + " %,d unchanged, %,d removed; %s; %,d files in the manifest; in %.1f s; "
                                + "verifier key %s%n",
                        r.size(),
                        Math.max(0, r.previousSize()),
                        r.incremental() ? "incremental" : "everything rendered",
                        r.pages(),
                        r.receipts(),
                        r.filesWritten(),
                        r.filesUnchanged(),
                        r.filesDeleted(),
                        evidence(r.evidence()),
                        r.files(),
                        (System.nanoTime() - t0) / 1e9,
                        keys.verifierKey().encode());
                StringBuilder phases =
                        new StringBuilder(String.format("snapshot and state %.1f s", (tOpen - t0) / 1e9));
                r.seconds()
                        .forEach((k, v) -> phases.append(phases.isEmpty() ? "" : ", ")
                                .append(k)
                                .append(String.format(" %.1f s", v)));
                System.out.println("seconds: " + phases);
                if (!sqlite && in.store().readLog(r.size(), 1).size() > 0) {
                    System.out.println("note: the log grew while publishing; pages of stations that received "
                            + "sheets meanwhile may show them. Publish again.");
                }
            }
            return Main.OK;
        } finally {
            try (Stream<Path> s = Files.walk(tmp)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** What became of the evidence images, in words. */
    static String evidence(EvidenceFiles.Written e) {
        if (e.withheld())
            return String.format(
                    "published WITHOUT evidence (%,d image(s) named, %,d already there)", e.named(), e.unchanged());
        return String.format(
                "%,d evidence image(s): %,d written, %,d unchanged", e.named(), e.written(), e.unchanged());
    }

    /** The UTC day of the first sheet in the log, as {@code export} dates NIST reports by default. */
    private static Optional<String> firstSheetDay(Instance in) {
        var first = new org.veritally.store.LogQueries(in.store()).firstReceivedMs("sheet");
        return first.isPresent()
                ? Optional.of(Instant.ofEpochMilli(first.getAsLong())
                        .atZone(ZoneOffset.UTC)
                        .toLocalDate()
                        .toString())
                : Optional.empty();
    }

    private static LocalDate date(String s) {
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new UsageError("--election-date '" + s + "' is not a date YYYY-MM-DD");
        }
    }
}
