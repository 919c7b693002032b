package org.veritally.server.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.veritally.store.SqliteCopy;

/**
 * Format {@code sqlite}: a consistent copy of the data directory's database ({@code VACUUM INTO},
 * so it includes the commits still in the WAL and is compact), with the private tables emptied
 * and their pages zeroed ({@code secure_delete}): {@link #PRIVATE} holds the account token hashes,
 * which never leave the server. The copy is written beside {@code out} and moved into place, so a
 * reader never sees half a file. Stateless.
 */
public final class SqliteSnapshot {
    /** Tables that are not open data (see store/src/main/resources/db/sqlite/V1__init.sql). */
    public static final List<String> PRIVATE = SqliteCopy.PRIVATE;

    private SqliteSnapshot() {}

    /** Writes the snapshot; returns its size in bytes. */
    public static long write(Path dataDir, Path out) {
        Path db = dataDir.resolve("veritally.db");
        if (!Files.isRegularFile(db))
            throw new org.veritally.server.read.UsageProblem(
                    org.veritally.core.validation.ReadRule.RD_ELECTION,
                    "no database in " + dataDir + " (expected " + db + ")");
        Path tmp = out.resolveSibling(out.getFileName() + ".part");
        try {
            Files.deleteIfExists(tmp);
            SqliteCopy.withoutPrivateTables(db, tmp);
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return Files.size(out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
