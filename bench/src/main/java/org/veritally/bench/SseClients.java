package org.veritally.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The live push load: N Server-Sent Events clients on {@code GET /api/events}, all on one selector thread
 * (non-blocking sockets, raw HTTP/1.1), while a poster sends the sheets of a file to {@code POST /api/sheets} at a
 * fixed rate. For every checkpoint event a client receives it records the delay from the checkpoint's time (the
 * event's {@code time}, when the sequencer signed it) to the receipt; it prints p50, p99 and max of those delays,
 * how many events there were and how many clients received each, connection failures and 503s.
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar org.veritally.bench.SseClients HOST PORT CLIENTS RATE SECS
 * BODIES TOKEN [PID]}: BODIES holds one JSON sheet a line ({@code bench/ack-client.py bodies}). The same machine's
 * clock serves both ends. With the server's PID it prints the server's CPU time over the measured seconds, and its
 * broadcaster thread's. Not thread-safe; a benchmark main, no library code of the project involved.
 */
public final class SseClients {
    private SseClients() {}

    /** One connection's parse state. */
    private static final class Conn {
        final StringBuilder line = new StringBuilder();
        boolean headers = true;
        boolean ok;
        int events;
    }

    private static int[] delays = new int[1 << 20];
    private static long[] sizes = new long[1 << 20];
    private static long[] at = new long[1 << 20];
    private static int count;
    private static final Map<Long, Integer> perEvent = new HashMap<>();
    private static long parseErrors;
    private static long refused;
    private static long closed;

    public static void main(String[] args) throws Exception {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        int clients = Integer.parseInt(args[2]);
        int rate = Integer.parseInt(args[3]);
        int secs = Integer.parseInt(args[4]);
        List<String> bodies = Files.readAllLines(Path.of(args[5]));
        String token = args[6];
        byte[] request = ("GET /api/events HTTP/1.1\r\nHost: " + host + ":" + port
                        + "\r\nAccept: text/event-stream\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        Selector sel = Selector.open();
        ByteBuffer buf = ByteBuffer.allocateDirect(64 * 1024);
        int opened = 0;
        long t0 = System.nanoTime();
        // connect in steps of 250, reading between, so the server's accept queue is never flooded
        while (opened < clients) {
            for (int i = 0; i < 250 && opened < clients; i++, opened++) {
                SocketChannel ch = SocketChannel.open(new InetSocketAddress(host, port));
                ch.write(ByteBuffer.wrap(request));
                ch.configureBlocking(false);
                ch.register(sel, SelectionKey.OP_READ, new Conn());
            }
            pump(sel, buf, 20, false);
        }
        pump(sel, buf, 2000, false);
        long connected =
                sel.keys().stream().filter(k -> ((Conn) k.attachment()).ok).count();
        System.out.printf(
                "%d connections opened in %.1f s (%d answered 200, %d refused)%n",
                opened, (System.nanoTime() - t0) / 1e9, connected, refused);
        count = 0; // the first event of each client is the latest checkpoint at connect, not a new one
        perEvent.clear();

        var poster = Executors.newSingleThreadScheduledExecutor();
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI sheets = URI.create("http://" + host + ":" + port + "/api/sheets");
        AtomicLong sent = new AtomicLong();
        AtomicLong accepted = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long periodNanos = 1_000_000_000L / rate;
        poster.scheduleAtFixedRate(
                () -> {
                    long i = sent.getAndIncrement();
                    if (i >= bodies.size()) return;
                    var req = HttpRequest.newBuilder(sheets)
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(bodies.get((int) i)))
                            .build();
                    http.sendAsync(req, HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
                        if (e == null && r.statusCode() / 100 == 2) accepted.incrementAndGet();
                        else failed.incrementAndGet();
                    });
                },
                0,
                periodNanos,
                TimeUnit.NANOSECONDS);
        long c0 = System.nanoTime();
        double cpu0 = args.length > 7 ? cpuSeconds(args[7]) : 0;
        double b0 = args.length > 7 ? broadcasterSeconds(args[7]) : 0;
        pump(sel, buf, secs * 1000L, true);
        poster.shutdownNow();
        double took = (System.nanoTime() - c0) / 1e9;
        double cpu1 = args.length > 7 ? cpuSeconds(args[7]) : 0;
        double b1 = args.length > 7 ? broadcasterSeconds(args[7]) : 0;
        pump(sel, buf, 2000, true); // the events of the last sheets
        int[] d = Arrays.copyOf(delays, count);
        Arrays.sort(d);
        int minPerEvent =
                perEvent.values().stream().mapToInt(Integer::intValue).min().orElse(0);
        long fullEvents = perEvent.values().stream().filter(v -> v >= connected).count();
        System.out.printf(
                "sheets: %d sent in %.1f s (%.0f/s), %d accepted, %d failed%n",
                Math.min(sent.get(), bodies.size()),
                took,
                Math.min(sent.get(), bodies.size()) / took,
                accepted.get(),
                failed.get());
        System.out.printf(
                "events: %d checkpoints announced; %d receipts; every client got %d of them; fewest receipts of"
                        + " one event %d of %d clients%n",
                perEvent.size(), count, fullEvents, minPerEvent, connected);
        if (count > 0)
            System.out.printf(
                    "delay from checkpoint time to receipt: p50 %d ms, p99 %d ms, max %d ms%n",
                    d[count / 2], d[Math.min(count - 1, (int) Math.ceil(count * 0.99) - 1)], d[count - 1]);
        // fan-out: from the first client's receipt of an event to each client's, which leaves out the commit
        Map<Long, Long> first = new HashMap<>();
        for (int i = 0; i < count; i++) first.merge(sizes[i], at[i], Math::min);
        int[] spread = new int[count];
        for (int i = 0; i < count; i++) spread[i] = (int) (at[i] - first.get(sizes[i]));
        Arrays.sort(spread);
        if (count > 0)
            System.out.printf(
                    "fan-out from the first client's receipt to each client's: p50 %d ms, p99 %d ms, max %d ms%n",
                    spread[count / 2],
                    spread[Math.min(count - 1, (int) Math.ceil(count * 0.99) - 1)],
                    spread[count - 1]);
        System.out.printf("streams closed by the server: %d, unparsable event lines: %d%n", closed, parseErrors);
        if (args.length > 7)
            System.out.printf(
                    "server CPU during the run: %.1f s in %.1f s (%.0f%% of one core; %d cores)%n",
                    cpu1 - cpu0,
                    took,
                    100 * (cpu1 - cpu0) / took,
                    Runtime.getRuntime().availableProcessors());
        if (args.length > 7)
            System.out.printf(
                    "of which the broadcaster thread: %.2f s, %.1f ms per event%n",
                    b1 - b0, perEvent.isEmpty() ? 0 : 1000 * (b1 - b0) / perEvent.size());
        sel.close();
    }

    /** User plus system CPU time of process {@code pid} (proc(5): fields 14 and 15, in clock ticks of 1/100 s). */
    private static double cpuSeconds(String pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", pid, "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
    }

    /** CPU time of the server's broadcaster thread (its name begins {@code veritally-live}), 0 if not found. */
    private static double broadcasterSeconds(String pid) throws IOException {
        try (var tasks = Files.list(Path.of("/proc", pid, "task"))) {
            for (Path t : tasks.toList()) {
                String stat = Files.readString(t.resolve("stat"));
                String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                if (!comm.startsWith("veritally-live")) continue;
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
            }
        }
        return 0;
    }

    /** Reads every ready connection for {@code ms}, recording the delay of each event when {@code measure}. */
    private static void pump(Selector sel, ByteBuffer buf, long ms, boolean measure) throws IOException {
        long end = System.nanoTime() + ms * 1_000_000;
        while (true) {
            long left = (end - System.nanoTime()) / 1_000_000;
            if (left <= 0) return;
            if (sel.select(left) == 0) continue;
            var it = sel.selectedKeys().iterator();
            while (it.hasNext()) {
                SelectionKey k = it.next();
                it.remove();
                SocketChannel ch = (SocketChannel) k.channel();
                buf.clear();
                int n;
                try {
                    n = ch.read(buf);
                } catch (IOException e) {
                    n = -1;
                }
                if (n < 0) {
                    closed++;
                    k.cancel();
                    ch.close();
                    continue;
                }
                long now = System.currentTimeMillis();
                buf.flip();
                Conn c = (Conn) k.attachment();
                while (buf.hasRemaining()) {
                    char ch0 = (char) (buf.get() & 0xff);
                    if (ch0 != '\n') {
                        c.line.append(ch0);
                        continue;
                    }
                    line(c, c.line, now, measure);
                    c.line.setLength(0);
                }
            }
        }
    }

    private static void line(Conn c, StringBuilder l, long now, boolean measure) {
        if (c.headers) {
            if (l.length() > 9 && l.charAt(0) == 'H') {
                c.ok = l.indexOf(" 200") > 0;
                if (!c.ok) refused++;
            }
            if (l.length() == 0 || (l.length() == 1 && l.charAt(0) == '\r')) c.headers = false;
            return;
        }
        if (l.length() < 7 || l.charAt(0) != 'd' || l.indexOf("data: {") != 0) return;
        c.events++;
        if (!measure) return;
        try {
            int s = l.indexOf("\"size\":") + 7;
            long size = Long.parseLong(l.substring(s, l.indexOf(",", s)));
            int t = l.indexOf("\"time\":\"") + 8;
            long ms = Instant.parse(l.substring(t, l.indexOf("\"", t))).toEpochMilli();
            if (count == delays.length) {
                delays = Arrays.copyOf(delays, count * 2);
                sizes = Arrays.copyOf(sizes, count * 2);
                at = Arrays.copyOf(at, count * 2);
            }
            sizes[count] = size;
            at[count] = now;
            delays[count++] = (int) Math.max(0, now - ms);
            perEvent.merge(size, 1, Integer::sum);
        } catch (RuntimeException e) {
            parseErrors++;
        }
    }
}
