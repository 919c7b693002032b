package org.veritally.server.http;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.veritally.server.live.LiveEvent;
import org.veritally.server.live.LiveFeed;
import org.veritally.server.ops.ServerRule;

/**
 * {@code GET /api/events} (docs/api.md, "Live events"): a {@code text/event-stream} of checkpoints. A servlet of
 * its own beside Javalin's, because each stream must hold no thread (Java 17 has no virtual threads, and
 * Javalin's {@code app.sse} writes with blocking I/O from the caller's thread, so one slow client would hold up
 * whoever broadcasts): it starts async, registers an {@link EventStream} and returns. Past
 * {@link org.veritally.server.live.LiveConfig#maxStreams} it answers 503 {@code SRV-STREAMS} with
 * {@code Retry-After}. The resume point is {@code Last-Event-ID} (what a reconnecting EventSource sends), else the
 * query parameter {@code since} (the log size a page was rendered at); neither, or one that is not a log size:
 * the latest checkpoint with {@code allUnits}.
 *
 * <p>Thread-safe.
 */
public final class EventsServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    /** The path it is mapped to. */
    public static final String PATH = "/api/events";

    private final transient LiveFeed feed;

    public EventsServlet(LiveFeed feed) {
        this.feed = feed;
    }

    /** A HEAD says what a GET would be without opening a stream (or taking a place). */
    @Override
    protected void doHead(HttpServletRequest req, HttpServletResponse res) {
        res.setStatus(200);
        res.setContentType("text/event-stream;charset=utf-8");
        res.setHeader("Cache-Control", "no-store");
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        if (!feed.tryOpen()) {
            long retry = Math.max(1, feed.config().retry().toSeconds());
            res.setStatus(503);
            res.setHeader("Retry-After", Long.toString(retry));
            res.setHeader("X-Content-Type-Options", "nosniff");
            res.setContentType("application/problem+json");
            res.getOutputStream()
                    .write(Json.bytes(ProblemJson.rule(
                            503,
                            ServerRule.SRV_STREAMS,
                            "the server has " + feed.config().maxStreams()
                                    + " event streams open, its limit; retry later, or poll the checkpoint")));
            return;
        }
        boolean registered = false;
        try {
            String header = req.getHeader("Last-Event-ID");
            long since = LiveEvent.parseId(header != null ? header : req.getParameter("since"))
                    .orElse(-1L);
            res.setStatus(200);
            res.setContentType("text/event-stream;charset=utf-8");
            res.setHeader("Cache-Control", "no-store");
            res.setHeader("X-Accel-Buffering", "no"); // nginx: pass each event on at once
            res.setHeader("X-Content-Type-Options", "nosniff");
            AsyncContext async = req.startAsync();
            async.setTimeout(0);
            byte[] retry = ("retry: " + feed.config().retry().toMillis() + "\n\n").getBytes(StandardCharsets.UTF_8);
            var out = res.getOutputStream();
            EventStream stream = new EventStream(feed, async, out, retry, since);
            async.addListener(stream);
            feed.add(stream);
            registered = true;
            out.setWriteListener(stream);
        } finally {
            if (!registered) feed.release(Optional.empty());
        }
    }
}
