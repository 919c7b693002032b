package org.veritally.formats.timeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.LongFunction;
import org.veritally.core.model.Catalogue;

/**
 * The running totals of every source for one unit × contest along the log, and their samples at the
 * multiples of a width that doubles as the log grows (at most {@link TimelineRecorder#MAX_POINTS}
 * samples, besides the point at size 0 and the one at the current size). Extended incrementally: each
 * call reads only the changes appended since the last one. Not thread-safe.
 */
final class UnitSeries {
    /** The source number of the consensus view's changes (no declared source has it: there are at most 20). */
    static final int CONSENSUS = 0xFFFF;

    private final int contest;
    private final int stride;
    /** Which units are the series' unit or below it, by unit index (computed as units are declared). */
    private boolean[] under = new boolean[0];

    private final int unit;
    private long[][] running = new long[0][];
    private long[] sheets = new long[0];
    private long[] first = new long[0];
    private long[] last = new long[0];
    private int cursor;
    private long through;
    private long width = 1;
    private final List<Sample> samples = new ArrayList<>();

    /** Every source's totals ({@code [stations, registered, ballots, valid, null, blank, votes…]}) at a size. */
    private record Sample(long logSize, long[][] totals, long[] sheets) {}

    UnitSeries(int unit, int contest, int choices) {
        this.unit = unit;
        this.contest = contest;
        this.stride = SheetEvents.FIXED + choices;
    }

    /** The width of the sampling grid for a log of {@code size} entries: a power of two. */
    static long widthFor(long size) {
        long w = 1;
        while (size / w > TimelineRecorder.MAX_POINTS) w *= 2;
        return w;
    }

    /**
     * Reads the changes past the last call, up to the log's {@code size} entries: those of log indices below
     * {@code size}, so a series extended to an earlier size than the events reach is the series as of that size.
     */
    void extend(SheetEvents events, long size, Catalogue catalogue) {
        if (size < through) throw new IllegalStateException("the log shrank from " + through + " to " + size);
        markUnder(catalogue);
        long w = widthFor(size);
        if (w != width) {
            samples.removeIf(s -> s.logSize() % w != 0);
            width = w;
        }
        long next = (through / w + 1) * w;
        int n = events.size();
        int e = cursor;
        for (; e < n; e++) {
            long idx = events.index(e);
            if (idx >= size) break; // a series as of an earlier size stops there (the events are in log order)
            for (; next <= idx; next += w) sample(next);
            if (events.contest(e) != contest || !under[events.unit(e)]) continue;
            int s = slot(events.source(e));
            ensureSource(s);
            events.addTo(e, running[s]);
            sheets[s]++;
            if (first[s] < 0) first[s] = idx;
            last[s] = idx;
        }
        for (; next <= size; next += w) sample(next);
        cursor = e;
        through = size;
    }

    private void markUnder(Catalogue catalogue) {
        int units = catalogue.unitCount();
        if (units == under.length) return;
        int from = under.length;
        under = Arrays.copyOf(under, units);
        // a unit is declared after its parent: its parent's mark is known when it is reached
        for (int u = from; u < units; u++) {
            int p = catalogue.parent(u);
            under[u] = u == unit || (p >= 0 && p < u && under[p]);
        }
    }

    /** Where a source's running totals are kept: slot 0 is the consensus view's, slot i + 1 source i's. */
    private static int slot(int source) {
        return source == CONSENSUS ? 0 : source + 1;
    }

    private void ensureSource(int s) {
        if (s < running.length) return;
        int n = s + 1;
        int old = running.length;
        running = Arrays.copyOf(running, n);
        for (int i = old; i < n; i++) running[i] = new long[stride];
        sheets = Arrays.copyOf(sheets, n);
        first = Arrays.copyOf(first, n);
        last = Arrays.copyOf(last, n);
        for (int i = old; i < n; i++) first[i] = last[i] = -1;
    }

    private void sample(long at) {
        long[][] t = new long[running.length][];
        for (int i = 0; i < t.length; i++) t[i] = running[i].clone();
        samples.add(new Sample(at, t, sheets.clone()));
    }

    /**
     * The points of source {@code source} ({@link #CONSENSUS}: the consensus view; -1: a view without a
     * source, all zeros), with {@code sources} sources declared, the times from {@code timeOfSize} (the first
     * checkpoint covering a size).
     */
    List<Timeline.Point> points(int source, int sources, LongFunction<OptionalLong> timeOfSize) {
        List<Timeline.Point> out = new ArrayList<>(samples.size() + 2);
        out.add(point(0, new long[0][], new long[0], source, sources, OptionalLong.empty()));
        for (Sample s : samples)
            out.add(point(s.logSize(), s.totals(), s.sheets(), source, sources, timeOfSize.apply(s.logSize())));
        if (through > 0 && through % width != 0)
            out.add(point(through, running, sheets, source, sources, timeOfSize.apply(through)));
        return out;
    }

    private Timeline.Point point(
            long size, long[][] totals, long[] counts, int source, int sources, OptionalLong time) {
        int at = source < 0 ? -1 : slot(source);
        long[] t = at >= 0 && at < totals.length ? totals[at] : new long[stride];
        List<Long> votes = new ArrayList<>(stride - SheetEvents.FIXED);
        for (int i = SheetEvents.FIXED; i < stride; i++) votes.add(t[i]);
        List<Long> bySource = new ArrayList<>(sources);
        for (int i = 0; i < sources; i++) bySource.add(i + 1 < counts.length ? counts[i + 1] : 0L);
        return Timeline.Point.of(size, time, t[0], t[1], t[2], t[3], votes, bySource);
    }

    /** How many sheets of source {@code s} arrived, and the log indices of the first and the last (-1: none). */
    long[] arrival(int s) {
        int at = slot(s);
        return at < sheets.length ? new long[] {sheets[at], first[at], last[at]} : new long[] {0, -1, -1};
    }
}
