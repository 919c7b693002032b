package org.veritally.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.core.entry.EvidenceEntry;
import org.veritally.core.entry.TranscriptionEntry;
import org.veritally.core.evidence.Blob;
import org.veritally.core.evidence.Evidence;
import org.veritally.core.model.TallySheet;
import org.veritally.core.transcribe.PhotoKey;
import org.veritally.core.transcribe.PhotoStatus;
import org.veritally.formats.generate.SyntheticElection;
import org.veritally.server.Instance;
import org.veritally.server.intake.Outcome;
import org.veritally.server.intake.RecordTranscription;
import org.veritally.store.CheckpointQueries;
import org.veritally.testkit.Await;
import org.veritally.testkit.EmbeddedPostgresServer;

/**
 * Transcription work across a cluster (two instances on one real PostgreSQL) is grouped as on a single instance
 * (docs/transcription.md#group-commit-and-receipts): a batch of work taken by the follower is queued in one
 * transaction and integrated by the sequencer in one (one signed checkpoint); a batch taken by the sequencer is
 * recorded in one; and when volunteers work through both instances at once, every acknowledged piece is in the
 * log at its index, every photo is agreed, and the entries took fewer transactions than there are entries.
 */
class ClusterTranscriptionTest {
    static final int PHOTOS = 40;

    @TempDir
    Path root;

    Instance a;
    Instance b;
    ClusterNode na;
    ClusterNode nb;
    final List<TallySheet> truth = new ArrayList<>();

    @BeforeEach
    void start() {
        String db = EmbeddedPostgresServer.freshDatabase();
        a = TwoInstances.open(root, "first", db);
        na = ClusterNode.start(a);
        Await.until("the first instance is the sequencer", na::isSequencer);
        b = TwoInstances.open(root, "second", db);
        nb = ClusterNode.start(b);
        var gen = new SyntheticElection(PHOTOS, 1, 3, 3, 8); // sources: authority, party-a, observer-1
        var d = gen.definition();
        assertThat(a.define().define(d, "test", "fixture").problems()).isEmpty();
        gen.sheets(d, s -> {
            if (s.sourceId().equals("party-a")) truth.add(s.citing(sha(truth.size())));
        });
        for (TallySheet t : truth) {
            var ev = new Evidence(
                    new Blob(t.evidence().orElseThrow(), 50_000, "image/jpeg"),
                    Optional.empty(),
                    t.stationId(),
                    Optional.of(t.contestId()),
                    "party-a",
                    "uploader",
                    Optional.empty(),
                    OptionalLong.empty(),
                    List.of());
            assertThat(a.submitEntry(new EvidenceEntry(ev), "uploader", "photo").rejected())
                    .isEmpty();
        }
        Await.until("the follower has every photo", () -> b.state().evidenceCount() == PHOTOS);
        assertThat(nb.isSequencer()).isFalse();
    }

    @AfterEach
    void stop() {
        b.close();
        a.close();
    }

    static String sha(int i) {
        byte[] x = new byte[32];
        x[0] = 0x5c;
        x[30] = (byte) (i >> 8);
        x[31] = (byte) i;
        return HexFormat.of().formatHex(x);
    }

    static PhotoKey key(TallySheet t) {
        return new PhotoKey(t.evidence().orElseThrow(), t.stationId(), t.sourceId());
    }

    long checkpointsAfter(long size) {
        return new CheckpointQueries(a.store()).writtenAfter(size).size();
    }

    List<RecordTranscription.Work> work(String volunteer, int from, int to) {
        List<RecordTranscription.Work> out = new ArrayList<>();
        for (int i = from; i < to; i++)
            out.add(new RecordTranscription.Work(
                    new TranscriptionEntry(truth.get(i), volunteer, List.of(), false), volunteer, "work#" + i));
        return out;
    }

    @Test
    void aBatchOfWorkOnEitherInstanceIsOneTransaction() {
        long before = a.store().logSize();
        Outcome follower = nb.work(work("vol-b", 0, 10));
        assertThat(follower.rejected()).isEmpty();
        assertThat(follower.accepted())
                .hasSize(10)
                .allSatisfy(x -> assertThat(x.receipt()).isPresent());
        assertThat(follower.accepted().get(3).location()).isEqualTo("work#3");
        assertThat(a.store().logSize()).isEqualTo(before + 10);
        assertThat(checkpointsAfter(before))
                .as("queued in one transaction, integrated in one")
                .isEqualTo(1);

        long mid = a.store().logSize();
        Outcome sequencer = na.work(work("vol-a", 0, 10));
        assertThat(sequencer.rejected()).isEmpty();
        assertThat(sequencer.accepted())
                .hasSize(10)
                .allSatisfy(x -> assertThat(x.flags())
                        .anySatisfy(f -> assertThat(f.rule().id()).isEqualTo("TR-AGREE")));
        assertThat(checkpointsAfter(mid)).isEqualTo(1);
        Await.until(
                "the follower sees the agreements",
                () -> b.state()
                        .transcriptions()
                        .photo(key(truth.get(9)))
                        .map(w -> w.status())
                        .equals(Optional.of(PhotoStatus.AGREED)));

        // a refused piece in a queued batch refuses only itself, and comes back at its own location
        Outcome again = nb.work(work("vol-b", 9, 12));
        assertThat(again.rejected()).singleElement().satisfies(p -> {
            assertThat(p.rule().id()).isIn("TR-TWICE", "TR-CLOSED");
            assertThat(p.location()).startsWith("work#9");
        });
        assertThat(again.accepted()).extracting(x -> x.location()).containsExactly("work#10", "work#11");
    }

    @Test
    void volunteersWorkingThroughBothInstancesAtOnceAreGroupedAndEveryPhotoIsAgreed() throws Exception {
        long before = a.store().logSize();
        Map<Long, String> acknowledged = new ConcurrentHashMap<>();
        AtomicInteger refused = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<?>> done = new ArrayList<>();
        for (int v = 0; v < 16; v++) {
            Instance via = v % 2 == 0 ? a : b;
            String volunteer = "vol-" + v;
            done.add(pool.submit(() -> {
                var campaign = via.transcription();
                while (true) {
                    var next = campaign.next(volunteer);
                    if (next.task().isEmpty()) return null;
                    int i = truth.indexOf(truth.stream()
                            .filter(t -> key(t).equals(next.task().get().photo()))
                            .findFirst()
                            .orElseThrow());
                    var s = campaign.submit(volunteer, truth.get(i), List.of());
                    if (s.accepted()) acknowledged.put(s.index().getAsLong(), volunteer);
                    else refused.incrementAndGet();
                }
            }));
        }
        for (Future<?> f : done) f.get(120, TimeUnit.SECONDS);
        pool.shutdown();
        long written = a.store().logSize() - before;
        long transactions = checkpointsAfter(before);
        System.out.printf(
                "cluster transcription: %d entries in %d transactions, %d refused (TR-CLOSED/TR-TWICE)%n",
                written, transactions, refused.get());
        assertThat(written).isEqualTo(acknowledged.size());
        for (var e : acknowledged.entrySet()) {
            var row = a.store().readLog(e.getKey(), 1).get(0);
            assertThat(row.kind()).isEqualTo("transcription");
            assertThat(new String(row.body(), StandardCharsets.UTF_8)).contains("\"" + e.getValue() + "\"");
        }
        for (TallySheet t : truth)
            assertThat(a.state().transcriptions().photo(key(t)).orElseThrow().status())
                    .as(t.stationId())
                    .isEqualTo(PhotoStatus.AGREED);
        assertThat(written).isGreaterThanOrEqualTo(2L * PHOTOS);
        assertThat(transactions).as("grouped: fewer transactions than entries").isLessThan(written);
    }
}
