package org.veritally.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.formats.generate.SyntheticElection;
import org.veritally.server.Instance;
import org.veritally.store.StoreException;
import org.veritally.testkit.EmbeddedPostgresServer;

/**
 * LOG-KEY: a data directory opened on a database whose log is already signed must hold the key that
 * signed it. Without one, no key is created (it would sign checkpoints no verifier of this log
 * accepts); with another log's key, opening is refused; with the right key (a copy of keys/), it
 * opens.
 */
class LogKeyTest {
    @TempDir
    Path root;

    @Test
    void logKeyADirectoryWithoutTheKeyOfAnAlreadySignedLogIsRefusedAndCreatesNoKey() {
        String db = EmbeddedPostgresServer.freshDatabase();
        try (Instance first = TwoInstances.open(root, "first", db)) {
            assertThat(first.define()
                            .define(new SyntheticElection(10, 1, 2, 2, 3).definition(), "test", "fixture")
                            .problems())
                    .isEmpty();
        }
        Path stranger = root.resolve("stranger");
        assertThatThrownBy(() -> Instance.open(stranger, Optional.of(db)))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("LOG-KEY: ")
                .hasMessageContaining("copy keys/");
        assertThat(stranger.resolve("keys")).doesNotExist();
        try (Instance copy = TwoInstances.open(root, "copy", db)) {
            assertThat(copy.state().election()).isPresent();
        }
    }

    @Test
    void logKeyAnotherLogsKeyIsRefused() throws Exception {
        String db = EmbeddedPostgresServer.freshDatabase();
        try (Instance first = TwoInstances.open(root, "first", db)) {
            first.define().define(new SyntheticElection(10, 1, 2, 2, 3).definition(), "test", "fixture");
        }
        Path other = root.resolve("other");
        Instance.open(other).close(); // a SQLite data directory: a key of its own
        assertThat(other.resolve("keys/log.key")).exists();
        assertThatThrownBy(() -> Instance.open(other, Optional.of(db)))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("LOG-KEY: ")
                .hasMessageContaining("did not sign this database's log");
    }

    @Test
    void logKeyASqliteDirectoryWhoseKeyWasDeletedIsRefused() throws Exception {
        Path dir = root.resolve("data");
        try (Instance in = Instance.open(dir)) {
            in.define().define(new SyntheticElection(10, 1, 2, 2, 3).definition(), "test", "fixture");
        }
        Files.delete(dir.resolve("keys/log.key"));
        Files.delete(dir.resolve("keys/log.vkey"));
        assertThatThrownBy(() -> Instance.open(dir))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("LOG-KEY: ");
    }
}
