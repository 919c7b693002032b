package org.veritally.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.veritally.image.qr.PhotoDecoder;
import org.veritally.image.qr.QrRead;
import org.veritally.image.qr.QrReader;
import org.veritally.image.qr.corpus.PhotoCorpus;
import org.veritally.image.qr.corpus.RealPayloads;

/**
 * Photos per second of QR reading on generated 12 MP JPEG phone photos of sheets with the real payloads,
 * next to what merely decoding the same JPEGs costs: {@code ImageIO.read} at full resolution (what a user
 * would otherwise run first) and {@link PhotoDecoder} at the reader's working resolution. A whole-run
 * measurement, not JMH: each phase reads every photo on a fixed pool of threads, three rounds, median.
 *
 * <p>Run through {@code bench/qr-photos.sh [PHOTOS] [THREADS] [SEED] [LONG] [SHORT]}.
 */
public final class QrPhotos {
    private QrPhotos() {}

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
        int longSide = args.length > 3 ? Integer.parseInt(args[3]) : 4000;
        int shortSide = args.length > 4 ? Integer.parseInt(args[4]) : 3000;
        Path samples = Path.of(System.getProperty("veritally.shared", "../shared"), "samples", "qr");
        PhotoCorpus corpus = new PhotoCorpus(RealPayloads.load(samples), seed);
        System.out.printf(Locale.ROOT, "generating %d photos of %dx%d (seed %d)…%n", count, longSide, shortSide, seed);
        List<PhotoCorpus.Photo> photos = IntStream.range(0, count)
                .parallel()
                .mapToObj(i -> corpus.photo(i, longSide, shortSide))
                .toList();
        long bytes = photos.stream().mapToLong(p -> p.jpeg().length).sum();
        System.out.printf(Locale.ROOT, "%.1f MB of JPEG, %.2f MB a photo%n", bytes / 1e6, bytes / 1e6 / count);
        QrReader reader = new QrReader();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            phase("ImageIO.read, full resolution", photos, pool, p -> imageIoRead(p.jpeg()));
            phase("PhotoDecoder, working resolution", photos, pool, p -> decode(p.jpeg()));
            List<Object> reads = phase("QrReader.read (decode + QR)", photos, pool, p -> reader.read(p.jpeg()));
            report(photos, reads);
        } finally {
            pool.shutdown();
        }
    }

    /** Warm-up round, then three timed rounds; prints the median photos/s and returns the last results. */
    private static List<Object> phase(
            String name, List<PhotoCorpus.Photo> photos, ExecutorService pool, Function<PhotoCorpus.Photo, Object> f)
            throws Exception {
        List<Object> results = run(photos, pool, f);
        double[] rates = new double[3];
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            results = run(photos, pool, f);
            rates[round] = photos.size() / ((System.nanoTime() - t0) / 1e9);
        }
        double[] sorted = rates.clone();
        java.util.Arrays.sort(sorted);
        System.out.printf(
                Locale.ROOT,
                "%-34s median %6.2f photos/s (rounds %.2f, %.2f, %.2f)%n",
                name,
                sorted[1],
                rates[0],
                rates[1],
                rates[2]);
        return results;
    }

    private static List<Object> run(
            List<PhotoCorpus.Photo> photos, ExecutorService pool, Function<PhotoCorpus.Photo, Object> f)
            throws Exception {
        List<Future<Object>> futures = new ArrayList<>();
        for (PhotoCorpus.Photo p : photos) futures.add(pool.submit(() -> f.apply(p)));
        List<Object> out = new ArrayList<>();
        for (Future<Object> x : futures) out.add(x.get());
        return out;
    }

    private static void report(List<PhotoCorpus.Photo> photos, List<Object> reads) {
        int ok = 0;
        Map<String, Integer> byAttempt = new TreeMap<>();
        for (int i = 0; i < photos.size(); i++) {
            PhotoCorpus.Photo p = photos.get(i);
            QrRead r = (QrRead) reads.get(i);
            if (r instanceof QrRead.Found f && new HashSet<>(f.payloads()).equals(new HashSet<>(p.payloads()))) {
                ok++;
                byAttempt.merge(f.attemptsMade() + " attempt(s), read by " + f.attempt(), 1, Integer::sum);
            } else {
                System.out.println("not read: index " + i + ": " + r + "; " + p.distortion());
            }
        }
        System.out.printf(Locale.ROOT, "read %d of %d (%.1f %%)%n", ok, photos.size(), 100.0 * ok / photos.size());
        byAttempt.forEach((k, v) -> System.out.printf(Locale.ROOT, "  %4d  %s%n", v, k));
    }

    private static Object imageIoRead(byte[] jpeg) {
        try {
            return ImageIO.read(new ByteArrayInputStream(jpeg)).getWidth(); // keep no 36 MB image
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object decode(byte[] jpeg) {
        try {
            return PhotoDecoder.decode(jpeg, 0).image().width();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
