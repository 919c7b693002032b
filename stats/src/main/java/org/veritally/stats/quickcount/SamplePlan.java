package org.veritally.stats.quickcount;

import java.util.List;
import org.veritally.stats.RuleId;

/**
 * A reproducible quick-count sample: anyone holding the seed text and the frame can redraw it with {@link
 * ConsistentSampler#plan}.
 *
 * @param rule always {@link RuleId#ST_QC}
 * @param seed the public seed text
 * @param sampleSize the total number of stations drawn
 * @param strata allocation per stratum, by stratum name
 * @param stations the sampled stations, by stratum name then ticket
 */
public record SamplePlan(
        RuleId rule, String seed, int sampleSize, List<Stratum> strata, List<SampledStation> stations) {

    /** Copies the lists. */
    public SamplePlan {
        strata = List.copyOf(strata);
        stations = List.copyOf(stations);
    }

    /**
     * One stratum's allocation.
     *
     * @param name the stratum
     * @param population stations in the frame (N_h)
     * @param sampled stations drawn (n_h)
     */
    public record Stratum(String name, long population, int sampled) {}

    /**
     * One sampled station.
     *
     * @param stationId the station
     * @param stratum its stratum
     * @param ticket its ticket, SHA-256(seed "," stationId), in hexadecimal
     */
    public record SampledStation(String stationId, String stratum, String ticket) {}
}
