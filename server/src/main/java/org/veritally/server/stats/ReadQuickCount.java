package org.veritally.server.stats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.veritally.core.model.Catalogue;
import org.veritally.core.tabulate.UnitResult;
import org.veritally.server.Instance;
import org.veritally.server.read.ReadState;
import org.veritally.server.state.ElectionState;
import org.veritally.stats.StationCounts;
import org.veritally.stats.quickcount.ConsistentSampler;
import org.veritally.stats.quickcount.FrameStation;
import org.veritally.stats.quickcount.QuickCount;
import org.veritally.stats.quickcount.QuickCountEstimate;
import org.veritally.stats.quickcount.SamplePlan;
import org.veritally.stats.quickcount.ShareComparison;

/**
 * Use case: an observer mission's quick count ({@code ST-QC}). Draws the sample from the seed text over the
 * whole catalogue with {@link ConsistentSampler#plan} (strata = the units at a {@link StrataLevel}, the frame
 * in catalogue order), feeds the sampled stations' current sheets in the view to a {@link QuickCount}, and
 * compares the estimate with the official and consensus shares. The same seed, size, strata and catalogue
 * always give the same sample, whatever has arrived. The last sample drawn is kept while the catalogue keeps
 * its size, and the sampled stations' sheets are looked up by key, so a refresh during the night costs
 * milliseconds, not a pass over every station. Thread-safe.
 */
public final class ReadQuickCount {
    /** The normal quantile of the intervals when none is given: 1.96, a 95% interval. */
    public static final double DEFAULT_Z = 1.96;

    private final java.util.function.Supplier<ReadState> reads;
    private volatile Drawn last;

    private record DrawKey(String seed, int size, int strataLevel, int frameSize) {}

    private record Drawn(DrawKey key, SamplePlan plan, int[] stationIndices) {}

    public ReadQuickCount(Instance instance) {
        this(() -> ReadState.live(instance));
    }

    /** Quick counts of what {@code reads} gives at each call (live, or a fixed earlier state). */
    public ReadQuickCount(java.util.function.Supplier<ReadState> reads) {
        this.reads = reads;
    }

    /**
     * The quick count of {@code contestId} (default: the first) from the sheets of {@code view}.
     *
     * @throws StatsParameterProblem if the seed is blank, the size is not 1..stations, z is not positive or
     *     the strata level is unknown
     * @throws org.veritally.server.read.UsageProblem for an unknown contest or view
     */
    public ViewQuickCount run(
            String seed, int size, Optional<String> strataLevel, Optional<String> contestId, String view, double z) {
        ReadState at = reads.get();
        ElectionState state = at.state();
        ViewScope scope = ViewScope.resolve(state, contestId, view);
        if (seed == null || seed.isBlank()) {
            throw new StatsParameterProblem(
                    "the seed text is empty; publish one before election day (a dice roll, a lottery draw)");
        }
        if (!(z > 0) || Double.isInfinite(z)) {
            throw new StatsParameterProblem("z must be a positive number (1.96 for 95%, 2.58 for 99%), got " + z);
        }
        StrataLevel strata = StrataLevel.resolve(scope.election(), strataLevel);
        Catalogue cat = state.catalogue();
        int frameSize = cat.stationCount();
        if (size < 1 || size > frameSize) {
            throw new StatsParameterProblem(
                    "the sample size must be 1.." + frameSize + " (the stations in the catalogue), got " + size);
        }
        Drawn drawn = draw(cat, new DrawKey(seed, size, strata.index(), frameSize), strata);
        SamplePlan plan = drawn.plan();
        ViewStations sheets =
                new StationCountsReader(at.copies()).readStations(state, scope, strata, drawn.stationIndices());
        Map<String, StationCounts> byId = new HashMap<>();
        for (StationCounts s : sheets.stations()) {
            byId.put(s.stationId(), s);
        }
        QuickCount qc = new QuickCount(plan, sheets.candidates());
        Set<String> received = new HashSet<>();
        long valid = 0;
        for (SamplePlan.SampledStation s : plan.stations()) {
            StationCounts sheet = byId.get(s.stationId());
            if (sheet != null) {
                qc.accept(sheet);
                received.add(s.stationId());
                valid += sheet.valid();
            }
        }
        Optional<QuickCountEstimate> estimate = valid > 0 ? Optional.of(qc.estimate(z)) : Optional.empty();
        List<ViewQuickCount.ShareCheck> comparisons = new ArrayList<>();
        estimate.ifPresent(e -> {
            if (state.tabulation().authority().isPresent()) {
                compare(at, e, scope, "official").ifPresent(comparisons::add);
            }
            compare(at, e, scope, "consensus").ifPresent(comparisons::add);
        });
        return new ViewQuickCount(
                scope.contestId(),
                scope.viewName(),
                strata,
                sheets.candidates(),
                plan,
                received,
                estimate,
                comparisons);
    }

    /**
     * The sample for {@code key}, drawn once and kept while the catalogue keeps its size (it only grows, so
     * the same size means the same frame): drawing hashes every station, which a page refreshed all night
     * should not repeat.
     */
    private Drawn draw(Catalogue cat, DrawKey key, StrataLevel strata) {
        Drawn d = last;
        if (d != null && d.key().equals(key)) {
            return d;
        }
        String[] stratumOfUnit = strata.stratumOfUnits(cat);
        List<FrameStation> frame = new ArrayList<>(key.frameSize());
        for (int s = 0; s < key.frameSize(); s++) {
            frame.add(new FrameStation(cat.station(s).id(), stratumOfUnit[cat.unitOfStation(s)]));
        }
        SamplePlan plan = ConsistentSampler.plan(key.seed(), frame, key.size());
        int[] indices = plan.stations().stream()
                .mapToInt(s -> cat.stationIndex(s.stationId()))
                .toArray();
        d = new Drawn(key, plan, indices);
        last = d;
        return d;
    }

    private Optional<ViewQuickCount.ShareCheck> compare(
            ReadState at, QuickCountEstimate e, ViewScope scope, String view) {
        UnitResult r = at.results().result(Optional.empty(), Optional.of(scope.contestId()), view);
        Map<String, Long> votes = new HashMap<>();
        long valid = 0;
        for (var c : r.candidates()) {
            votes.put(c.id(), c.votes());
            valid += c.votes();
        }
        if (valid == 0) {
            return Optional.empty();
        }
        List<Double> shares = new ArrayList<>();
        for (var c : scope.contest().candidates()) {
            shares.add((double) votes.getOrDefault(c.id(), 0L) / valid);
        }
        List<ShareComparison> cmp = e.compare(shares);
        return Optional.of(new ViewQuickCount.ShareCheck(view, r.stationsReporting(), r.stationsTotal(), cmp));
    }
}
