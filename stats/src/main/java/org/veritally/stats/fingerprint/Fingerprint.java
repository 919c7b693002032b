package org.veritally.stats.fingerprint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.veritally.stats.RuleId;

/**
 * An election fingerprint ({@code ST-FP}): how many stations fall in each cell of a bins × bins grid of
 * turnout (x) against the winner's share of the valid votes (y), both from 0 to 1 (Klimek et al. 2012, PNAS
 * 109(41), Fig. 1). A cell [i/bins, (i+1)/bins) is closed on the right in the last bin, so 100% is counted.
 *
 * <p>Immutable and thread-safe; the counts are copied in and out.
 *
 * @param rule always {@link RuleId#ST_FP}
 * @param candidateId the winner whose share is on the y axis
 * @param bins bins per axis
 * @param counts stations per cell, row-major by turnout bin: {@code counts[t * bins + s]}
 * @param stations stations placed on the grid
 * @param excludedNoVotes stations left out for lack of registered voters or of valid votes
 * @param excludedOver100 stations left out because turnout exceeds 100% (see {@code ST-OUT-TURNOUT100})
 * @param caveat what the picture does and does not mean
 */
public record Fingerprint(
        RuleId rule,
        String candidateId,
        int bins,
        long[] counts,
        long stations,
        long excludedNoVotes,
        long excludedOver100,
        String caveat) {

    /** @throws IllegalArgumentException if counts is not bins × bins */
    public Fingerprint {
        if (bins < 1 || counts.length != bins * bins) {
            throw new IllegalArgumentException("counts must hold bins * bins cells");
        }
        counts = counts.clone();
    }

    /** A copy of the counts, row-major by turnout bin. */
    @Override
    public long[] counts() {
        return counts.clone();
    }

    /** Stations in turnout bin {@code t} and share bin {@code s}. */
    public long count(int turnoutBin, int shareBin) {
        return counts[turnoutBin * bins + shareBin];
    }

    /** The largest cell count. */
    public long maxCount() {
        return Arrays.stream(counts).max().orElse(0);
    }

    /** The table alternative to the picture: every non-empty cell, by turnout then share. */
    public List<FingerprintCell> table() {
        List<FingerprintCell> cells = new ArrayList<>();
        for (int t = 0; t < bins; t++) {
            for (int s = 0; s < bins; s++) {
                long n = count(t, s);
                if (n > 0) {
                    cells.add(new FingerprintCell(
                            (double) t / bins, (double) (t + 1) / bins, (double) s / bins, (double) (s + 1) / bins, n));
                }
            }
        }
        return cells;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fingerprint f
                && candidateId.equals(f.candidateId)
                && bins == f.bins
                && Arrays.equals(counts, f.counts)
                && stations == f.stations
                && excludedNoVotes == f.excludedNoVotes
                && excludedOver100 == f.excludedOver100;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(counts) * 31 + candidateId.hashCode() + bins;
    }

    @Override
    public String toString() {
        return "Fingerprint[" + candidateId + " bins=" + bins + " stations=" + stations + "]";
    }
}
