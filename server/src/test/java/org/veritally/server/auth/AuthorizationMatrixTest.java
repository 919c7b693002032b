package org.veritally.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.formats.canonical.CanonicalJson;
import org.veritally.formats.canonical.JsonTree;
import org.veritally.formats.generate.SyntheticElection;
import org.veritally.formats.replay.LogReplay;
import org.veritally.server.Fixtures;
import org.veritally.server.Instance;
import org.veritally.server.http.ApiServer;
import org.veritally.server.http.WriteToken;
import org.veritally.translog.NoteSigner;
import org.veritally.translog.VerifierKey;

/**
 * Every role against every write endpoint, cell by cell (a matrix, not a sample), over real HTTP;
 * then signed submissions: unsigned, forged and valid, and the signature kept in the log.
 */
class AuthorizationMatrixTest {
    @TempDir
    Path dir;

    Instance in;
    ApiServer api;
    final HttpClient http = HttpClient.newHttpClient();
    final Map<String, String> tokens = new LinkedHashMap<>();
    int station = 0;

    @BeforeEach
    void start() throws Exception {
        // sources of the generated election: authority, party-a (witness), observer-1 (observer)
        in = Fixtures.defined(dir, new SyntheticElection(200, 1, 3, 3, 8).definition());
        api = new ApiServer(in, WriteToken.load(dir)).start("127.0.0.1", 0);
        tokens.put("admin", Files.readString(dir.resolve(WriteToken.FILE)).strip());
        tokens.put(
                "authority",
                in.accounts()
                        .create("cne", Role.AUTHORITY, "authority", Optional.empty())
                        .token());
        tokens.put(
                "witness",
                in.accounts()
                        .create("wit-a", Role.WITNESS, "party-a", Optional.empty())
                        .token());
        tokens.put(
                "observer",
                in.accounts()
                        .create("obs-1", Role.OBSERVER, "observer-1", Optional.empty())
                        .token());
        tokens.put(
                "revoked",
                in.accounts()
                        .create("gone", Role.WITNESS, "party-a", Optional.empty())
                        .token());
        in.accounts().revoke("gone");
        // a witness bound to the authority's source where the kind was not known (AUTH-KIND at every submission)
        tokens.put(
                "misbound",
                new Accounts(in.store())
                        .create("misbound", Role.WITNESS, "authority", Optional.empty())
                        .token());
        tokens.put("public", "");
        tokens.put("forged-token", "not-a-token");
    }

    @AfterEach
    void stop() {
        api.close();
        in.close();
    }

    int post(String path, String token, String body) throws Exception {
        return send(path, token, body).statusCode();
    }

    HttpResponse<String> send(String path, String token, String body) throws Exception {
        var b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (!token.isEmpty()) b.header("Authorization", "Bearer " + token);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    String sheet(String source) {
        String st = "P" + station++;
        return "{\"station\":\"" + st + "\",\"contest\":\"C1\",\"source\":\"" + source
                + "\",\"counts\":{\"valid\":30,\"null\":0}," + "\"votes\":{\"C1-L1\":10,\"C1-L2\":10,\"C1-L3\":10}}";
    }

    static final Map<String, String> OWN = Map.of(
            "admin",
            "party-a",
            "authority",
            "authority",
            "witness",
            "party-a",
            "observer",
            "observer-1",
            "revoked",
            "party-a",
            "misbound",
            "authority",
            "public",
            "party-a",
            "forged-token",
            "party-a");
    static final Map<String, String> OTHER = Map.of(
            "admin",
            "observer-1",
            "authority",
            "party-a",
            "witness",
            "authority",
            "observer",
            "party-a",
            "revoked",
            "authority",
            "misbound",
            "party-a",
            "public",
            "authority",
            "forged-token",
            "authority");

    @Test
    void roleByEndpointMatrix() throws Exception {
        // expected status: sheet as own source, sheet as another source, announcement, key registration, key
        // revocation, public read
        Map<String, int[]> expected = new LinkedHashMap<>();
        expected.put("admin", new int[] {201, 201, 201, 201, 201, 200});
        expected.put("authority", new int[] {201, 422, 201, 403, 403, 200});
        expected.put("witness", new int[] {201, 422, 403, 403, 403, 200});
        // the admin's row registers a key for "keyed", an account of observer-1, then revokes it: from then on
        // observer-1 signs its sheets, so the observer's unsigned sheet is refused (AUTH-SIG, checked below)
        expected.put("observer", new int[] {422, 422, 403, 403, 403, 200});
        // AUTH-KIND: a witness account bound to the authority's source submits nothing
        expected.put("misbound", new int[] {403, 403, 403, 403, 403, 200});
        expected.put("revoked", new int[] {401, 401, 401, 401, 401, 200});
        expected.put("public", new int[] {401, 401, 401, 401, 401, 200});
        expected.put("forged-token", new int[] {401, 401, 401, 401, 401, 200});
        in.accounts().create("keyed", Role.OBSERVER, "observer-1", Optional.empty());
        String key = "{\"account\":\"keyed\",\"key\":\""
                + NoteSigner.generate("keyed", VerifierKey.TYPE_ED25519)
                        .verifierKey()
                        .encode() + "\"}";
        for (var e : expected.entrySet()) {
            String role = e.getKey();
            String t = tokens.get(role);
            String ann = "{\"id\":\"a-" + role
                    + "\",\"title\":\"t\",\"time\":\"2024-07-29T00:06:00-04:00\","
                    + "\"contest\":\"C1\",\"candidates\":{\"C1-K1\":1}}";
            int read = http.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + "/api/results"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .statusCode();
            int[] got = {
                post("/api/sheets", t, sheet(OWN.get(role))),
                post("/api/sheets", t, sheet(OTHER.get(role))),
                post("/api/announcements", t, ann),
                post("/api/keys", t, key),
                post("/api/keys/revoke", t, "{\"account\":\"keyed\",\"reason\":\"lost\"}"),
                read
            };
            assertThat(got)
                    .as("role " + role + ": own sheet, other source's sheet, announcement, key, revocation, read")
                    .containsExactly(e.getValue());
        }
        var unsigned = send("/api/sheets", tokens.get("observer"), sheet("observer-1"));
        assertThat(unsigned.body()).contains("AUTH-SIG", "observer-1", "unsigned");
        assertThat(send("/api/sheets", tokens.get("misbound"), sheet("authority"))
                        .body())
                .contains("AUTH-KIND");
        // every accepted write is logged with its account
        List<String> accounts = new java.util.ArrayList<>();
        in.store()
                .query(
                        "SELECT DISTINCT account FROM log_entry WHERE kind IN ('sheet', 'announcement') "
                                + "ORDER BY account",
                        List.of(),
                        rs -> accounts.add(org.veritally.store.Store.getString(rs, 1)));
        assertThat(accounts).containsExactly("admin", "cne", "wit-a");
    }

    @Test
    void auditRolesByEndpointMatrix() throws Exception {
        tokens.put(
                "auditor",
                in.accounts()
                        .create("board-1", Role.AUDITOR, "rla-admin", Optional.empty())
                        .token());
        String seed = "3 1 4 1 5 9 2 6 5 3";
        var g = new SyntheticElection(200, 1, 3, 3, 8);
        var sheets = Fixtures.sheets(g, g.definition()).stream()
                .filter(x -> x.sourceId().equals("authority"))
                .toList();
        Fixtures.submit(in, sheets);
        String commitment = java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(seed.getBytes(StandardCharsets.UTF_8)));
        // expected status: define an audit, reveal the seed of the admin's audit, a hand count, public read
        Map<String, int[]> expected = new LinkedHashMap<>();
        expected.put("admin", new int[] {201, 201, 201, 200});
        expected.put("auditor", new int[] {403, 403, 201, 200});
        expected.put("authority", new int[] {403, 403, 403, 200});
        expected.put("witness", new int[] {403, 403, 403, 200});
        expected.put("observer", new int[] {403, 403, 403, 200});
        expected.put("revoked", new int[] {401, 401, 401, 200});
        expected.put("public", new int[] {401, 401, 401, 200});
        expected.put("forged-token", new int[] {401, 401, 401, 200});
        int st = 0;
        for (var e : expected.entrySet()) {
            String role = e.getKey();
            String t = tokens.get(role);
            String define = "{\"id\":\"rla-" + role + "\",\"contest\":\"C1\",\"riskLimit\":\"0.10\","
                    + "\"method\":\"macro\",\"seedCommitment\":\"" + commitment + "\"}";
            String count = "{\"station\":\"P" + st++ + "\",\"board\":\"A and B\","
                    + "\"counts\":{\"C1-L1\":1,\"C1-L2\":2,\"C1-L3\":3}}";
            int read = http.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + "/api/audits"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .statusCode();
            int[] got = {
                post("/api/audits", t, define),
                post("/api/audits/rla-admin/seed", t, "{\"seed\":\"" + seed + "\"}"),
                post("/api/audits/rla-admin/counts", t, count),
                read
            };
            assertThat(got)
                    .as("role " + role + ": define, seed, hand count, read")
                    .containsExactly(e.getValue());
        }
        var wrongSeed = send("/api/audits/rla-admin/seed", tokens.get("admin"), "{\"seed\":\"1 2\"}");
        assertThat(wrongSeed.statusCode()).isEqualTo(422);
        assertThat(wrongSeed.body()).contains("AUD-SEED");
        assertThat(send("/api/audits/rla-admin/risk", tokens.get("auditor"), "").statusCode())
                .isEqualTo(403);
        var risk = send("/api/audits/rla-admin/risk", tokens.get("admin"), "");
        assertThat(risk.statusCode()).as(risk.body()).isEqualTo(201);
        var one = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + "/api/audits/rla-admin"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(one.body()).contains("\"rounds\"", "\"risk\"", "\"stations\"", "\"counted\":false");
        var none = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + "/api/audits/nope"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(none.statusCode()).isEqualTo(404);
        List<String> accounts = new java.util.ArrayList<>();
        in.store()
                .query(
                        "SELECT DISTINCT account FROM log_entry WHERE kind = 'audit-count' ORDER BY account",
                        List.of(),
                        rs -> accounts.add(org.veritally.store.Store.getString(rs, 1)));
        assertThat(accounts).containsExactly("admin", "board-1");
    }

    @Test
    void audBoardAnAuditorRecordsHandCountsOnlyForTheAuditItIsBoundTo() throws Exception {
        String seed = "2 7 1 8 2 8";
        String commitment = java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(seed.getBytes(StandardCharsets.UTF_8)));
        var g = new SyntheticElection(200, 1, 3, 3, 8);
        Fixtures.submit(
                in,
                Fixtures.sheets(g, g.definition()).stream()
                        .filter(x -> x.sourceId().equals("authority"))
                        .toList());
        for (String id : List.of("rla-north", "rla-south")) {
            String define = "{\"id\":\"" + id + "\",\"contest\":\"C1\",\"riskLimit\":\"0.10\","
                    + "\"method\":\"macro\",\"seedCommitment\":\"" + commitment + "\"}";
            assertThat(post("/api/audits", tokens.get("admin"), define)).isEqualTo(201);
            assertThat(post("/api/audits/" + id + "/seed", tokens.get("admin"), "{\"seed\":\"" + seed + "\"}"))
                    .isEqualTo(201);
        }
        String north = in.accounts()
                .create("board-north", Role.AUDITOR, "rla-north", Optional.empty())
                .token();
        String nowhere = in.accounts()
                .create("board-none", Role.AUDITOR, "", Optional.empty())
                .token();
        String count =
                "{\"station\":\"P3\",\"board\":\"A and B\"," + "\"counts\":{\"C1-L1\":1,\"C1-L2\":2,\"C1-L3\":3}}";
        long size = in.state().logSize();
        var other = send("/api/audits/rla-south/counts", north, count);
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.body()).contains("AUD-BOARD", "rla-north", "rla-south");
        var unbound = send("/api/audits/rla-north/counts", nowhere, count);
        assertThat(unbound.statusCode()).isEqualTo(403);
        assertThat(unbound.body()).contains("AUD-BOARD", "bound to no audit");
        assertThat(in.state().logSize())
                .as("nothing of a refused count is in the log")
                .isEqualTo(size);
        assertThat(post("/api/audits/rla-north/counts", north, count)).isEqualTo(201);
        assertThat(post("/api/audits/rla-south/counts", tokens.get("admin"), count))
                .as("an administrator counts for any audit")
                .isEqualTo(201);
    }

    @Test
    void audBoardAnAuditorBoundToAnotherAuditRecordsForItFromItsNextRequestAndNoLongerForTheFirst() throws Exception {
        String seed = "2 7 1 8 2 8";
        String commitment = java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(seed.getBytes(StandardCharsets.UTF_8)));
        var g = new SyntheticElection(200, 1, 3, 3, 8);
        Fixtures.submit(
                in,
                Fixtures.sheets(g, g.definition()).stream()
                        .filter(x -> x.sourceId().equals("authority"))
                        .toList());
        for (String id : List.of("rla-north", "rla-south")) {
            String define = "{\"id\":\"" + id + "\",\"contest\":\"C1\",\"riskLimit\":\"0.10\","
                    + "\"method\":\"macro\",\"seedCommitment\":\"" + commitment + "\"}";
            assertThat(post("/api/audits", tokens.get("admin"), define)).isEqualTo(201);
            assertThat(post("/api/audits/" + id + "/seed", tokens.get("admin"), "{\"seed\":\"" + seed + "\"}"))
                    .isEqualTo(201);
        }
        String board = in.accounts()
                .create("board-moves", Role.AUDITOR, "rla-north", Optional.empty())
                .token();
        String count =
                "{\"station\":\"P3\",\"board\":\"A and B\"," + "\"counts\":{\"C1-L1\":1,\"C1-L2\":2,\"C1-L3\":3}}";
        assertThat(post("/api/audits/rla-north/counts", board, count)).isEqualTo(201);
        in.accounts().bindAudit("board-moves", "rla-south");
        long size = in.state().logSize();
        var old = send("/api/audits/rla-north/counts", board, count);
        assertThat(old.statusCode()).isEqualTo(403);
        assertThat(old.body()).contains("AUD-BOARD", "rla-south", "rla-north");
        assertThat(in.state().logSize()).isEqualTo(size);
        assertThat(post("/api/audits/rla-south/counts", board, count)).isEqualTo(201);
        assertThat(in.accounts().find("board-moves").orElseThrow().source()).isEqualTo("rla-south");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> in.accounts().bindAudit("nobody", "rla-south"))
                .hasMessageContaining("no account");
    }

    @Test
    void transcriptionRolesByEndpointMatrix() throws Exception {
        tokens.put(
                "transcriber",
                in.accounts()
                        .create("vol-1", Role.TRANSCRIBER, "", Optional.empty())
                        .token());
        tokens.put(
                "moderator",
                in.accounts()
                        .create("mod-1", Role.MODERATOR, "", Optional.empty())
                        .token());
        for (int i = 0; i < 6; i++) { // photos to transcribe, filed by the authority's account
            String sha = String.format("%064x", 0xabc00 + i);
            var ev = new org.veritally.core.evidence.Evidence(
                    new org.veritally.core.evidence.Blob(sha, 1000, "image/jpeg"),
                    Optional.empty(),
                    "P" + (100 + i),
                    Optional.of("C1"),
                    "authority",
                    "cne",
                    Optional.empty(),
                    java.util.OptionalLong.empty(),
                    List.of());
            assertThat(in.submitEntry(new org.veritally.core.entry.EvidenceEntry(ev), "cne", "photo")
                            .rejected())
                    .isEmpty();
        }
        // expected: next task, pause a volunteer, campaign status (public), a sheet
        Map<String, int[]> expected = new LinkedHashMap<>();
        expected.put("admin", new int[] {200, 201, 200, 201});
        expected.put("authority", new int[] {403, 403, 200, 201});
        expected.put("witness", new int[] {403, 403, 200, 201});
        expected.put("transcriber", new int[] {200, 403, 200, 403});
        expected.put("moderator", new int[] {200, 201, 200, 403});
        expected.put("revoked", new int[] {401, 401, 200, 401});
        expected.put("public", new int[] {401, 401, 200, 401});
        for (var e : expected.entrySet()) {
            String role = e.getKey();
            String t = tokens.get(role);
            int status = http.send(
                            HttpRequest.newBuilder(
                                            URI.create("http://127.0.0.1:" + api.port() + "/api/campaign/status"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .statusCode();
            int[] got = {
                post("/api/transcribe/next", t, ""),
                post("/api/moderate/pause", t, "{\"account\":\"paused-" + role + "\",\"reason\":\"test\"}"),
                status,
                post("/api/sheets", t, sheet(OWN.get(role)))
            };
            assertThat(got)
                    .as("role " + role + ": next task, pause, campaign status, own sheet")
                    .containsExactly(e.getValue());
        }
        // a transcriber's task carries the photo and the form, never anyone's figures; its answer is an entry
        var task = JsonTree.asObject(JsonTree.parse(send("/api/transcribe/next", tokens.get("transcriber"), "")
                .body()
                .getBytes(StandardCharsets.UTF_8)));
        assertThat(task).containsKeys("photo", "station", "contest", "choices").doesNotContainKey("votes");
        String figures = "{\"station\":\"" + task.get("station") + "\",\"contest\":\"C1\",\"source\":\""
                + task.get("source") + "\",\"evidence\":\"" + task.get("photo")
                + "\",\"counts\":{\"valid\":30,\"null\":0},\"votes\":{\"C1-L1\":10,\"C1-L2\":10,\"C1-L3\":10}"
                + ",\"confirmed\":[]}";
        var submitted = send("/api/transcribe/submit", tokens.get("transcriber"), figures);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        var twice = send("/api/transcribe/submit", tokens.get("transcriber"), figures);
        assertThat(twice.statusCode()).isEqualTo(422);
        assertThat(twice.body()).contains("TR-TWICE");
        assertThat(send("/api/transcribe/submit", tokens.get("authority"), figures)
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void reportLiftReturnAndGoldEndpointsByRoleMatrix() throws Exception {
        tokens.put(
                "transcriber",
                in.accounts()
                        .create("vol-1", Role.TRANSCRIBER, "", Optional.empty())
                        .token());
        tokens.put(
                "moderator",
                in.accounts()
                        .create("mod-1", Role.MODERATOR, "", Optional.empty())
                        .token());
        tokens.put(
                "auditor",
                in.accounts()
                        .create("aud-1", Role.AUDITOR, "", Optional.empty())
                        .token());
        String sha = String.format("%064x", 0xbee00);
        var ev = new org.veritally.core.evidence.Evidence(
                new org.veritally.core.evidence.Blob(sha, 1000, "image/jpeg"),
                Optional.empty(),
                "P150",
                Optional.of("C1"),
                "authority",
                "cne",
                Optional.empty(),
                java.util.OptionalLong.empty(),
                List.of());
        assertThat(in.submitEntry(new org.veritally.core.entry.EvidenceEntry(ev), "cne", "photo")
                        .rejected())
                .isEmpty();
        String photo = "{\"photo\":\"" + sha + "\",\"station\":\"P150\",\"source\":\"authority\"";
        // expected: report (every account), lift a pause nobody has (TR-LIFT: the role passed), return the photo
        // (TR-SETTLE while it is not reported: the role passed), set the gold photos (administrators)
        Map<String, int[]> expected = new LinkedHashMap<>();
        expected.put("admin", new int[] {201, 422, 422, 204});
        expected.put("authority", new int[] {201, 403, 403, 403});
        expected.put("witness", new int[] {201, 403, 403, 403});
        expected.put("observer", new int[] {201, 403, 403, 403});
        expected.put("transcriber", new int[] {201, 403, 403, 403});
        // five accounts reported the photo by now, so it is out of the queue and the moderator's return stands
        expected.put("moderator", new int[] {201, 422, 201, 403});
        expected.put("auditor", new int[] {201, 403, 403, 403});
        expected.put("revoked", new int[] {401, 401, 401, 401});
        expected.put("public", new int[] {401, 401, 401, 401});
        for (var e : expected.entrySet()) {
            String t = tokens.get(e.getKey());
            int[] got = {
                post("/api/photos/report", t, photo + ",\"reason\":\"illegible\"}"),
                post("/api/moderate/lift", t, "{\"account\":\"nobody\",\"reason\":\"test\"}"),
                post("/api/moderate/return", t, photo + "}"),
                post("/api/campaign/gold", t, "{\"photos\":[]}")
            };
            assertThat(got)
                    .as("role " + e.getKey() + ": report, lift, return, gold")
                    .containsExactly(e.getValue());
        }
    }

    @Test
    void signedWorkMessageAndAccountKeyEndpointsByRoleMatrix() throws Exception {
        tokens.put(
                "transcriber",
                in.accounts()
                        .create("vol-1", Role.TRANSCRIBER, "", Optional.empty())
                        .token());
        tokens.put(
                "moderator",
                in.accounts()
                        .create("mod-1", Role.MODERATOR, "", Optional.empty())
                        .token());
        String sha = String.format("%064x", 0xdad00);
        String photo = "{\"photo\":\"" + sha + "\",\"station\":\"P160\",\"source\":\"authority\"";
        String figures = "{\"station\":\"P160\",\"contest\":\"C1\",\"source\":\"authority\",\"evidence\":\"" + sha
                + "\",\"counts\":{\"valid\":30,\"null\":0},\"votes\":{\"C1-L1\":10,\"C1-L2\":10,\"C1-L3\":10}}";
        // expected: the bytes to sign for a submit (TRANSCRIBE), a settle (MODERATE) and a report (every account),
        // and an account key for the transcriber (administrators: REGISTER_KEY); nothing but the key is written
        Map<String, int[]> expected = new LinkedHashMap<>();
        expected.put("admin", new int[] {200, 200, 200, 201});
        expected.put("authority", new int[] {403, 403, 200, 403});
        expected.put("witness", new int[] {403, 403, 200, 403});
        expected.put("transcriber", new int[] {200, 403, 200, 403});
        expected.put("moderator", new int[] {200, 200, 200, 403});
        expected.put("revoked", new int[] {401, 401, 401, 401});
        expected.put("public", new int[] {401, 401, 401, 401});
        for (var e : expected.entrySet()) {
            String t = tokens.get(e.getKey());
            NoteSigner k = NoteSigner.generate("vol-1", VerifierKey.TYPE_ED25519);
            int[] got = {
                post("/api/transcribe/message/submit", t, figures),
                post("/api/transcribe/message/settle", t, figures),
                post("/api/transcribe/message/report", t, photo + ",\"reason\":\"illegible\"}"),
                post(
                        "/api/keys",
                        t,
                        "{\"account\":\"vol-1\",\"key\":\"" + k.verifierKey().encode() + "\"}")
            };
            assertThat(got)
                    .as("role " + e.getKey() + ": message submit, settle, report; account key")
                    .containsExactly(e.getValue());
        }
    }

    @Test
    void signedSubmissionsUnsignedForgedAndValid() throws Exception {
        NoteSigner key = NoteSigner.generate("wit-s", VerifierKey.TYPE_ED25519);
        NoteSigner other = NoteSigner.generate("wit-s", VerifierKey.TYPE_ED25519);
        String token = in.accounts()
                .create("wit-s", Role.WITNESS, "party-a", Optional.empty())
                .token();
        in.keyRegistry().register(in.accounts(), "wit-s", key.verifierKey());
        String unsigned = sheet("party-a");
        var r1 = send("/api/sheets", token, unsigned);
        assertThat(r1.statusCode()).isEqualTo(422);
        assertThat(r1.body()).contains("AUTH-SIG");
        var r2 = send("/api/sheets", token, signed(unsigned, other));
        assertThat(r2.statusCode()).isEqualTo(422);
        assertThat(r2.body()).contains("AUTH-SIG", "does not verify");
        var r3 = send("/api/sheets", token, signed(unsigned, key));
        assertThat(r3.statusCode()).isEqualTo(201);
        // the log keeps the signature, and anyone replaying the log checks it
        LogReplay replay = new LogReplay();
        boolean sawSigned = false;
        for (var row : in.store().readLog(0, 100_000)) {
            assertThat(replay.accept(row.body())).as("entry " + row.idx()).isEmpty();
            sawSigned |= new String(row.body(), StandardCharsets.UTF_8).contains("\"signer\":\"wit-s\"");
        }
        assertThat(sawSigned).isTrue();
    }

    static String signed(String body, NoteSigner key) throws Exception {
        var m = new LinkedHashMap<>(JsonTree.asObject(JsonTree.parse(body.getBytes(StandardCharsets.UTF_8))));
        m.put("kind", "sheet");
        m.put("v", 1L);
        m.put("signer", key.name());
        byte[] sig = key.signBytes(CanonicalJson.encode(m));
        m.remove("kind");
        m.remove("v");
        m.put("signature", Base64.getEncoder().encodeToString(sig));
        return new String(CanonicalJson.encode(m), StandardCharsets.UTF_8);
    }
}
