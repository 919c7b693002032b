package org.veritally.server.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.veritally.store.StoreException;

/**
 * Format {@code sqlite}: a consistent copy of the data directory's database ({@code VACUUM INTO},
 * so it includes the commits still in the WAL and is compact), with the private tables emptied
 * and their pages zeroed ({@code secure_delete}): {@link #PRIVATE} holds the account token hashes,
 * which never leave the server. The copy is written beside {@code out} and moved into place, so a
 * reader never sees half a file. Stateless.
 */
public final class SqliteSnapshot {
  /** Tables that are not open data (see store/src/main/resources/db/sqlite/V1__init.sql). */
  public static final List<String> PRIVATE = List.of("account");

  private SqliteSnapshot() {}

  /** Writes the snapshot; returns its size in bytes. */
  public static long write(Path dataDir, Path out) {
    Path db = dataDir.resolve("veritally.db");
    if (!Files.isRegularFile(db)) throw new IllegalArgumentException("no database in " + dataDir + " (expected " + db + ")");
    Path tmp = out.resolveSibling(out.getFileName() + ".part");
    try {
      Files.deleteIfExists(tmp);
      try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
          PreparedStatement p = c.prepareStatement("VACUUM INTO ?")) {
        try (Statement st = c.createStatement()) {
          st.execute("PRAGMA busy_timeout=10000");
        }
        p.setString(1, tmp.toAbsolutePath().toString());
        p.execute();
      }
      try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + tmp.toAbsolutePath()); Statement st = c.createStatement()) {
        st.execute("PRAGMA secure_delete=ON");
        for (String t : PRIVATE) st.execute("DELETE FROM " + t);
      }
      Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return Files.size(out);
    } catch (SQLException e) {
      throw new StoreException("sqlite snapshot of " + db + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
