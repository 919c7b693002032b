package org.veritally.app;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.veritally.core.tabulate.View;
import org.veritally.formats.export.ConsensusCsvWriter;
import org.veritally.formats.export.ExportFormat;
import org.veritally.formats.export.ExportViews;
import org.veritally.formats.export.OpenElectionsWriter;
import org.veritally.formats.export.StationCsvWriter;
import org.veritally.formats.nist.NistJsonSink;
import org.veritally.formats.nist.NistReportWriter;
import org.veritally.formats.nist.NistSink;
import org.veritally.formats.nist.NistXmlSink;
import org.veritally.formats.nist.ReportHeader;
import org.veritally.server.Instance;
import org.veritally.server.export.SqliteSnapshot;
import org.veritally.server.export.StoreExportData;
import org.veritally.store.Dialect;
import org.veritally.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code veritally export}: writes the open-data files of docs/open-data.md from one consistent
 * snapshot of the data directory's database, SQLite or PostgreSQL ({@code --db}), streaming (memory
 * does not grow with the sheets). The file is
 * written beside {@code --out} and moved into place when complete. Exit 0, or 2 on a usage or I/O
 * error.
 */
@Command(
        name = "export",
        description = "Export open data: per-station or consensus CSV, NIST SP 1500-100 JSON/XML, "
                + "OpenElections CSV, or the SQLite file.")
final class ExportCommand implements Callable<Integer> {
    @Mixin
    DataDirOption data;

    @Option(
            names = "--format",
            required = true,
            paramLabel = "F",
            description = "station-csv | consensus-csv | nist-json | nist-xml | openelections | sqlite")
    String format;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "FILE",
            description = "the file to write (replaced if present)")
    Path out;

    @Option(
            names = "--view",
            paramLabel = "V",
            description =
                    "for nist-json, nist-xml and openelections: official | consensus | source:<id> (default: official)")
    Optional<String> view;

    @Option(
            names = "--election-date",
            paramLabel = "YYYY-MM-DD",
            description = "NIST StartDate/EndDate (default: the UTC day of the first sheet in the log)")
    Optional<String> electionDate;

    @Option(
            names = "--election-type",
            paramLabel = "T",
            defaultValue = "unspecified",
            description = "NIST ElectionType: general | primary | runoff | special | …; other words become "
                    + "OtherType (default: ${DEFAULT-VALUE})")
    String electionType;

    @Option(
            names = "--language",
            paramLabel = "TAG",
            defaultValue = "und",
            description = "language of the names in NIST reports (default: ${DEFAULT-VALUE}, undetermined)")
    String language;

    @Override
    public Integer call() throws IOException {
        ExportFormat f = UsageError.of(() -> ExportFormat.ofWire(format));
        if (view.isPresent() && !f.takesView())
            throw new UsageError(
                    "--view applies to nist-json, nist-xml and openelections; " + format + " holds every source");
        Optional<LocalDate> date = electionDate.map(ExportCommand::date);
        long t0 = System.nanoTime();
        Path abs = out.toAbsolutePath();
        if (abs.getParent() != null) Files.createDirectories(abs.getParent());
        var db = data.location();
        boolean sqlite = db.dialect() == Dialect.SQLITE;
        if (sqlite && !Files.isRegularFile(data.dir.resolve(Instance.DB_FILE))) {
            throw new UsageError(
                    "no database in " + data.dir + " (expected " + data.dir.resolve(Instance.DB_FILE) + ")");
        }
        if (f == ExportFormat.SQLITE) {
            if (!sqlite)
                throw new UsageError(
                        "--format sqlite copies the SQLite file of --data; with --db (PostgreSQL) use pg_dump");
            long bytes = SqliteSnapshot.write(data.dir, abs);
            System.out.printf(
                    "wrote %s: sqlite snapshot, %,d bytes (private tables %s emptied); %.1f s%n",
                    out, bytes, SqliteSnapshot.PRIVATE, secs(t0));
            return Main.OK;
        }
        Path tmp = abs.resolveSibling(abs.getFileName() + ".part");
        try (Store store = Store.open(db)) {
            Written w = StoreExportData.read(store, d -> {
                try {
                    return write(d, f, tmp, date);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            System.out.printf(
                    "wrote %s: %s, %s, %,d bytes; snapshot at log size %,d; %.1f s%n",
                    out, f.wire(), w.what(), Files.size(abs), w.logSize(), secs(t0));
        } finally {
            Files.deleteIfExists(tmp);
        }
        return Main.OK;
    }

    /** What an export wrote, and the log size of its snapshot. */
    private record Written(String what, long logSize) {}

    private Written write(StoreExportData d, ExportFormat f, Path tmp, Optional<LocalDate> date) throws IOException {
        var snap = d.snapshot();
        View v = f.takesView()
                ? UsageError.of(() -> ExportViews.resolve(snap, view.orElse("official")))
                : new View.Consensus();
        String what;
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
            what = switch (f) {
                case STATION_CSV -> csv(os, w -> new StationCsvWriter(w, snap).write(d));
                case CONSENSUS_CSV -> csv(os, w -> new ConsensusCsvWriter(w, snap).write(d));
                case OPENELECTIONS -> csv(os, w -> new OpenElectionsWriter(w, snap).write(d, v)) + ", view " + v.wire();
                case NIST_JSON, NIST_XML -> {
                    var header = ReportHeader.forView(snap, v, Instant.now(), date, electionType, language);
                    NistReportWriter.Summary s;
                    try (NistSink sink = f == ExportFormat.NIST_JSON ? new NistJsonSink(os) : new NistXmlSink(os)) {
                        s = new NistReportWriter(sink, snap, header).write(d, v);
                    }
                    yield String.format(
                            "view %s: %,d station and %,d unit count sets, status %s",
                            v.wire(),
                            s.stationCounts(),
                            s.unitCounts(),
                            s.complete() ? "unofficial-complete" : "unofficial-partial");
                }
                case SQLITE -> throw new IllegalStateException("handled above");
            };
        }
        return new Written(what, snap.logSize());
    }

    /** Runs a CSV writer over a UTF-8 writer on {@code os}, flushes it, and names the row count. */
    private static String csv(OutputStream os, java.util.function.ToLongFunction<Writer> body) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), 1 << 16);
        long n = body.applyAsLong(w);
        w.flush();
        return String.format("%,d rows", n);
    }

    private static LocalDate date(String s) {
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new UsageError("--election-date '" + s + "' is not a date YYYY-MM-DD");
        }
    }

    private static double secs(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
