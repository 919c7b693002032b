package org.veritally.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.veritally.app.VerifyFixture.run;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code watch} over real HTTP on loopback: a JDK {@link HttpServer} serves, under {@code /log/},
 * one of four real publications of the same log key: A, then B (A plus the witness's sheets), and
 * a fork that imported the same sheets in the other order, at A's size and at B's size.
 */
class VerifyWatchTest {
    @TempDir
    static Path dir;

    static Path key;
    static Path pubA;
    static Path pubB;
    static Path forkSameSize;
    static Path forkLarger;
    static HttpServer http;
    static final AtomicReference<Path> served = new AtomicReference<>();
    static String url;

    @BeforeAll
    static void publishAndServe() throws IOException {
        var g = VerifyFixture.generate(dir, 120, 11);
        Path data = dir.resolve("data");
        VerifyFixture.define(data, g);
        Path forkData = dir.resolve("fork-data");
        VerifyFixture.copyTree(data, forkData); // same key, same election: the operator's second history
        VerifyFixture.importSheets(data, g.authority());
        pubA = VerifyFixture.publish(data, dir.resolve("pubA"));
        VerifyFixture.importSheets(data, g.witness());
        pubB = VerifyFixture.publish(data, dir.resolve("pubB"));
        VerifyFixture.importSheets(forkData, g.witness());
        forkSameSize = VerifyFixture.publish(forkData, dir.resolve("forkA"));
        VerifyFixture.importSheets(forkData, g.authority());
        forkLarger = VerifyFixture.publish(forkData, dir.resolve("forkB"));
        key = VerifyFixture.key(data);
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/log/", ex -> {
            Path file = served.get().resolve(ex.getRequestURI().getPath().substring("/log/".length()));
            byte[] body = Files.isRegularFile(file) ? Files.readAllBytes(file) : "not found".getBytes();
            ex.sendResponseHeaders(Files.isRegularFile(file) ? 200 : 404, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        http.start();
        url = "http://127.0.0.1:" + http.getAddress().getPort() + "/log/";
    }

    @AfterAll
    static void stop() {
        http.stop(0);
    }

    VerifyFixture.Run watch(Path served, Path state) {
        VerifyWatchTest.served.set(served);
        return run("watch", url, "--key", key.toString(), "--once", "--state", state.toString());
    }

    @Test
    void watchFollowsAGrowingLogAndKeepsItsMemory() throws IOException {
        Path state = dir.resolve("grow.state");
        var first = watch(pubA, state);
        assertThat(first.code()).as(first.toString()).isZero();
        assertThat(first.out()).contains("first checkpoint");
        assertThat(Files.readString(state)).isEqualTo(Files.readString(pubA.resolve("checkpoint")));
        var grew = watch(pubB, state);
        assertThat(grew.code()).as(grew.toString()).isZero();
        assertThat(grew.out()).contains("consistent (proof computed from the tiles)");
        var same = watch(pubB, state);
        assertThat(same.out()).contains("unchanged");
        assertThat(Files.readString(state)).isEqualTo(Files.readString(pubB.resolve("checkpoint")));
    }

    @Test
    void watchDetectsARollback() throws IOException {
        Path state = dir.resolve("rollback.state");
        assertThat(watch(pubB, state).code()).isZero();
        var r = watch(pubA, state);
        assertThat(r.code()).as(r.toString()).isEqualTo(1);
        assertThat(r.out())
                .contains(
                        "ALARM WATCH-ROLLBACK",
                        Files.readString(pubA.resolve("checkpoint")),
                        Files.readString(pubB.resolve("checkpoint")));
        assertThat(Files.readString(state))
                .as("the state keeps the last good checkpoint")
                .isEqualTo(Files.readString(pubB.resolve("checkpoint")));
    }

    @Test
    void watchDetectsAForkOfTheSameSize() throws IOException {
        Path state = dir.resolve("fork1.state");
        assertThat(watch(pubA, state).code()).isZero();
        var r = watch(forkSameSize, state);
        assertThat(r.code()).as(r.toString()).isEqualTo(1);
        assertThat(r.out())
                .contains(
                        "ALARM WATCH-FORK",
                        "two different trees of size",
                        Files.readString(pubA.resolve("checkpoint")),
                        Files.readString(forkSameSize.resolve("checkpoint")));
    }

    @Test
    void watchDetectsAForkThatGrew() throws IOException {
        Path state = dir.resolve("fork2.state");
        assertThat(watch(pubA, state).code()).isZero();
        var r = watch(forkLarger, state);
        assertThat(r.code()).as(r.toString()).isEqualTo(1);
        assertThat(r.out())
                .contains(
                        "ALARM WATCH-FORK",
                        "does not extend",
                        "LOG-CON-2",
                        Files.readString(forkLarger.resolve("checkpoint")));
    }

    @Test
    void watchOfAnUnreachableLogIsAnIoError() {
        var r = run(
                "watch",
                "http://127.0.0.1:1/",
                "--key",
                key.toString(),
                "--once",
                "--state",
                dir.resolve("x.state").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("error: I/O").doesNotContain("\tat ");
    }
}
