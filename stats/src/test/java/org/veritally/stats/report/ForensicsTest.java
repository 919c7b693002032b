package org.veritally.stats.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.veritally.stats.CandidateSet;
import org.veritally.stats.RuleId;
import org.veritally.stats.StationCounts;

class ForensicsTest {

    @Test
    void runsEveryCheckDeterministically() {
        long seed = 59L;
        System.out.println("Forensics seed " + seed);
        SplittableRandom random = new SplittableRandom(seed);
        List<StationCounts> stations = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            long reg = 300 + random.nextInt(500);
            long cast = reg * (50 + random.nextInt(30)) / 100;
            long a = cast * (40 + random.nextInt(20)) / 100;
            long c = random.nextInt(15);
            stations.add(
                    new StationCounts("s" + i, "c" + i / 6, "h" + i % 5, reg, cast, new long[] {a, cast - a - c, c}));
        }
        CandidateSet set = CandidateSet.ofIds("A", "B", "C");
        ForensicsReport r = Forensics.run(stations, set, ForensicsOptions.defaults(seed));
        assertThat(Forensics.run(stations, set, ForensicsOptions.defaults(seed)).secondDigits())
                .isEqualTo(r.secondDigits());
        assertThat(r.secondDigits()).extracting(x -> x.rule()).containsOnly(RuleId.ST_2BL);
        assertThat(r.lastDigits().uniformity()).hasSize(4);
        assertThat(r.fingerprint().stations()).isEqualTo(3000);
        assertThat(r.integerTurnout().rule()).isEqualTo(RuleId.ST_INTPCT_TURNOUT);
        assertThat(r.integerShare().rule()).isEqualTo(RuleId.ST_INTPCT_SHARE);
        assertThat(r.outlierCounts()).hasSize(6);
        assertThat(r.options().bootstrap().seed()).isEqualTo(seed);
    }
}
