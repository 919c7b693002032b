package org.veritally.server.http;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test support: reads a {@code text/event-stream} (WHATWG HTML §9.2.6, the lines this server writes: {@code id},
 * {@code event}, {@code data}, {@code retry} and comments) on a thread of its own into a queue of events.
 */
final class SseReader implements AutoCloseable {
    record Event(String id, String event, String data) {}

    private final LinkedBlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final InputStream in;
    final AtomicInteger comments = new AtomicInteger();
    volatile long retry = -1;

    SseReader(InputStream in) {
        this.in = in;
        Thread t = new Thread(this::read, "sse-reader");
        t.setDaemon(true);
        t.start();
    }

    private void read() {
        try (var r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String id = null;
            String event = "message";
            StringBuilder data = new StringBuilder();
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isEmpty()) {
                    if (data.length() > 0) events.add(new Event(id, event, data.toString()));
                    event = "message";
                    data.setLength(0);
                } else if (line.startsWith(":")) comments.incrementAndGet();
                else if (line.startsWith("id: ")) id = line.substring(4);
                else if (line.startsWith("event: ")) event = line.substring(7);
                else if (line.startsWith("data: ")) data.append(line.substring(6));
                else if (line.startsWith("retry: ")) retry = Long.parseLong(line.substring(7));
            }
        } catch (IOException closed) {
            // the test closed the stream
        }
    }

    /** The next event, waiting at most {@code timeout} (a bound on failure; it returns as soon as one arrives). */
    Event next(Duration timeout) throws InterruptedException {
        Event e = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (e == null) throw new AssertionError("no event within " + timeout);
        return e;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
