package org.veritally.server.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.core.model.TallySheet;
import org.veritally.core.validation.Problem;
import org.veritally.core.validation.Rule;
import org.veritally.formats.Definition;
import org.veritally.formats.csv.SheetRow;
import org.veritally.formats.generate.SyntheticElection;
import org.veritally.server.Fixtures;
import org.veritally.server.Instance;
import org.veritally.store.LogRow;

/**
 * The bulk path (issue 15): bodies and leaf hashes computed in parallel up front ({@link EncodedRows}), batches
 * committed on the {@link BulkWriter}'s thread in SQLite's bulk mode. It must write the very log the one-by-one path
 * writes, refuse the same rows, and leave every batch durable in the database file when the writer is closed.
 */
class BulkWriterTest {
    @TempDir
    Path dir;

    private final SyntheticElection g = new SyntheticElection(60, 1, 4, 2, 11);
    private final Definition d = g.definition();

    /** The batch: every sheet, with a row that failed to parse and a row of an unknown source among them. */
    private List<SheetRow> rows() {
        List<TallySheet> sheets = Fixtures.sheets(g, d);
        List<SheetRow> rows = new ArrayList<>();
        for (int i = 0; i < sheets.size(); i++) {
            rows.add(Fixtures.row(sheets.get(i), "row " + (i + 1)));
            if (i == 3)
                rows.add(new SheetRow(
                        "row bad", Optional.empty(), List.of(new Problem(Rule.TS_SUM, "row bad", "unparsable"))));
            if (i == 7) {
                TallySheet s = sheets.get(i);
                rows.add(Fixtures.row(
                        new TallySheet(s.stationId(), s.contestId(), "nobody", s.counts(), s.votes()), "row stray"));
            }
        }
        return rows;
    }

    private static List<LogRow> log(Instance in) {
        return in.store().readLog(0, Integer.MAX_VALUE);
    }

    @Test
    void bulkBatchesWriteTheSameEntriesAndLeafHashesAsTheOneByOnePath() {
        List<SheetRow> rows = rows();
        Outcome one;
        List<LogRow> expected;
        try (Instance in = Fixtures.defined(dir.resolve("one"), d)) {
            one = in.sequencer().submit(rows, "test", new DuplicateRows(), false);
            expected = log(in);
        }
        try (Instance in = Fixtures.defined(dir.resolve("bulk"), d)) {
            DuplicateRows dup = new DuplicateRows();
            Outcome first;
            Outcome second;
            try (BulkWriter w = new BulkWriter(in.store())) {
                first = in.sequencer().submitBulk(rows.subList(0, 20), "test", dup, w);
                second = in.sequencer().submitBulk(rows.subList(20, rows.size()), "test", dup, w);
            }
            List<LogRow> actual = log(in);
            assertThat(actual).hasSameSizeAs(expected);
            for (int i = 0; i < actual.size(); i++) {
                assertThat(actual.get(i).body())
                        .as("body %d", i)
                        .isEqualTo(expected.get(i).body());
                assertThat(actual.get(i).leafHash())
                        .as("leaf hash %d", i)
                        .isEqualTo(expected.get(i).leafHash());
            }
            assertThat(first.accepted().size() + second.accepted().size())
                    .isEqualTo(one.accepted().size());
            List<String> refused = new ArrayList<>();
            first.rejected().forEach(p -> refused.add(p.rule().id()));
            second.rejected().forEach(p -> refused.add(p.rule().id()));
            assertThat(refused)
                    .containsExactlyElementsOf(
                            one.rejected().stream().map(p -> p.rule().id()).toList())
                    .containsExactly("TS-SUM", "TS-SOURCE");
            for (var a : second.accepted())
                assertThat(a.leafHash()).isEqualTo(actual.get((int) a.index()).leafHash());
        }
    }

    @Test
    void closingTheWriterLeavesEveryBatchInTheDatabaseFileItself() throws Exception {
        Path data = dir.resolve("data");
        long size;
        try (Instance in = Fixtures.defined(data, d)) {
            try (BulkWriter w = new BulkWriter(in.store())) {
                in.sequencer().submitBulk(rows(), "test", new DuplicateRows(), w);
            }
            size = in.store().logSize();
            Path db = in.store().database().file().orElseThrow();
            Path wal = db.resolveSibling(db.getFileName() + "-wal");
            assertThat(Files.exists(wal) ? Files.size(wal) : 0).isZero();
            Files.copy(db, dir.resolve("alone.db"));
        }
        try (var alone = org.veritally.store.Store.openSqlite(dir.resolve("alone.db"))) {
            assertThat(alone.logSize()).isEqualTo(size).isGreaterThan(60);
        }
    }
}
