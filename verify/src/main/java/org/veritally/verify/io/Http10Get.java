package org.veritally.verify.io;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One GET on a connection of its own, in HTTP/1.0 with {@code Connection: close} (RFC 1945 §5,
 * RFC 9112 §9.6): the fallback of {@link HttpLog} for servers that close a connection after each
 * answer without saying so, which the JDK client would otherwise reuse. The body is delimited by
 * {@code Content-Length} or by the end of the connection (RFC 1945 §7.2.2); a server may not send a
 * chunked body to an HTTP/1.0 request. Follows up to five redirects on {@code http:} only: plain HTTP is where
 * such servers are ({@code python3 -m http.server}); over TLS the JDK client's connection handling is kept, so
 * the verifier needs nothing beyond {@code java.*} ({@code VerifyDependenciesTest}). Stateless.
 */
final class Http10Get {

    /** An answer: its status, its header fields (names in lower case, the first of each) and its body. */
    record Answer(int status, Map<String, String> headers, byte[] body) {
        Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name));
        }
    }

    private static final int MAX_HEADER_BYTES = 64 * 1024;

    private Http10Get() {}

    static Answer get(URI uri, Duration timeout) throws IOException {
        URI at = uri;
        for (int hop = 0; hop <= 5; hop++) {
            Answer a = once(at, timeout);
            Optional<String> to = a.header("location");
            if (a.status() / 100 != 3 || to.isEmpty()) {
                return a;
            }
            URI next = at.resolve(to.get());
            if (!"http".equalsIgnoreCase(next.getScheme())) {
                return a; // HttpLog reports the redirect it cannot follow here
            }
            at = next;
        }
        throw new IOException("more than five redirects from " + uri);
    }

    private static Answer once(URI uri, Duration timeout) throws IOException {
        if (!"http".equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException("HTTP/1.0 fallback for http: only, not " + uri);
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : 80;
        int ms = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(uri.getHost(), port), ms);
            s.setSoTimeout(ms);
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            if (uri.getRawQuery() != null) {
                path += "?" + uri.getRawQuery();
            }
            String host = uri.getPort() >= 0 ? uri.getHost() + ":" + uri.getPort() : uri.getHost();
            OutputStream out = s.getOutputStream();
            out.write(("GET " + path + " HTTP/1.0\r\nHost: " + host + "\r\nConnection: close\r\n"
                            + "User-Agent: veritally-verify\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return read(new BufferedInputStream(s.getInputStream()), uri);
        }
    }

    private static Answer read(InputStream in, URI uri) throws IOException {
        String status = line(in);
        String[] parts = status.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("not an HTTP status line from " + uri + ": " + status);
        }
        int code;
        try {
            code = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IOException("bad HTTP status from " + uri + ": " + status, e);
        }
        Map<String, String> headers = new HashMap<>();
        for (String h = line(in); !h.isEmpty(); h = line(in)) {
            int colon = h.indexOf(':');
            if (colon > 0) {
                headers.putIfAbsent(
                        h.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        h.substring(colon + 1).strip());
            }
        }
        if (headers.getOrDefault("transfer-encoding", "")
                .toLowerCase(Locale.ROOT)
                .contains("chunked")) {
            throw new IOException(uri + " answered an HTTP/1.0 request with a chunked body");
        }
        String length = headers.get("content-length");
        byte[] body;
        if (length != null) {
            int n;
            try {
                n = Integer.parseInt(length);
            } catch (NumberFormatException e) {
                throw new IOException("bad Content-Length from " + uri + ": " + length, e);
            }
            body = in.readNBytes(n);
            if (body.length != n) {
                throw new IOException(uri + " closed the connection after " + body.length + " of " + n + " bytes");
            }
        } else {
            body = in.readAllBytes();
        }
        return new Answer(code, Map.copyOf(headers), body);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(64);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("the server closed the connection in the middle of the header");
            }
            if (b.size() >= MAX_HEADER_BYTES) {
                throw new IOException("header line longer than " + MAX_HEADER_BYTES + " bytes");
            }
            if (c != '\r') {
                b.write(c);
            }
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }
}
