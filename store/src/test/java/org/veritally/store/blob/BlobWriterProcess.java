package org.veritally.store.blob;

import java.nio.file.Path;
import java.util.Random;

/**
 * The child process of {@link DirectoryBlobCrashTest}: puts random blobs (1 byte to 3 MB) into a directory, forever,
 * and prints {@code stored <name>} after each put has returned; the test kills it with SIGKILL. Arguments: the
 * directory and the seed of the bytes.
 */
final class BlobWriterProcess {
    static final String STORED = "stored ";

    private BlobWriterProcess() {}

    public static void main(String[] args) {
        Random rnd = new Random(Long.parseLong(args[1]));
        try (BlobStore store = new DirectoryBlobStore(Path.of(args[0]))) {
            System.out.println("ready");
            System.out.flush();
            while (true) {
                int size = rnd.nextInt(4) == 0 ? 1 + rnd.nextInt(100_000) : 3_000_000;
                byte[] b = new byte[size];
                rnd.nextBytes(b);
                String name = store.put(b);
                System.out.println(STORED + name);
                System.out.flush();
            }
        }
    }
}
