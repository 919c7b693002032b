package org.veritally.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.core.model.TallySheet;
import org.veritally.formats.generate.SyntheticElection;
import org.veritally.server.Fixtures;
import org.veritally.server.Instance;
import org.veritally.server.cluster.ClusterNode;
import org.veritally.store.CheckpointQueries;
import org.veritally.testkit.Await;
import org.veritally.testkit.EmbeddedPostgresServer;

/**
 * Issue 18 on PostgreSQL: an {@code /api/events} stream open on a follower (an instance without the sequencer's
 * lock) announces the checkpoint the sequencer signed for a sheet posted to it, once the follower has caught up,
 * with the units the sheet changed; the follower's figures are then those of that checkpoint.
 */
class FollowerEventsHttpTest {
    @TempDir
    Path root;

    @Test
    void aStreamOnAFollowerAnnouncesTheSequencersCheckpointWithTheChangedUnits() throws Exception {
        String db = EmbeddedPostgresServer.freshDatabase();
        var g = new SyntheticElection(30, 1, 3, 2, 4);
        var d = g.definition();
        List<TallySheet> sheets = Fixtures.sheets(g, d);
        try (Instance seq = open("first", db)) {
            ClusterNode ns = ClusterNode.start(seq);
            Await.until("the first instance is the sequencer", ns::isSequencer);
            assertThat(seq.define().define(d, "test", "fixture").problems()).isEmpty();
            try (Instance fol = open("second", db)) {
                ClusterNode nf = ClusterNode.start(fol);
                Await.until(
                        "the follower has the election",
                        () -> fol.state().election().isPresent());
                assertThat(nf.isSequencer()).isFalse();
                try (ApiServer api =
                        new ApiServer(fol, WriteToken.load(root.resolve("second"))).start("127.0.0.1", 0)) {
                    var res = HttpClient.newHttpClient()
                            .send(
                                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + "/api/events"))
                                            .header("Accept", "text/event-stream")
                                            .build(),
                                    HttpResponse.BodyHandlers.ofInputStream());
                    assertThat(res.statusCode()).isEqualTo(200);
                    try (SseReader s = new SseReader(res.body())) {
                        long before = EventsHttpTest.data(s.next(EventsHttpTest.WAIT))
                                .get("size")
                                .asLong();
                        assertThat(before).isEqualTo(fol.state().logSize());

                        TallySheet sheet = sheets.get(0);
                        var o = seq.groupCommit().submit(sheet, "w").get(10, TimeUnit.SECONDS);
                        assertThat(o.rejected()).isEmpty();

                        JsonNode e = EventsHttpTest.data(s.next(EventsHttpTest.WAIT));
                        var signed = new CheckpointQueries(seq.store()).latest().orElseThrow();
                        assertThat(e.get("size").asLong())
                                .as("the checkpoint the sequencer signed")
                                .isEqualTo(o.logSize())
                                .isEqualTo(signed.treeSize());
                        assertThat(e.get("previous").asLong()).isEqualTo(before);
                        assertThat(e.get("root").asText())
                                .isEqualTo(signed.note().split("\n")[2]);
                        assertThat(Base64.getDecoder().decode(e.get("root").asText()))
                                .isEqualTo(fol.state().range().root(org.veritally.translog.LogHasher.create()));
                        assertThat(e.get("allUnits").asBoolean()).isFalse();
                        assertThat(EventsHttpTest.units(e))
                                .containsExactlyInAnyOrderElementsOf(unitsAbove(fol, sheet.stationId()));
                        assertThat(fol.state().logSize())
                                .as("told once its own state holds the checkpoint")
                                .isGreaterThanOrEqualTo(o.logSize());
                    }
                }
            }
        }
    }

    /** The station's unit and every unit above it, by ID. */
    static List<String> unitsAbove(Instance in, String station) {
        var cat = in.state().catalogue();
        List<String> out = new ArrayList<>();
        for (int u : cat.ancestry(cat.unitOfStation(cat.stationIndex(station))))
            out.add(cat.unit(u).id());
        return out;
    }

    /** An instance on {@code db} with a data directory of its own holding the first instance's log key. */
    Instance open(String name, String db) {
        Path dir = root.resolve(name);
        Path keys = root.resolve("first").resolve("keys");
        try {
            if (Files.isDirectory(keys) && !name.equals("first")) {
                Files.createDirectories(dir.resolve("keys"));
                try (var files = Files.list(keys)) {
                    for (Path f : files.toList())
                        Files.copy(
                                f, dir.resolve("keys").resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Instance.open(dir, Optional.of(db));
    }
}
