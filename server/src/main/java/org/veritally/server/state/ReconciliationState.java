package org.veritally.server.state;

import java.util.Arrays;
import org.veritally.core.reconcile.StationStatus;

/**
 * The live reconciliation of every station × contest: its status and the log index of the copy
 * that counts in the consensus view (-1 for none), with the summary counters kept incrementally so
 * the summary answers in constant time. Arrays are indexed by {@code station × contests + contest}
 * and grow with the catalogue. Written by the sequencer after each commit; readers take the
 * instance's monitor.
 */
public final class ReconciliationState {
    private static final StationStatus[] STATUSES = StationStatus.values();
    private final int contests;
    private byte[] status = new byte[0];
    private long[] consensus = new long[0];
    private long agreed;
    private long disputed;
    private long[] singleBySource = new long[4];

    public ReconciliationState(int contests) {
        this.contests = contests;
    }

    private void ensure(int slot) {
        if (slot >= status.length) {
            int n = Math.max(slot + 1, status.length * 2);
            int old = consensus.length;
            status = Arrays.copyOf(status, n);
            consensus = Arrays.copyOf(consensus, n);
            Arrays.fill(consensus, old, n, -1);
        }
    }

    public int slot(int station, int contest) {
        return station * contests + contest;
    }

    public synchronized StationStatus status(int station, int contest) {
        int s = slot(station, contest);
        return s < status.length ? STATUSES[status[s]] : StationStatus.MISSING;
    }

    public synchronized long consensusEntry(int station, int contest) {
        int s = slot(station, contest);
        return s < consensus.length ? consensus[s] : -1;
    }

    /**
     * Records a new verdict for a station × contest, adjusting the counters. {@code singleSource} is
     * the source index of the only copy when the new status is SINGLE; {@code oldSingleSource} that
     * of the old status.
     */
    public synchronized void set(
            int station, int contest, StationStatus st, int singleSource, int oldSingleSource, long consensusEntry) {
        int s = slot(station, contest);
        ensure(s);
        count(STATUSES[status[s]], oldSingleSource, -1);
        count(st, singleSource, 1);
        status[s] = (byte) st.ordinal();
        consensus[s] = consensusEntry;
    }

    private void count(StationStatus st, int source, int d) {
        switch (st) {
            case AGREED -> agreed += d;
            case DISPUTED -> disputed += d;
            case SINGLE -> {
                if (source >= singleBySource.length) singleBySource = Arrays.copyOf(singleBySource, source + 8);
                singleBySource[source] += d;
            }
            case MISSING -> {}
        }
    }

    /** The summary: agreed, disputed, single per source index, missing (out of stations × contests). */
    public synchronized Summary summary(long stationContests) {
        long single = 0;
        for (long v : singleBySource) single += v;
        return new Summary(agreed, disputed, singleBySource.clone(), stationContests - agreed - disputed - single);
    }

    /**
     * The whole reconciliation of the first {@code slots} station × contest slots, copied (a snapshot's
     * part; {@link #restore} is its inverse).
     */
    public synchronized Image image(int slots) {
        byte[] st = Arrays.copyOf(status, slots);
        long[] cons = Arrays.copyOf(consensus, slots);
        if (slots > consensus.length) Arrays.fill(cons, consensus.length, slots, -1);
        return new Image(st, cons, agreed, disputed, singleBySource.clone());
    }

    /** Replaces everything with {@code image} (a fresh state restored from a snapshot). */
    public synchronized void restore(Image image) {
        if (image.status().length != image.consensus().length)
            throw new IllegalArgumentException("status and consensus slots differ");
        status = image.status().clone();
        consensus = image.consensus().clone();
        agreed = image.agreed();
        disputed = image.disputed();
        singleBySource = image.singleBySource().clone();
    }

    /** How many contests a station has here (the slot stride). */
    public int contests() {
        return contests;
    }

    /** The reconciliation's arrays and counters at one moment (see {@link #image}). */
    public record Image(byte[] status, long[] consensus, long agreed, long disputed, long[] singleBySource) {}

    /** Counters at one moment. */
    public record Summary(long agreed, long disputed, long[] singleBySource, long missing) {}
}
