package org.veritally.server.transcribe;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.core.entry.TranscriptionEntry;
import org.veritally.core.model.TallySheet;
import org.veritally.core.reconcile.CopyKey;
import org.veritally.core.transcribe.PhotoStatus;
import org.veritally.core.validation.Problem;
import org.veritally.formats.generate.SyntheticElection;
import org.veritally.formats.replay.LogReplay;
import org.veritally.server.Fixtures;
import org.veritally.server.Instance;
import org.veritally.server.intake.Outcome;
import org.veritally.server.intake.RecordTranscription;
import org.veritally.testkit.Seeds;

/**
 * Transcription work goes through the sequencer's group commit (docs/transcription.md, "Group commit"): many
 * submissions in one transaction, each answered only once it is durably in the log, with its receipt; a batch
 * decides each piece as if those before it were in the log, and a refused piece refuses only itself.
 */
class TranscriptionGroupCommitTest {
    static final int THREADS = 16;

    @TempDir
    Path dir;

    @Test
    void manyConcurrentSubmitsAreAllAcknowledgedWithReceiptsAndAllInTheLogAfterARestart() throws Exception {
        long seed = Seeds.seed("transcription group commit", 14);
        var gen = new SyntheticElection(160, 1, 4, 2, seed);
        var d = gen.definition();
        Photos photos = new Photos(gen, d, d.sources().get(1).id());
        Map<Long, byte[]> acknowledged = new ConcurrentHashMap<>();
        java.util.Set<Long> batches = ConcurrentHashMap.newKeySet(); // the log size after each batch
        List<String> refusedAt = Collections.synchronizedList(new ArrayList<>());
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        int n = photos.truth.size();
        try (Instance in = Fixtures.defined(dir, d)) {
            var campaign = new TranscriptionCampaign(
                    in.state(), CampaignConfig.DEFAULT, new MutableClock(), in::submitWork, Map.of());
            photos.file(in, "uploader", campaign);
            var codec = in.state().codec();
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int me = t;
                threads.add(new Thread(() -> {
                    try {
                        start.await();
                        // each photo is typed by two volunteers (threads me and me + 1), so half the entries agree
                        for (int i = 0; i < n; i++) {
                            if (i % THREADS != me && (i + 1) % THREADS != me) continue;
                            String account = "vol-" + me;
                            var entry = new TranscriptionEntry(photos.truth.get(i), account, List.of(), false);
                            Outcome o = in.submitWork(entry, account, "photo " + i);
                            assertThat(o.rejected())
                                    .as("photo %d by %s", i, account)
                                    .isEmpty();
                            var a = o.accepted().get(0);
                            assertThat(a.idempotent()).isFalse();
                            assertThat(a.location()).isEqualTo("photo " + i);
                            assertThat(a.receipt()).as("receipt of photo %d", i).isPresent();
                            assertThat(o.logSize()).isGreaterThan(a.index());
                            acknowledged.put(a.index(), codec.encode(entry));
                            batches.add(o.logSize());
                            if (i % 10 == 0) { // the uploader may not type its own photo: TR-OWN, for it alone
                                var own = new TranscriptionEntry(photos.truth.get(i), "uploader", List.of(), false);
                                Outcome r = in.submitWork(own, "uploader", "own " + i);
                                assertThat(r.accepted()).isEmpty();
                                assertThat(r.rejected()).isNotEmpty();
                                r.rejected().stream() // TR-CLOSED too, once the photo is agreed
                                        .filter(p -> p.rule().id().equals("TR-OWN"))
                                        .forEach(p -> refusedAt.add(p.rule().id() + " " + p.location()));
                            }
                        }
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                }));
            }
            threads.forEach(Thread::start);
            start.countDown();
            for (Thread th : threads) th.join();
            assertThat(failures).isEmpty();
            System.out.printf(
                    "transcription group commit: %d acknowledged in %d transactions%n",
                    acknowledged.size(), batches.size());
        }
        assertThat(acknowledged).hasSize(2 * n);
        List<String> expectedRefusals = new ArrayList<>();
        for (int i = 0; i < n; i += 10)
            for (int k = 0; k < 2; k++) expectedRefusals.add("TR-OWN own " + i + " account");
        assertThat(refusedAt).containsExactlyInAnyOrderElementsOf(expectedRefusals);

        try (Instance again = Instance.open(dir)) { // as after a restart: what was acknowledged is in the log
            for (var a : acknowledged.entrySet()) {
                var rows = again.store().readLog(a.getKey(), 1);
                assertThat(rows).as("entry %d", a.getKey()).hasSize(1);
                assertThat(rows.get(0).body()).as("entry %d", a.getKey()).isEqualTo(a.getValue());
            }
            for (TallySheet t : photos.truth)
                assertThat(again.state()
                                .transcriptions()
                                .photo(Photos.key(t))
                                .orElseThrow()
                                .status())
                        .as("photo of %s", t.stationId())
                        .isEqualTo(PhotoStatus.AGREED);
            assertReplayDerivesTheServersCopies(again, photos);
        }
    }

    @Test
    void aRefusedTranscriptionTrOwnOrTrTwiceInABatchRefusesOnlyItselfAndTheBatchAgreesTrAgreeOnItsOwnWork() {
        long seed = Seeds.seed("transcription batch", 15);
        var gen = new SyntheticElection(4, 1, 4, 2, seed);
        var d = gen.definition();
        Photos photos = new Photos(gen, d, d.sources().get(1).id());
        try (Instance in = Fixtures.defined(dir, d)) {
            var campaign = new TranscriptionCampaign(
                    in.state(), CampaignConfig.DEFAULT, new MutableClock(), in::submitEntry, Map.of());
            photos.file(in, "uploader", campaign);
            TallySheet p0 = photos.truth.get(0);
            TallySheet p1 = photos.truth.get(1);
            long before = in.state().logSize();
            Outcome o = in.transcriptionRecorder()
                    .record(
                            List.of(
                                    work(p0, "vol-a", "w1"),
                                    work(p0, "uploader", "w2"), // TR-OWN
                                    work(p0, "vol-b", "w3"), // agrees with w1, in the same batch: TR-AGREE
                                    work(p1, "vol-a", "w4"),
                                    work(p1, "vol-a", "w5"), // vol-a typed it already, in this batch: TR-TWICE
                                    work(p1, "vol-c", "w6")), // agrees with w4
                            Optional.empty());

            assertThat(o.rejected())
                    .extracting(p -> p.rule().id() + " " + p.location())
                    .containsExactlyInAnyOrder("TR-OWN w2 account", "TR-TWICE w5 account");
            assertThat(o.accepted()).extracting(a -> a.location()).containsExactly("w1", "w3", "w4", "w6");
            assertThat(o.accepted())
                    .extracting(a -> a.index())
                    .containsExactly(before, before + 1, before + 2, before + 3);
            assertThat(o.accepted()).allMatch(a -> a.receipt().isPresent(), "every new entry has its receipt");
            assertThat(o.logSize()).isEqualTo(before + 4);
            assertThat(in.store().logSize()).isEqualTo(before + 4);
            assertThat(o.accepted().get(1).flags())
                    .extracting((Problem p) -> p.rule().id())
                    .contains("TR-AGREE");

            int source = in.state().tabulation().sourceIndex(photos.source);
            var cat = in.state().catalogue();
            assertThat(in.state().sheets().get(CopyKey.of(cat.stationIndex(p0.stationId()), 0, source)))
                    .as("p0's agreed copy stands at w3's index")
                    .isEqualTo(before + 1);
            assertThat(in.state().sheets().get(CopyKey.of(cat.stationIndex(p1.stationId()), 0, source)))
                    .as("p1's agreed copy stands at w6's index")
                    .isEqualTo(before + 3);
            assertThat(in.state()
                            .transcriptions()
                            .photo(Photos.key(p1))
                            .orElseThrow()
                            .status())
                    .isEqualTo(PhotoStatus.AGREED);
            assertReplayDerivesTheServersCopies(in, photos);
        }
    }

    private static RecordTranscription.Work work(TallySheet s, String account, String where) {
        return new RecordTranscription.Work(new TranscriptionEntry(s, account, List.of(), false), account, where);
    }

    /** A replay of the log as {@code verify} runs it accepts every entry and derives each copy at the server's. */
    private static void assertReplayDerivesTheServersCopies(Instance in, Photos photos) {
        LogReplay replay = new LogReplay();
        for (var row : in.store().readLog(0, Integer.MAX_VALUE))
            assertThat(replay.accept(row.body())).as("entry " + row.idx()).isEmpty();
        replay.finish();
        int src = replay.sourceIndex(photos.source);
        Map<String, Long> server = new HashMap<>();
        Map<String, Long> replayed = new HashMap<>();
        for (TallySheet t : photos.truth) {
            int station = replay.catalogue().stationIndex(t.stationId());
            replayed.put(
                    t.stationId(),
                    replay.current(station, 0, src)
                            .map(LogReplay.CurrentSheet::index)
                            .orElse(-1L));
            server.put(t.stationId(), in.state().sheets().get(CopyKey.of(station, 0, src)));
        }
        assertThat(replayed).isEqualTo(server);
    }
}
