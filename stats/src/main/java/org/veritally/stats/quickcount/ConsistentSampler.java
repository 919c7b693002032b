package org.veritally.stats.quickcount;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.veritally.stats.RuleId;

/**
 * {@code ST-QC}: draws a quick-count sample that anyone can reproduce from a public seed text, in the style
 * of Rivest's consistent sampling (R. L. Rivest, "Consistent Sampling with Replacement", 2018,
 * arXiv:1808.10016, section 3).
 *
 * <p>Each station gets the ticket SHA-256(UTF-8(seed + "," + stationId)), read as a 256-bit unsigned
 * integer. The sample size is allocated to strata proportionally ({@link ProportionalAllocation}), and each
 * stratum takes the stations with the smallest tickets. Drawing is consistent: for a fixed stratum, a larger
 * n_h only adds stations. The seed should be fixed publicly after the frame is (for example dice rolled in
 * public), so that nobody can choose it to pick stations. Stateless and thread-safe.
 */
public final class ConsistentSampler {
    private ConsistentSampler() {}

    /** The ticket of {@code stationId} under {@code seed}: SHA-256(seed "," stationId). */
    public static byte[] ticket(String seed, String stationId) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest((seed + "," + stationId).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /**
     * Draws {@code sampleSize} stations from {@code frame}.
     *
     * @throws IllegalArgumentException if a station id repeats or the sample size is out of range
     */
    public static SamplePlan plan(String seed, List<FrameStation> frame, int sampleSize) {
        Map<String, List<FrameStation>> byStratum = new TreeMap<>();
        Set<String> seen = new HashSet<>();
        for (FrameStation s : frame) {
            if (!seen.add(s.stationId())) {
                throw new IllegalArgumentException("station id repeats in the frame: " + s.stationId());
            }
            byStratum.computeIfAbsent(s.stratum(), k -> new ArrayList<>()).add(s);
        }
        Map<String, Long> populations = new TreeMap<>();
        byStratum.forEach((k, v) -> populations.put(k, (long) v.size()));
        Map<String, Integer> alloc = ProportionalAllocation.allocate(populations, sampleSize);
        List<SamplePlan.Stratum> strata = new ArrayList<>();
        List<SamplePlan.SampledStation> sampled = new ArrayList<>();
        for (Map.Entry<String, List<FrameStation>> e : byStratum.entrySet()) {
            int n = alloc.get(e.getKey());
            strata.add(new SamplePlan.Stratum(e.getKey(), e.getValue().size(), n));
            List<Ticketed> tickets = new ArrayList<>(e.getValue().size());
            for (FrameStation s : e.getValue()) {
                tickets.add(new Ticketed(s, ticket(seed, s.stationId())));
            }
            tickets.sort((a, b) -> Arrays.compareUnsigned(a.ticket, b.ticket));
            for (Ticketed t : tickets.subList(0, n)) {
                sampled.add(new SamplePlan.SampledStation(t.station.stationId(), e.getKey(), hex(t.ticket)));
            }
        }
        return new SamplePlan(RuleId.ST_QC, seed, sampleSize, strata, sampled);
    }

    static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return sb.toString();
    }

    private record Ticketed(FrameStation station, byte[] ticket) {}
}
