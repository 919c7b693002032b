package org.veritally.image.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.veritally.image.qr.corpus.PhotoCorpus;
import org.veritally.image.qr.corpus.RealPayloads;
import org.veritally.testkit.Seeds;

/**
 * The reader against a generated corpus of phone photos of sheets carrying the real payloads of
 * {@code shared/samples/qr} (see {@link PhotoCorpus}): at least 99 % read, each read equal to what was
 * printed. Every failure is printed with its seed, index and distortion, and can be replayed alone.
 */
class QrPhotoCorpusTest {
    static Path samples() {
        return Path.of(System.getProperty("veritally.shared", "../../shared"), "samples", "qr");
    }

    static PhotoCorpus corpus(String what, long defaultSeed) throws IOException {
        Path dir = samples();
        if (!Files.isDirectory(dir)) System.out.println("SKIPPED: QR samples not found at " + dir.toAbsolutePath());
        assumeTrue(Files.isDirectory(dir), "QR samples not found at " + dir.toAbsolutePath());
        return new PhotoCorpus(RealPayloads.load(dir), Seeds.seed(what, defaultSeed));
    }

    /** What one photo gave: a null failure when it read back exactly what was printed, else why not. */
    record Outcome(int index, String failure, String attempt, int attempts) {}

    static Outcome check(PhotoCorpus corpus, QrReader reader, int index, int longSide, int shortSide) {
        PhotoCorpus.Photo p = corpus.photo(index, longSide, shortSide);
        QrRead read = reader.read(p.jpeg());
        String why = null;
        String attempt = "";
        if (read instanceof QrRead.Found f) {
            attempt = f.attempt().toString();
            if (!new HashSet<>(p.payloads()).containsAll(f.payloads())) why = "read a payload that was not printed";
            else if (f.payloads().size() < p.payloads().size()) {
                why = "read " + f.payloads().size() + " of the " + p.payloads().size() + " codes";
            }
        } else {
            why = read.toString();
        }
        if (why != null) {
            why = "seed=" + corpus.seed() + " index=" + index + " " + longSide + "x" + shortSide + " codes="
                    + p.payloads().size() + ": " + why + "; " + p.distortion();
        }
        return new Outcome(index, why, attempt, read.attemptsMade());
    }

    static void assertReadRate(PhotoCorpus corpus, int count, int longSide, int shortSide) {
        QrReader reader = new QrReader();
        // each photo depends on the seed and its index only, and the list keeps index order: deterministic
        List<Outcome> outcomes = IntStream.range(0, count)
                .parallel()
                .mapToObj(i -> check(corpus, reader, i, longSide, shortSide))
                .collect(Collectors.toList());
        List<String> failures = outcomes.stream()
                .filter(o -> o.failure() != null)
                .map(Outcome::failure)
                .toList();
        failures.forEach(f -> System.out.println("QR not read: " + f));
        Map<String, Long> byAttempt = new TreeMap<>(outcomes.stream()
                .filter(o -> o.failure() == null)
                .collect(Collectors.groupingBy(o -> o.attempts() + " " + o.attempt(), Collectors.counting())));
        System.out.println(longSide + "x" + shortSide + ": " + (count - failures.size()) + "/" + count
                + " read; by attempts made and the attempt that read: " + byAttempt);
        assertThat(count - failures.size())
                .as("photos read of %d; failures: %s", count, failures)
                .isGreaterThanOrEqualTo((int) Math.ceil(0.99 * count));
    }

    @Test
    void atLeast99PercentOf1000ThreeMegapixelPhotosReadBackTheirPrintedPayloads() throws IOException {
        assertReadRate(corpus("QrPhotoCorpusTest.3MP", 2024), 1000, 2048, 1536);
    }

    @Test
    void atLeast99PercentOf50TwelveMegapixelPhotosReadBackTheirPrintedPayloads() throws IOException {
        assertReadRate(corpus("QrPhotoCorpusTest.12MP", 2016), 50, 4000, 3000);
    }
}
