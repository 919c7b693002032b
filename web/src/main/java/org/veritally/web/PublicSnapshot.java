package org.veritally.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.veritally.server.export.SqliteSnapshot;

/**
 * The SQLite file offered for download: a consistent snapshot ({@code VACUUM INTO}) with the private
 * tables emptied ({@link SqliteSnapshot#PRIVATE}: account token hashes never leave the server),
 * kept in {@code DATA/public/veritally.db} and refreshed at most once a minute, so election-night
 * traffic does not copy the database on every request. Thread-safe.
 */
final class PublicSnapshot {
    static final long MAX_AGE_MS = 60_000;
    private final Path dataDir;
    private long madeAt;

    PublicSnapshot(Path dataDir) {
        this.dataDir = dataDir;
    }

    synchronized Path current() throws IOException {
        Path dir = dataDir.resolve("public");
        Path file = dir.resolve("veritally.db");
        if (!Files.exists(file) || System.currentTimeMillis() - madeAt > MAX_AGE_MS) {
            Files.createDirectories(dir);
            Path tmp = dir.resolve("veritally.db.tmp");
            Files.deleteIfExists(tmp);
            SqliteSnapshot.write(dataDir, tmp);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            madeAt = System.currentTimeMillis();
        }
        return file;
    }
}
