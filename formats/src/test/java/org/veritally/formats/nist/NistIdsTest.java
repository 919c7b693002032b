package org.veritally.formats.nist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** @ids are XML NCNames and distinct for distinct objects, whatever the ids hold (. _ : -). */
class NistIdsTest {
    static final java.util.regex.Pattern NCNAME = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9._-]*");

    @Test
    void escapedPartsNeverCollide() {
        long seed = 3;
        var r = new SplittableRandom(seed);
        String alphabet = "ab_:-.1";
        Set<List<String>> pairs = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            String a = random(r, alphabet);
            String b = random(r, alphabet);
            String id = NistIds.candidate(a, b);
            assertThat(id).as("seed %d", seed).matches(NCNAME);
            if (pairs.add(List.of(a, b)))
                assertThat(ids.add(id))
                        .as("seed %d: %s|%s gave a repeated %s", seed, a, b, id)
                        .isTrue();
        }
    }

    @Test
    void readableForPlainIds() {
        assertThat(NistIds.station("010113042.01")).isEqualTo("station-010113042.01");
        assertThat(NistIds.selection("PRES", "EG")).isEqualTo("selection-PRES_-EG");
        assertThat(NistIds.contest("Q:1")).isEqualTo("contest-Q_c1");
        assertThat(NistIds.party("a_-b", "c")).isNotEqualTo(NistIds.party("a", "-b_-c"));
    }

    private static String random(SplittableRandom r, String alphabet) {
        var sb = new StringBuilder();
        int n = 1 + r.nextInt(4);
        for (int i = 0; i < n; i++) sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        return sb.toString();
    }
}
