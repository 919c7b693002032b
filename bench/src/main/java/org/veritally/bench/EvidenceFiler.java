package org.veritally.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import org.veritally.core.entry.EvidenceEntry;
import org.veritally.core.evidence.Blob;
import org.veritally.core.evidence.Evidence;
import org.veritally.server.Instance;

/**
 * Files N evidence entries into a data directory, for bench/verify-evidence-vs-sha256sum.sh: each names a public
 * copy of KB kilobytes of seeded pseudo-random bytes (incompressible, as JPEG is; {@code verify} never decodes an
 * image, so what the bytes depict does not matter) and a small original, both put in the instance's blob store, then
 * recorded through the rulebook as {@code EvidenceIntake} records a photo. Skips decoding and re-encoding, which
 * bench/src/.../PhotoBench measures: this only builds the publication whose checking is timed.
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar org.veritally.bench.EvidenceFiler DATA N KB [SEED]}
 */
public final class EvidenceFiler {
    private EvidenceFiler() {}

    public static void main(String[] args) {
        Path data = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        int size = Integer.parseInt(args[2]) * 1000;
        SplittableRandom random = new SplittableRandom(args.length > 3 ? Long.parseLong(args[3]) : 13);
        long t0 = System.nanoTime();
        try (Instance in = Instance.open(data)) {
            String source = in.state().tabulation().sources().get(0).id();
            int stations = in.state().catalogue().stationCount();
            for (int i = 0; i < n; i++) {
                byte[] copy = new byte[size];
                random.nextBytes(copy);
                copy[0] = (byte) 0xFF; // SOI, so that a file browser shows the files as JPEGs (not decodable)
                copy[1] = (byte) 0xD8;
                byte[] original = new byte[1024];
                random.nextBytes(original);
                String pub = in.blobs().put(copy);
                String orig = in.blobs().put(original);
                Evidence e = new Evidence(
                        new Blob(orig, original.length, "image/jpeg"),
                        Optional.of(new Blob(pub, copy.length, "image/jpeg")),
                        in.state().catalogue().station(i % stations).id(),
                        Optional.empty(),
                        source,
                        "bench",
                        Optional.empty(),
                        OptionalLong.of(random.nextLong()),
                        List.of());
                var o = in.submitEntry(new EvidenceEntry(e, Optional.empty()), "bench", "bench-" + i);
                if (!o.rejected().isEmpty())
                    throw new IllegalStateException(o.rejected().toString());
            }
        }
        System.out.printf("filed %d evidence entries of %d bytes in %.1f s%n", n, size, (System.nanoTime() - t0) / 1e9);
    }
}
