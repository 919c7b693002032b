package org.veritally.core.announce;

import java.util.Arrays;

/**
 * The sheets in hand for one contest in one view, as the announcement check needs them: for each
 * field (the candidates in the contest's order, then valid, null, ballots) the value of every station
 * in hand, plus the registered voters of those stations. Immutable: arrays are copied in.
 */
public record InHand(String view, int stations, long registered, long[][] perStation) {
    public InHand {
        perStation = Arrays.stream(perStation).map(long[]::clone).toArray(long[][]::new);
    }

    public long total(int field) {
        long s = 0;
        for (long v : perStation[field]) s += v;
        return s;
    }

    /** The sum of the {@code k} largest station values of a field (all of them when k ≥ stations). */
    public long largest(int field, long k) {
        long[] v = perStation[field].clone();
        if (k >= v.length) return total(field);
        Arrays.sort(v);
        long s = 0;
        for (int i = v.length - 1; i >= v.length - k; i--) s += v[i];
        return s;
    }
}
