package org.veritally.formats.timeline;

import java.util.Arrays;

/**
 * Every sheet the log accepted, in log order, as what it changed: its log index, the unit its station is in,
 * contest and source (indices), and the change it made to its source's totals {@code [stations, registered voters,
 * ballots, valid, null, blank, votes…]} (a first copy adds the station; a correction adds the
 * difference from the copy it replaces). Kept in a few growing primitive arrays, not an object per
 * sheet, so a million sheets cost about 60 MB; a change equal to the one just before it (the consensus view's,
 * when the sheet is the copy it counts) shares that one's values. Not thread-safe: its {@link TimelineRecorder}
 * guards it.
 */
final class SheetEvents {
    /** The fixed fields of a change before the votes. */
    static final int FIXED = 6;

    private long[] index = new long[1024];
    private int[] unit = new int[1024];
    private int[] contestSource = new int[1024];
    /** Where change e's values start in {@link #values}, and how many there are. */
    private int[] start = new int[1024];

    private short[] length = new short[1024];
    private int[] values = new int[1024 * 8];
    private int used;
    private int size;

    int size() {
        return size;
    }

    /** Appends a change: {@code delta} is {@code [stations, registered, ballots, valid, null, blank, votes…]}. */
    void add(long logIndex, int unitIndex, int contest, int source, long[] delta) {
        int n = size;
        if (n == index.length) {
            int cap = n + (n >> 1); // 1.5×: at a million sheets, doubling left a third of these arrays unused
            index = Arrays.copyOf(index, cap);
            unit = Arrays.copyOf(unit, cap);
            contestSource = Arrays.copyOf(contestSource, cap);
            start = Arrays.copyOf(start, cap);
            length = Arrays.copyOf(length, cap);
        }
        if (delta.length > Short.MAX_VALUE) throw new IllegalArgumentException(delta.length + " values");
        if (n > 0 && sameAs(n - 1, delta)) {
            // the consensus view's change is usually the sheet's own, just added: its values are shared, not copied
            start[n] = start[n - 1];
        } else {
            int at = used;
            if (at + delta.length > values.length)
                values = Arrays.copyOf(values, Math.max(values.length + (values.length >> 1), at + delta.length));
            for (int i = 0; i < delta.length; i++) values[at + i] = Math.toIntExact(delta[i]);
            start[n] = at;
            used = at + delta.length;
        }
        length[n] = (short) delta.length;
        index[n] = logIndex;
        unit[n] = unitIndex;
        contestSource[n] = (contest << 16) | (source & 0xFFFF);
        size = n + 1;
    }

    private boolean sameAs(int e, long[] delta) {
        if (length[e] != delta.length) return false;
        int from = start[e];
        for (int i = 0; i < delta.length; i++) if (values[from + i] != delta[i]) return false;
        return true;
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
        int from = start[e];
        int n = length[e];
        for (int i = 0; i < n; i++) into[i] += values[from + i];
    }
}
