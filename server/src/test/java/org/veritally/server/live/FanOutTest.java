package org.veritally.server.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** Every subscriber is woken exactly once, whether the snapshot is split between threads or not. */
class FanOutTest {
    /** A subscriber that counts its wakes in a shared array, at its own position. */
    record Counted(int at, AtomicIntegerArray wakes, ConcurrentHashMap<String, Boolean> threads)
            implements LiveFeed.Subscriber {
        @Override
        public void wake() {
            wakes.incrementAndGet(at);
            threads.put(Thread.currentThread().getName(), true);
        }

        @Override
        public void beat() {}
    }

    @Test
    void eachWakesEverySubscriberOnceForSizesAroundTheSliceBounds() {
        try (FanOut f = new FanOut(3)) {
            for (int n : new int[] {0, 1, FanOut.MIN_SLICE - 1, FanOut.MIN_SLICE, 2 * FanOut.MIN_SLICE + 1, 10_007}) {
                var wakes = new AtomicIntegerArray(n);
                var threads = new ConcurrentHashMap<String, Boolean>();
                LiveFeed.Subscriber[] all = new LiveFeed.Subscriber[n];
                for (int i = 0; i < n; i++) all[i] = new Counted(i, wakes, threads);
                f.each(all, LiveFeed.Subscriber::wake);
                for (int i = 0; i < n; i++)
                    assertThat(wakes.get(i)).as("subscriber %d of %d", i, n).isEqualTo(1);
                if (n >= 2 * FanOut.MIN_SLICE)
                    assertThat(threads)
                            .as("the caller takes one slice and a helper another")
                            .containsKey(Thread.currentThread().getName())
                            .hasSizeGreaterThan(1);
                else if (n > 0)
                    assertThat(threads)
                            .as("too few to split")
                            .containsOnlyKeys(Thread.currentThread().getName());
            }
        }
    }
}
