package org.veritally.server.transcribe;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.core.model.TallySheet;
import org.veritally.core.reconcile.CopyKey;
import org.veritally.core.transcribe.PhotoKey;
import org.veritally.core.transcribe.PhotoStatus;
import org.veritally.formats.generate.SyntheticElection;
import org.veritally.formats.replay.LogReplay;
import org.veritally.server.Fixtures;
import org.veritally.server.Instance;
import org.veritally.testkit.Seeds;

/**
 * The seeded simulation of issue 14 (docs/transcription.md#what-the-simulation-shows), in process with a
 * real SQLite store: 50 volunteers with given error rates (44 careful, 5 careless, one malicious who types
 * a fixed lie) transcribe 2,000 photos with known figures, 2 of 3 agreeing, with gold tasks mixed in; a
 * moderator settles what escalates. The agreed copies equal the truth for at least 99.9 % of stations and
 * every wrong one is listed; the malicious volunteer is paused by the gold tasks; a replay of the log, as
 * {@code verify} runs it, re-derives every agreed copy at the same index as the server.
 */
class TranscriptionSimulationTest {
    static final int STATIONS = 2_000;
    static final int VOLUNTEERS = 50;
    static final String MALICIOUS = "vol-49";

    @TempDir
    Path dir;

    static double errorRate(int v) {
        return v < 44 ? 0.005 : v < 49 ? 0.08 : 1.0;
    }

    @Test
    void twoOfThreeAgreedCopiesEqualTheTruthTheLiarIsPausedAndVerifyRederivesEveryCopy() {
        long seed = Seeds.seed("transcription simulation", 14);
        var gen = new SyntheticElection(STATIONS, 1, 4, 2, seed);
        var d = gen.definition();
        String source = d.sources().get(1).id();
        Photos photos = new Photos(gen, d, source);
        Map<PhotoKey, TallySheet> gold = new HashMap<>();
        for (int i = 0; i < 100; i++) { // gold photos: other pictures of known figures, never filed in this log
            TallySheet t = photos.truth.get(i * 7);
            TallySheet g = new TallySheet(t.stationId(), t.contestId(), t.sourceId(), t.counts(), t.votes())
                    .citing(Photos.sha(i, 0x60));
            gold.put(Photos.key(g), g);
        }
        MutableClock clock = new MutableClock();
        try (Instance in = Fixtures.defined(dir, d)) {
            var campaign = new TranscriptionCampaign(
                    in.state(),
                    new CampaignConfig(Duration.ofMinutes(10), 600, 10, 5, 60),
                    clock,
                    in::submitEntry,
                    gold);
            photos.file(in, "uploader", campaign);
            Map<PhotoKey, TallySheet> truth = new HashMap<>();
            photos.truth.forEach(t -> truth.put(Photos.key(t), t));
            gold.forEach(truth::put);

            SplittableRandom r = new SplittableRandom(seed);
            long started = System.nanoTime();
            int written = 0;
            int idle = 0;
            while (idle < VOLUNTEERS * 3) {
                int v = r.nextInt(VOLUNTEERS);
                String account = String.format("vol-%02d", v);
                clock.advance(Duration.ofSeconds(2));
                var next = campaign.next(account);
                if (next.task().isEmpty()) {
                    idle++;
                    continue;
                }
                idle = 0;
                TallySheet t = truth.get(next.task().get().photo());
                TallySheet typed = account.equals(MALICIOUS)
                        ? Photos.lie(t)
                        : r.nextDouble() < errorRate(v)
                                ? Photos.misread(t, r.nextInt(t.choiceCount()), 1 + r.nextInt(9))
                                : t;
                var s = campaign.submit(account, typed, List.of());
                if (!s.accepted()) { // the page's arithmetic check (TR-CONFIRM): the volunteer looks again
                    assertThat(s.problems()).allMatch(p -> p.rule().id().equals("TR-CONFIRM"), "only TR-CONFIRM");
                    s = campaign.submit(account, t, List.of());
                }
                assertThat(s.problems())
                        .as("%s on %s", account, next.task().get())
                        .isEmpty();
                if (s.index().isPresent()) written++;
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(
                    "transcription simulation: %d entries written in %.1f s (%.0f/s, SQLite, durable commit)%n",
                    written, seconds, written / seconds);

            var status = campaign.status();
            System.out.println(
                    "transcription simulation: by status " + status.byStatus() + ", paused " + status.paused());
            assertThat(status.paused()).contains(MALICIOUS);
            assertThat(in.state().transcriptions().paused(MALICIOUS)).isTrue();
            for (int v = 0; v < VOLUNTEERS - 1; v++)
                assertThat(in.state().transcriptions().paused(String.format("vol-%02d", v)))
                        .as("vol-%02d paused", v)
                        .isFalse();

            // the moderator settles every escalated photo from the picture itself (here: the truth)
            for (var w : List.copyOf(in.state().transcriptions().photos())) {
                if (w.status() == PhotoStatus.ESCALATED) {
                    var s = campaign.settle("mod-1", truth.get(w.key()), List.of());
                    assertThat(s.problems()).isEmpty();
                }
            }

            // verify's replay of the log re-derives every agreed copy, at the index the server has it
            LogReplay replay = new LogReplay();
            var rows = in.store().readLog(0, Integer.MAX_VALUE);
            for (var row : rows)
                assertThat(replay.accept(row.body())).as("entry " + row.idx()).isEmpty();
            replay.finish();
            var el = in.state().requireElection();
            int src = replay.sourceIndex(source);
            List<String> wrong = new ArrayList<>();
            int copies = 0;
            for (TallySheet t : photos.truth) {
                int station = replay.catalogue().stationIndex(t.stationId());
                var copy = replay.current(station, el.contestIndex(t.contestId()), src);
                long serverIndex = in.state().sheets().get(CopyKey.of(station, 0, src));
                assertThat(copy.map(LogReplay.CurrentSheet::index).orElse(-1L))
                        .as("the server's and the replay's copy of %s", t.stationId())
                        .isEqualTo(serverIndex);
                if (copy.isEmpty()) {
                    wrong.add(t.stationId() + ": no copy");
                    continue;
                }
                copies++;
                if (!copy.get().sheet().sameCountsAs(t))
                    wrong.add(t.stationId() + ": agreed " + copy.get().sheet() + ", the photo shows " + t);
            }
            System.out.println(
                    "transcription simulation: " + copies + " agreed or settled copies, " + wrong.size() + " wrong:");
            wrong.forEach(w -> System.out.println("  " + w));
            assertThat(copies).isEqualTo(STATIONS);
            assertThat(STATIONS - wrong.size()).isGreaterThanOrEqualTo((int) Math.ceil(STATIONS * 0.999));
        }
    }
}
