package org.veritally.stats.quickcount;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.veritally.stats.CandidateSet;
import org.veritally.stats.RuleId;
import org.veritally.stats.StationCounts;

/**
 * {@code ST-QC}: an incremental quick-count accumulator. Sampled tally sheets arrive one by one ({@link
 * #accept}); an estimate can be asked for at any time ({@link #estimate}).
 *
 * <p>Estimator: the combined ratio estimator of each candidate's share of the valid votes under stratified
 * cluster sampling of stations (Cochran 1977, Sampling Techniques, 3rd ed., section 6.11): R̂_c = Σ_h (N_h /
 * n_h) Σ_i y_ci / Σ_h (N_h / n_h) Σ_i x_i, where x is the valid votes of a station and y_c the candidate's.
 * Its variance (Cochran eq. 6.50 with the finite population correction): V(R̂_c) = (1 / X̂²) Σ_h N_h² (1 -
 * f_h) s²_dh / n_h, with d = y_c - R̂_c x, s²_dh the sample variance of d in stratum h, f_h = n_h / N_h and
 * X̂ = Σ_h N_h x̄_h. The interval is R̂_c ± z·SE.
 *
 * <p>While sheets are still arriving, n_h is the number received in stratum h, and strata with none are
 * left out (reported in the estimate). Treating the arrived sheets as the sample assumes arrival order is
 * unrelated to the vote, which is rarely true early in the night (cities report first): watch the coverage.
 *
 * <p>Not thread-safe: confine an instance to one thread or synchronise externally. A sheet for a station
 * outside the sample, or a second sheet for a station, is refused and reported, never merged.
 */
public final class QuickCount {
    private final SamplePlan plan;
    private final CandidateSet candidates;
    private final Map<String, String> stratumOf = new HashMap<>();
    private final Map<String, StratumSums> sums = new LinkedHashMap<>();
    private final Map<String, Boolean> received = new HashMap<>();

    /** What happened to an arriving sheet. */
    public enum Arrival {
        /** Counted. */
        ACCEPTED,
        /** The station is not in the sample; not counted. */
        NOT_IN_SAMPLE,
        /** A sheet for this station was already counted; this one is not. */
        ALREADY_RECEIVED
    }

    /** An accumulator for {@code plan} with the given candidates. */
    public QuickCount(SamplePlan plan, CandidateSet candidates) {
        this.plan = plan;
        this.candidates = candidates;
        for (SamplePlan.Stratum s : plan.strata()) {
            sums.put(s.name(), new StratumSums(s.population(), candidates.size()));
        }
        for (SamplePlan.SampledStation s : plan.stations()) {
            stratumOf.put(s.stationId(), s.stratum());
        }
    }

    /**
     * Counts one sampled sheet.
     *
     * @throws IllegalArgumentException if the sheet has a different number of candidates
     */
    public Arrival accept(StationCounts sheet) {
        if (sheet.candidateCount() != candidates.size()) {
            throw new IllegalArgumentException("sheet " + sheet.stationId() + " has " + sheet.candidateCount()
                    + " candidates, expected " + candidates.size());
        }
        String stratum = stratumOf.get(sheet.stationId());
        if (stratum == null) {
            return Arrival.NOT_IN_SAMPLE;
        }
        if (received.putIfAbsent(sheet.stationId(), Boolean.TRUE) != null) {
            return Arrival.ALREADY_RECEIVED;
        }
        sums.get(stratum).add(sheet);
        return Arrival.ACCEPTED;
    }

    /** Sampled sheets received so far. */
    public int received() {
        return received.size();
    }

    /** Stations in the sample. */
    public int planned() {
        return plan.stations().size();
    }

    /**
     * The estimate from the sheets received so far, with intervals of ± z standard errors (z = 1.96 for
     * 95%, 2.58 for 99%).
     *
     * @throws IllegalStateException if no sheet with valid votes has been received
     * @throws IllegalArgumentException if z is not positive
     */
    public QuickCountEstimate estimate(double z) {
        if (!(z > 0)) {
            throw new IllegalArgumentException("z must be positive, got " + z);
        }
        double xHat = 0;
        int covered = 0;
        int single = 0;
        for (StratumSums s : sums.values()) {
            if (s.n > 0) {
                xHat += s.weight() * s.sumX;
                covered++;
                single += s.n == 1 ? 1 : 0;
            }
        }
        if (!(xHat > 0)) {
            throw new IllegalStateException("no sampled sheet with valid votes received yet");
        }
        List<CandidateEstimate> estimates = new ArrayList<>();
        for (int c = 0; c < candidates.size(); c++) {
            double yHat = 0;
            for (StratumSums s : sums.values()) {
                yHat += s.n > 0 ? s.weight() * s.sumY[c] : 0;
            }
            double r = yHat / xHat;
            double variance = 0;
            for (StratumSums s : sums.values()) {
                variance += s.varianceTerm(c, r);
            }
            double se = Math.sqrt(variance) / xHat;
            estimates.add(new CandidateEstimate(candidates.id(c), r, se, r - z * se, r + z * se));
        }
        return new QuickCountEstimate(
                RuleId.ST_QC,
                plan.seed(),
                planned(),
                received(),
                sums.size(),
                covered,
                single,
                z,
                estimates,
                RuleId.ST_QC.caveat());
    }
}
