package org.veritally.stats.fingerprint;

import java.util.List;
import org.veritally.stats.CandidateSet;
import org.veritally.stats.IntegerBins;
import org.veritally.stats.RuleId;
import org.veritally.stats.StationCounts;

/**
 * {@code ST-FP}: builds the election fingerprint of Klimek, Yegorov, Hanel &amp; Thurner (2012,
 * "Statistical detection of systematic election irregularities", PNAS 109(41):16469-16473, Fig. 1): the 2-D
 * histogram of station turnout (ballots cast / registered) against the winner's share of the valid votes.
 *
 * <p>A fair election gives one or a few compact blobs; incremental ballot stuffing smears stations towards
 * the top right, and "extreme" fraud piles them up at 100% turnout and 100% share. Stations without
 * registered voters or valid votes, and stations above 100% turnout, are counted and left out. Bins are
 * exact: a station goes to bin floor(k·bins/n) in integer arithmetic ({@link IntegerBins}), so 57% is in
 * bin 57 of 100. Stateless and thread-safe.
 */
public final class ElectionFingerprint {
    /** The default number of bins per axis (1 percentage point each). */
    public static final int DEFAULT_BINS = 100;

    private ElectionFingerprint() {}

    /**
     * The fingerprint of {@code winner}'s share.
     *
     * @throws IllegalArgumentException if bins &lt; 1 or winner is out of range
     */
    public static Fingerprint of(List<StationCounts> stations, CandidateSet candidates, int winner, int bins) {
        if (bins < 1 || winner < 0 || winner >= candidates.size()) {
            throw new IllegalArgumentException("bins must be >= 1 and winner a candidate index");
        }
        long[] counts = new long[bins * bins];
        long placed = 0;
        long noVotes = 0;
        long over = 0;
        for (StationCounts s : stations) {
            long valid = s.valid();
            if (s.registered() == 0 || valid == 0) {
                noVotes++;
                continue;
            }
            if (s.ballotsCast() > s.registered()) {
                over++;
                continue;
            }
            int t = IntegerBins.bin(s.ballotsCast(), s.registered(), bins);
            int w = IntegerBins.bin(s.votes(winner), valid, bins);
            counts[t * bins + w]++;
            placed++;
        }
        return new Fingerprint(
                RuleId.ST_FP, candidates.id(winner), bins, counts, placed, noVotes, over, RuleId.ST_FP.caveat());
    }
}
