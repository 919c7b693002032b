package org.veritally.server.asof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.core.validation.ReadRule;
import org.veritally.formats.replay.LogReplay;
import org.veritally.formats.replay.ResultsJson;
import org.veritally.server.Instance;
import org.veritally.server.read.UsageProblem;
import org.veritally.server.state.ElectionState;
import org.veritally.store.Store;
import org.veritally.testkit.Seeds;

/**
 * The results as of log size N equal those of a fresh, independent replay of the log's first N entries
 * ({@link LogReplay}, the verifier's replay: the reference implementation), for seeded random N.
 */
class StatesAsOfTest {
    @TempDir
    Path dir;

    /** Reference: the results files of the first {@code n} entries, replayed by the verifier's {@link LogReplay}. */
    static Map<String, String> reference(Store store, long n) {
        LogReplay r = new LogReplay();
        for (var row : store.readLog(0, (int) n))
            assertThat(r.accept(row.body())).isEmpty();
        r.finish();
        return files(ResultsJson.all(r.election().orElseThrow(), r.catalogue(), r.tabulation(), n));
    }

    static Map<String, String> asOf(ElectionState s, long n) {
        return files(ResultsJson.all(s.requireElection(), s.catalogue(), s.tabulation(), n));
    }

    private static Map<String, String> files(java.util.List<ResultsJson.File> fs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (var f : fs) m.put(f.path(), new String(f.bytes(), StandardCharsets.UTF_8));
        return m;
    }

    @Test
    void resultsAsOfRandomSizesEqualAFreshReplayOfThatPrefix() {
        long seed = Seeds.seed("as-of sizes", 18L);
        try (Instance in = AsOfFixture.grown(dir, 120, 7)) {
            long size = in.store().logSize();
            Random rnd = new Random(seed);
            for (int i = 0; i < 8; i++) {
                long n = 3 + (long) rnd.nextInt((int) size - 2); // after the election, catalogue and first source
                AsOf a = in.asOf().at(n);
                assertThat(a.size()).isEqualTo(n);
                assertThat(a.state().logSize()).isEqualTo(n);
                assertThat(asOf(a.state(), n)).as("as of %d", n).isEqualTo(reference(in.store(), n));
                assertThat(a.checkpoint()).isPresent();
                assertThat(a.checkpoint().get().treeSize()).isGreaterThanOrEqualTo(n);
            }
        }
    }

    @Test
    void resultsAsOfTheWholeLogEqualTheLiveResults() {
        try (Instance in = AsOfFixture.grown(dir, 60, 3)) {
            long size = in.store().logSize();
            AsOf a = in.asOf().at(size);
            assertThat(a.exact()).isTrue();
            assertThat(asOf(a.state(), size)).isEqualTo(asOf(in.state(), size));
            assertThat(a.state().tabulation().snapshot())
                    .isEqualTo(in.state().tabulation().snapshot());
            assertThat(a.checkpoint().orElseThrow().note()).contains(a.size() + "\n");
        }
    }

    @Test
    void asOfCachesRecentSizesAndReturnsTheSameState() {
        try (Instance in = AsOfFixture.grown(dir, 30, 5)) {
            long n = in.store().logSize() - 1;
            assertThat(in.asOf().at(n)).isSameAs(in.asOf().at(n));
        }
    }

    @Test
    void readersAskingForOneNewSizeAtOnceShareOneReplay() throws Exception {
        try (Instance in = AsOfFixture.grown(dir, 30, 5)) {
            long n = in.store().logSize() - 2;
            int readers = 8;
            var start = new java.util.concurrent.CountDownLatch(1);
            var pool = java.util.concurrent.Executors.newFixedThreadPool(readers);
            try {
                List<java.util.concurrent.Future<AsOf>> answers = new java.util.ArrayList<>();
                for (int i = 0; i < readers; i++)
                    answers.add(pool.submit(() -> {
                        start.await();
                        return in.asOf().at(n);
                    }));
                start.countDown();
                AsOf first = answers.get(0).get();
                // one replay at a time, and a reader that waited finds the state its predecessor built
                for (var a : answers) assertThat(a.get()).isSameAs(first);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void rdAtRefusesSizesTheLogNeverHad() {
        try (Instance in = AsOfFixture.grown(dir, 30, 5)) {
            long size = in.store().logSize();
            assertThatThrownBy(() -> in.asOf().at(0))
                    .isInstanceOfSatisfying(
                            UsageProblem.class, e -> assertThat(e.rule()).isEqualTo(ReadRule.RD_AT));
            assertThatThrownBy(() -> in.asOf().at(size + 1))
                    .isInstanceOfSatisfying(
                            UsageProblem.class, e -> assertThat(e.rule()).isEqualTo(ReadRule.RD_AT));
            assertThatThrownBy(() -> StatesAsOf.parse("at", "ten"))
                    .isInstanceOfSatisfying(
                            UsageProblem.class, e -> assertThat(e.rule()).isEqualTo(ReadRule.RD_AT));
        }
    }
}
