package org.veritally.server.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.veritally.testkit.Await;

/** The feed's coalescing and its answers to streams that are current, behind, or too far behind. */
class LiveFeedTest {
    static final byte[] ROOT = new byte[32];

    static LiveFeed feed(int history) {
        var c = new LiveConfig(2, Duration.ZERO, Duration.ofSeconds(60), Duration.ofSeconds(3), history);
        return new LiveFeed(c, Optional.of(new LiveEvent(10, "cm9vdA==", 0, -1, List.of(), true)));
    }

    static void commit(LiveFeed f, long size, String... units) {
        f.committed(size, ROOT, 1_000 * size, List.of(units));
        Await.until("event " + size, () -> f.latest().get().event().size() == size);
    }

    @Test
    void aCurrentStreamGetsTheBroadcastFrameItselfAndNothingOnceSent() {
        try (LiveFeed f = feed(16)) {
            commit(f, 11, "A", "A1");
            var next = f.next(10);
            assertThat(next).containsSame(f.latest().get());
            assertThat(next.get().event().units()).containsExactly("A", "A1");
            assertThat(f.next(11)).isEmpty();
        }
    }

    @Test
    void aStreamBehindGetsOneEventWithEveryUnitChangedSince() {
        try (LiveFeed f = feed(16)) {
            commit(f, 11, "A", "A1");
            commit(f, 12, "A", "A2");
            commit(f, 13, "A", "A3");
            LiveEvent e = f.next(11).get().event();
            assertThat(e.size()).isEqualTo(13);
            assertThat(e.previous()).isEqualTo(11);
            assertThat(e.allUnits()).isFalse();
            assertThat(e.units()).containsExactly("A", "A2", "A3");
            assertThat(f.next(12).get().event().units())
                    .as("a page rendered between two events: the event that spans it")
                    .containsExactly("A", "A3");
        }
    }

    @Test
    void streamsAsFarBehindShareOneMergedFrameUntilTheNextEvent() {
        try (LiveFeed f = feed(16)) {
            commit(f, 11, "A1");
            commit(f, 12, "A2");
            commit(f, 13, "A3");
            var one = f.next(11).get();
            assertThat(f.next(11).get())
                    .as("formatted once for every stream behind at 11")
                    .isSameAs(one);
            assertThat(f.next(12).get()).isNotSameAs(one);
            assertThat(f.next(-1).get()).isSameAs(f.next(-1).get());
            commit(f, 14, "A4");
            var after = f.next(11).get();
            assertThat(after.event().size()).isEqualTo(14);
            assertThat(after.event().units()).containsExactly("A2", "A3", "A4");
        }
    }

    @Test
    void aStreamOlderThanTheHistoryOrUnknownIsToldEveryUnitMayHaveChanged() {
        try (LiveFeed f = feed(2)) {
            commit(f, 11, "A1");
            commit(f, 12, "A2");
            commit(f, 13, "A3");
            assertThat(f.next(10).get().event().allUnits()).isTrue();
            assertThat(f.next(-1).get().event().allUnits())
                    .as("no Last-Event-ID")
                    .isTrue();
            assertThat(f.next(99).get().event().allUnits())
                    .as("a size this log never had")
                    .isTrue();
            assertThat(f.next(12).get().event().units()).containsExactly("A3");
        }
    }

    @Test
    void srvStreamsTheCapCountsReservedPlacesAndGivesThemBack() {
        try (LiveFeed f = feed(2)) {
            assertThat(f.tryOpen()).isTrue();
            assertThat(f.tryOpen()).isTrue();
            assertThat(f.tryOpen()).isFalse();
            f.release(Optional.empty());
            assertThat(f.tryOpen()).isTrue();
            assertThat(f.streams()).isEqualTo(2);
        }
    }

    @Test
    void aSubscriberIsWokenForEachEvent() {
        try (LiveFeed f = feed(4)) {
            var woken = new java.util.concurrent.atomic.AtomicInteger();
            assertThat(f.tryOpen()).isTrue();
            f.add(new LiveFeed.Subscriber() {
                @Override
                public void wake() {
                    woken.incrementAndGet();
                }

                @Override
                public void beat() {}
            });
            commit(f, 11, "A");
            Await.until("the subscriber woken", () -> woken.get() == 1);
        }
    }
}
