package org.veritally.server.cluster;

import java.util.Optional;

/** The instance round trip on the embedded default: a SQLite file in the data directory. */
class SqliteInstanceTest extends InstanceConformance {
    @Override
    Optional<String> freshDatabase() {
        return Optional.empty();
    }
}
