package org.veritally.formats.timeline;

import java.util.Arrays;

/**
 * Every sheet the log accepted, in log order, as what it changed: its log index, the unit its station is in,
 * contest and source (indices), and the change it made to its source's totals {@code [stations, registered voters,
 * ballots, valid, null, blank, votes…]} (a first copy adds the station; a correction adds the
 * difference from the copy it replaces). Kept in a few growing primitive arrays, not an object per
 * sheet, so a million sheets cost about 60 MB. Not thread-safe: its {@link TimelineRecorder} guards it.
 */
final class SheetEvents {
    /** The fixed fields of a change before the votes. */
    static final int FIXED = 6;

    private long[] index = new long[1024];
    private int[] unit = new int[1024];
    private int[] contestSource = new int[1024];
    private int[] offset = new int[1025];
    private int[] values = new int[1024 * 8];
    private int size;

    int size() {
        return size;
    }

    /** Appends a change: {@code delta} is {@code [stations, registered, ballots, valid, null, blank, votes…]}. */
    void add(long logIndex, int unitIndex, int contest, int source, long[] delta) {
        int n = size;
        if (n == index.length) {
            int cap = n * 2;
            index = Arrays.copyOf(index, cap);
            unit = Arrays.copyOf(unit, cap);
            contestSource = Arrays.copyOf(contestSource, cap);
            offset = Arrays.copyOf(offset, cap + 1);
        }
        int at = offset[n];
        if (at + delta.length > values.length)
            values = Arrays.copyOf(values, Math.max(values.length * 2, at + delta.length));
        for (int i = 0; i < delta.length; i++) values[at + i] = Math.toIntExact(delta[i]);
        index[n] = logIndex;
        unit[n] = unitIndex;
        contestSource[n] = (contest << 16) | (source & 0xFFFF);
        offset[n + 1] = at + delta.length;
        size = n + 1;
    }

    long index(int e) {
        return index[e];
    }

    /** The unit (index) of change {@code e}'s station. */
    int unit(int e) {
        return unit[e];
    }

    int contest(int e) {
        return contestSource[e] >>> 16;
    }

    int source(int e) {
        return contestSource[e] & 0xFFFF;
    }

    /** Adds change {@code e} to {@code into} ({@code [stations, registered, ballots, valid, null, blank, votes…]}). */
    void addTo(int e, long[] into) {
        int from = offset[e];
        int n = offset[e + 1] - from;
        for (int i = 0; i < n; i++) into[i] += values[from + i];
    }
}
