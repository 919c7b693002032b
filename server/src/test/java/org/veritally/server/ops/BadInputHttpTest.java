package org.veritally.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.server.log.LogRoutes;
import org.veritally.server.log.Witnesses;
import org.veritally.testkit.Await;

/**
 * Bad input over real HTTP on loopback, written byte by byte on a raw socket where a client library
 * would refuse to send it: a body cut off mid-way is a 400 SRV-BODY logged as one line, never a 500
 * with a stack trace; the answers Jetty gives itself (400, 414, 431, 505) carry the security headers.
 */
class BadInputHttpTest {
    @TempDir
    static Path dir;

    static OpsServer server;

    @BeforeAll
    static void start() throws Exception {
        server = OpsServer.start(
                dir,
                OpsConfig.defaults().withRateLimits(RateLimit.OFF, RateLimit.OFF, RateLimit.OFF),
                in -> List.of(new LogRoutes(in.store(), in.keys(), Witnesses.load(dir))));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** The whole answer to {@code request}, sent as is; the socket's output is shut after it. */
    static String raw(String request) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", server.api.port()), 5000);
            s.setSoTimeout(20_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            s.shutdownOutput();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    static int status(String answer) {
        assertThat(answer).as("an HTTP answer").startsWith("HTTP/1.1 ");
        return Integer.parseInt(answer.substring(9, 12));
    }

    static void hasSecurityHeaders(String answer) {
        String head =
                answer.substring(0, Math.max(0, answer.indexOf("\r\n\r\n"))).toLowerCase();
        assertThat(head)
                .as(answer)
                .contains(
                        "content-security-policy: " + SecurityHeaders.CSP.toLowerCase(),
                        "x-content-type-options: nosniff",
                        "referrer-policy: no-referrer",
                        "x-frame-options: deny",
                        "permissions-policy: ");
    }

    /** What the server prints while {@code action} runs, until {@code until} shows in it. */
    static String logOf(ThrowingRunnable action, String until) throws Exception {
        var captured = new ByteArrayOutputStream();
        PrintStream err = System.err;
        try (var tee = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            System.setErr(tee);
            action.run();
            try {
                Await.until(
                        "the request log line",
                        java.time.Duration.ofSeconds(10),
                        () -> captured.toString(StandardCharsets.UTF_8).contains(until));
            } catch (AssertionError e) {
                err.println("no line with " + until);
            }
        } finally {
            System.setErr(err);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        err.print(log);
        return log;
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    static String cutOff(String path, String auth) {
        return "POST " + path + " HTTP/1.1\r\nHost: localhost\r\n" + auth
                + "Content-Type: application/json\r\nContent-Length: 5000\r\n\r\n{\"station\":\"P3\",\"con";
    }

    @Test
    void srvBodyASheetCutOffMidwayIsA400LoggedAsOneLine() throws Exception {
        String[] answer = new String[1];
        String log = logOf(
                () -> answer[0] = raw(cutOff("/api/sheets", "Authorization: Bearer " + server.token + "\r\n")),
                "\"route\":\"/api/sheets\",\"status\":400");
        assertThat(status(answer[0])).as(answer[0] + log).isEqualTo(400);
        assertThat(answer[0]).contains("SRV-BODY").doesNotContain("Exception");
        assertThat(log).doesNotContain("\tat ", "Exception", "ERROR");
        assertThat(server.in.store().logSize()).isEqualTo(server.in.state().logSize());
    }

    @Test
    void srvBodyACosignatureCutOffMidwayWithoutATokenIsA400LoggedAsOneLine() throws Exception {
        String[] answer = new String[1];
        String log = logOf(
                () -> answer[0] = raw(cutOff("/log/cosignature", "")), "\"route\":\"/log/cosignature\",\"status\":400");
        assertThat(status(answer[0])).isEqualTo(400);
        assertThat(log).doesNotContain("\tat ", "Exception", "ERROR");
    }

    @Test
    void jettysOwn400ForAMalformedRequestLineCarriesTheSecurityHeaders() throws Exception {
        String a = raw("GARBAGE\r\n\r\n");
        assertThat(status(a)).isEqualTo(400);
        hasSecurityHeaders(a);
    }

    @Test
    void jettysOwn414ForAnOverlongUriCarriesTheSecurityHeaders() throws Exception {
        String a = raw("GET /api/election?" + "a".repeat(100_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
        assertThat(status(a)).isEqualTo(414);
        hasSecurityHeaders(a);
    }

    @Test
    void jettysOwn431ForOverlongHeadersCarriesTheSecurityHeaders() throws Exception {
        String a = raw("GET /api/election HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "b".repeat(100_000) + "\r\n\r\n");
        assertThat(status(a)).isEqualTo(431);
        hasSecurityHeaders(a);
    }

    @Test
    void jettysOwn505ForAnUnknownHttpVersionCarriesTheSecurityHeaders() throws Exception {
        String a = raw("GET /api/election HTTP/7.1\r\nHost: localhost\r\n\r\n");
        assertThat(a).startsWith("HTTP/1.1 505");
        hasSecurityHeaders(a);
    }
}
