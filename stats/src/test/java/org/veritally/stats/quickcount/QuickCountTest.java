package org.veritally.stats.quickcount;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.veritally.stats.CandidateSet;
import org.veritally.stats.NationalTotals;
import org.veritally.stats.RuleId;
import org.veritally.stats.StationCounts;

class QuickCountTest {
    private static final CandidateSet ABC = CandidateSet.ofIds("A", "B", "C");

    /** A population whose strata lean differently, so stratification matters. */
    private static List<StationCounts> population(long seed, int n) {
        SplittableRandom random = new SplittableRandom(seed);
        List<StationCounts> stations = new ArrayList<>();
        double[] lean = {0.35, 0.5, 0.6, 0.7};
        for (int i = 0; i < n; i++) {
            int h = i % 4;
            long valid = 100 + random.nextInt(600);
            double pa = Math.max(0, Math.min(1, lean[h] + 0.1 * (random.nextDouble() - 0.5)));
            long a = Math.round(valid * pa);
            long c = Math.min(valid - a, random.nextInt(20));
            stations.add(new StationCounts(
                    "st-" + i, "c" + i / 3, "S" + h, valid + 200, valid + 5, new long[] {a, valid - a - c, c}));
        }
        return stations;
    }

    private static List<FrameStation> frameOf(List<StationCounts> stations) {
        return stations.stream()
                .map(s -> new FrameStation(s.stationId(), s.stratum()))
                .toList();
    }

    @Test
    void ST_QC_incrementalEstimateEqualsNaiveCombinedRatioEstimator() {
        long seed = 41L;
        System.out.println("ST-QC reference seed " + seed);
        List<StationCounts> pop = population(seed, 4000);
        SamplePlan plan = ConsistentSampler.plan("seed-41", frameOf(pop), 300);
        Map<String, StationCounts> byId = new HashMap<>();
        pop.forEach(s -> byId.put(s.stationId(), s));
        QuickCount qc = new QuickCount(plan, ABC);
        for (SamplePlan.SampledStation s : plan.stations()) {
            assertThat(qc.accept(byId.get(s.stationId()))).isEqualTo(QuickCount.Arrival.ACCEPTED);
        }
        QuickCountEstimate est = qc.estimate(1.96);
        assertThat(est.rule()).isEqualTo(RuleId.ST_QC);
        assertThat(est.received()).isEqualTo(300);
        assertThat(est.seed()).isEqualTo("seed-41");
        Map<String, List<StationCounts>> sample = new LinkedHashMap<>();
        for (SamplePlan.SampledStation s : plan.stations()) {
            sample.computeIfAbsent(s.stratum(), k -> new ArrayList<>()).add(byId.get(s.stationId()));
        }
        Map<String, Long> popSize = new HashMap<>();
        plan.strata().forEach(h -> popSize.put(h.name(), h.population()));
        for (int c = 0; c < 3; c++) {
            double y = 0;
            double x = 0;
            for (Map.Entry<String, List<StationCounts>> e : sample.entrySet()) {
                double w = (double) popSize.get(e.getKey()) / e.getValue().size();
                for (StationCounts s : e.getValue()) {
                    y += w * s.votes(c);
                    x += w * s.valid();
                }
            }
            double r = y / x;
            double v = 0;
            for (Map.Entry<String, List<StationCounts>> e : sample.entrySet()) {
                List<StationCounts> h = e.getValue();
                int n = h.size();
                double bigN = popSize.get(e.getKey());
                double[] d = new double[n];
                double mean = 0;
                for (int i = 0; i < n; i++) {
                    d[i] = h.get(i).votes(c) - r * h.get(i).valid();
                    mean += d[i] / n;
                }
                double s2 = 0;
                for (double di : d) {
                    s2 += (di - mean) * (di - mean) / (n - 1);
                }
                v += bigN * bigN * (1 - n / bigN) * s2 / n;
            }
            double se = Math.sqrt(v) / x;
            CandidateEstimate e = est.candidates().get(c);
            assertThat(e.share()).isCloseTo(r, within(1e-12));
            assertThat(e.standardError()).isCloseTo(se, within(1e-9));
            assertThat(e.low()).isCloseTo(r - 1.96 * se, within(1e-9));
        }
    }

    @Test
    void ST_QC_refusesSheetsOutsideTheSampleAndSecondCopies() {
        List<StationCounts> pop = population(43L, 200);
        SamplePlan plan = ConsistentSampler.plan("s", frameOf(pop), 20);
        QuickCount qc = new QuickCount(plan, ABC);
        String in = plan.stations().get(0).stationId();
        StationCounts sheet =
                pop.stream().filter(s -> s.stationId().equals(in)).findFirst().orElseThrow();
        StationCounts outside = pop.stream()
                .filter(s ->
                        plan.stations().stream().noneMatch(p -> p.stationId().equals(s.stationId())))
                .findFirst()
                .orElseThrow();
        assertThatThrownBy(() -> qc.estimate(1.96)).isInstanceOf(IllegalStateException.class);
        assertThat(qc.accept(sheet)).isEqualTo(QuickCount.Arrival.ACCEPTED);
        assertThat(qc.accept(sheet)).isEqualTo(QuickCount.Arrival.ALREADY_RECEIVED);
        assertThat(qc.accept(outside)).isEqualTo(QuickCount.Arrival.NOT_IN_SAMPLE);
        assertThat(qc.received()).isEqualTo(1);
        assertThat(qc.planned()).isEqualTo(20);
        QuickCountEstimate partial = qc.estimate(1.96);
        assertThat(partial.strataReceived()).isEqualTo(1);
        assertThat(partial.strataWithoutVariance()).isEqualTo(1);
    }

    @Test
    void ST_QC_ninetyFivePercentIntervalsCoverTheTruthAboutNinetyFivePercentOfTheTime() {
        long seed = 47L;
        System.out.println("ST-QC coverage seed " + seed);
        List<StationCounts> pop = population(seed, 4000);
        double truth = NationalTotals.of(pop, 3).share(0);
        List<FrameStation> frame = frameOf(pop);
        Map<String, StationCounts> byId = new HashMap<>();
        pop.forEach(s -> byId.put(s.stationId(), s));
        int reps = 200;
        int covered = 0;
        for (int rep = 0; rep < reps; rep++) {
            SamplePlan plan = ConsistentSampler.plan("rep-" + rep, frame, 200);
            QuickCount qc = new QuickCount(plan, ABC);
            plan.stations().forEach(s -> qc.accept(byId.get(s.stationId())));
            covered += qc.estimate(1.96).candidates().get(0).contains(truth) ? 1 : 0;
        }
        System.out.println("ST-QC coverage " + covered + "/" + reps);
        assertThat(covered / (double) reps).isBetween(0.89, 0.99);
    }

    @Test
    void ST_QC_comparesAnnouncedSharesWithIntervals() {
        List<StationCounts> pop = population(53L, 2000);
        SamplePlan plan = ConsistentSampler.plan("s", frameOf(pop), 400);
        QuickCount qc = new QuickCount(plan, ABC);
        Map<String, StationCounts> byId = new HashMap<>();
        pop.forEach(s -> byId.put(s.stationId(), s));
        plan.stations().forEach(s -> qc.accept(byId.get(s.stationId())));
        QuickCountEstimate est = qc.estimate(2.58);
        NationalTotals t = NationalTotals.of(pop, 3);
        List<ShareComparison> honest = est.compare(List.of(t.share(0), t.share(1), t.share(2)));
        assertThat(honest).allMatch(ShareComparison::inside);
        List<ShareComparison> inflated = est.compare(List.of(t.share(0) + 0.1, t.share(1) - 0.1, t.share(2)));
        assertThat(inflated.get(0).inside()).isFalse();
        assertThat(inflated.get(0).standardErrors()).isGreaterThan(2.58);
    }
}
