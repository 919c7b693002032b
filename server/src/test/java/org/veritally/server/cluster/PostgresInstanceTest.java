package org.veritally.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.veritally.server.Instance;
import org.veritally.store.StoreException;
import org.veritally.testkit.EmbeddedPostgresServer;

/** The instance round trip on a real PostgreSQL server, plus the one-shot writer's use of the sequencer's lock. */
class PostgresInstanceTest extends InstanceConformance {
    @Override
    Optional<String> freshDatabase() {
        return Optional.of(EmbeddedPostgresServer.freshDatabase());
    }

    /** A one-shot command (import, rebuild) takes the sequencer's lock, and refuses while another process holds it. */
    @Test
    void aOneShotWriterNeedsTheSequencersLock() {
        Optional<String> db = freshDatabase();
        try (Instance serving = Instance.open(dir, db)) {
            assertThat(serving.tryBecomeSequencer()).isTrue();
            try (Instance cli = Instance.open(dir.resolve("cli"), db)) {
                assertThat(cli.results()).isNotNull(); // reading needs no lock
                assertThatThrownBy(cli::define)
                        .isInstanceOf(StoreException.class)
                        .hasMessageContaining("sequencer's lock");
                assertThatThrownBy(cli::rebuild).isInstanceOf(StoreException.class);
                serving.severSequencerLock();
                assertThat(cli.define()).isNotNull();
                assertThat(serving.tryBecomeSequencer()).isFalse();
            }
            assertThat(serving.tryBecomeSequencer())
                    .as("closing the command released the lock")
                    .isTrue();
        }
    }
}
