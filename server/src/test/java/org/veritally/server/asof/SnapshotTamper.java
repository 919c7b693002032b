package org.veritally.server.asof;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Test helper for attack tests: rewrites a snapshot file as someone with access to the disk could, changing its
 * content and writing a fresh SHA-256 after it, so that every check of the file itself still passes.
 */
public final class SnapshotTamper {
    private SnapshotTamper() {}

    /** Decodes {@code file}, lets {@code change} alter the arrays of its totals, and writes it back re-hashed. */
    public static void rewriteTotals(Path file, Consumer<Snapshot.Totals> change) throws IOException {
        Snapshot s = SnapshotCodec.decode(Files.readAllBytes(file));
        change.accept(s.totals());
        Files.write(file, SnapshotCodec.encode(s));
    }
}
