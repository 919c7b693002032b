package org.veritally.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.veritally.core.evidence.Evidence;
import org.veritally.image.DHash;
import org.veritally.image.Examination;
import org.veritally.image.Limits;
import org.veritally.image.Photo;
import org.veritally.server.Instance;
import org.veritally.server.evidence.Filed;
import org.veritally.server.evidence.Filing;
import org.veritally.server.http.Json;
import org.veritally.store.ProjectionQueries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code veritally evidence}: file photos of tally sheets, and show what the log holds of them (docs/evidence.md). */
@Command(
        name = "evidence",
        description = "File photos of tally sheets (add) and show the evidence of a station or an image (show).",
        subcommands = {EvidenceCommand.Add.class, EvidenceCommand.Show.class})
final class EvidenceCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "add", description = "File photos of one station's sheet as a source; prints each receipt.")
    static final class Add implements Callable<Integer> {
        @Mixin
        DataDirOption data;

        @Option(names = "--source", required = true, paramLabel = "NAME", description = "the source filing the photos")
        String source;

        @Option(names = "--station", required = true, paramLabel = "ID", description = "the station the photos show")
        String station;

        @Option(names = "--contest", paramLabel = "ID", description = "the contest, where the sheet is of one")
        Optional<String> contest;

        @Parameters(paramLabel = "FILE", arity = "1..*")
        List<Path> files;

        @Override
        public Integer call() throws IOException {
            for (Path f : files) if (!Files.isReadable(f)) throw new UsageError("cannot read " + f);
            int refused = 0;
            try (Instance in = data.open()) {
                if (in.state().election().isEmpty()) throw new UsageError("no election defined in " + data.dir);
                var intake = in.evidenceIntake();
                for (Path f : files) {
                    Filed r = intake.file(
                            Files.readAllBytes(f),
                            new Filing(station, contest, source, "cli", Optional.empty()),
                            f.getFileName().toString());
                    if (!r.accepted()) {
                        refused++;
                        r.problems().forEach(System.err::println);
                        continue;
                    }
                    System.out.printf(
                            "%s: log index %d%s, sha256 %s, public copy %s%n",
                            f.getFileName(),
                            r.index(),
                            r.idempotent() ? " (already there)" : "",
                            r.evidence().original().sha256(),
                            r.evidence().publicCopy().map(b -> b.sha256()).orElse("none"));
                    r.evidence().reads().forEach(x -> System.out.printf("  read %s: %s%n", x.format(), x.payload()));
                    r.flags()
                            .forEach(
                                    p -> System.out.println("  flag " + p.rule().id() + ": " + p.message()));
                }
            }
            return refused == 0 ? Main.OK : Main.REJECTED;
        }
    }

    @Command(
            name = "show",
            description = "The evidence of a station (or of an image, by SHA-256): hashes, reads, flags, the private "
                    + "EXIF of each original and near-duplicates of other stations' photos.")
    static final class Show implements Callable<Integer> {
        @Mixin
        DataDirOption data;

        @Option(names = "--json", description = "print JSON")
        boolean json;

        @Parameters(paramLabel = "STATION|SHA256", arity = "1")
        String what;

        @Override
        public Integer call() {
            try (Instance in = data.open()) {
                if (in.state().election().isEmpty()) throw new UsageError("no election defined in " + data.dir);
                var q = new ProjectionQueries(in.store());
                boolean byHash = org.veritally.core.evidence.Blob.isSha256(what);
                if (!byHash && !in.state().catalogue().hasStation(what))
                    throw new UsageError("'" + what + "' is neither a station nor a SHA-256");
                var rows = byHash ? q.evidenceByHash(what) : q.evidenceOf(what);
                List<Filed> all = new ArrayList<>();
                q.evidence(row -> all.add(filed(in, row)));
                List<Map<String, Object>> out = new ArrayList<>();
                for (var row : rows) out.add(describe(in, q, filed(in, row), all));
                if (json) System.out.println(Json.pretty(Map.of("query", what, "evidence", out)));
                else print(out);
                if (out.isEmpty()) System.err.println("no evidence for " + what);
            }
            return Main.OK;
        }

        private static Filed filed(Instance in, ProjectionQueries.EvidenceRow row) {
            var e = in.state().evidenceEntry(row);
            return new Filed(List.of(), row.entryIdx(), false, e.evidence(), List.of());
        }

        private static Map<String, Object> describe(Instance in, ProjectionQueries q, Filed f, List<Filed> all) {
            Evidence e = f.evidence();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("index", f.index());
            m.put("station", e.stationId());
            e.contestId().ifPresent(c -> m.put("contest", c));
            m.put("source", e.sourceId());
            m.put("account", e.account());
            m.put(
                    "original",
                    e.original().sha256() + " (" + e.original().mediaType() + ", "
                            + e.original().size() + " bytes)");
            e.publicCopy().ifPresent(p -> m.put("public", p.sha256() + " (" + p.size() + " bytes)"));
            e.captured().ifPresent(c -> m.put("captured", c));
            m.put(
                    "reads",
                    e.reads().stream().map(r -> r.format() + ": " + r.payload()).toList());
            m.put("flags", q.flagsOf(f.index()));
            m.put("privateExif", privateExif(in, e.original().sha256()));
            if (e.perceptualHash().isPresent()) {
                long h = e.perceptualHash().getAsLong();
                m.put("phash", HexFormat.of().toHexDigits(h));
                List<String> near = new ArrayList<>();
                for (Filed o : all) {
                    var oh = o.evidence().perceptualHash();
                    if (o.index() == f.index() || oh.isEmpty()) continue;
                    if (o.evidence().stationId().equals(e.stationId())) continue;
                    if (DHash.near(h, oh.getAsLong()))
                        near.add("log index " + o.index() + " (station "
                                + o.evidence().stationId() + ", distance " + DHash.distance(h, oh.getAsLong()) + ")");
                }
                m.put("nearDuplicates", near);
            }
            return m;
        }

        /** What the original's EXIF says (device, GPS): for this data directory's operator only, never published. */
        private static Object privateExif(Instance in, String sha) {
            var bytes = in.blobs().get(sha);
            if (bytes.isEmpty()) return "the original is not in this evidence store";
            if (!(Photo.examine(bytes.get(), Limits.defaults()) instanceof Examination.Examined x)) return "unreadable";
            var exif = x.exif();
            Map<String, Object> m = new LinkedHashMap<>();
            exif.make().ifPresent(v -> m.put("make", v));
            exif.model().ifPresent(v -> m.put("model", v));
            exif.serial().ifPresent(v -> m.put("serial", v));
            exif.position().ifPresent(p -> m.put("gps", p.latitude() + "," + p.longitude()));
            return m;
        }

        private static void print(List<Map<String, Object>> out) {
            for (var m : out) {
                System.out.printf(
                        "log index %s: station %s, source %s%n", m.get("index"), m.get("station"), m.get("source"));
                for (var e : m.entrySet()) {
                    if (List.of("index", "station", "source").contains(e.getKey())) continue;
                    System.out.printf("  %-15s %s%n", e.getKey(), e.getValue());
                }
            }
        }
    }
}
