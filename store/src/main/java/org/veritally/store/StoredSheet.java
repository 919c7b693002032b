package org.veritally.store;

import org.veritally.core.model.SummaryCounts;

/** A row of the current-sheet projection: which log entry holds the sheet, and its numbers. */
public record StoredSheet(
        String station, String contest, String source, long entryIdx, SummaryCounts counts, long[] votes) {
    public StoredSheet {
        votes = votes.clone();
    }

    @Override
    public long[] votes() {
        return votes.clone();
    }

    static String joinVotes(long[] v) {
        var sb = new StringBuilder(v.length * 4);
        for (int i = 0; i < v.length; i++) {
            if (i > 0) sb.append(',');
            sb.append(v[i]);
        }
        return sb.toString();
    }

    static long[] splitVotes(String s) {
        if (s.isEmpty()) return new long[0];
        String[] p = s.split(",");
        long[] v = new long[p.length];
        for (int i = 0; i < p.length; i++) v[i] = Long.parseLong(p[i]);
        return v;
    }
}
