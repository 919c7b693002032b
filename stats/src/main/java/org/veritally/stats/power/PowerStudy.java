package org.veritally.stats.power;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.veritally.stats.RuleId;
import org.veritally.stats.digits.BootstrapSpec;
import org.veritally.stats.outliers.Outlier;
import org.veritally.stats.report.Forensics;
import org.veritally.stats.report.ForensicsOptions;
import org.veritally.stats.report.ForensicsReport;

/**
 * The power study: for each forensic check, how often it raises an alarm on clean synthetic elections (the
 * false-alarm rate) and on elections where a share of the stations was manipulated (the detection rate), by
 * kind and size of manipulation ({@link SyntheticElection}).
 *
 * <p>What an alarm is depends on the check:
 *
 * <ul>
 *   <li>a test over the whole election ({@code ST-2BL} and {@code ST-LD-*} on the leader's counts, {@code
 *       ST-INTPCT-*} on turnout and the leader's share) alarms when its p-value is below {@code alpha}; its
 *       rate is the share of the simulated elections that alarm;
 *   <li>a station rule ({@code ST-OUT-*}) alarms on stations; its false-alarm rate is the share of
 *       unmanipulated stations it flags, its detection rate the share of manipulated stations it flags.
 * </ul>
 *
 * <p>{@code ST-FP} is a picture, not a test, and has no rate. Election {@code e} of a configuration uses seed
 * {@code seed + 1000003·config + e}; the Monte Carlo of each election uses the same seed. Deterministic;
 * stateless and thread-safe.
 */
public final class PowerStudy {
    /** The checks whose rates are measured, in table order. */
    public static final List<RuleId> RULES = List.of(
            RuleId.ST_2BL,
            RuleId.ST_LD_UNIF,
            RuleId.ST_LD_REPEAT,
            RuleId.ST_LD_ADJ,
            RuleId.ST_INTPCT_TURNOUT,
            RuleId.ST_INTPCT_SHARE,
            RuleId.ST_OUT_TURNOUT100,
            RuleId.ST_OUT_TURNOUT95,
            RuleId.ST_OUT_UNANIMOUS,
            RuleId.ST_OUT_DUPVEC,
            RuleId.ST_OUT_ZEROMAJOR,
            RuleId.ST_OUT_NEIGHBOUR);

    /**
     * One configuration's rates.
     *
     * @param manipulation the kind
     * @param fraction the share of stations manipulated (0 for clean elections)
     * @param rates per check: alarm rate (false-alarm rate for clean elections)
     */
    public record Row(Manipulation manipulation, double fraction, Map<RuleId, Double> rates) {
        /** Copies the map. */
        public Row {
            rates = Map.copyOf(rates);
        }
    }

    /**
     * The study's result.
     *
     * @param stations stations per election
     * @param elections elections per configuration
     * @param alpha the level of the election-level tests
     * @param seed the base seed
     * @param replicates Monte Carlo replicates of {@code ST-INTPCT-*}
     * @param rows the clean row first, then each manipulation at each size
     */
    public record Result(int stations, int elections, double alpha, long seed, int replicates, List<Row> rows) {
        /** Copies the list. */
        public Result {
            rows = List.copyOf(rows);
        }
    }

    private PowerStudy() {}

    /** Runs clean elections and every manipulation at every fraction. */
    public static Result run(
            int stations, int elections, List<Double> fractions, double alpha, long seed, int replicates) {
        List<Row> rows = new ArrayList<>();
        int config = 0;
        rows.add(row(Manipulation.NONE, 0, stations, elections, alpha, seed + 1_000_003L * config++, replicates));
        for (Manipulation m : Manipulation.values()) {
            if (m == Manipulation.NONE) continue;
            for (double f : fractions) {
                rows.add(row(m, f, stations, elections, alpha, seed + 1_000_003L * config++, replicates));
            }
        }
        return new Result(stations, elections, alpha, seed, replicates, rows);
    }

    private static Row row(
            Manipulation m, double f, int stations, int elections, double alpha, long seed, int replicates) {
        Map<RuleId, Double> alarms = new EnumMap<>(RuleId.class);
        Map<RuleId, long[]> stationFlags = new EnumMap<>(RuleId.class);
        long manipulatedTotal = 0;
        long cleanTotal = 0;
        for (int e = 0; e < elections; e++) {
            long s = seed + e;
            SyntheticElection.Simulated sim = SyntheticElection.generate(s, stations, m, f);
            ForensicsOptions o = ForensicsOptions.defaults(s)
                    .withBootstrap(new BootstrapSpec(s, 100, 0.95))
                    .withIntegerPeaks(org.veritally.stats.fingerprint.IntegerPeakOptions.defaults(s)
                            .withReplicates(replicates));
            ForensicsReport r = Forensics.run(sim.stations(), SyntheticElection.CANDIDATES, o);
            count(alarms, RuleId.ST_2BL, r.secondDigits().get(0).pValue() < alpha);
            count(alarms, RuleId.ST_LD_UNIF, leader(r.lastDigits().uniformity()).pValue() < alpha);
            count(
                    alarms,
                    RuleId.ST_LD_REPEAT,
                    leaderPair(r.lastDigits().repeats()).pValue() < alpha);
            count(
                    alarms,
                    RuleId.ST_LD_ADJ,
                    leaderPair(r.lastDigits().adjacent()).pValue() < alpha);
            count(alarms, RuleId.ST_INTPCT_TURNOUT, r.integerTurnout().pValue() < alpha);
            count(alarms, RuleId.ST_INTPCT_SHARE, r.integerShare().pValue() < alpha);
            manipulatedTotal += sim.manipulated().size();
            cleanTotal += stations - sim.manipulated().size();
            Map<RuleId, java.util.Set<String>> flagged = new EnumMap<>(RuleId.class);
            for (Outlier out : r.outliers()) {
                flagged.computeIfAbsent(out.rule(), k -> new java.util.HashSet<>())
                        .add(out.stationId());
            }
            flagged.forEach((rule, ids) -> {
                long[] c = stationFlags.computeIfAbsent(rule, k -> new long[2]);
                for (String id : ids) {
                    c[sim.manipulated().contains(id) ? 1 : 0]++;
                }
            });
        }
        Map<RuleId, Double> rates = new EnumMap<>(RuleId.class);
        for (RuleId rule : RULES) {
            if (rule.code().startsWith("ST-OUT-")) {
                long[] c = stationFlags.getOrDefault(rule, new long[2]);
                rates.put(
                        rule,
                        m == Manipulation.NONE
                                ? (double) c[0] / Math.max(1, cleanTotal)
                                : (double) c[1] / Math.max(1, manipulatedTotal));
            } else {
                rates.put(rule, alarms.getOrDefault(rule, 0.0) / elections);
            }
        }
        return new Row(m, f, rates);
    }

    private static void count(Map<RuleId, Double> alarms, RuleId rule, boolean alarm) {
        alarms.merge(rule, alarm ? 1.0 : 0.0, Double::sum);
    }

    private static org.veritally.stats.digits.LastDigitResult leader(
            List<org.veritally.stats.digits.LastDigitResult> results) {
        return results.stream().filter(x -> x.scope().equals("A")).findFirst().orElseThrow();
    }

    private static org.veritally.stats.digits.DigitPairResult leaderPair(
            List<org.veritally.stats.digits.DigitPairResult> results) {
        return results.stream().filter(x -> x.scope().equals("A")).findFirst().orElseThrow();
    }
}
