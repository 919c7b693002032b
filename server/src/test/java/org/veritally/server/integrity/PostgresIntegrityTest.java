package org.veritally.server.integrity;

import java.util.List;
import java.util.Optional;
import org.veritally.testkit.EmbeddedPostgresServer;

/** Integrity at rest on a real PostgreSQL server. */
class PostgresIntegrityTest extends IntegrityConformance {
    @Override
    Optional<String> freshDatabase() {
        return Optional.of(EmbeddedPostgresServer.freshDatabase());
    }

    @Override
    List<String> liftAppendOnly() {
        return List.of("ALTER TABLE log_entry DISABLE TRIGGER USER", "ALTER TABLE tree_node DISABLE TRIGGER USER");
    }
}
