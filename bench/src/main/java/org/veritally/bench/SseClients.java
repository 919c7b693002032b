package org.veritally.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
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

/**
 * The live push load: N Server-Sent Events clients on {@code GET /api/events}, all on one selector thread
 * (non-blocking sockets, raw HTTP/1.1, no allocation per event read), while a {@link SheetPoster} on a thread of
 * its own sends the sheets of a file to {@code POST /api/sheets} at a fixed rate over keep-alive connections
 * ({@code -Dposters=256} of them). For every checkpoint event a client receives it records the delay from the
 * checkpoint's time (the event's {@code time}, when the sequencer signed it) to the receipt; it prints p50, p99
 * and max of those delays, how many events there were and how many clients received each, connection failures
 * and 503s.
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar org.veritally.bench.SseClients HOST PORT CLIENTS RATE SECS
 * BODIES TOKEN [PID]}: BODIES holds one JSON sheet a line ({@code bench/ack-client.py bodies}). The same machine's
 * clock serves both ends (the event's {@code time} and the receipt are both {@code System.currentTimeMillis}). With
 * the server's PID it prints the server's CPU time over the measured seconds, and its broadcaster and fan-out
 * threads'; it also prints its own CPU time and the load average. Not thread-safe; a benchmark main, no library
 * code of the project involved.
 */
public final class SseClients {
    private SseClients() {}

    /**
     * One connection's parse state: the first {@value #KEEP} bytes of the line being read (an event's size and
     * time come first in its data line), so reading allocates nothing.
     */
    private static final class Conn {
        static final int KEEP = 192;
        final byte[] line = new byte[KEEP];
        int length; // of the whole line, of which at most KEEP bytes are kept
        boolean headers = true;
        boolean ok;
        int events;
    }

    private static int[] delays = new int[1 << 20];
    private static long[] sizes = new long[1 << 20];
    private static long[] at = new long[1 << 20];
    private static int count;
    private static final Map<Long, Long> timeOf = new HashMap<>(); // event size -> its checkpoint's epoch ms
    private static long lastSize = -1;
    private static long lastMs;
    private static final long[] roundMs = new long[10_001]; // how long the selector's rounds took, by ms
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

        var poster = new SheetPoster(host, port, Integer.getInteger("posters", 256), rate, bodies, token);
        Thread posting = new Thread(poster, "poster");
        Arrays.fill(roundMs, 0);
        posting.start();
        long c0 = System.nanoTime();
        double cpu0 = args.length > 7 ? cpuSeconds(args[7]) : 0;
        double b0 = args.length > 7 ? broadcasterSeconds(args[7]) : 0;
        double own0 = cpuSeconds("self");
        String load0 = Files.readString(Path.of("/proc/loadavg")).substring(0, 14);
        pump(sel, buf, secs * 1000L, true);
        poster.stop();
        posting.join();
        double took = (System.nanoTime() - c0) / 1e9;
        double own1 = cpuSeconds("self");
        String load1 = Files.readString(Path.of("/proc/loadavg")).substring(0, 14);
        double cpu1 = args.length > 7 ? cpuSeconds(args[7]) : 0;
        double b1 = args.length > 7 ? broadcasterSeconds(args[7]) : 0;
        pump(sel, buf, 2000, true); // the events of the last sheets
        int[] d = Arrays.copyOf(delays, count);
        Arrays.sort(d);
        Map<Long, Integer> perEvent = new HashMap<>();
        for (int i = 0; i < count; i++) perEvent.merge(sizes[i], 1, Integer::sum);
        int minPerEvent =
                perEvent.values().stream().mapToInt(Integer::intValue).min().orElse(0);
        long fullEvents = perEvent.values().stream().filter(v -> v >= connected).count();
        double posted = (poster.endNanos - poster.startNanos) / 1e9;
        System.out.printf(
                "sheets: %d sent in %.1f s (%.0f/s), %d accepted, %d failed, at most %d waiting for one of %d"
                        + " connections%n",
                poster.sent,
                posted,
                poster.sent / posted,
                poster.accepted,
                poster.failed,
                poster.late,
                Integer.getInteger("posters", 256));
        System.out.printf("load average: %s at the start, %s at the end%n", load0.strip(), load1.strip());
        System.out.printf(
                "load client CPU (readers and poster): %.1f s in %.1f s (%.0f%% of one core); selector rounds"
                        + " p99 %d ms, max %d ms%n",
                own1 - own0, took, 100 * (own1 - own0) / took, roundPercentile(0.99), roundPercentile(1.0));
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

    /**
     * CPU time of the server's broadcaster and fan-out threads (their names begin {@code veritally-live}; Linux
     * cuts a thread's name to 15 characters), 0 if none is found.
     */
    private static double broadcasterSeconds(String pid) throws IOException {
        double sum = 0;
        try (var tasks = Files.list(Path.of("/proc", pid, "task"))) {
            for (Path t : tasks.toList()) {
                String stat = Files.readString(t.resolve("stat"));
                String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                if (!comm.startsWith("veritally-live")) continue;
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                sum += (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
            }
        }
        return sum;
    }

    /** The selector round duration (ms) below which a fraction {@code q} of the rounds were. */
    private static long roundPercentile(double q) {
        long total = 0;
        for (long c : roundMs) total += c;
        long want = (long) Math.ceil(total * q);
        long seen = 0;
        for (int i = 0; i < roundMs.length; i++) {
            seen += roundMs[i];
            if (seen >= want && roundMs[i] > 0) return i;
        }
        return 0;
    }

    /**
     * Reads every ready connection for {@code ms}, recording the delay of each event when {@code measure}. A
     * receipt's time is read after its bytes are, so the client's own queueing counts against the server; the
     * rounds' durations say how much that is.
     */
    private static void pump(Selector sel, ByteBuffer buf, long ms, boolean measure) throws IOException {
        long end = System.nanoTime() + ms * 1_000_000;
        while (true) {
            long left = (end - System.nanoTime()) / 1_000_000;
            if (left <= 0) return;
            if (sel.select(left) == 0) continue;
            long round = System.nanoTime();
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
                Conn c = (Conn) k.attachment();
                for (int i = 0; i < n; i++) {
                    byte b = buf.get(i);
                    if (b != '\n') {
                        if (c.length < Conn.KEEP) c.line[c.length] = b;
                        c.length++;
                        continue;
                    }
                    line(c, now, measure);
                    c.length = 0;
                }
            }
            if (measure) roundMs[(int) Math.min(roundMs.length - 1, (System.nanoTime() - round) / 1_000_000)]++;
        }
    }

    private static boolean startsWith(Conn c, String s) {
        if (c.length < s.length()) return false;
        for (int i = 0; i < s.length(); i++) if (c.line[i] != s.charAt(i)) return false;
        return true;
    }

    private static int find(Conn c, String s) {
        int n = Math.min(c.length, Conn.KEEP);
        outer:
        for (int i = 0; i + s.length() <= n; i++) {
            for (int j = 0; j < s.length(); j++) if (c.line[i + j] != s.charAt(j)) continue outer;
            return i + s.length();
        }
        return -1;
    }

    private static void line(Conn c, long now, boolean measure) {
        if (c.headers) {
            if (startsWith(c, "HTTP/1.1 ")) {
                c.ok = startsWith(c, "HTTP/1.1 200");
                if (!c.ok) refused++;
            }
            if (c.length == 0 || (c.length == 1 && c.line[0] == '\r')) c.headers = false;
            return;
        }
        if (!startsWith(c, "data: {")) return;
        c.events++;
        if (!measure) return;
        int s = find(c, "\"size\":");
        int t = find(c, "\"time\":\"");
        if (s < 0 || t < 0 || t + 24 > Math.min(c.length, Conn.KEEP)) {
            parseErrors++;
            return;
        }
        long size = 0;
        for (int i = s; c.line[i] >= '0' && c.line[i] <= '9'; i++) size = size * 10 + (c.line[i] - '0');
        long ms;
        if (size == lastSize) ms = lastMs;
        else {
            int from = t;
            int to = from;
            while (to < Conn.KEEP && c.line[to] != '"') to++;
            String time = new String(c.line, from, to - from, java.nio.charset.StandardCharsets.US_ASCII);
            try {
                ms = timeOf.computeIfAbsent(size, x -> Instant.parse(time).toEpochMilli());
            } catch (RuntimeException e) {
                parseErrors++;
                return;
            }
            lastSize = size;
            lastMs = ms;
        }
        if (count == delays.length) {
            delays = Arrays.copyOf(delays, count * 2);
            sizes = Arrays.copyOf(sizes, count * 2);
            at = Arrays.copyOf(at, count * 2);
        }
        sizes[count] = size;
        at[count] = now;
        delays[count++] = (int) Math.max(0, now - ms);
    }
}
