package org.veritally.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.veritally.core.entry.EvidenceEntry;
import org.veritally.core.evidence.Blob;
import org.veritally.core.evidence.Evidence;
import org.veritally.core.model.TallySheet;
import org.veritally.formats.entry.SheetJson;
import org.veritally.formats.generate.SyntheticElection;
import org.veritally.server.Instance;
import org.veritally.server.auth.Role;
import org.veritally.server.transcribe.FiguresBody;

/**
 * Prepares a data directory for {@code bench/transcribe-http.sh}: a generated election of PHOTOS stations,
 * one photo a station filed as evidence (of the second source, by account {@code uploader}; only its
 * SHA-256 is in the log, no image), and VOLUNTEERS transcriber accounts. Writes {@code OUT/tokens.txt} (one
 * volunteer token a line) and {@code OUT/truth.tsv} (photo SHA-256, tab, the submit body with the photo's
 * true figures).
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar org.veritally.bench.TranscribeSetup DATA PHOTOS
 * VOLUNTEERS OUT [DATABASE_URL]} (a {@code postgresql://} URL, else SQLite in DATA).
 */
public final class TranscribeSetup {
    private TranscribeSetup() {}

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        int photos = Integer.parseInt(args[1]);
        int volunteers = Integer.parseInt(args[2]);
        Path out = Path.of(args[3]);
        Optional<String> db = args.length > 4 ? Optional.of(args[4]) : Optional.empty();
        Files.createDirectories(out);
        long t0 = System.nanoTime();
        int filed;
        try (Instance in = Instance.open(data, db)) {
            List<TallySheet> truth = file(in, photos);
            filed = truth.size();
            var json = new SheetJson(in.state().requireElection());
            StringBuilder tsv = new StringBuilder();
            for (TallySheet t : truth) {
                // the API form is the canonical entry's without its kind and version members
                String body = new String(json.encode(t), StandardCharsets.UTF_8)
                        .replaceFirst("\"kind\":\"sheet\",", "")
                        .replaceFirst("\"v\":1,", "");
                var back = FiguresBody.read(
                        in.state().requireElection(),
                        body.getBytes(StandardCharsets.UTF_8),
                        new ArrayList<>(),
                        new ArrayList<>());
                if (back.isEmpty() || !back.get().sameCountsAs(t))
                    throw new IllegalStateException("the submit body does not read back: " + body);
                tsv.append(t.evidence().get()).append('\t').append(body).append('\n');
            }
            Files.writeString(out.resolve("truth.tsv"), tsv);
            StringBuilder tokens = new StringBuilder();
            var accounts = in.accounts();
            for (int v = 0; v < volunteers; v++)
                tokens.append(accounts.create(String.format("vol-%04d", v), Role.TRANSCRIBER, "", Optional.empty())
                                .token())
                        .append('\n');
            Files.writeString(out.resolve("tokens.txt"), tokens);
        }
        System.out.printf(
                "set up %d photos and %d volunteers in %.1f s%n", filed, volunteers, (System.nanoTime() - t0) / 1e9);
    }

    /**
     * Defines a generated election of {@code photos} stations in {@code in} and files one photo a station (of the
     * second source, by {@code uploader}); returns each photo's true figures, citing it.
     */
    static List<TallySheet> file(Instance in, int photos) {
        var gen = new SyntheticElection(photos, 1, 4, 2, 14);
        var d = gen.definition();
        String source = d.sources().get(1).id();
        List<TallySheet> truth = new ArrayList<>();
        gen.sheets(d, s -> {
            if (s.sourceId().equals(source)) truth.add(s.citing(sha(truth.size())));
        });
        var r = in.define().define(d, "bench", "transcribe-http");
        if (!r.problems().isEmpty())
            throw new IllegalStateException(r.problems().toString());
        for (int i = 0; i < truth.size(); i++) {
            TallySheet t = truth.get(i);
            var ev = new Evidence(
                    new Blob(t.evidence().orElseThrow(), 50_000, "image/jpeg"),
                    Optional.empty(),
                    t.stationId(),
                    Optional.of(t.contestId()),
                    source,
                    "uploader",
                    Optional.empty(),
                    OptionalLong.empty(),
                    List.of());
            var o = in.submitEntry(new EvidenceEntry(ev), "uploader", "photo " + i);
            if (!o.rejected().isEmpty())
                throw new IllegalStateException(o.rejected().toString());
        }
        return truth;
    }

    /** A SHA-256-shaped name for photo {@code i}. */
    static String sha(int i) {
        byte[] b = new byte[32];
        b[0] = 0x51;
        b[28] = (byte) (i >> 24);
        b[29] = (byte) (i >> 16);
        b[30] = (byte) (i >> 8);
        b[31] = (byte) i;
        return HexFormat.of().formatHex(b);
    }
}
