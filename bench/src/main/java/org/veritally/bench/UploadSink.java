package org.veritally.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The baseline bench/upload-load.sh sets beside {@code POST /api/evidence}: what a user would otherwise
 * run to collect photos, a minimal JDK {@code HttpServer} that answers any POST with 201 once it has
 *
 * <ul>
 *   <li>{@code read}: read the whole body (into memory, as the evidence endpoint does), and nothing else;
 *   <li>{@code store}: read it and keep it durably, as the evidence store does for each blob: a temporary
 *       file, {@code fsync}, atomic rename to its final name, {@code fsync} of the directory.
 * </ul>
 *
 * No examination, no hash, no log. Usage: {@code java -cp bench/target/benchmarks.jar
 * org.veritally.bench.UploadSink PORT MODE DIR} (64 handler threads).
 */
public final class UploadSink {
    private UploadSink() {}

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        boolean store = args[1].equals("store");
        Path dir = Path.of(args[2]);
        Files.createDirectories(dir);
        AtomicLong counter = new AtomicLong();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 256);
        server.setExecutor(Executors.newFixedThreadPool(64));
        server.createContext("/", ex -> {
            try (ex) {
                byte[] body;
                try (InputStream in = ex.getRequestBody()) {
                    body = in.readAllBytes();
                }
                String name = "upload-" + counter.incrementAndGet() + ".jpg";
                if (store) keep(dir, name, body);
                answer(ex, 201, "{\"name\":\"" + name + "\",\"size\":" + body.length + "}");
            } catch (IOException e) {
                answer(ex, 500, "{}");
            }
        });
        server.start();
        System.out.println("upload sink (" + args[1] + ") on 127.0.0.1:" + port);
    }

    private static void keep(Path dir, String name, byte[] body) throws IOException {
        Path tmp = dir.resolve("." + name + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.wrap(body);
            while (b.hasRemaining()) ch.write(b);
            ch.force(true);
        }
        Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        }
    }

    private static void answer(HttpExchange ex, int status, String json) throws IOException {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }
}
