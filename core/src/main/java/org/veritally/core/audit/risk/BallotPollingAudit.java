package org.veritally.core.audit.risk;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code ST-RLA-BRAVO}: one ballot-polling audit: ballots drawn uniformly with replacement from the manifest of
 * stations ({@link AuditSampler#ballots}), each examined by an audit board, and the {@link Bravo} risk after
 * every round.
 *
 * <p>Round 1 takes {@link Bravo#initialSampleSize} draws; each further round doubles the draws; after {@code
 * maxRounds} rounds the decision is a full hand count. A drawn ballot with no recorded reading counts for every
 * loser (worst case). Immutable and thread-safe.
 */
public final class BallotPollingAudit {
    /** The reading of a ballot that shows no vote for any choice of the contest. */
    public static final int NO_VOTE = Bravo.NO_VOTE;

    private final Bravo bravo;
    private final List<String> stationIds;
    private final long[] manifest;
    private final String seed;
    private final double alpha;
    private final int maxRounds;

    private BallotPollingAudit(
            Bravo bravo, List<String> stationIds, long[] manifest, String seed, double alpha, int maxRounds) {
        Bravo.requireAlpha(alpha);
        if (maxRounds < 1) throw new IllegalArgumentException("maxRounds must be at least 1: " + maxRounds);
        if (stationIds.size() != manifest.length) throw new IllegalArgumentException("one ballot count per station");
        long sum = 0;
        for (long b : manifest) sum += b;
        if (sum != bravo.ballots()) {
            throw new IllegalArgumentException("the manifest has " + sum + " ballots, the test " + bravo.ballots());
        }
        this.bravo = bravo;
        this.stationIds = stationIds;
        this.manifest = manifest.clone();
        this.seed = seed;
        this.alpha = alpha;
        this.maxRounds = maxRounds;
    }

    /**
     * The audit of the contest of {@code batches} (reported votes, and ballots as the manifest) with {@code
     * seats} winners and the revealed {@code seed}.
     */
    public static BallotPollingAudit of(
            List<ReportedBatch> batches, int seats, String seed, double alpha, int maxRounds) {
        int k = batches.get(0).votes().length;
        long[] totals = new long[k];
        long[] manifest = new long[batches.size()];
        List<String> ids = new ArrayList<>(batches.size());
        long ballots = 0;
        for (int i = 0; i < batches.size(); i++) {
            ReportedBatch b = batches.get(i);
            for (int c = 0; c < k; c++) totals[c] += b.votes(c);
            manifest[i] = b.ballots();
            ballots += b.ballots();
            ids.add(b.id());
        }
        return new BallotPollingAudit(
                Bravo.of(totals, seats, ballots),
                java.util.Collections.unmodifiableList(ids),
                manifest,
                seed,
                alpha,
                maxRounds);
    }

    /** The test. */
    public Bravo bravo() {
        return bravo;
    }

    /** Round 1's draws. */
    public long initialDraws() {
        return bravo.initialSampleSize(alpha);
    }

    /** Draws 1..n as (station id, 1-based ballot number). */
    public List<DrawnBallot> draws(long n) {
        List<DrawnBallot> out = new ArrayList<>();
        for (long[] d : AuditSampler.ballots(seed, manifest, 1, n)) {
            out.add(new DrawnBallot(stationIds.get((int) d[0]), d[1]));
        }
        return out;
    }

    /**
     * The BRAVO risk of draws 1..n given the readings: station id, then ballot number, then the choice index or
     * {@link #NO_VOTE}; a drawn ballot with no reading counts as missing.
     */
    public double risk(long n, Map<String, Map<Long, Integer>> readings) {
        return risk(draws(n), readings);
    }

    private double risk(List<DrawnBallot> drawn, Map<String, Map<Long, Integer>> readings) {
        int[] sequence = new int[drawn.size()];
        for (int j = 0; j < sequence.length; j++) {
            DrawnBallot d = drawn.get(j);
            Integer choice = readings.getOrDefault(d.stationId(), Map.of()).get(d.ballot());
            sequence[j] = choice == null ? Bravo.MISSING : choice;
        }
        return bravo.risk(sequence);
    }

    /** Round {@code number}, which ends after {@code draws} cumulative draws. */
    public Round round(int number, long draws, Map<String, Map<Long, Integer>> readings) {
        if (number < 1 || draws < 1) throw new IllegalArgumentException("round and draws start at 1");
        List<DrawnBallot> drawn = draws(draws);
        Set<String> stations = new LinkedHashSet<>();
        Map<String, Boolean> complete = new HashMap<>();
        for (DrawnBallot d : drawn) {
            stations.add(d.stationId());
            boolean read = readings.getOrDefault(d.stationId(), Map.of()).containsKey(d.ballot());
            complete.merge(d.stationId(), read, Boolean::logicalAnd);
        }
        int counted = (int) complete.values().stream().filter(b -> b).count();
        double risk = risk(drawn, readings);
        Decision d = Decision.of(risk, alpha, number >= maxRounds);
        return new Round(
                number, draws, List.copyOf(stations), counted, risk, d, d == Decision.NEXT_ROUND ? 2 * draws : draws);
    }

    /**
     * One drawn ballot.
     *
     * @param stationId its station
     * @param ballot its 1-based position in the station's ballots
     */
    public record DrawnBallot(String stationId, long ballot) {}
}
