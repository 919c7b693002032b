package org.veritally.stats.announced;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.veritally.stats.RuleId;

class RoundSharesTest {

    @Test
    void ST_ROUND_cneFirstBulletinIsFlaggedWithChanceAboutOneInHundredMillion() {
        RoundSharesResult r = RoundShares.check(
                List.of("Maduro", "González", "others"),
                new long[] {5_150_092, 4_445_978, 462_704},
                RoundShares.DEFAULT_MAX_DECIMALS,
                RoundShares.DEFAULT_ALPHA);
        System.out.println("ST-ROUND CNE first bulletin: " + r);
        assertThat(r.rule()).isEqualTo(RuleId.ST_ROUND);
        assertThat(r.total()).isEqualTo(10_058_774);
        assertThat(r.shares()).extracting(s -> s.roundPercent().orElseThrow()).containsExactly("51.2", "44.2", "4.6");
        assertThat(r.shares()).extracting(s -> s.decimals().orElseThrow()).containsOnly(1);
        assertThat(r.shares().get(0).exactPercent()).isCloseTo(51.1999971, within(5e-8));
        assertThat(r.shares().get(1).exactPercent()).isCloseTo(44.1999989, within(5e-8));
        assertThat(r.shares().get(2).exactPercent()).isCloseTo(4.6000039, within(5e-8));
        assertThat(r.shares().get(0).matchChance()).isCloseTo(1000.0 / 10_058_774, within(1e-15));
        assertThat(r.allRound()).isTrue();
        assertThat(r.chance()).isCloseTo(9.88e-9, within(0.01e-9));
        assertThat(Math.log10(r.chance())).isCloseTo(-8, within(0.1));
        assertThat(r.flagged()).isTrue();
        assertThat(r.caveat()).isEqualTo(RuleId.ST_ROUND.caveat());
    }

    @Test
    void ST_ROUND_cneSecondBulletinIsNotFlagged() {
        RoundSharesResult r = RoundShares.check(
                List.of(
                        "Maduro",
                        "González",
                        "Martínez",
                        "Ecarri",
                        "Rausseo",
                        "Brito",
                        "Bertucci",
                        "Fermín",
                        "Márquez",
                        "Ceballos"),
                new long[] {6_408_844, 5_326_104, 152_360, 116_421, 92_903, 84_231, 64_452, 40_902, 29_611, 20_056},
                1,
                1e-3);
        assertThat(r.total()).isEqualTo(12_335_884);
        assertThat(r.allRound()).isFalse();
        assertThat(r.flagged()).isFalse();
        assertThat(r.shares().get(0).roundPercent()).isEmpty();
    }

    @Test
    void ST_ROUND_smallTotalsHaveNoPowerAndAreNotFlagged() {
        RoundSharesResult r = RoundShares.check(List.of("a", "b"), new long[] {123, 456}, 1, 1e-3);
        assertThat(r.allRound()).isTrue();
        assertThat(r.chance()).isEqualTo(1);
        assertThat(r.flagged()).isFalse();
    }

    @Test
    void ST_ROUND_roundestAgreesWithBruteForceSearchOverTheGrid() {
        long seed = 29L;
        System.out.println("ST-ROUND reference seed " + seed);
        SplittableRandom random = new SplittableRandom(seed);
        for (int trial = 0; trial < 3000; trial++) {
            long total = 1000 + random.nextLong(50_000);
            long count = random.nextLong(total + 1);
            RoundShare fast = RoundShares.roundest("x", count, total, 2);
            Integer naive = null;
            for (int d = 0; d <= 2 && naive == null; d++) {
                long scale = (long) Math.pow(10, 2 + d);
                for (long g = 0; g <= scale; g++) {
                    if (Math.abs(2 * count * scale - 2 * total * g) <= scale) {
                        naive = d;
                        break;
                    }
                }
            }
            assertThat(fast.decimals().orElse(null))
                    .as("%d of %d", count, total)
                    .isEqualTo(naive);
        }
    }

    @Test
    void ST_ROUND_matchChanceIsGridPointsPerCountAsDerived() {
        long seed = 31L;
        System.out.println("ST-ROUND chance seed " + seed);
        SplittableRandom random = new SplittableRandom(seed);
        long total = 1_234_567;
        int trials = 400_000;
        int hits = 0;
        for (int i = 0; i < trials; i++) {
            long count = random.nextLong(total);
            hits += RoundShares.roundest("x", count, total, 1).decimals().isPresent() ? 1 : 0;
        }
        double expected = 1000.0 / total;
        assertThat((double) hits / trials).isCloseTo(expected, within(4 * Math.sqrt(expected / trials)));
    }

    @Test
    void ST_ROUND_figuresOfTwoToTheFiftyThreeMinusOneDoNotOverflow() {
        // issue 16, finding 2: Math.multiplyExact overflowed for an announcement the log had accepted
        long big = 9_007_199_254_740_991L;
        var r = RoundShares.check(List.of("a", "b", "c"), new long[] {big, big, big - 1}, 4, RoundShares.DEFAULT_ALPHA);
        assertThat(r.total()).isEqualTo(3 * big - 1);
        assertThat(r.shares()).hasSize(3);
        var half = RoundShares.roundest("x", big, 2 * big, 4);
        assertThat(half.roundPercent()).contains("50");
    }

    @Test
    void ST_ROUND_rejectsBadInput() {
        assertThatThrownBy(() -> RoundShares.check(List.of("a"), new long[] {1}, 1, 1e-3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RoundShares.check(List.of("a", "b"), new long[] {0, 0}, 1, 1e-3))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
