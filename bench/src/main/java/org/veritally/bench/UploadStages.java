package org.veritally.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.veritally.image.Examination;
import org.veritally.image.Limits;
import org.veritally.image.Photo;
import org.veritally.server.evidence.QrMachineReader;
import org.veritally.store.blob.BlobStore;
import org.veritally.store.blob.DirectoryBlobStore;

/**
 * Where an upload's time goes outside HTTP and the log: the stages {@code EvidenceIntake.file} runs
 * before it records the entry, timed one photo after the other on one thread: {@link Photo#examine}
 * (sniff, SHA-256, decode, EXIF, upright public copy, dHash), the machine reads of the running system
 * ({@link QrMachineReader}: QR codes), then the put of the original and of the public copy into a
 * {@link DirectoryBlobStore} (each forced to disk with its directory). The first
 * WARM photos warm the JIT and are not counted; prints the median and p95 of each stage in ms.
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar org.veritally.bench.UploadStages PHOTOS STORE [WARM]}
 */
public final class UploadStages {
    private UploadStages() {}

    public static void main(String[] args) throws IOException {
        List<Path> photos;
        try (Stream<Path> s = Files.list(Path.of(args[0]))) {
            photos = s.filter(p -> p.toString().endsWith(".jpg")).sorted().toList();
        }
        int warm = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int n = photos.size() - warm;
        long[] examine = new long[n];
        long[] qr = new long[n];
        int read = 0;
        var reader = QrMachineReader.quick(); // what an online upload runs (Instance.evidenceIntake)
        long[] original = new long[n];
        long[] publicCopy = new long[n];
        long publicBytes = 0;
        try (BlobStore store = new DirectoryBlobStore(Path.of(args[1]))) {
            for (int i = 0; i < photos.size(); i++) {
                byte[] bytes = Files.readAllBytes(photos.get(i));
                long t0 = System.nanoTime();
                var x = (Examination.Examined) Photo.examine(bytes, Limits.defaults());
                long tq = System.nanoTime();
                boolean found = !reader.read(bytes).isEmpty();
                long t1 = System.nanoTime();
                store.put(bytes);
                long t2 = System.nanoTime();
                byte[] pub = x.picture().orElseThrow().publicCopy();
                store.put(pub);
                long t3 = System.nanoTime();
                if (i < warm) continue;
                examine[i - warm] = tq - t0;
                qr[i - warm] = t1 - tq;
                if (found) read++;
                original[i - warm] = t2 - t1;
                publicCopy[i - warm] = t3 - t2;
                publicBytes += pub.length;
            }
        }
        System.out.printf(
                "%d photos, one thread: examine %s | QR reads %s (a code in %d) | put original %s"
                        + " | put public copy (%.2f MB) %s%n",
                n, ms(examine), ms(qr), read, ms(original), publicBytes / 1e6 / n, ms(publicCopy));
    }

    private static String ms(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return String.format(
                "median %.1f ms, p95 %.1f ms", s[s.length / 2] / 1e6, s[(int) Math.ceil(0.95 * s.length) - 1] / 1e6);
    }
}
