package org.veritally.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.veritally.server.live.LiveConfig;
import org.veritally.server.live.LiveEvent;
import org.veritally.server.live.LiveFeed;
import org.veritally.testkit.Await;

/**
 * A stream whose connection takes nothing (a slow or stalled client) writes nothing and queues nothing; when it
 * can write again it sends one event, the latest checkpoint with every unit changed meanwhile.
 */
class EventStreamTest {
    /** A connection that takes bytes only while {@link #ready}; a small hand-written fake of the container's. */
    static final class Connection extends ServletOutputStream {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        volatile boolean ready;
        int writesWhileNotReady;

        @Override
        public boolean isReady() {
            return ready;
        }

        @Override
        public void setWriteListener(WriteListener l) {}

        @Override
        public synchronized void write(int b) {
            if (!ready) writesWhileNotReady++;
            bytes.write(b);
        }

        synchronized String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }

    static AsyncContext async() {
        return (AsyncContext) java.lang.reflect.Proxy.newProxyInstance(
                AsyncContext.class.getClassLoader(), new Class<?>[] {AsyncContext.class}, (p, m, a) -> null);
    }

    @Test
    void aStalledStreamQueuesNothingAndThenSendsTheLatestCheckpointWithEveryUnitChanged() {
        var config = new LiveConfig(10, Duration.ZERO, Duration.ofSeconds(60), Duration.ofSeconds(3), 256);
        try (LiveFeed feed = new LiveFeed(config, Optional.of(new LiveEvent(10, "cm9vdA==", 0, -1, List.of(), true)))) {
            Connection out = new Connection();
            out.ready = true;
            EventStream s = new EventStream(feed, async(), out, "retry: 3000\n\n".getBytes(StandardCharsets.UTF_8), 10);
            assertThat(feed.tryOpen()).isTrue();
            feed.add(s);
            s.onWritePossible();
            assertThat(out.text()).isEqualTo("retry: 3000\n\n");

            out.ready = false; // the client stops reading
            for (int i = 11; i <= 200; i++) {
                long size = i;
                feed.committed(size, new byte[32], size, List.of("U" + (i % 3)));
                Await.until("event " + size, () -> feed.latest().get().event().size() == size);
            }
            assertThat(out.writesWhileNotReady).isZero();
            assertThat(out.text()).isEqualTo("retry: 3000\n\n");

            out.ready = true;
            s.onWritePossible();
            String sent = out.text().substring("retry: 3000\n\n".length());
            assertThat(sent).startsWith("id: 200\n").endsWith("\n\n");
            assertThat(sent.split("\n\n")).as("one event, not 190").hasSize(1);
            assertThat(sent).contains("\"previous\":10", "\"allUnits\":false", "\"U0\"", "\"U1\"", "\"U2\"");
        }
    }
}
