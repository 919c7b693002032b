package org.veritally.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;

/**
 * The sheets of the live push load: {@code POST /api/sheets} at a fixed rate over a pool of keep-alive HTTP/1.1
 * connections, all on one selector thread of its own. Each request is encoded once before the run, so sending
 * one is a socket write and reading its answer a socket read and a scan for the end of the response: no HTTP
 * client library and no allocation per sheet (the JDK's {@code HttpClient} was used before). A sheet is sent on
 * an idle connection when its time comes; when every connection waits for an answer, it is sent late
 * ({@link #late}: the most sheets that were waiting for a free connection at once). Not thread-safe:
 * {@link #run} on one thread, the counters read after {@link #stop}.
 */
final class SheetPoster implements Runnable {
    private final String host;
    private final int port;
    private final int connections;
    private final int rate;
    private final byte[][] requests;
    private volatile boolean running = true;
    volatile long sent;
    volatile long accepted;
    volatile long failed;
    volatile long late;
    volatile long startNanos;
    volatile long endNanos;

    /** A connection's answer in progress. */
    private static final class Conn {
        final ByteBuffer in = ByteBuffer.allocate(16 * 1024);
        ByteBuffer out;
    }

    SheetPoster(String host, int port, int connections, int rate, List<String> bodies, String token) {
        this.host = host;
        this.port = port;
        this.connections = connections;
        this.rate = rate;
        this.requests = new byte[bodies.size()][];
        for (int i = 0; i < bodies.size(); i++) {
            byte[] body = bodies.get(i).getBytes(StandardCharsets.UTF_8);
            byte[] head = ("POST /api/sheets HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nAuthorization: Bearer "
                            + token + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                            + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            byte[] r = new byte[head.length + body.length];
            System.arraycopy(head, 0, r, 0, head.length);
            System.arraycopy(body, 0, r, head.length, body.length);
            requests[i] = r;
        }
    }

    void stop() {
        running = false;
    }

    @Override
    public void run() {
        try (Selector sel = Selector.open()) {
            ArrayDeque<SelectionKey> idle = new ArrayDeque<>();
            for (int i = 0; i < connections; i++) {
                SocketChannel ch = SocketChannel.open(new InetSocketAddress(host, port));
                ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
                ch.configureBlocking(false);
                idle.add(ch.register(sel, 0, new Conn()));
            }
            startNanos = System.nanoTime();
            while (running) {
                long due = Math.min(requests.length, (System.nanoTime() - startNanos) * rate / 1_000_000_000L + 1);
                while (sent < due && !idle.isEmpty()) send(idle.poll(), requests[(int) sent++]);
                late = Math.max(late, due - sent);
                sel.select(1);
                var it = sel.selectedKeys().iterator();
                while (it.hasNext()) {
                    SelectionKey k = it.next();
                    it.remove();
                    try {
                        if (k.isValid() && k.isWritable()) flush(k);
                        if (k.isValid() && k.isReadable() && answered(k)) {
                            k.interestOps(0);
                            idle.add(k);
                        }
                    } catch (IOException e) { // the connection is lost, and its sheet counted as failed
                        failed++;
                        k.cancel();
                        k.channel().close();
                    }
                }
            }
            endNanos = System.nanoTime();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void send(SelectionKey k, byte[] request) throws IOException {
        Conn c = (Conn) k.attachment();
        c.out = ByteBuffer.wrap(request);
        c.in.clear();
        k.interestOps(SelectionKey.OP_READ);
        flush(k);
    }

    private void flush(SelectionKey k) throws IOException {
        Conn c = (Conn) k.attachment();
        ((SocketChannel) k.channel()).write(c.out);
        k.interestOps(c.out.hasRemaining() ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ);
    }

    /** Reads what arrived; true when the whole answer is in (its status counted). */
    private boolean answered(SelectionKey k) throws IOException {
        Conn c = (Conn) k.attachment();
        if (((SocketChannel) k.channel()).read(c.in) < 0) throw new IOException("the server closed a connection");
        byte[] a = c.in.array();
        int n = c.in.position();
        int headEnd = indexOf(a, n, "\r\n\r\n", 0);
        if (headEnd < 0) return false;
        int length = contentLength(a, headEnd);
        boolean complete = length >= 0
                ? n >= headEnd + 4 + length
                : indexOf(a, n, "\r\n0\r\n\r\n", headEnd) >= 0
                        || indexOf(a, n, "0\r\n\r\n", headEnd + 4) == headEnd + 4;
        if (!complete) return false;
        // "HTTP/1.1 201": the status's first digit is byte 9
        if (a[9] == '2') accepted++;
        else failed++;
        return true;
    }

    private static int contentLength(byte[] a, int headEnd) {
        int at = indexOf(a, headEnd, "\r\nContent-Length: ", 0);
        if (at < 0) at = indexOf(a, headEnd, "\r\ncontent-length: ", 0);
        if (at < 0) return -1;
        int v = 0;
        for (int i = at + 18; i < headEnd && a[i] >= '0' && a[i] <= '9'; i++) v = v * 10 + (a[i] - '0');
        return v;
    }

    private static int indexOf(byte[] a, int n, String s, int from) {
        outer:
        for (int i = from; i + s.length() <= n; i++) {
            for (int j = 0; j < s.length(); j++) if (a[i + j] != s.charAt(j)) continue outer;
            return i;
        }
        return -1;
    }
}
