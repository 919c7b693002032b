package org.veritally.stats.quickcount;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ConsistentSamplerTest {

    private static List<FrameStation> frame(int n, int strata) {
        List<FrameStation> frame = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            frame.add(new FrameStation("st-" + i, "S" + (i * 7 % strata)));
        }
        return frame;
    }

    @Test
    void ST_QC_ticketIsSha256OfSeedCommaStationId() {
        // Independently computed: printf 'veritally-2024,110601011.01' | sha256sum
        assertThat(ConsistentSampler.hex(ConsistentSampler.ticket("veritally-2024", "110601011.01")))
                .isEqualTo("681d6d5124ab719116fe03959c4d79a3313e8f3aa1519d4e1710dd60f9dbaef4");
    }

    @Test
    void ST_QC_planIsReproducibleProportionalAndTakesSmallestTickets() {
        List<FrameStation> frame = frame(1000, 3);
        SamplePlan a = ConsistentSampler.plan("dice 3 1 4 1 5", frame, 100);
        assertThat(ConsistentSampler.plan("dice 3 1 4 1 5", frame, 100)).isEqualTo(a);
        assertThat(a.stations()).hasSize(100);
        assertThat(a.strata()).extracting(SamplePlan.Stratum::sampled).containsExactly(34, 33, 33);
        for (SamplePlan.Stratum s : a.strata()) {
            List<String> all = frame.stream()
                    .filter(f -> f.stratum().equals(s.name()))
                    .map(f -> ConsistentSampler.hex(ConsistentSampler.ticket(a.seed(), f.stationId())))
                    .sorted()
                    .toList();
            List<String> drawn = a.stations().stream()
                    .filter(x -> x.stratum().equals(s.name()))
                    .map(SamplePlan.SampledStation::ticket)
                    .toList();
            assertThat(drawn).isEqualTo(all.subList(0, s.sampled()));
        }
        SamplePlan other = ConsistentSampler.plan("another seed", frame, 100);
        assertThat(other.stations()).isNotEqualTo(a.stations());
    }

    @Test
    void ST_QC_largerSampleOnlyAddsStations() {
        List<FrameStation> frame = frame(500, 1);
        Set<String> small = ConsistentSampler.plan("s", frame, 50).stations().stream()
                .map(SamplePlan.SampledStation::stationId)
                .collect(Collectors.toSet());
        Set<String> large = ConsistentSampler.plan("s", frame, 120).stations().stream()
                .map(SamplePlan.SampledStation::stationId)
                .collect(Collectors.toSet());
        assertThat(large).containsAll(small);
    }

    @Test
    void ST_QC_repeatedStationIdIsRefused() {
        List<FrameStation> frame = List.of(new FrameStation("a", "x"), new FrameStation("a", "y"));
        assertThatThrownBy(() -> ConsistentSampler.plan("s", frame, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ST_QC_largestRemainderAllocationAgreesWithNaiveReference() {
        long seed = 37L;
        System.out.println("ST-QC allocation seed " + seed);
        SplittableRandom random = new SplittableRandom(seed);
        for (int trial = 0; trial < 500; trial++) {
            Map<String, Long> pops = new LinkedHashMap<>();
            int strata = 1 + random.nextInt(12);
            long total = 0;
            for (int h = 0; h < strata; h++) {
                long p = 1 + random.nextInt(400);
                pops.put("h" + h, p);
                total += p;
            }
            int n = random.nextInt((int) total + 1);
            Map<String, Integer> alloc = ProportionalAllocation.allocate(pops, n);
            assertThat(alloc.values().stream().mapToInt(Integer::intValue).sum())
                    .isEqualTo(n);
            // Naive: floors, then +1 to the largest fractional parts (ties by name), in floating point.
            Map<String, Double> frac = new LinkedHashMap<>();
            int given = 0;
            Map<String, Integer> naive = new LinkedHashMap<>();
            for (Map.Entry<String, Long> e : pops.entrySet()) {
                double quota = (double) n * e.getValue() / total;
                naive.put(e.getKey(), (int) Math.floor(quota));
                frac.put(e.getKey(), quota - Math.floor(quota));
                given += (int) Math.floor(quota);
            }
            List<String> order = new ArrayList<>(pops.keySet());
            order.sort((x, y) -> Math.abs(frac.get(y) - frac.get(x)) < 1e-9
                    ? x.compareTo(y)
                    : Double.compare(frac.get(y), frac.get(x)));
            for (int i = 0; given < n; i++, given++) {
                naive.merge(order.get(i), 1, Integer::sum);
            }
            for (String h : pops.keySet()) {
                assertThat(alloc.get(h)).isLessThanOrEqualTo(pops.get(h).intValue());
                assertThat(Math.abs(alloc.get(h) - (double) n * pops.get(h) / total))
                        .isLessThan(1);
            }
            assertThat(alloc).as("trial %d", trial).isEqualTo(naive);
        }
    }
}
