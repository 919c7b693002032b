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

    static String sheet(String station, long a, long b, long c, String extra) {
        return "{\"station\":\"" + station + "\",\"contest\":\"C1\",\"source\":\"authority\",\"counts\":{\"valid\":"
                + (a + b + c) + ",\"null\":0},\"votes\":{\"C1-L1\":" + a + ",\"C1-L2\":" + b + ",\"C1-L3\":" + c + "}"
                + extra + "}";
    }

    static String announcement(String id, String title, String time) {
        return "{\"id\":\"" + id + "\",\"title\":\"" + title + "\",\"time\":\"" + time
                + "\",\"contest\":\"C1\",\"candidates\":{\"C1-K1\":5,\"C1-K2\":3}}";
    }

    static java.net.http.HttpResponse<String> post(String path, String body) throws Exception {
        return server.post(path, body, "Bearer " + server.token);
    }

    /** The answer is a 422 naming {@code rule}, and nothing was written. */
    static void refused(java.net.http.HttpResponse<String> r, long sizeBefore, String rule) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
        assertThat(r.body()).contains("\"rule\":\"" + rule + "\"");
        assertThat(server.in.store().logSize()).isEqualTo(sizeBefore);
    }

    @Test
    void inMaxASheetWithAVoteAboveTheMaximumIsRefused() throws Exception {
        long size = server.in.store().logSize();
        refused(post("/api/sheets", sheet("P10", 10_000_000_001L, 1, 1, "")), size, "IN-MAX");
    }

    @Test
    void inTextAReasonWithARightToLeftOverrideIsRefused() throws Exception {
        var first = post("/api/sheets", sheet("P11", 5, 4, 3, ""));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        long index = Long.parseLong(first.body().replaceAll(".*\"index\":(\\d+).*", "$1"));
        long size = server.in.store().logSize();
        var r = post(
                "/api/sheets",
                sheet("P11", 4, 5, 3, ",\"supersedes\":" + index + ",\"reason\":\"typo\\u202efdp.exe\""));
        refused(r, size, "IN-TEXT");
        assertThat(r.body()).contains("U+202E").doesNotContain("\u202e");
    }

    @Test
    void inTextNulInAnAnnouncementTitleIsRefused() throws Exception {
        long size = server.in.store().logSize();
        refused(post("/api/announcements", announcement("nul", "First\\u0000", "2024-08-02")), size, "IN-TEXT");
    }

    @Test
    void inTimeAnAnnouncementAtNotATimeIsRefused() throws Exception {
        long size = server.in.store().logSize();
        refused(post("/api/announcements", announcement("not-time", "First", "not-a-time")), size, "IN-TIME");
        var ok = post("/api/announcements", announcement("on-time", "First", "2024-07-29T00:06:00-04:00"));
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
    }

    @Test
    void theIdenticalCorrectionSentTwiceIsIdempotent() throws Exception {
        var first = post("/api/sheets", sheet("P12", 5, 4, 3, ""));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        long index = Long.parseLong(first.body().replaceAll(".*\"index\":(\\d+).*", "$1"));
        String correction = sheet("P12", 4, 5, 3, ",\"supersedes\":" + index + ",\"reason\":\"lines swapped\"");
        var once = post("/api/sheets", correction);
        assertThat(once.statusCode()).as(once.body()).isEqualTo(201);
        long size = server.in.store().logSize();
        var twice = post("/api/sheets", correction);
        assertThat(twice.statusCode()).as(twice.body()).isEqualTo(200);
        assertThat(twice.body().replaceAll(".*\"index\":(\\d+).*", "$1"))
                .isEqualTo(once.body().replaceAll(".*\"index\":(\\d+).*", "$1"));
        assertThat(twice.body()).contains("\"idempotent\":true");
        assertThat(server.in.store().logSize()).isEqualTo(size);
        var other = post("/api/sheets", sheet("P12", 3, 5, 4, ",\"supersedes\":" + index + ",\"reason\":\"again\""));
        refused(other, size, "TS-CORRECTION");
    }

    @Test
    void malformedJsonIsExplainedInOurWordsNotTheParsers() throws Exception {
        long size = server.in.store().logSize();
        for (String body : List.of("{\"station\":", "{\"a\":1,\"a\":2}", "{\"a\":tru}", "{\"a\":\"\u0001\"}", "[1,}")) {
            var r = post("/api/sheets", body);
            refused(r, size, "IN-SYNTAX");
            assertThat(r.body())
                    .as(body)
                    .doesNotContain(
                            "Source:", "REDACTED", "jackson", "JsonParser", "end-of-input", "token", "CTRL-CHAR");
        }
        assertThat(post("/api/sheets", "{\"a\":1,\"a\":2}").body()).contains("member 'a' appears twice");
    }

    @Test
    void authSigASignatureThatIsNotBase64IsReportedAsAuthSigNotInField() throws Exception {
        long size = server.in.store().logSize();
        refused(post("/api/sheets", sheet("P13", 5, 4, 3, ",\"signature\":\"***\"")), size, "AUTH-SIG");
        refused(post("/api/sheets", sheet("P13", 5, 4, 3, ",\"signer\":\"admin\"")), size, "AUTH-SIG");
    }
}
