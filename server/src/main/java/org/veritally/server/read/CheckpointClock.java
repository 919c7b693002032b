package org.veritally.server.read;

import java.util.Arrays;
import java.util.OptionalLong;
import org.veritally.store.CheckpointQueries;

/**
 * When each log size was first under a signed checkpoint: the tree sizes of the stored checkpoints and
 * the times they were written, read once and extended with the checkpoints signed since. The time of a
 * size is that of the first checkpoint whose tree holds that many entries. Not thread-safe: {@link
 * ReadTimeline} guards it.
 */
final class CheckpointClock {
    private long[] sizes = new long[64];
    private long[] times = new long[64];
    private int n;

    /** Reads the checkpoints signed since the last call. */
    void catchUp(CheckpointQueries checkpoints) {
        for (var w : checkpoints.writtenAfter(n == 0 ? 0 : sizes[n - 1])) {
            if (n == sizes.length) {
                sizes = Arrays.copyOf(sizes, n * 2);
                times = Arrays.copyOf(times, n * 2);
            }
            sizes[n] = w.treeSize();
            times[n] = w.createdMs();
            n++;
        }
    }

    /** The time (Unix ms) of the first checkpoint covering {@code size} entries; empty for 0 or when none does. */
    OptionalLong timeOf(long size) {
        if (size <= 0) return OptionalLong.empty();
        int i = Arrays.binarySearch(sizes, 0, n, size);
        if (i < 0) i = -i - 1;
        return i < n ? OptionalLong.of(times[i]) : OptionalLong.empty();
    }
}
