package org.veritally.server.http;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.veritally.server.live.LiveFeed;

/**
 * One open {@code /api/events} stream, written with non-blocking servlet I/O (Jakarta Servlet 6.0 §5.7): it
 * writes only while {@link ServletOutputStream#isReady} says the connection takes more, and otherwise waits for
 * {@link #onWritePossible}. It keeps no queue: what to send next is asked of the feed from the last event sent,
 * so a slow client gets the latest checkpoint (with every unit changed meanwhile) when it catches up, and never
 * holds up the broadcaster or the sequencer.
 *
 * <p>Thread-safe: the broadcaster and the server's threads call {@link #pump} under this object's monitor.
 */
final class EventStream implements LiveFeed.Subscriber, WriteListener, AsyncListener {
    private static final byte[] HEARTBEAT = ":\n\n".getBytes(StandardCharsets.US_ASCII);
    private final LiveFeed feed;
    private final AsyncContext async;
    private final ServletOutputStream out;
    private byte[] prefix;
    private long delivered;
    private boolean beat;
    private boolean unflushed;
    private boolean closed;
    private boolean listening; // until the container first calls onWritePossible, isReady() would block-write

    /**
     * A stream that first writes {@code prefix} (the {@code retry:} field), then every event after the one of
     * size {@code since} (-1: the client named none, and is sent the latest checkpoint at once).
     */
    EventStream(LiveFeed feed, AsyncContext async, ServletOutputStream out, byte[] prefix, long since) {
        this.feed = feed;
        this.async = async;
        this.out = out;
        this.prefix = prefix;
        this.delivered = since;
    }

    @Override
    public void wake() {
        pump();
    }

    @Override
    public void beat() {
        synchronized (this) {
            beat = true;
        }
        pump();
    }

    @Override
    public void onWritePossible() {
        synchronized (this) {
            listening = true;
        }
        pump();
    }

    private synchronized void pump() {
        if (closed || !listening) return;
        try {
            while (out.isReady()) {
                byte[] b = prefix;
                prefix = null;
                if (b == null) {
                    var f = feed.next(delivered);
                    if (f.isPresent()) {
                        b = f.get().bytes();
                        delivered = f.get().event().size();
                    }
                }
                if (b == null && beat) b = HEARTBEAT;
                if (b == null) {
                    if (!unflushed) return;
                    unflushed = false;
                    out.flush();
                    continue;
                }
                beat = false;
                out.write(b);
                unflushed = true;
            }
        } catch (IOException | RuntimeException e) {
            close();
        }
    }

    @Override
    public void onError(Throwable t) {
        close();
    }

    @Override
    public void onComplete(AsyncEvent event) {
        close();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        close();
    }

    @Override
    public void onError(AsyncEvent event) {
        close();
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // the stream is registered once, when the servlet starts it
    }

    /** Ends the stream and gives its place back, once. */
    void close() {
        synchronized (this) {
            if (closed) return;
            closed = true;
        }
        feed.release(Optional.of(this));
        try {
            async.complete();
        } catch (RuntimeException alreadyOver) {
            // the container ended the request first
        }
    }
}
