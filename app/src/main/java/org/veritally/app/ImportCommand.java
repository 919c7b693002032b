package org.veritally.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.veritally.core.model.Source;
import org.veritally.core.model.SourceKind;
import org.veritally.core.validation.Problem;
import org.veritally.formats.Definition;
import org.veritally.formats.csv.CvzlaCsv;
import org.veritally.formats.csv.GenericCsv;
import org.veritally.formats.csv.SheetRow;
import org.veritally.formats.election.DefinitionJson;
import org.veritally.formats.qr.BoletimKeys;
import org.veritally.formats.qr.BoletimPayloads;
import org.veritally.formats.qr.BrBuElection;
import org.veritally.formats.qr.BrBuQr;
import org.veritally.server.Instance;
import org.veritally.server.intake.DuplicateRows;
import org.veritally.server.intake.Outcome;
import org.veritally.store.DiskFull;
import org.veritally.store.StoreException;
import org.veritally.store.WholeFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code veritally import}: loads an election definition or tally sheets. Sheets go to the
 * sequencer in batches of {@value #BATCH}, each batch one transaction, so a kill mid-file leaves
 * whole batches; with {@code --all-or-nothing} the whole file is one transaction. Exit 1 when any
 * record was rejected (the valid ones are still accepted unless --all-or-nothing).
 *
 * <p>Why {@value #BATCH} rows a batch (it was 20,000): up to six batches are in flight at once (two parsed and
 * waiting, one being decided, three queued for or in the writer), and at 20,000 rows they held more than the 40-50
 * MB young generation G1 gave a 1 GB heap, so each collection copied and promoted them (docs/performance.md, "Bulk
 * import at 1,000,000 sheets", 2026-12-08).
 */
@Command(name = "import", description = "Import an election definition or tally sheets.")
final class ImportCommand implements Callable<Integer> {
    static final int BATCH = 5_000;
    /** With --quiet, the flags and the rejections printed, each. */
    static final int SHOWN = 20;

    @Mixin
    DataDirOption data;

    @Option(
            names = "--format",
            required = true,
            paramLabel = "F",
            description = "election | csv | ve2024-cvzla | ve-acta-qr | br-bu-qr | images | announcement | nist-json")
    String format;

    @Option(
            names = "--keys",
            paramLabel = "DIR",
            description = "br-bu-qr and images: the directory of the states' Ed25519 keys, o<uf>qrcode.pub (32 raw "
                    + "bytes each)")
    Optional<Path> keys;

    @Option(names = "--source", paramLabel = "NAME", description = "the source the sheets come from (declared if new)")
    Optional<String> source;

    @Option(
            names = "--source-kind",
            paramLabel = "K",
            defaultValue = "witness",
            description = "authority | witness | observer, for a new --source (default: ${DEFAULT-VALUE})")
    String sourceKind;

    @Option(
            names = "--station-pattern",
            paramLabel = "REGEX",
            description = "images: the station of a photo without a readable QR code, from its file name (the group "
                    + "named station, else the first group)")
    Optional<String> stationPattern;

    @Option(names = "--all-or-nothing", description = "reject the whole file if any record is rejected")
    boolean allOrNothing;

    @Option(
            names = "--quiet",
            description =
                    "print only the summary, the first " + SHOWN + " flags and the first " + SHOWN + " rejections")
    boolean quiet;

    @Option(
            names = "--receipts",
            paramLabel = "FILE",
            description = "write a receipt (C2SP tlog-proof) for every accepted sheet, one JSON line each")
    Optional<Path> receipts;

    private final List<Long> acceptedIndices = new ArrayList<>();

    @Parameters(paramLabel = "FILE", arity = "1..*")
    List<Path> files;

    private final List<Problem> problems = new ArrayList<>();
    private long accepted;
    private long newEntries;
    private long flaggedSheets;
    private long flags;

    @Override
    public Integer call() throws IOException {
        for (Path f : files) if (!Files.isReadable(f)) throw new UsageError("cannot read " + f);
        long t0 = System.nanoTime();
        try (Instance in = data.open()) {
            try {
                for (Path f : files) importFile(in, f);
                if (receipts.isPresent()) writeReceipts(in, receipts.get());
            } catch (RuntimeException e) {
                var full = DiskFull.find(e);
                if (full.isPresent()) throw stopped(in, full.get());
                throw e;
            }
            double s = (System.nanoTime() - t0) / 1e9;
            report(s, in.state().logSize());
        }
        return problems.isEmpty() ? Main.OK : Main.REJECTED;
    }

    private void importFile(Instance in, Path f) throws IOException {
        switch (format) {
            case "election" -> {
                List<Problem> ps = new ArrayList<>();
                DefinitionJson.read(Files.readAllBytes(f), f.getFileName().toString(), ps)
                        .ifPresent(d -> define(in, d, f));
                problems.addAll(ps);
            }
            case CvzlaCsv.FORMAT -> {
                List<Problem> ps = new ArrayList<>();
                Definition d = CvzlaCsv.definition(f, ps);
                if (!ps.isEmpty()) {
                    problems.addAll(ps);
                    return;
                }
                if (!define(in, d, f)) return;
                String src = source.orElse(CvzlaCsv.DEFAULT_SOURCE);
                declareSource(in, src, f);
                List<Problem> fileProblems = java.util.Collections.synchronizedList(new ArrayList<>());
                sheets(in, f, sink -> CvzlaCsv.sheets(f, src, fileProblems, sink));
                problems.addAll(fileProblems);
            }
            case GenericCsv.FORMAT -> {
                if (in.state().election().isEmpty())
                    throw new UsageError(
                            "no election defined in " + data.dir + "; import its definition first (--format election)");
                source.ifPresent(s -> declareSource(in, s, f));
                List<Problem> fileProblems = java.util.Collections.synchronizedList(new ArrayList<>());
                sheets(in, f, sink -> GenericCsv.sheets(f, in.state().requireElection(), source, fileProblems, sink));
                problems.addAll(fileProblems);
            }
            case "announcement" -> {
                if (in.state().election().isEmpty()) throw new UsageError("no election defined in " + data.dir);
                List<Problem> ps = new ArrayList<>();
                for (var a : org.veritally.formats.election.AnnouncementFile.read(
                        Files.readAllBytes(f), f.getFileName().toString(), ps)) {
                    var r = in.announcements().record(a, "cli", f.getFileName() + " " + a.id());
                    ps.addAll(r.problems());
                    if (r.problems().isEmpty()) {
                        accepted++;
                        if (!r.idempotent()) newEntries++;
                        System.out.printf(
                                "announcement %s recorded at log index %d%s%n",
                                a.id(), r.index(), r.idempotent() ? " (already there)" : "");
                    }
                }
                problems.addAll(ps);
            }
            case org.veritally.formats.qr.VeActaQr.FORMAT -> {
                if (in.state().election().isEmpty()) {
                    throw new UsageError("no election in " + data.dir + ": import the catalogue first (--format "
                            + CvzlaCsv.FORMAT + ")");
                }
                String src = source.orElseThrow(() ->
                        new UsageError("--source NAME is required for " + org.veritally.formats.qr.VeActaQr.FORMAT));
                declareSource(in, src, f);
                int[] dups = {0};
                sheets(in, f, sink -> dups[0] = org.veritally.formats.qr.VeActaQr.sheets(f, src, sink));
                if (dups[0] > 0) System.out.printf("%,d identical repeated payloads dropped%n", dups[0]);
            }
            case BrBuQr.FORMAT -> importBoletins(in, f);
            case "images" -> {
                if (in.state().election().isEmpty())
                    throw new UsageError("no election defined in " + data.dir + "; import its definition first");
                String src = source.orElseThrow(() -> new UsageError("--source NAME is required for images"));
                declareSource(in, src, f);
                var images = new ImageImport(
                        in,
                        src,
                        stationPattern.map(p -> UsageError.of(
                                () -> java.util.regex.Pattern.compile(p), "--station-pattern is not a regex: " + p)),
                        keys.map(k -> boletimKeys()));
                images.run(ImageImport.photos(List.of(f)));
                images.report();
                problems.addAll(images.refused);
                if (!images.unplaced.isEmpty())
                    problems.add(new Problem(
                            org.veritally.core.validation.Rule.EV_STATION,
                            f.toString(),
                            images.unplaced.size() + " photo(s) with no station from a QR code or --station-pattern"));
            }
            case org.veritally.formats.nist.NistJsonSheets.FORMAT -> {
                if (in.state().election().isEmpty())
                    throw new UsageError(
                            "no election defined in " + data.dir + "; import its definition first (--format election)");
                String src = source.orElseThrow(() -> new UsageError(
                        "--source NAME is required for " + org.veritally.formats.nist.NistJsonSheets.FORMAT));
                declareSource(in, src, f);
                List<Problem> fileProblems = java.util.Collections.synchronizedList(new ArrayList<>());
                sheets(
                        in,
                        f,
                        sink -> org.veritally.formats.nist.NistJsonSheets.sheets(
                                f, in.state().requireElection(), src, fileProblems, sink));
                problems.addAll(fileProblems);
            }
            default ->
                throw new UsageError("unknown --format '" + format + "' (election | csv | announcement | "
                        + CvzlaCsv.FORMAT + " | " + org.veritally.formats.qr.VeActaQr.FORMAT + " | " + BrBuQr.FORMAT
                        + " | " + org.veritally.formats.nist.NistJsonSheets.FORMAT + ")");
        }
    }

    /**
     * {@code br-bu-qr}: verified boletins define the election where there is none yet, else add their sections to
     * it; each office of each becomes a sheet of --source. Boletins failing a BU-* rule are rejected with it.
     */
    private void importBoletins(Instance in, Path f) {
        String src = source.orElseThrow(() -> new UsageError("--source NAME is required for " + BrBuQr.FORMAT));
        BoletimKeys k = boletimKeys();
        List<Problem> ps = new ArrayList<>();
        var reading = BrBuQr.read(BoletimPayloads.read(f, ps), k);
        ps.addAll(reading.problems());
        if (reading.repeats() > 0) System.out.printf("%,d identical repeated payloads dropped%n", reading.repeats());
        Optional<Definition> d = in.state().election().isEmpty()
                ? BrBuElection.definition(reading.contents())
                : Optional.of(BrBuElection.catalogue(in.state().requireElection(), reading.contents()));
        if (d.isEmpty() || !define(in, d.get(), f)) {
            problems.addAll(ps);
            return;
        }
        declareSource(in, src, f);
        // the refused boletins go through the sequencer as rejected rows, so --all-or-nothing sees them
        List<SheetRow> rows = new ArrayList<>();
        for (Problem p : ps) rows.add(new SheetRow(p.location(), Optional.empty(), List.of(p)));
        rows.addAll(BrBuElection.sheets(reading.verified(), in.state().requireElection(), src));
        sheets(in, f, sink -> rows.forEach(sink));
    }

    private BoletimKeys boletimKeys() {
        Path dir = keys.orElseThrow(
                () -> new UsageError("--keys DIR (the states' o<uf>qrcode.pub keys) is required for " + BrBuQr.FORMAT));
        if (!Files.isDirectory(dir)) throw new UsageError("--keys " + dir + " is not a directory");
        List<Problem> ps = new ArrayList<>();
        BoletimKeys k = BoletimKeys.read(dir, ps);
        if (!ps.isEmpty()) throw new UsageError("--keys " + dir + ": " + ps.get(0));
        if (k.states().isEmpty()) throw new UsageError("--keys " + dir + " holds no o<uf>qrcode.pub key");
        return k;
    }

    private boolean define(Instance in, Definition d, Path f) {
        var r = in.define().define(d, "cli", f.getFileName().toString());
        problems.addAll(r.problems());
        return r.problems().isEmpty();
    }

    private void declareSource(Instance in, String id, Path f) {
        if (in.state().tabulation().sourceIndex(id) >= 0) return;
        if (!Source.validId(id)) throw new UsageError("--source '" + id + "' is not a valid id");
        var e = in.state().requireElection();
        var src = new Source(
                id,
                id,
                UsageError.of(
                        () -> SourceKind.ofWire(sourceKind),
                        "--source-kind '" + sourceKind + "' is not authority | witness | observer"));
        var r = in.define()
                .define(
                        new Definition(e, List.of(), List.of(), List.of(src)),
                        "cli",
                        f.getFileName().toString());
        problems.addAll(r.problems());
    }

    private void sheets(
            Instance in, Path f, java.util.function.Consumer<java.util.function.Consumer<SheetRow>> reader) {
        DuplicateRows dup = new DuplicateRows();
        if (allOrNothing) {
            List<SheetRow> all = new ArrayList<>();
            reader.accept(all::add);
            flush(in, all, dup, java.util.Optional.empty());
        } else {
            // three stages on two cores: parse (RowPipeline), prepare (here), commit (BulkWriter)
            try (var writer = new org.veritally.server.intake.BulkWriter(in.store())) {
                RowPipeline.run(reader, BATCH, batch -> flush(in, batch, dup, java.util.Optional.of(writer)));
                writer.drain();
            }
        }
    }

    private void flush(
            Instance in,
            List<SheetRow> batch,
            DuplicateRows dup,
            java.util.Optional<org.veritally.server.intake.BulkWriter> writer) {
        if (batch.isEmpty()) return;
        Outcome o = writer.isPresent()
                ? in.sequencer().submitBulk(batch, "cli", dup, writer.get())
                : in.sequencer().submit(batch, "cli", dup, allOrNothing);
        problems.addAll(o.rejected());
        if (o.written() || o.rejected().isEmpty()) {
            accepted += o.accepted().size();
            newEntries += o.newEntries();
            for (var a : o.accepted()) {
                if (receipts.isPresent()) acceptedIndices.add(a.index());
                if (!a.flags().isEmpty()) flaggedSheets++;
                for (Problem p : a.flags()) {
                    if (!quiet || flags < SHOWN) System.err.println("flag: " + p);
                    flags++;
                }
            }
        }
        batch.clear();
    }

    /**
     * STORE-FULL mid-import: the batches committed before it stay (each is one transaction), the
     * failed one left nothing, and a rerun of the same import finishes the job, taking the sheets
     * already in the log as unchanged and writing every receipt.
     */
    private static StoreException stopped(Instance in, StoreException full) {
        String held;
        try {
            held = "the log holds " + in.store().logSize() + " entries";
        } catch (RuntimeException e) {
            held = "the batches committed before it stay";
        }
        return new StoreException(
                DiskFull.RULE,
                full.getMessage() + "; the import stopped, " + held
                        + ": run the same import again once there is room (sheets already in the log "
                        + "count as unchanged)",
                full);
    }

    /**
     * One receipt per accepted sheet, all against the checkpoint that closed the import; the file is written whole or
     * not at all.
     */
    private void writeReceipts(Instance in, Path file) throws IOException {
        var log = new org.veritally.server.log.LogView(in.store());
        var cp = log.latest().orElseThrow(() -> new IllegalStateException("no checkpoint"));
        WholeFile.write(file, false, out -> {
            for (long idx : acceptedIndices) {
                out.write(org.veritally.server.http.Json.bytes(
                        java.util.Map.of("index", idx, "receipt", log.receipt(idx, cp))));
                out.write('\n');
            }
        });
        System.out.printf(
                "%,d receipts against the checkpoint of tree size %,d written to %s%n",
                acceptedIndices.size(), cp.size(), file);
    }

    /**
     * The rejections on stderr (with --quiet the first {@value #SHOWN}; the flags went there as they
     * were found), then the summary on stdout. "rejecting" counts problems: one record may break
     * several rules; "flagged" counts sheets, each with one flag or more.
     */
    private void report(double seconds, long logSize) {
        int shown = 0;
        for (Problem p : problems) {
            if (quiet && shown >= SHOWN) break;
            System.err.println(p);
            shown++;
        }
        if (quiet && flags > SHOWN) System.err.printf("… %,d more flags not shown (--quiet)%n", flags - SHOWN);
        if (shown < problems.size())
            System.err.printf("… %,d more problems not shown (--quiet)%n", problems.size() - shown);
        if (format.equals("images")) return; // ImageImport printed its own summary
        System.out.printf(
                "accepted %,d (%,d new, %,d unchanged), %,d %s rejecting records, %,d %s flagged (%,d "
                        + "%s); log size %,d; %.2f s%s%n",
                accepted,
                newEntries,
                accepted - newEntries,
                problems.size(),
                plural(problems.size(), "problem"),
                flaggedSheets,
                plural(flaggedSheets, "sheet"),
                flags,
                plural(flags, "flag"),
                logSize,
                seconds,
                allOrNothing && !problems.isEmpty() ? " — nothing written (--all-or-nothing)" : "");
    }

    private static String plural(long n, String noun) {
        return n == 1 ? noun : noun + "s";
    }
}
