package org.veritally.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.core.entry.KeyEntry;
import org.veritally.formats.generate.SyntheticElection;
import org.veritally.server.Instance;
import org.veritally.server.auth.Role;
import org.veritally.server.http.ApiServer;
import org.veritally.server.http.WriteToken;
import org.veritally.store.Store;
import org.veritally.store.Submissions;
import org.veritally.testkit.Await;
import org.veritally.testkit.EmbeddedPostgresServer;
import org.veritally.translog.NoteSigner;
import org.veritally.translog.VerifierKey;

/**
 * Announcements and key registrations POSTed over real HTTP to the instance that is not the
 * sequencer: they are queued in the database, written by the sequencer (the queue row is answered
 * in the transaction of the append), and answered with what the sequencer answers its own clients
 * (201, 200 idempotent, 422 with the rule ID and location). The follower sees its own write at once.
 */
class FollowerWritesTest {
    @TempDir
    Path root;

    Instance a;
    Instance b;
    ApiServer sequencerApi;
    ApiServer followerApi;
    String admin;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        String db = EmbeddedPostgresServer.freshDatabase();
        a = TwoInstances.open(root, "first", db);
        ClusterNode na = ClusterNode.start(a);
        Await.until("the first instance is the sequencer", na::isSequencer);
        b = TwoInstances.open(root, "second", db);
        ClusterNode nb = ClusterNode.start(b);
        // sources: authority, party-a (witness), observer-1 (observer)
        assertThat(a.define()
                        .define(new SyntheticElection(40, 1, 3, 3, 8).definition(), "test", "fixture")
                        .problems())
                .isEmpty();
        Await.until("the follower has the election", () -> b.state().election().isPresent());
        assertThat(nb.isSequencer()).isFalse();
        sequencerApi = new ApiServer(a, WriteToken.load(root.resolve("first"))).start("127.0.0.1", 0);
        Files.copy(
                root.resolve("first").resolve(WriteToken.FILE),
                root.resolve("second").resolve(WriteToken.FILE));
        followerApi = new ApiServer(b, WriteToken.load(root.resolve("second"))).start("127.0.0.1", 0);
        admin = Files.readString(root.resolve("first").resolve(WriteToken.FILE)).strip();
    }

    @AfterEach
    void stop() {
        followerApi.close();
        sequencerApi.close();
        b.close();
        a.close();
    }

    HttpResponse<String> post(ApiServer api, String path, String token, String body) throws Exception {
        var r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path))
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(r, HttpResponse.BodyHandlers.ofString());
    }

    static String announcement(String id, String candidate, long votes) {
        return "{\"id\":\"" + id
                + "\",\"title\":\"Boletín "
                + "1\",\"time\":\"2024-07-29T00:10:00-04:00\",\"contest\":\"C1\",\"candidates\":{\""
                + candidate + "\":" + votes + "}}";
    }

    long answeredSubmissions() {
        long[] n = {0};
        a.store()
                .query(
                        "SELECT COUNT(*) FROM submission WHERE state = 'done'",
                        List.of(),
                        rs -> n[0] = Store.getLong(rs, 1));
        return n[0];
    }

    @Test
    void metricsTellTheSequencerFromTheFollower() throws Exception {
        for (var c : List.of(new Object[] {sequencerApi, "1"}, new Object[] {followerApi, "0"})) {
            var r = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ((ApiServer) c[0]).port() + "/metrics"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).containsPattern("(?m)^veritally_sequencer " + c[1] + "(\\.0)?$");
        }
    }

    @Test
    void anAnnouncementPostedToTheFollowerIsWrittenByTheSequencer() throws Exception {
        String authority = b.accounts()
                .create("cne", Role.AUTHORITY, "authority", Optional.empty())
                .token();
        var created = post(followerApi, "/api/announcements", authority, announcement("b-1", "C1-K1", 120));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long index = a.store().logSize() - 1;
        assertThat(created.body()).contains("\"index\":" + index, "\"idempotent\":false");
        var row = a.store().readLog(index, 1).get(0);
        assertThat(row.kind()).isEqualTo("announcement");
        assertThat(new String(row.body(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("\"id\":\"b-1\"");
        assertThat(answeredSubmissions()).as("it went through the queue").isEqualTo(1);
        assertThat(new Submissions(a.store()).pending(10)).isEmpty();
        // the follower reads its own write at once
        assertThat(b.state().announcements())
                .anySatisfy(r -> assertThat(r.index()).isEqualTo(index));

        // again: idempotent, the same index, from either instance
        var again = post(followerApi, "/api/announcements", authority, announcement("b-1", "C1-K1", 120));
        var direct = post(sequencerApi, "/api/announcements", authority, announcement("b-1", "C1-K1", 120));
        assertThat(List.of(again.statusCode(), direct.statusCode())).containsExactly(200, 200);
        assertThat(again.body()).isEqualTo(direct.body()).contains("\"index\":" + index, "\"idempotent\":true");
        assertThat(a.store().logSize()).isEqualTo(index + 1);
    }

    @Test
    void anInvalidAnnouncementOnTheFollowerGetsAnCandidateAndAnDupAsOnTheSequencer() throws Exception {
        assertThat(post(followerApi, "/api/announcements", admin, announcement("b-2", "C1-K1", 50))
                        .statusCode())
                .isEqualTo(201);
        long size = a.store().logSize();
        for (String body : List.of(announcement("b-3", "C1-K9", 5), announcement("b-2", "C1-K1", 51))) {
            var follower = post(followerApi, "/api/announcements", admin, body);
            var sequencer = post(sequencerApi, "/api/announcements", admin, body);
            assertThat(follower.statusCode()).isEqualTo(422);
            assertThat(follower.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(follower.body()).as("the same answer as the sequencer's").isEqualTo(sequencer.body());
        }
        assertThat(post(followerApi, "/api/announcements", admin, announcement("b-3", "C1-K9", 5))
                        .body())
                .contains("\"rule\":\"AN-CANDIDATE\"", "\"location\":\"request candidates.C1-K9\"");
        assertThat(post(followerApi, "/api/announcements", admin, announcement("b-2", "C1-K1", 51))
                        .body())
                .contains("\"rule\":\"AN-DUP\"", "\"location\":\"request id\"");
        assertThat(a.store().logSize()).as("a rejection writes nothing").isEqualTo(size);
    }

    @Test
    void aKeyRegisteredThroughTheFollowerIsWrittenByTheSequencerAndTakesEffectEverywhere() throws Exception {
        String witness = b.accounts()
                .create("wit-a", Role.WITNESS, "party-a", Optional.empty())
                .token();
        VerifierKey key = NoteSigner.generate("wit-a", VerifierKey.TYPE_ED25519).verifierKey();
        var r = post(followerApi, "/api/keys", admin, "{\"account\":\"wit-a\",\"key\":\"" + key.encode() + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        long index = a.store().logSize() - 1;
        assertThat(r.body()).contains("\"index\":" + index);
        var row = a.store().readLog(index, 1).get(0);
        assertThat(row.kind()).isEqualTo("key");
        assertThat(a.state().codec().decode(row.body(), "", new java.util.ArrayList<>()))
                .contains(new KeyEntry("wit-a", "party-a", key.encode()));
        assertThat(answeredSubmissions()).as("it went through the queue").isEqualTo(1);
        assertThat(a.accounts().find("wit-a").orElseThrow().publicKey())
                .hasValueSatisfying(k -> assertThat(k.encode()).isEqualTo(key.encode()));
        // from now on the witness's unsigned sheets are refused, on either instance
        String sheet = "{\"station\":\"P1\",\"contest\":\"C1\",\"counts\":{\"valid\":30,\"null\":0},\"votes\":"
                + "{\"C1-L1\":10,\"C1-L2\":10,\"C1-L3\":10}}";
        assertThat(post(followerApi, "/api/sheets", witness, sheet).body()).contains("AUTH-SIG");
        assertThat(post(sequencerApi, "/api/sheets", witness, sheet).body()).contains("AUTH-SIG");
    }

    @Test
    void anInvalidKeyRegistrationGetsKeyAccountOrInField() throws Exception {
        b.accounts().create("obs-1", Role.OBSERVER, "observer-1", Optional.empty());
        String vkey = NoteSigner.generate("obs-1", VerifierKey.TYPE_ED25519)
                .verifierKey()
                .encode();
        long size = a.store().logSize();
        var unknown = post(followerApi, "/api/keys", admin, "{\"account\":\"nobody\",\"key\":\"" + vkey + "\"}");
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(unknown.body()).contains("\"rule\":\"KEY-ACCOUNT\"", "\"location\":\"$.account\"");
        var garbled = post(followerApi, "/api/keys", admin, "{\"account\":\"obs-1\",\"key\":\"obs-1+0000+AA\"}");
        assertThat(garbled.statusCode()).isEqualTo(422);
        assertThat(garbled.body()).contains("\"rule\":\"IN-FIELD\"", "\"location\":\"$.key\"");
        assertThat(post(
                                followerApi,
                                "/api/keys",
                                tokenOf("obs-2", Role.OBSERVER),
                                "{\"account\":\"obs-1\",\"key\":\"" + vkey + "\"}")
                        .statusCode())
                .as("AUTH-ROLE: only administrators register keys")
                .isEqualTo(403);
        // what only the sequencer can judge comes back from it through the queue, with its rule and location
        var other = b.submitEntry(new KeyEntry("obs-1", "authority", vkey), "admin", "request");
        assertThat(other.accepted()).isEmpty();
        assertThat(other.rejected()).singleElement().satisfies(p -> {
            assertThat(p.rule().id()).isEqualTo("KEY-ACCOUNT");
            assertThat(p.location()).isEqualTo("request source");
        });
        assertThat(answeredSubmissions()).isEqualTo(1);
        assertThat(a.store().logSize()).as("a rejection writes nothing").isEqualTo(size);
    }

    String tokenOf(String id, Role role) {
        return b.accounts().create(id, role, "observer-1", Optional.empty()).token();
    }
}
