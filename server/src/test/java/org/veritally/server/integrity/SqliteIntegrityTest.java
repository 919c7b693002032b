package org.veritally.server.integrity;

import java.util.List;
import java.util.Optional;

/** Integrity at rest on the embedded default: a SQLite file in the data directory. */
class SqliteIntegrityTest extends IntegrityConformance {
    @Override
    Optional<String> freshDatabase() {
        return Optional.empty();
    }

    @Override
    List<String> liftAppendOnly() {
        return List.of(
                "DROP TRIGGER log_entry_append_only_u",
                "DROP TRIGGER log_entry_append_only_d",
                "DROP TRIGGER tree_node_append_only_u");
    }
}
