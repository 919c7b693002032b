package org.veritally.server.asof;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.server.Instance;
import org.veritally.server.http.Json;
import org.veritally.server.intake.RebuildProjections;
import org.veritally.server.read.ReadAnnouncements;
import org.veritally.server.read.ReadDiscrepancies;
import org.veritally.server.read.ReadResults;
import org.veritally.server.read.ReadState;
import org.veritally.server.read.StoreCopies;
import org.veritally.server.state.ElectionState;
import org.veritally.server.stats.ReadForensics;
import org.veritally.server.stats.ReadIrreversibility;
import org.veritally.server.stats.ReadQuickCount;
import org.veritally.server.stats.StatsJson;
import org.veritally.store.LogRow;
import org.veritally.store.Store;
import org.veritally.testkit.Seeds;

/**
 * The disputed stations, the announcements and the statistics as of log size N equal the live answers of a
 * fresh database holding only the log's first N entries, its projections rebuilt from them (the reference
 * implementation: the live readers over {@code sheet_current} and {@code station_status}), for seeded random N.
 */
class AsOfViewsTest {
    @TempDir
    Path dir;

    /** A database holding the first {@code n} entries of {@code log}, projections rebuilt; the caller closes it. */
    static Store prefix(Store log, long n, Path file) {
        Store target = Store.openSqlite(file);
        target.write(tx -> {
            for (long from = 0; from < n; ) {
                List<LogRow> rows = log.readLog(from, (int) Math.min(10_000, n - from));
                for (LogRow r : rows) tx.appendEntry(r.idx(), r.kind(), r.body(), r.leafHash(), "", 0);
                from += rows.size();
            }
            return null;
        });
        return target;
    }

    /** Every as-of answer of the views, as JSON, read over {@code r}. */
    static List<String> answers(ReadState r) {
        List<String> out = new ArrayList<>();
        ElectionState s = r.state();
        out.add(Json.pretty(new ReadDiscrepancies(s, r.copies()).report(Optional.empty(), Optional.empty(), 1000)));
        for (var src : s.tabulation().sources())
            out.add(Json.pretty(
                    new ReadDiscrepancies(s, r.copies()).report(Optional.empty(), Optional.of(src.id()), 1000)));
        out.add(Json.pretty(new ReadAnnouncements(s, r.copies()).all()));
        List<String> views = new ArrayList<>(List.of("consensus"));
        if (s.tabulation().authority().isPresent()) views.add("official");
        for (var src : s.tabulation().sources()) views.add("source:" + src.id());
        for (var c : s.requireElection().contests())
            for (String v : views) {
                Optional<String> contest = Optional.of(c.id());
                try {
                    var f = new ReadForensics(() -> r).run(contest, v, ReadForensics.DEFAULT_SEED);
                    out.add(Json.pretty(StatsJson.forensics(f, 20)));
                } catch (org.veritally.server.read.UsageProblem noSheet) {
                    out.add(v + ": " + noSheet.rule().id());
                }
                out.add(Json.pretty(StatsJson.irreversibility(new ReadIrreversibility(() -> r).run(contest, v))));
                var qc = new ReadQuickCount(() -> r).run("3 1 4 1 5", 12, Optional.empty(), contest, v, 1.96);
                out.add(Json.pretty(StatsJson.quickCount(qc)));
            }
        return out;
    }

    @Test
    void viewsAsOfRandomSizesEqualTheLiveViewsOfARebuiltPrefix() {
        long seed = Seeds.seed("as-of views", 1818L);
        try (Instance in = AsOfFixture.announced(dir.resolve("live"), 90, 5)) {
            long size = in.store().logSize();
            Random rnd = new Random(seed);
            List<Long> sizes = new ArrayList<>(List.of(size));
            for (int i = 0; i < 5; i++) sizes.add(4 + (long) rnd.nextInt((int) size - 3));
            for (long n : sizes) {
                AsOf a = in.asOf().at(n);
                if (a.state().tabulation().sources().isEmpty()) continue;
                try (Store p = prefix(in.store(), n, dir.resolve("prefix-" + n + ".db"))) {
                    ElectionState fresh = RebuildProjections.rebuild(p);
                    // a rebuild leaves the size to the instance that reloads it: count the entries here
                    var leaves = new org.veritally.store.LogQueries(p).leafHashes(0, n);
                    var tree = new org.veritally.translog.TreeAppender(org.veritally.translog.LogHasher.create())
                            .append(fresh.range(), leaves);
                    fresh.advance(tree.size(), tree.range());
                    var reference = new ReadState(fresh, new ReadResults(fresh), new StoreCopies(p));
                    var asOf = ReadState.replayed(a.state(), a.results(), in.store());
                    assertThat(answers(asOf)).as("as of %d", n).isEqualTo(answers(reference));
                }
            }
        }
    }

    @Test
    void anAnnouncementEnteredAfterNIsNotInTheAnswerAsOfN() {
        try (Instance in = AsOfFixture.announced(dir, 40, 3)) {
            long size = in.store().logSize();
            AsOf before = in.asOf().at(size - 1); // the late announcement is the last entry
            var asOf = new ReadAnnouncements(
                            before.state(),
                            ReadState.replayed(before.state(), before.results(), in.store())
                                    .copies())
                    .all();
            var live = new ReadAnnouncements(in.state(), in.store()).all();
            assertThat(live).extracting(r -> r.announcement().id()).containsExactly("early", "late");
            assertThat(asOf).extracting(r -> r.announcement().id()).containsExactly("early");
            assertThat(Json.pretty(asOf.get(0))).isEqualTo(Json.pretty(live.get(0)));
        }
    }

    @Test
    void theDisputedStationsAsOfNAreThoseOfThatState() {
        try (Instance in = AsOfFixture.announced(dir, 60, 9)) {
            long size = in.store().logSize();
            var live = new ReadDiscrepancies(in.state(), in.store()).report(Optional.empty(), Optional.empty(), 1000);
            assertThat(live.stations()).as("the fixture disputes stations").isNotEmpty();
            AsOf early = in.asOf().at(size / 3);
            var then = new ReadDiscrepancies(
                            early.state(),
                            ReadState.replayed(early.state(), early.results(), in.store())
                                    .copies())
                    .report(Optional.empty(), Optional.empty(), 1000);
            assertThat(then.stations().size()).isLessThan(live.stations().size());
            for (var d : then.stations())
                assertThat(d.copies())
                        .allSatisfy(c -> assertThat((Long) c.get("logIndex")).isLessThan(size / 3));
        }
    }
}
