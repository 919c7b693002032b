package org.veritally.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.veritally.translog.NoteSigner;
import org.veritally.translog.VerifierKey;
import org.veritally.verify.io.HttpLog;
import org.veritally.verify.io.Logs;

/** The HTTP adapter on real loopback HTTP (the JDK server): discovery, 404 as absent, errors, cosignature intake. */
class HttpLogTest {
    static final NoteSigner LOG = NoteSigner.generate("example.org/log", VerifierKey.TYPE_ED25519);
    final MemoryLog log = MemoryLog.publish(MemoryLog.election(40, 1, 3), LOG);
    final AtomicReference<String> posted = new AtomicReference<>();
    HttpServer http;
    String root;

    @BeforeEach
    void start() throws Exception {
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/", ex -> {
            String path = ex.getRequestURI().getPath();
            byte[] body = null;
            int status = 404;
            if (path.equals("/log/cosignature") && ex.getRequestMethod().equals("POST")) {
                posted.set(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                status = 204;
            } else if (path.equals("/log/boom")) {
                status = 500;
            } else if (path.startsWith("/log/") && log.files.containsKey(path.substring(5))) {
                body = log.files.get(path.substring(5));
                status = 200;
            }
            ex.sendResponseHeaders(status, body == null ? -1 : body.length);
            if (body != null) {
                ex.getResponseBody().write(body);
            }
            ex.close();
        });
        http.start();
        root = "http://127.0.0.1:" + http.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        http.stop(0);
    }

    @Test
    void serverAddressIsResolvedToItsLogAndVerifies() {
        PublishedLog p = Logs.open(root);
        assertThat(p.location()).isEqualTo(root + "/log");
        assertThat(p.read("tile/entries/000.p/" + log.size)).isPresent();
        assertThat(p.read("results/nope.json")).isEmpty();
        assertThat(p.list("results")).isEmpty();
        Report r = new Verifier(LOG.verifierKey(), List.of(), 0).verify(p);
        assertThat(r.verified()).as(ReportFormat.text(r)).isTrue();
        assertThat(Logs.open(root + "/log/").location()).isEqualTo(root + "/log");
    }

    @Test
    void serverErrorsAndUnreachableHostsAreUnavailableNotAbsent() {
        HttpLog p = new HttpLog(URI.create(root + "/log/"));
        assertThatThrownBy(() -> p.read("boom"))
                .isInstanceOf(LogUnavailableException.class)
                .hasMessageContaining("HTTP 500");
        assertThatThrownBy(() -> new HttpLog(URI.create("http://127.0.0.1:1/")).read("checkpoint"))
                .isInstanceOf(LogUnavailableException.class)
                .hasMessageContaining("cannot reach");
    }

    @Test
    void cosignaturesArePostedToTheLog() {
        HttpLog p = HttpLog.discover(URI.create(root));
        p.submit("note\n");
        assertThat(posted.get()).isEqualTo("note\n");
        HttpLog wrong = new HttpLog(URI.create(root + "/elsewhere/"));
        assertThatThrownBy(() -> wrong.submit("note\n"))
                .isInstanceOf(LogUnavailableException.class)
                .hasMessageContaining("HTTP 404");
    }
}
