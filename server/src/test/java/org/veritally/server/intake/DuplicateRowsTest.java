package org.veritally.server.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.veritally.testkit.Seeds;

/**
 * TS-DUP-ROW's memory of one input: the compact table must answer exactly as the naive map it replaced, the
 * location of the first row included, whatever the shape of the locations.
 */
class DuplicateRowsTest {
    private static final List<String> ODD = List.of(
            "", "row 007", "sheets.csv:0", "x", "a:12b", "file.csv:" + "9".repeat(20), "é:٣", "row 1099511627776");

    @Test
    void tsDupRowAgreesWithANaiveMapOnSeededRandomKeysAndLocations() {
        Random rnd = new Random(Seeds.seed("duplicate rows", 15));
        DuplicateRows fast = new DuplicateRows();
        Map<Long, String> naive = new HashMap<>();
        for (int i = 0; i < 200_000; i++) {
            long key = rnd.nextInt(150_000) * 31L + rnd.nextInt(3);
            String location = switch (rnd.nextInt(4)) {
                case 0 -> "sheets.csv:" + (i + 2);
                case 1 -> "other.csv:" + (i + 2);
                case 2 -> "row " + i;
                default -> ODD.get(rnd.nextInt(ODD.size()));
            };
            Optional<String> expected = Optional.ofNullable(naive.putIfAbsent(key, location));
            assertThat(fast.firstSeen(key, location))
                    .as("row %d, key %d", i, key)
                    .isEqualTo(expected);
        }
    }

    @Test
    void tsDupRowReportsTheFirstLocationExactly() {
        DuplicateRows d = new DuplicateRows();
        for (String loc : ODD) assertThat(d.firstSeen(ODD.indexOf(loc), loc)).isEmpty();
        for (String loc : ODD)
            assertThat(d.firstSeen(ODD.indexOf(loc), "later")).contains(loc);
    }

    @Test
    void noneNeverReports() {
        DuplicateRows d = DuplicateRows.none();
        assertThat(d.firstSeen(1, "a")).isEmpty();
        assertThat(d.firstSeen(1, "b")).isEmpty();
    }
}
