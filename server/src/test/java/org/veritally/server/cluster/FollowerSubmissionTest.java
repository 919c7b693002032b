package org.veritally.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.core.model.TallySheet;
import org.veritally.formats.generate.SyntheticElection;
import org.veritally.server.Fixtures;
import org.veritally.server.Instance;
import org.veritally.server.intake.Outcome;
import org.veritally.store.ProjectionDump;
import org.veritally.store.StoreHashReader;
import org.veritally.testkit.Await;
import org.veritally.testkit.EmbeddedPostgresServer;
import org.veritally.translog.MerkleRoot;

/**
 * Two serving instances on one PostgreSQL: the one without the lock queues what it receives, the
 * sequencer integrates it and answers with the same outcome it gives its own clients (new,
 * idempotent, TS-CONFLICT), and the follower's in-memory state follows the log.
 */
class FollowerSubmissionTest {
    @TempDir
    Path root;

    @Test
    void aFollowerQueuesSheetsAndAnswersWithTheSequencersOutcome() throws Exception {
        String db = EmbeddedPostgresServer.freshDatabase();
        var g = new SyntheticElection(40, 1, 3, 2, 5);
        var d = g.definition();
        List<TallySheet> sheets = Fixtures.sheets(g, d);
        try (Instance a = TwoInstances.open(root, "first", db);
                Instance b = TwoInstances.open(root, "second", db)) {
            ClusterNode na = ClusterNode.start(a);
            Await.until("the first instance is the sequencer", na::isSequencer);
            ClusterNode nb = ClusterNode.start(b);
            assertThat(a.define().define(d, "test", "fixture").problems()).isEmpty();
            Await.until(
                    "the follower has the election", () -> b.state().election().isPresent());
            assertThat(nb.isSequencer()).isFalse();

            Outcome o = b.groupCommit().submit(sheets.get(0), "w").get(10, TimeUnit.SECONDS);
            assertThat(o.rejected()).isEmpty();
            var acc = o.accepted().get(0);
            assertThat(acc.idempotent()).isFalse();
            assertThat(acc.location()).isEqualTo("request");
            assertThat(a.store().readLog(acc.index(), 1).get(0).leafHash()).isEqualTo(acc.leafHash());
            assertReceiptProvesInclusion(a, acc, o.logSize());
            for (var f : List.of(
                    a.groupCommit().submit(sheets.get(1), "w"), a.groupCommit().submit(sheets.get(2), "w"))) {
                Outcome own = f.get(10, TimeUnit.SECONDS);
                assertReceiptProvesInclusion(a, own.accepted().get(0), own.logSize());
            }

            Outcome again = b.groupCommit().submit(sheets.get(0), "w").get(10, TimeUnit.SECONDS);
            assertThat(again.accepted()).singleElement().satisfies(x -> {
                assertThat(x.idempotent()).isTrue();
                assertThat(x.index()).isEqualTo(acc.index());
            });

            TallySheet s = sheets.get(0);
            long[] v = s.votes();
            v[0]--;
            v[1]++;
            Outcome conflict = b.groupCommit()
                    .submit(new TallySheet(s.stationId(), s.contestId(), s.sourceId(), s.counts(), v), "w")
                    .get(10, TimeUnit.SECONDS);
            assertThat(conflict.accepted()).isEmpty();
            assertThat(conflict.rejected()).singleElement().satisfies(p -> {
                assertThat(p.rule().id()).isEqualTo("TS-CONFLICT");
                assertThat(p.location()).isEqualTo("request");
            });

            // the rest through both instances at once
            var futures = new java.util.ArrayList<java.util.concurrent.CompletableFuture<Outcome>>();
            for (int i = 3; i < sheets.size(); i++)
                futures.add((i % 2 == 0 ? a : b).groupCommit().submit(sheets.get(i), "w"));
            for (var f : futures)
                assertThat(f.get(20, TimeUnit.SECONDS).rejected()).isEmpty();
            Await.until(
                    "the follower caught up",
                    () -> b.state().logSize() == a.state().logSize());
            assertThat(b.state().tabulation().snapshot())
                    .isEqualTo(a.state().tabulation().snapshot());
            assertThat(b.state().range().root(org.veritally.translog.LogHasher.create()))
                    .isEqualTo(MerkleRoot.of(a.store().logSize(), new StoreHashReader(a.store())));
            assertThat(new org.veritally.store.Submissions(a.store()).pending(10))
                    .isEmpty();
        }
        try (Instance c = TwoInstances.open(root, "check", db)) {
            List<String> live = ProjectionDump.of(c.store());
            c.rebuild();
            assertThat(ProjectionDump.of(c.store())).isEqualTo(live);
        }
    }

    /**
     * The receipt the sequencer built from memory for a new entry: its checkpoint is the one signed
     * and stored for the batch, its extra is the entry, and its proof verifies the leaf against the
     * checkpoint's root.
     */
    static void assertReceiptProvesInclusion(Instance sequencer, org.veritally.server.intake.Accepted acc, long size) {
        assertThat(acc.receipt()).as("a new entry's receipt").isPresent();
        var receipt = ((org.veritally.translog.Parsed.Ok<org.veritally.translog.TlogProof>)
                        org.veritally.translog.TlogProof.parse(acc.receipt().get()))
                .value();
        assertThat(receipt.index()).isEqualTo(acc.index());
        assertThat(receipt.checkpointNote())
                .isEqualTo(new org.veritally.server.log.LogView(sequencer.store())
                        .at(size)
                        .orElseThrow()
                        .note());
        assertThat(receipt.extra().orElseThrow())
                .isEqualTo(sequencer.store().readLog(acc.index(), 1).get(0).body());
        String body =
                receipt.checkpointNote().substring(0, receipt.checkpointNote().indexOf("\n\n") + 1);
        var cp = ((org.veritally.translog.Parsed.Ok<org.veritally.translog.Checkpoint>)
                        org.veritally.translog.Checkpoint.parse(body))
                .value();
        assertThat(cp.size()).isEqualTo(size);
        assertThat(new org.veritally.translog.InclusionProof(acc.index(), size, receipt.proof())
                        .verify(acc.leafHash(), cp.rootHash()))
                .isInstanceOf(org.veritally.translog.Verification.Verified.class);
    }
}
