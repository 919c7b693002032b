package org.veritally.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.core.model.TallySheet;
import org.veritally.formats.generate.SyntheticElection;
import org.veritally.server.Fixtures;
import org.veritally.server.Instance;
import org.veritally.store.Store;
import org.veritally.store.StoreException;
import org.veritally.testkit.Await;
import org.veritally.testkit.EmbeddedPostgresServer;

/**
 * A follower that gets no answer in time withdraws what it queued, so its 503 means "nothing
 * recorded": the sequencer that comes back later does not append it, and a retry is a new entry.
 * (The time-out is 25 s in production; half a second here.)
 */
class FollowerTimeoutTest {
    @TempDir
    Path root;

    @Test
    void aSheetTheSequencerDidNotAnswerInTimeIsWithdrawnAndNeverWritten() throws Exception {
        String db = EmbeddedPostgresServer.freshDatabase();
        var g = new SyntheticElection(20, 1, 2, 2, 5);
        var d = g.definition();
        List<TallySheet> sheets = Fixtures.sheets(g, d);
        try (Instance a = TwoInstances.open(root, "first", db);
                Instance b = TwoInstances.open(root, "second", db)) {
            assertThat(a.tryBecomeSequencer())
                    .as("the first instance holds the lock but integrates nothing yet")
                    .isTrue();
            assertThat(a.define().define(d, "test", "fixture").problems()).isEmpty();
            long size = a.store().logSize();
            ClusterNode nb = ClusterNode.start(b, 500);
            Await.until(
                    "the follower has the election", () -> b.state().election().isPresent());
            assertThat(nb.isSequencer()).isFalse();

            var late = b.groupCommit().submit(sheets.get(0), "w");
            assertThatThrownBy(() -> late.get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("withdrawn");
            assertThat(states(a)).containsExactly("cancelled");

            ClusterNode na = ClusterNode.start(a); // the sequencer comes back and integrates the queue
            Await.until("the first instance sequences again", na::isSequencer);
            nb.close(); // the retry waits for its answer as long as in production: a slow machine must not
            // withdraw it too
            ClusterNode.start(b);
            var retry = b.groupCommit().submit(sheets.get(0), "w").get(10, TimeUnit.SECONDS);
            assertThat(retry.rejected()).isEmpty();
            assertThat(retry.accepted()).singleElement().satisfies(x -> {
                assertThat(x.idempotent())
                        .as("the withdrawn copy was never written")
                        .isFalse();
                assertThat(x.index()).isEqualTo(size);
            });
            assertThat(a.store().logSize()).isEqualTo(size + 1);
            assertThat(states(a)).containsExactly("cancelled", "done");
        }
    }

    private static List<String> states(Instance in) {
        List<String> out = new ArrayList<>();
        in.store().query("SELECT state FROM submission ORDER BY id", List.of(), rs -> out.add(Store.getString(rs, 1)));
        return out;
    }
}
