package org.veritally.bench;

import java.io.IOException;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.veritally.image.Examination;
import org.veritally.image.Limits;
import org.veritally.image.Photo;

/**
 * Photos examined per second ({@link Photo#examine}: sniff, SHA-256, decode, EXIF, upright public JPEG,
 * dHash) on a generated photo of a tally sheet: 2048 × 1536 (3.1 MP) by default, with seeded sensor noise
 * so that the JPEG is as large as a phone's (about 2-3 MB at quality 0.95), on one thread and on two.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar PhotoBench -f 1 -wi 2 -i 3}; {@code -p
 * megapixels=12} for a 4000 × 3000 photo.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class PhotoBench {
    @Param({"3"})
    public int megapixels;

    private byte[] photo;

    @Setup(Level.Trial)
    public void generate() throws IOException {
        int width = megapixels >= 12 ? 4000 : 2048;
        int height = megapixels >= 12 ? 3000 : 1536;
        photo = SheetPhotos.jpeg(SheetPhotos.sheet(width, height, 12, new SplittableRandom(20261207L)), 0.95f);
        if (!(Photo.examine(photo, Limits.defaults()) instanceof Examination.Examined)) {
            throw new IllegalStateException("the generated photo is refused");
        }
        System.out.printf("photo: %d x %d, %,d bytes%n", width, height, photo.length);
    }

    /** One photo examined on one thread. */
    @Benchmark
    public Examination examine() {
        return Photo.examine(photo, Limits.defaults());
    }

    /** Photos examined by two threads at once (a 2-core instance's uploads). */
    @Benchmark
    @Threads(2)
    public Examination examineOnTwoThreads() {
        return Photo.examine(photo, Limits.defaults());
    }
}
