package org.veritally.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.formats.generate.SyntheticElection;
import org.veritally.server.Fixtures;
import org.veritally.server.Instance;
import org.veritally.server.live.LiveConfig;
import org.veritally.testkit.Await;

/** {@code GET /api/events} over real HTTP on loopback: checkpoints with the changed units, resume, the cap. */
class EventsHttpTest {
    static final Duration WAIT = Await.DEFAULT;
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    Instance in;
    ApiServer api;
    String base;
    String token;
    final HttpClient http = HttpClient.newHttpClient();
    final List<SseReader> readers = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        in = Fixtures.defined(dir, new SyntheticElection(50, 1, 3, 2, 4).definition());
        in.liveWith(LiveConfig.defaults().withMaxStreams(2).withHeartbeat(Duration.ofMillis(200)));
        api = new ApiServer(in, WriteToken.load(dir)).start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + api.port();
        token = Files.readString(dir.resolve(WriteToken.FILE)).strip();
    }

    @AfterEach
    void stop() throws Exception {
        for (SseReader r : readers) r.close();
        api.close();
        in.close();
    }

    HttpResponse<InputStream> open(String lastEventId) throws Exception {
        var b = HttpRequest.newBuilder(URI.create(base + "/api/events")).header("Accept", "text/event-stream");
        if (lastEventId != null) b.header("Last-Event-ID", lastEventId);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    SseReader stream(String lastEventId) throws Exception {
        var r = open(lastEventId);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("text/event-stream"));
        SseReader s = new SseReader(r.body());
        readers.add(s);
        return s;
    }

    void post(String station) throws Exception {
        String sheet = ApiServerTest.SHEET.replace("\"P3\"", "\"" + station + "\"");
        var r = http.send(
                HttpRequest.newBuilder(URI.create(base + "/api/sheets"))
                        .POST(HttpRequest.BodyPublishers.ofString(sheet))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }

    /** The station's unit and every unit above it, by ID. */
    List<String> unitsAbove(String station) {
        var cat = in.state().catalogue();
        List<String> out = new ArrayList<>();
        for (int u : cat.ancestry(cat.unitOfStation(cat.stationIndex(station))))
            out.add(cat.unit(u).id());
        return out;
    }

    static JsonNode data(SseReader.Event e) throws Exception {
        assertThat(e.event()).isEqualTo("checkpoint");
        JsonNode d = JSON.readTree(e.data());
        assertThat(e.id()).isEqualTo(d.get("size").asText());
        return d;
    }

    static List<String> units(JsonNode d) {
        List<String> out = new ArrayList<>();
        d.get("units").forEach(u -> out.add(u.asText()));
        return out;
    }

    @Test
    void aPostedSheetIsAnnouncedWithTheUnitsItChanged() throws Exception {
        SseReader s = stream(null);
        var first = data(s.next(WAIT));
        assertThat(s.retry).as("a retry hint").isEqualTo(3000);
        assertThat(first.get("size").asLong())
                .as("the latest checkpoint at once")
                .isEqualTo(in.state().logSize());
        assertThat(first.get("allUnits").asBoolean())
                .as("a client that names no event")
                .isTrue();
        post("P3");
        var e = data(s.next(WAIT));
        assertThat(e.get("size").asLong()).isEqualTo(in.state().logSize());
        assertThat(e.get("previous").asLong()).isEqualTo(first.get("size").asLong());
        assertThat(e.get("allUnits").asBoolean()).isFalse();
        assertThat(units(e)).containsExactlyInAnyOrderElementsOf(unitsAbove("P3"));
        assertThat(e.get("root").asText()).isNotEmpty();
        assertThat(e.get("time").asText()).endsWith("Z");
        Await.until("a heartbeat comment", () -> s.comments.get() > 0);
    }

    @Test
    void lastEventIdResumesWithEveryUnitChangedSince() throws Exception {
        SseReader s = stream(null);
        long before = data(s.next(WAIT)).get("size").asLong();
        post("P3");
        data(s.next(WAIT));
        post("P7");
        long now = data(s.next(WAIT)).get("size").asLong();
        s.close();
        readers.remove(s);
        Await.until("the closed stream to give its place back", () -> in.live().streams() == 0);

        SseReader resumed = stream(Long.toString(before));
        var missed = data(resumed.next(WAIT));
        assertThat(missed.get("size").asLong()).isEqualTo(now);
        assertThat(missed.get("previous").asLong()).isEqualTo(before);
        List<String> expected = new ArrayList<>(unitsAbove("P3"));
        unitsAbove("P7").stream().filter(u -> !expected.contains(u)).forEach(expected::add);
        assertThat(units(missed)).containsExactlyInAnyOrderElementsOf(expected);

        SseReader current = stream(Long.toString(now));
        post("P9");
        var next = data(current.next(WAIT));
        assertThat(next.get("previous").asLong())
                .as("nothing missed: the next checkpoint")
                .isEqualTo(now);
        assertThat(units(next)).containsExactlyInAnyOrderElementsOf(unitsAbove("P9"));
    }

    @Test
    void aHeadOpensNoStream() throws Exception {
        var r = http.send(
                HttpRequest.newBuilder(URI.create(base + "/api/events"))
                        .method("HEAD", HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("text/event-stream"));
        assertThat(in.live().streams()).isZero();
    }

    @Test
    void srvStreamsRefusesAStreamPastTheCapWith503AndRetryAfter() throws Exception {
        stream(null);
        stream(null);
        var refused = open(null);
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        try (InputStream body = refused.body()) {
            assertThat(new String(body.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .contains("SRV-STREAMS");
        }
        readers.remove(0).close();
        Await.until("a closed stream to give its place back", () -> in.live().streams() < 2);
        var again = open(null);
        assertThat(again.statusCode()).as("a place again").isEqualTo(200);
        readers.add(new SseReader(again.body()));
    }
}
