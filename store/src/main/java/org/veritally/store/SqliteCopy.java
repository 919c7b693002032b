package org.veritally.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * A consistent copy of a SQLite database file that is open data: {@code VACUUM INTO} (so it
 * includes the commits still in the WAL and is compact), then the {@link #PRIVATE} tables emptied
 * with their pages zeroed ({@code secure_delete}). Works on the file, beside a running server
 * (busy time-out), without opening a {@link Store}. Stateless.
 */
public final class SqliteCopy {
    /**
     * Tables that are not open data (see db/sqlite/V1__init.sql): {@code account} holds the token hashes, which never
     * leave the server.
     */
    public static final List<String> PRIVATE = List.of("account");

    private SqliteCopy() {}

    /**
     * Writes the copy of {@code db} to {@code copy} (which must not exist) without the private rows.
     *
     * @throws StoreException naming {@code db} when SQLite fails
     */
    public static void withoutPrivateTables(Path db, Path copy) {
        try {
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
                    PreparedStatement p = c.prepareStatement("VACUUM INTO ?")) {
                try (Statement st = c.createStatement()) {
                    st.execute("PRAGMA busy_timeout=10000");
                }
                p.setString(1, copy.toAbsolutePath().toString());
                p.execute();
            }
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy.toAbsolutePath());
                    Statement st = c.createStatement()) {
                st.execute("PRAGMA secure_delete=ON");
                for (String t : PRIVATE) st.execute("DELETE FROM " + t);
            }
        } catch (SQLException e) {
            throw new StoreException("sqlite snapshot of " + db + ": " + e.getMessage(), e);
        }
    }
}
