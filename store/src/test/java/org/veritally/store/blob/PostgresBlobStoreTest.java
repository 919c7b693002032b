package org.veritally.store.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import org.junit.jupiter.api.Test;
import org.veritally.store.Database;
import org.veritally.testkit.EmbeddedPostgresServer;

/** The blob storage conformance suite on a real PostgreSQL server, plus sharing one database between instances. */
class PostgresBlobStoreTest extends BlobStoreConformance {
    Database db;

    @Override
    BlobStore freshStore() {
        db = Database.parse(EmbeddedPostgresServer.freshDatabase());
        return new PostgresBlobStore(db);
    }

    /** An UPDATE behind the program's back (nothing in the program updates a blob). */
    @Override
    void tamper(String name, byte[] other) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                PreparedStatement p = c.prepareStatement("UPDATE evidence_blob SET bytes = ? WHERE sha256 = ?")) {
            p.setBytes(1, other);
            p.setString(2, name);
            assertThat(p.executeUpdate()).isEqualTo(1);
        }
    }

    @Test
    void twoInstancesOnOneDatabaseShareTheBlobs() {
        try (BlobStore other = BlobStores.open("postgres", db)) {
            String name = other.put("abc".getBytes(StandardCharsets.US_ASCII));
            assertThat(store.has(name)).isTrue();
            assertThat(store.get(name)).isPresent();
            assertThat(store.put("abc".getBytes(StandardCharsets.US_ASCII))).isEqualTo(name);
            assertThat(listed(other)).containsExactly(name);
        }
    }

    @Test
    void storeBlobUriPostgresNeedsAPostgresqlDatabase() {
        assertThatThrownBy(() -> BlobStores.open("postgres", Database.sqlite(Path.of("/tmp/never.sqlite"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("STORE-BLOB-URI")
                .hasMessageContaining("SQLite".toLowerCase(java.util.Locale.ROOT));
    }
}
