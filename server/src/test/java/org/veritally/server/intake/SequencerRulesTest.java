package org.veritally.server.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.core.model.Correction;
import org.veritally.core.model.TallySheet;
import org.veritally.formats.Definition;
import org.veritally.formats.generate.SyntheticElection;
import org.veritally.server.Fixtures;
import org.veritally.server.Instance;

/** The rules the sequencer checks against the log's state, one test each, named by rule ID. */
class SequencerRulesTest {
    @TempDir
    Path dir;

    Instance in;
    List<TallySheet> sheets;

    @BeforeEach
    void setUp() {
        var g = new SyntheticElection(20, 1, 4, 2, 7);
        Definition d = g.definition();
        in = Fixtures.defined(dir, d);
        sheets = Fixtures.sheets(g, d);
    }

    TallySheet first() {
        return sheets.get(0);
    }

    TallySheet changed(TallySheet s, Optional<Correction> c) {
        long[] v = s.votes();
        v[0]--;
        v[1]++;
        return new TallySheet(s.stationId(), s.contestId(), s.sourceId(), s.counts(), v, c);
    }

    @Test
    void tsSourceUnknownSourceIsRejected() {
        var s = first();
        var o = Fixtures.submit(in, new TallySheet(s.stationId(), s.contestId(), "nobody", s.counts(), s.votes()));
        assertThat(o.rejected()).extracting(p -> p.rule().id()).containsExactly("TS-SOURCE");
        assertThat(in.state().logSize()).isEqualTo(o.logSize());
    }

    @Test
    void tsDupRowSecondRowForTheSameKeyInOneInput() {
        var o = Fixtures.submit(in, first(), first());
        assertThat(o.accepted()).hasSize(1);
        assertThat(o.rejected()).extracting(p -> p.rule().id()).containsExactly("TS-DUP-ROW");
        assertThat(o.rejected().get(0).message()).contains("the first is at row 1");
    }

    @Test
    void identicalResubmissionIsIdempotent() {
        long before = in.state().logSize();
        var o1 = Fixtures.submit(in, first());
        var o2 = Fixtures.submit(in, first());
        assertThat(o2.accepted().get(0).idempotent()).isTrue();
        assertThat(o2.accepted().get(0).index()).isEqualTo(o1.accepted().get(0).index());
        assertThat(in.state().logSize()).isEqualTo(before + 1);
    }

    @Test
    void tsConflictDifferentSheetWithoutCorrectionMarking() {
        Fixtures.submit(in, first());
        var o = Fixtures.submit(in, changed(first(), Optional.empty()));
        assertThat(o.rejected()).extracting(p -> p.rule().id()).containsExactly("TS-CONFLICT");
    }

    @Test
    void tsCorrectionMustNameTheCurrentSheet() {
        var o1 = Fixtures.submit(in, first());
        long idx = o1.accepted().get(0).index();
        var bad = Fixtures.submit(in, changed(first(), Optional.of(new Correction(idx + 100, "typo"))));
        assertThat(bad.rejected()).extracting(p -> p.rule().id()).containsExactly("TS-CORRECTION");
        var good = Fixtures.submit(in, changed(first(), Optional.of(new Correction(idx, "typo on line 1"))));
        assertThat(good.rejected()).isEmpty();
        long newIdx = good.accepted().get(0).index();
        assertThat(newIdx).isGreaterThan(idx);
        var stored = in.store()
                .currentSheet(first().stationId(), first().contestId(), first().sourceId())
                .orElseThrow();
        assertThat(stored.entryIdx()).isEqualTo(newIdx);
        assertThat(stored.votes())
                .containsExactly(changed(first(), Optional.empty()).votes());
        // both versions stay in the log
        assertThat(in.store().readLog(idx, 1).get(0).kind()).isEqualTo("sheet");
    }

    @Test
    void correctionMovesTheTotals() {
        var o1 = Fixtures.submit(in, first());
        var before = in.results().result(Optional.empty(), Optional.empty(), "official");
        Fixtures.submit(
                in,
                changed(first(), Optional.of(new Correction(o1.accepted().get(0).index(), "recount"))));
        var after = in.results().result(Optional.empty(), Optional.empty(), "official");
        assertThat(after.choices().get(0).votes())
                .isEqualTo(before.choices().get(0).votes() - 1);
        assertThat(after.choices().get(1).votes())
                .isEqualTo(before.choices().get(1).votes() + 1);
        assertThat(after.stationsReporting()).isEqualTo(before.stationsReporting());
    }

    @Test
    void allOrNothingWritesNothingWhenOneRowIsRejected() {
        long before = in.state().logSize();
        var rows = List.of(
                Fixtures.row(sheets.get(0), "r1"),
                Fixtures.row(sheets.get(2), "r2"),
                Fixtures.row(sheets.get(0), "r3"));
        var o = in.sequencer().submit(rows, "test", new DuplicateRows(), true);
        assertThat(o.written()).isFalse();
        assertThat(o.rejected()).extracting(p -> p.rule().id()).containsExactly("TS-DUP-ROW");
        assertThat(in.state().logSize()).isEqualTo(before);
        assertThat(in.store().logSize()).isEqualTo(before);
        assertThat(in.results()
                        .result(Optional.empty(), Optional.empty(), "official")
                        .stationsReporting())
                .isZero();
    }

    @Test
    void elRedefineADifferentElectionIsRefused() {
        var other = new SyntheticElection(5, 1, 3, 1, 99).definition();
        var r = in.define().define(other, "test", "other.json");
        assertThat(r.problems()).extracting(p -> p.rule().id()).containsExactly("EL-REDEFINE");
    }

    @Test
    void logAppendUpdateAndDeleteOfLogRowsAreRefusedByTheDatabase() throws Exception {
        Fixtures.submit(in, first());
        try (var c = java.sql.DriverManager.getConnection(in.store().url());
                var st = c.createStatement()) {
            st.execute("INSERT INTO tree_node(level, idx, hash) VALUES (64, 0, x'01')"); // appending is allowed
            for (String sql : List.of(
                    "UPDATE log_entry SET body = x'00' WHERE idx = 0",
                    "DELETE FROM log_entry WHERE idx = 0",
                    "UPDATE tree_node SET hash = x'00'",
                    "DELETE FROM tree_node")) {
                assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> st.execute(sql)))
                        .as(sql)
                        .hasMessageContaining("LOG-APPEND");
            }
        }
    }

    /**
     * LOG-SIZE (docs/log-format.md §2): every kind of entry over 65,535 bytes is refused at intake, and nothing is
     * written.
     */
    @Test
    void logSizeASheetOverTheEntryLimitIsRefused() {
        var o1 = Fixtures.submit(in, first());
        long idx = o1.accepted().get(0).index();
        long before = in.state().logSize();
        var o = Fixtures.submit(in, changed(first(), Optional.of(new Correction(idx, "r".repeat(70_000)))));
        assertThat(o.rejected()).extracting(p -> p.rule().id()).containsExactly("LOG-SIZE");
        assertThat(in.state().logSize()).isEqualTo(before);
    }

    @Test
    void logSizeASourceOverTheEntryLimitIsRefused() {
        var g = new SyntheticElection(20, 1, 4, 2, 7);
        Definition d = g.definition();
        List<org.veritally.core.model.Source> sources = new java.util.ArrayList<>(d.sources());
        sources.add(new org.veritally.core.model.Source(
                "big", "n".repeat(70_000), org.veritally.core.model.SourceKind.OBSERVER));
        long before = in.state().logSize();
        var r = in.define().define(new Definition(d.election(), d.units(), d.stations(), sources), "test", "big.json");
        assertThat(r.problems()).extracting(p -> p.rule().id()).containsExactly("LOG-SIZE");
        assertThat(in.state().logSize()).isEqualTo(before);
    }

    @Test
    void logSizeAnAnnouncementOverTheEntryLimitIsRefused() {
        var e = in.state().requireElection();
        var a = new org.veritally.core.model.Announcement(
                "big",
                "t".repeat(70_000),
                "2026-01-01",
                e.contests().get(0).id(),
                java.util.OptionalLong.empty(),
                java.util.OptionalLong.empty(),
                java.util.OptionalLong.empty(),
                java.util.OptionalLong.empty(),
                java.util.OptionalLong.empty(),
                java.util.OptionalLong.empty(),
                java.util.OptionalLong.empty(),
                java.util.OptionalLong.empty(),
                java.util.Map.of(),
                java.util.OptionalLong.empty());
        long before = in.state().logSize();
        var r = in.announcements().record(a, "test", "big.json");
        assertThat(r.problems()).extracting(p -> p.rule().id()).containsExactly("LOG-SIZE");
        assertThat(in.state().logSize()).isEqualTo(before);
    }
}
