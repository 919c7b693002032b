package org.veritally.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every security header on a website page, an API answer and a problem answer; HSTS only behind declared TLS. */
class SecurityHeadersTest {
    @TempDir
    Path dir;

    static void assertHardened(HttpResponse<String> r) {
        var h = r.headers();
        assertThat(h.firstValue("Content-Security-Policy"))
                .as("CSP on " + r.uri())
                .hasValue(SecurityHeaders.CSP);
        assertThat(SecurityHeaders.CSP)
                .doesNotContain("http:", "https:", "*")
                .contains("frame-ancestors 'none'", "default-src 'self'");
        assertThat(h.firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(h.firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(h.firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(h.firstValue("Permissions-Policy")).hasValue(SecurityHeaders.PERMISSIONS);
    }

    @Test
    void everyHeaderOnAPageAnApiAnswerAndAProblem() throws Exception {
        try (var s = OpsServer.start(dir, OpsConfig.defaults())) {
            var page = s.get("/en");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
            assertHardened(page);
            var api = s.get("/api/election");
            assertThat(api.statusCode()).isEqualTo(200);
            assertHardened(api);
            var problem = s.get("/api/stations/NOPE");
            assertThat(problem.statusCode()).isEqualTo(404);
            assertHardened(problem);
            var refused = s.post("/api/sheets", "{", "Bearer wrong");
            assertThat(refused.statusCode()).isEqualTo(401);
            assertHardened(refused);
            assertThat(api.headers().firstValue("Strict-Transport-Security"))
                    .as("no HSTS over plain HTTP")
                    .isEmpty();
        }
    }

    @Test
    void hstsOnlyWhenTlsIsDeclared() throws Exception {
        try (var s = OpsServer.start(dir, OpsConfig.defaults().withTls(true))) {
            assertThat(s.get("/en").headers().firstValue("Strict-Transport-Security"))
                    .hasValue(SecurityHeaders.HSTS);
            assertThat(s.get("/api/election").headers().firstValue("Strict-Transport-Security"))
                    .hasValue(SecurityHeaders.HSTS);
        }
    }
}
