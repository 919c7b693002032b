package org.veritally.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.veritally.store.blob.BlobStore;
import org.veritally.store.blob.DirectoryBlobStore;

/**
 * Puts every file of a directory into a {@link DirectoryBlobStore}, one put after the other (each forced to disk with
 * its directory), and prints the puts per second; bench/evidence-store.sh runs it beside {@code cp} and {@code sync}
 * on the same files. Not a JMH benchmark: the work is I/O, measured once over the whole set, as the shell tools are.
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar org.veritally.bench.EvidenceStoreBench PHOTOS STORE}
 */
public final class EvidenceStoreBench {
    private EvidenceStoreBench() {}

    public static void main(String[] args) throws IOException {
        List<Path> photos;
        try (Stream<Path> files = Files.list(Path.of(args[0]))) {
            photos = files.filter(Files::isRegularFile).sorted().toList();
        }
        long bytes = 0;
        long t0 = System.nanoTime();
        try (BlobStore store = new DirectoryBlobStore(Path.of(args[1]))) {
            for (Path p : photos) {
                byte[] b = Files.readAllBytes(p);
                store.put(b);
                bytes += b.length;
            }
        }
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf(
                "veritally DirectoryBlobStore: %d puts, %d bytes in %.3f s: %.1f puts/s, %.1f MB/s%n",
                photos.size(), bytes, s, photos.size() / s, bytes / s / 1e6);
    }
}
