package org.veritally.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.core.entry.KeyEntry;
import org.veritally.core.model.Election;
import org.veritally.formats.Definition;
import org.veritally.formats.entry.KeyJson;
import org.veritally.formats.generate.SyntheticElection;
import org.veritally.formats.replay.LogReplay;
import org.veritally.server.Fixtures;
import org.veritally.server.Instance;
import org.veritally.server.http.ApiServer;
import org.veritally.server.http.WriteToken;
import org.veritally.translog.NoteSigner;
import org.veritally.translog.VerifierKey;

/**
 * Finding 1 of issue 16, over real HTTP: the operator (the bootstrap administrator) can no longer
 * swap a witness's key, sign sheets in its name, or post unsigned sheets for its source; a lost key is
 * revoked in public and a new unendorsed key waits out the cooling-off period. Keys from fixed seeds.
 */
class KeySwapTest {
    static final NoteSigner WITNESS = signer("wsig", 11);
    static final NoteSigner OPERATOR = signer("wsig", 12);
    static final NoteSigner NEXT = signer("wsig", 13);

    @TempDir
    Path dir;

    Instance in;
    ApiServer api;
    String admin;
    String witness;
    int station;
    final HttpClient http = HttpClient.newHttpClient();

    static NoteSigner signer(String name, int seed) {
        byte[] s = new byte[32];
        java.util.Arrays.fill(s, (byte) seed);
        return NoteSigner.of(name, VerifierKey.TYPE_ED25519, s);
    }

    /** A served election (authority, party-a, observer-1) whose cooling-off period is {@code hours}; wsig keyed. */
    void start(long hours) throws Exception {
        Definition g = new SyntheticElection(200, 1, 3, 3, 8).definition();
        Election e = g.election();
        Election el = new Election(e.id(), e.name(), e.rootUnitId(), e.levels(), e.contests(), 0, e.consensus(), hours);
        in = Fixtures.defined(dir, new Definition(el, g.units(), g.stations(), g.sources()));
        api = new ApiServer(in, WriteToken.load(dir)).start("127.0.0.1", 0);
        admin = Files.readString(dir.resolve(WriteToken.FILE)).strip();
        witness = in.accounts()
                .create("wsig", Role.WITNESS, "party-a", Optional.empty())
                .token();
        in.keyRegistry().register(in.accounts(), "wsig", WITNESS.verifierKey());
    }

    @AfterEach
    void stop() {
        if (api != null) api.close();
        if (in != null) in.close();
    }

    HttpResponse<String> post(String path, String token, String body) throws Exception {
        var b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Authorization", "Bearer " + token);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    String sheet() {
        String st = "P" + station++;
        return "{\"station\":\"" + st + "\",\"contest\":\"C1\",\"source\":\"party-a\","
                + "\"counts\":{\"valid\":30,\"null\":0},\"votes\":{\"C1-L1\":10,\"C1-L2\":10,\"C1-L3\":10}}";
    }

    static String keyBody(NoteSigner k) {
        return "{\"account\":\"wsig\",\"key\":\"" + k.verifierKey().encode() + "\"}";
    }

    @Test
    void keyRotateWhenTheOperatorRegistersItsOwnKeyForAWitness() throws Exception {
        start(24);
        var swap = post("/api/keys", admin, keyBody(OPERATOR));
        assertThat(swap.statusCode()).as(swap.body()).isEqualTo(422);
        assertThat(swap.body()).contains("KEY-ROTATE", "wsig");
        // with a new token the operator signs as wsig: its key is not wsig's, so AUTH-SIG
        String token = in.accounts().rotate("wsig");
        var forged = post("/api/sheets", token, AuthorizationMatrixTest.signed(sheet(), OPERATOR));
        assertThat(forged.statusCode()).isEqualTo(422);
        assertThat(forged.body()).contains("AUTH-SIG", "does not verify");
        var real = post("/api/sheets", token, AuthorizationMatrixTest.signed(sheet(), WITNESS));
        assertThat(real.statusCode()).as(real.body()).isEqualTo(201);
        verifies();
    }

    @Test
    void keyRotateWhenTheOperatorAddsASecondAccountToTheSigningSource() throws Exception {
        start(24);
        in.accounts().create("wsig-2", Role.WITNESS, "party-a", Optional.empty());
        var r = post(
                "/api/keys",
                admin,
                "{\"account\":\"wsig-2\",\"key\":\"" + OPERATOR.verifierKey().encode() + "\"}");
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body()).contains("KEY-ROTATE");
    }

    @Test
    void authSigForAnUnsignedSheetOfASigningSourceFromTheAdministrator() throws Exception {
        start(24);
        var r = post("/api/sheets", admin, sheet());
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body()).contains("AUTH-SIG", "unsigned");
    }

    @Test
    void anEndorsedRotationIsAcceptedAndTheOldKeyThenSignsNothing() throws Exception {
        start(24);
        KeyEntry next = new KeyEntry("wsig", "party-a", NEXT.verifierKey().encode());
        String endorsement = Base64.getEncoder().encodeToString(WITNESS.signBytes(KeyJson.signedMessage(next, "wsig")));
        String body = "{\"account\":\"wsig\",\"key\":\"" + NEXT.verifierKey().encode()
                + "\",\"endorser\":\"wsig\",\"endorsement\":\"" + endorsement + "\"}";
        var r = post("/api/keys", admin, body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(post("/api/keys", admin, body).statusCode())
                .as("the live key again")
                .isEqualTo(200);
        assertThat(post("/api/sheets", witness, AuthorizationMatrixTest.signed(sheet(), WITNESS))
                        .statusCode())
                .isEqualTo(422);
        assertThat(post("/api/sheets", witness, AuthorizationMatrixTest.signed(sheet(), NEXT))
                        .statusCode())
                .isEqualTo(201);
        verifies();
    }

    @Test
    void keyCoolForAnUnendorsedKeyAfterARevocationWithinTheCoolingOffPeriod() throws Exception {
        start(24);
        var revoked = post("/api/keys/revoke", admin, "{\"account\":\"wsig\",\"reason\":\"phone lost\"}");
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(201);
        var r = post("/api/keys", admin, keyBody(NEXT));
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body()).contains("KEY-COOL", "24 h");
        // revoked: the witness's key signs nothing, and the source still signs (unsigned is refused)
        assertThat(post("/api/sheets", witness, AuthorizationMatrixTest.signed(sheet(), WITNESS))
                        .body())
                .contains("AUTH-SIG", "revoked");
        assertThat(post("/api/sheets", admin, sheet()).body()).contains("AUTH-SIG", "unsigned");
        // the revocation is public, and survives a restart
        List<String> kinds = new java.util.ArrayList<>();
        in.store()
                .query(
                        "SELECT kind FROM log_entry ORDER BY idx",
                        List.of(),
                        rs -> kinds.add(org.veritally.store.Store.getString(rs, 1)));
        assertThat(kinds).containsSubsequence("key", "revocation");
        // the source's key page shows it, and from when an unendorsed key would count
        var page = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + "/api/sources/party-a/keys"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains(
                        "\"kind\":\"revocation\"",
                        "\"reason\":\"phone lost\"",
                        "\"liveAccounts\":[]",
                        "\"unendorsedKeyFrom\"",
                        "\"signs\":true");
        api.close();
        api = null;
        in.close();
        in = Instance.open(dir);
        assertThat(in.state().keys().revoked("wsig")).isPresent();
        assertThat(in.state().keys().live("wsig")).isEmpty();
        assertThat(in.state().signs("party-a")).isTrue();
        verifies();
    }

    @Test
    void aNewKeyCountsAtOnceWhenTheElectionSetsNoCoolingOff() throws Exception {
        start(0);
        assertThat(post("/api/keys/revoke", admin, "{\"account\":\"wsig\",\"reason\":\"lost\"}")
                        .statusCode())
                .isEqualTo(201);
        var r = post("/api/keys", admin, keyBody(NEXT));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(post("/api/sheets", witness, AuthorizationMatrixTest.signed(sheet(), NEXT))
                        .statusCode())
                .isEqualTo(201);
        verifies();
    }

    @Test
    void keyRevokeForAnAccountWithoutAKey() throws Exception {
        start(24);
        in.accounts().create("nokey", Role.WITNESS, "party-a", Optional.empty());
        var r = post("/api/keys/revoke", admin, "{\"account\":\"nokey\",\"reason\":\"x\"}");
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body()).contains("KEY-REVOKE");
        assertThat(post("/api/keys/revoke", witness, "{\"account\":\"wsig\",\"reason\":\"x\"}")
                        .statusCode())
                .as("administrators only")
                .isEqualTo(403);
    }

    /** The log as written replays without a finding (what verify checks entry by entry). */
    void verifies() {
        LogReplay replay = new LogReplay();
        for (var row : in.store().readLog(0, 100_000))
            assertThat(replay.accept(row.body())).as("entry " + row.idx()).isEmpty();
    }
}
