package org.veritally.formats.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.veritally.core.model.SummaryCounts;
import org.veritally.core.model.TallySheet;
import org.veritally.core.reconcile.CopyKey;
import org.veritally.testkit.Seeds;

/** {@link CurrentCopies} against the plain map it replaced (the reference), over a seeded mix of puts. */
class CurrentCopiesTest {
    @Test
    void agreesWithAHashMapOverSeededPutsAndReplacements() {
        Random r = new Random(Seeds.seed("CurrentCopiesTest", 12));
        CurrentCopies table = new CurrentCopies();
        Map<Long, Object[]> reference = new HashMap<>();
        for (int i = 0; i < 200_000; i++) {
            int contest = r.nextInt(3);
            long key = CopyKey.of(r.nextInt(60_000), contest, r.nextInt(4));
            int choices = 2 + contest * 5; // one contest, one number of choices
            long[] votes = new long[choices];
            for (int c = 0; c < choices; c++) votes[c] = r.nextInt(500);
            long valid = java.util.Arrays.stream(votes).sum();
            var sheet = new TallySheet(
                    "s",
                    "c",
                    "src",
                    new SummaryCounts(r.nextInt(900), valid + 3, valid, 3, SummaryCounts.ABSENT),
                    votes);
            table.put(key, i, sheet);
            reference.put(key, new Object[] {(long) i, sheet});
        }
        assertThat(table.size()).isEqualTo(reference.size());
        long[] keys = table.sortedKeys();
        assertThat(keys).isSorted().hasSize(reference.size());
        for (long k : keys) {
            Object[] want = reference.get(k);
            assertThat(table.index(k)).isEqualTo((long) want[0]);
            TallySheet got = table.sheet(k, "s", "c", "src");
            assertThat(got.sameCountsAs((TallySheet) want[1])).as("key %d", k).isTrue();
        }
        assertThat(table.index(CopyKey.of(70_000, 0, 0))).isEqualTo(-1);
        assertThat(table.sheet(CopyKey.of(70_000, 0, 0), "s", "c", "src")).isNull();
    }

    @Test
    void inOrderGivesEveryKeyAscendingWithItsOwnSlotEvenForContestsAndSourcesWithTheHighBitSet() {
        checkInOrder(Seeds.seed("CurrentCopiesTest.inOrder", 13), 5_000);
    }

    /**
     * A few stations with thousands of copies each (what a hostile log can give one station: many sources ×
     * contests) take the whole-group sort instead of the insertion sort, with the same answer.
     */
    @Test
    void inOrderSortsAStationWithThousandsOfCopiesTheSameWay() {
        checkInOrder(Seeds.seed("CurrentCopiesTest.inOrderLarge", 14), 3);
    }

    private static void checkInOrder(long seed, int stations) {
        Random r = new Random(seed);
        CurrentCopies table = new CurrentCopies();
        java.util.TreeSet<Long> reference = new java.util.TreeSet<>();
        int[] contests = {0, 1, 0x7FFF, 0x8000, 0xFFFF};
        for (int i = 0; i < 50_000; i++) {
            long key = CopyKey.of(r.nextInt(stations), contests[r.nextInt(contests.length)], r.nextInt(0x10000));
            table.put(key, i, new TallySheet("s", "c", "src", new SummaryCounts(10, 3, 3, 0, 0), new long[] {3}));
            reference.add(key);
        }
        CurrentCopies.InOrder all = table.inOrder();
        assertThat(all.keys())
                .containsExactly(reference.stream().mapToLong(Long::longValue).toArray());
        for (int i = 0; i < all.keys().length; i++) {
            assertThat(all.slots()[i]).as("slot of key %d", all.keys()[i]).isEqualTo(table.find(all.keys()[i]));
            assertThat(all.indices()[i]).as("index of key %d", all.keys()[i]).isEqualTo(table.index(all.keys()[i]));
            assertThat(all.places()[i]).as("place of key %d", all.keys()[i]).isEqualTo(table.placeOf(all.slots()[i]));
        }
    }
}
