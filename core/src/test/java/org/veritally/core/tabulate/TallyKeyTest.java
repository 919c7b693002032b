package org.veritally.core.tabulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link TallyKey}'s hash tells apart the keys of a national election (issue 15): five contests, two sources and
 * the consensus view, 100,000 units — 1.5 million keys, as many as Indonesia's tallies — nearly all of them; the
 * record's own hash gave about ten keys each value, which turned the tallies' hash maps into trees.
 */
class TallyKeyTest {
    @Test
    void theKeysOfANationalElectionHaveNearlyAllDistinctHashes() {
        int[] sources = {0, 1, Tabulation.CONSENSUS};
        Set<Integer> hashes = new HashSet<>();
        int n = 0;
        for (int c = 0; c < 5; c++)
            for (int s : sources)
                for (int u = 0; u < 100_000; u++) {
                    hashes.add(new TallyKey(c, s, u).hashCode());
                    n++;
                }
        // a random 32-bit hash leaves about n^2 / 2^33 = 262 collisions among 1.5 million keys
        assertThat(n - hashes.size()).as("keys sharing a hash").isLessThan(2_000);
        Set<Integer> old = new HashSet<>();
        for (int c = 0; c < 5; c++)
            for (int s : sources) for (int u = 0; u < 100_000; u++) old.add((31 * c + s) * 31 + u);
        assertThat(n - old.size()).as("the record's own hash, for comparison").isGreaterThan(n / 2);
    }

    @Test
    void equalKeysHaveEqualHashesAndDifferInEachComponent() {
        assertThat(new TallyKey(2, 1, 77)).isEqualTo(new TallyKey(2, 1, 77));
        assertThat(new TallyKey(2, 1, 77).hashCode()).isEqualTo(new TallyKey(2, 1, 77).hashCode());
        assertThat(new TallyKey(2, 1, 77)).isNotEqualTo(new TallyKey(3, 1, 77));
        assertThat(new TallyKey(2, 1, 77)).isNotEqualTo(new TallyKey(2, 0, 77));
        assertThat(new TallyKey(2, 1, 77)).isNotEqualTo(new TallyKey(2, 1, 78));
    }
}
