package org.veritally.server.live;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The hub of the live event stream. The single writer tells it of each committed batch
 * ({@link #committed}: it records the checkpoint and the changed units and wakes the broadcaster; no I/O and no
 * work per client on the commit path). One broadcaster thread turns what accumulated into a {@link LiveEvent}
 * (at most one per {@link LiveConfig#minInterval}), formats it once and {@linkplain Subscriber#wake wakes} every
 * subscriber (in slices on {@link LiveConfig#fanOut} threads), whose own non-blocking writer then asks
 * {@link #next} for what it should send. A subscriber that cannot keep up holds no queue: it remembers the last
 * event it sent, and {@link #next} answers one event that names the latest checkpoint and every unit changed
 * since (latest only, merged), or {@code allUnits} when that is older than the history kept. The number of
 * subscribers is capped ({@link #tryOpen}).
 *
 * <p>Thread-safe.
 */
public final class LiveFeed implements AutoCloseable {
    /** A stream to a client, woken by the broadcaster; implementations must not block in these calls. */
    public interface Subscriber {
        /** A new event is out: send {@link LiveFeed#next} when the connection can take it. */
        void wake();

        /** Send a heartbeat comment unless something else is being sent. */
        void beat();
    }

    /** An event and its wire bytes, formatted once. */
    public record Frame(LiveEvent event, byte[] bytes) {
        static Frame of(LiveEvent e) {
            return new Frame(e, e.bytes());
        }
    }

    private final LiveConfig config;
    private final AtomicInteger open = new AtomicInteger();
    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    private final Object pendingLock = new Object();
    private long pendingSize = -1;
    private byte[] pendingRoot;
    private long pendingMs;
    private Set<String> pendingUnits = new LinkedHashSet<>();
    private final ArrayDeque<Frame> history = new ArrayDeque<>(); // guarded by itself; oldest first
    private volatile Optional<Frame> latest;
    private final Thread broadcaster;
    private final FanOut fanOut;
    private volatile boolean running = true;
    private static final Subscriber[] NONE = new Subscriber[0];

    /**
     * A feed whose first event is {@code seed} (the log's latest checkpoint when the server started, with
     * {@code allUnits}), if there is one; its broadcaster thread starts now.
     */
    public LiveFeed(LiveConfig config, Optional<LiveEvent> seed) {
        this.config = config;
        this.latest = seed.map(Frame::of);
        this.latest.ifPresent(history::add);
        this.fanOut = new FanOut(config.fanOut());
        this.broadcaster = new Thread(this::run, "veritally-live-events");
        broadcaster.setDaemon(true);
        broadcaster.start();
    }

    public LiveConfig config() {
        return config;
    }

    /** Called by the single writer after a batch is committed and its totals are visible. Does not block. */
    public void committed(long size, byte[] root, long ms, java.util.Collection<String> changedUnits) {
        synchronized (pendingLock) {
            pendingSize = size;
            pendingRoot = root;
            pendingMs = ms;
            pendingUnits.addAll(changedUnits);
        }
        LockSupport.unpark(broadcaster);
    }

    /** Reserves a place for a new stream; false when {@link LiveConfig#maxStreams} are open. */
    public boolean tryOpen() {
        if (open.incrementAndGet() <= config.maxStreams()) return true;
        open.decrementAndGet();
        return false;
    }

    /** Adds a subscriber whose place {@link #tryOpen} reserved. */
    public void add(Subscriber s) {
        subscribers.add(s);
    }

    /** Removes a subscriber (or releases a reserved place that was never used) exactly once. */
    public void release(Optional<Subscriber> s) {
        if (s.isPresent() && !subscribers.remove(s.get())) return;
        open.decrementAndGet();
    }

    /** How many streams are open or reserved. */
    public int streams() {
        return open.get();
    }

    /** The latest event, if the log has a checkpoint. */
    public Optional<Frame> latest() {
        return latest;
    }

    /**
     * What a stream that last sent the event {@code delivered} (-1: none, and the client named none) should send
     * now, if anything: the latest event as broadcast when {@code delivered} is the one before it, else one
     * merged from the history (every unit changed since {@code delivered}), or with {@code allUnits}.
     */
    public Optional<Frame> next(long delivered) {
        Optional<Frame> l = latest;
        if (l.isEmpty()) return Optional.empty();
        LiveEvent e = l.get().event();
        if (e.size() == delivered) return Optional.empty();
        if (e.previous() == delivered && delivered >= 0 && !e.allUnits()) return l;
        Merged m = merged;
        if (m.latest != l.get()) { // the first stream behind since this event: a new cache for it
            m = new Merged(l.get(), new ConcurrentHashMap<>());
            merged = m;
        }
        long from = delivered < 0 || delivered > e.size() ? -1 : delivered;
        return Optional.of(m.since.computeIfAbsent(from, d -> merge(e, d)));
    }

    /**
     * The merged events of the latest frame, by the size a stream last sent (-1: none or unknown): every stream as
     * far behind shares one frame, formatted once, as the streams on time share the broadcast one.
     */
    private record Merged(Frame latest, ConcurrentHashMap<Long, Frame> since) {}

    private volatile Merged merged = new Merged(null, new ConcurrentHashMap<>());

    private Frame merge(LiveEvent e, long delivered) {
        if (delivered < 0) return Frame.of(new LiveEvent(e.size(), e.root(), e.ms(), -1, java.util.List.of(), true));
        // the events after delivered form a chain (each names the one before): the first must start at or
        // before delivered, and none may say "all units", for their union to be every unit changed since
        Set<String> units = new LinkedHashSet<>();
        boolean covered = true;
        boolean first = true;
        synchronized (history) {
            for (Frame f : history) {
                LiveEvent h = f.event();
                if (h.size() <= delivered) continue;
                if (first && (h.previous() < 0 || h.previous() > delivered)) covered = false;
                first = false;
                if (h.allUnits()) covered = false;
                units.addAll(h.units());
            }
        }
        return Frame.of(
                covered
                        ? new LiveEvent(e.size(), e.root(), e.ms(), delivered, new ArrayList<>(units), false)
                        : new LiveEvent(e.size(), e.root(), e.ms(), delivered, java.util.List.of(), true));
    }

    private void run() {
        long minGap = config.minInterval().toNanos();
        long beatEvery = config.heartbeat().toNanos();
        long lastEvent = System.nanoTime() - minGap;
        long lastBeat = System.nanoTime();
        boolean eventSinceBeat = false;
        while (running) {
            long now = System.nanoTime();
            boolean due = now - lastEvent >= minGap;
            if (due && broadcastPending()) {
                lastEvent = now;
                eventSinceBeat = true;
            }
            if (now - lastBeat >= beatEvery) {
                // an event written to every stream meanwhile kept them open as a comment would: a heartbeat round
                // costs as much as an event's (a write per stream), so it is spent only on a quiet feed
                if (!eventSinceBeat) fanOut.each(subscribers.toArray(NONE), Subscriber::beat);
                eventSinceBeat = false;
                lastBeat = now;
            }
            long untilBeat = beatEvery - (System.nanoTime() - lastBeat);
            long wait = hasPending() ? Math.min(untilBeat, minGap - (System.nanoTime() - lastEvent)) : untilBeat;
            if (wait > 0) LockSupport.parkNanos(this, wait);
        }
    }

    private boolean hasPending() {
        synchronized (pendingLock) {
            return pendingSize >= 0;
        }
    }

    /** Turns what accumulated into one event and wakes every subscriber; false when nothing had. */
    private boolean broadcastPending() {
        long size;
        byte[] root;
        long ms;
        Set<String> units;
        synchronized (pendingLock) {
            if (pendingSize < 0) return false;
            size = pendingSize;
            root = pendingRoot;
            ms = pendingMs;
            units = pendingUnits;
            pendingSize = -1;
            pendingUnits = new LinkedHashSet<>();
        }
        long previous = latest.map(f -> f.event().size()).orElse(-1L);
        Frame f = Frame.of(new LiveEvent(
                size, Base64.getEncoder().encodeToString(root), ms, previous, new ArrayList<>(units), previous < 0));
        synchronized (history) {
            history.addLast(f);
            while (history.size() > config.history()) history.removeFirst();
        }
        latest = Optional.of(f);
        fanOut.each(subscribers.toArray(NONE), Subscriber::wake);
        return true;
    }

    /** Stops the broadcaster; the streams stay for their owner (the HTTP server) to close. */
    @Override
    public void close() {
        running = false;
        LockSupport.unpark(broadcaster);
        try {
            broadcaster.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        fanOut.close();
    }
}
