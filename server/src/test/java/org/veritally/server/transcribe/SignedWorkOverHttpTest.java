package org.veritally.server.transcribe;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.core.entry.EvidenceEntry;
import org.veritally.core.evidence.Blob;
import org.veritally.core.evidence.Evidence;
import org.veritally.formats.generate.SyntheticElection;
import org.veritally.formats.replay.LogReplay;
import org.veritally.server.Fixtures;
import org.veritally.server.Instance;
import org.veritally.server.auth.Role;
import org.veritally.server.http.ApiServer;
import org.veritally.server.http.WriteToken;
import org.veritally.translog.NoteSigner;
import org.veritally.translog.VerifierKey;

/**
 * Signed transcription work over real HTTP on loopback (TR-SIGN, docs/transcription.md#signatures): an
 * administrator registers a volunteer's account key ({@code POST /api/keys}: a key entry of no source); from
 * then on its submit, flag and report must carry a signature over the bytes {@code POST
 * /api/transcribe/message/…} answers; a figure altered under a valid signature, another account's signature and
 * a revoked key are refused with TR-SIGN; and the log replays as {@code verify} replays it, every signature
 * checked again.
 */
class SignedWorkOverHttpTest {
    static final NoteSigner VOL_1 = signer("vol-1", 11);

    @TempDir
    Path dir;

    Instance in;
    ApiServer api;
    String admin;
    final HttpClient http = HttpClient.newHttpClient();

    static NoteSigner signer(String name, int seed) {
        byte[] s = new byte[32];
        java.util.Arrays.fill(s, (byte) seed);
        return NoteSigner.of(name, VerifierKey.TYPE_ED25519, s);
    }

    @BeforeEach
    void start() throws Exception {
        in = Fixtures.defined(dir, new SyntheticElection(20, 1, 3, 3, 8).definition());
        api = new ApiServer(in, WriteToken.load(dir)).start("127.0.0.1", 0);
        admin = Files.readString(dir.resolve(WriteToken.FILE)).strip();
        in.accounts().create("cne", Role.AUTHORITY, "authority", Optional.empty());
        for (int i = 0; i < 4; i++) {
            var ev = new Evidence(
                    new Blob(sha(i), 1000, "image/jpeg"),
                    Optional.empty(),
                    "P" + (10 + i),
                    Optional.of("C1"),
                    "authority",
                    "cne",
                    Optional.empty(),
                    java.util.OptionalLong.empty(),
                    List.of());
            assertThat(in.submitEntry(new EvidenceEntry(ev), "cne", "photo").rejected())
                    .isEmpty();
        }
    }

    @AfterEach
    void stop() {
        if (api != null) api.close();
        if (in != null) in.close();
    }

    static String sha(int i) {
        return String.format("%064x", 0x5167 + i);
    }

    static String photo(int i) {
        return "\"photo\":\"" + sha(i) + "\",\"station\":\"P" + (10 + i) + "\",\"source\":\"authority\"";
    }

    static String figures(int photo, long a) {
        return "{\"station\":\"P" + (10 + photo) + "\",\"contest\":\"C1\",\"source\":\"authority\",\"evidence\":\""
                + sha(photo) + "\",\"counts\":{\"valid\":" + (a + 20) + ",\"null\":0},\"votes\":{\"C1-L1\":" + a
                + ",\"C1-L2\":10,\"C1-L3\":10}}";
    }

    /** {@code body} (a JSON object) with {@code signature} added. */
    static String signed(String body, byte[] signature) {
        return body.substring(0, body.length() - 1) + ",\"signature\":\""
                + Base64.getEncoder().encodeToString(signature) + "\"}";
    }

    HttpResponse<byte[]> post(String path, String token, String body) throws Exception {
        var b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (!token.isEmpty()) b.header("Authorization", "Bearer " + token);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    /** The signature of {@code key} over the bytes the server answers for {@code what} with {@code body}. */
    byte[] sign(NoteSigner key, String token, String what, String body) throws Exception {
        var m = post("/api/transcribe/message/" + what, token, body);
        assertThat(m.statusCode()).as(text(m)).isEqualTo(200);
        assertThat(text(m))
                .as("the canonical entry, unsigned")
                .startsWith("{\"account\":")
                .doesNotContain("signature");
        return key.signBytes(m.body());
    }

    @Test
    void trSignAVolunteerWithAKeySignsItsWorkOverTheApiAndVerifyRechecksIt() throws Exception {
        String vol1 = in.accounts()
                .create("vol-1", Role.TRANSCRIBER, "", Optional.empty())
                .token();
        String vol2 = in.accounts()
                .create("vol-2", Role.TRANSCRIBER, "", Optional.empty())
                .token();
        var key = post(
                "/api/keys",
                admin,
                "{\"account\":\"vol-1\",\"key\":\"" + VOL_1.verifierKey().encode() + "\"}");
        assertThat(key.statusCode()).as(text(key)).isEqualTo(201);
        assertThat(in.state().keys().live("vol-1").orElseThrow().entry().ofAccount())
                .as("a transcriber's key is an account key")
                .isTrue();

        var unsigned = post("/api/transcribe/submit", vol1, figures(0, 5));
        assertThat(unsigned.statusCode()).isEqualTo(422);
        assertThat(text(unsigned)).contains("TR-SIGN");

        var ok =
                post("/api/transcribe/submit", vol1, signed(figures(0, 5), sign(VOL_1, vol1, "submit", figures(0, 5))));
        assertThat(ok.statusCode()).as(text(ok)).isEqualTo(201);
        assertThat(text(ok)).contains("\"receipt\"");

        byte[] honest = sign(VOL_1, vol1, "submit", figures(1, 5));
        var altered = post("/api/transcribe/submit", vol1, signed(figures(1, 6), honest));
        assertThat(altered.statusCode())
                .as("a figure altered under a valid signature")
                .isEqualTo(422);
        assertThat(text(altered)).contains("TR-SIGN");

        String flag = "{" + photo(1) + ",\"reason\":\"illegible\"}";
        var flagged = post("/api/transcribe/flag", vol1, signed(flag, sign(VOL_1, vol1, "flag", flag)));
        assertThat(flagged.statusCode()).as(text(flagged)).isEqualTo(201);

        String report = "{" + photo(2) + ",\"reason\":\"other\",\"text\":\" a thumb \"}";
        var reported = post("/api/photos/report", vol1, signed(report, sign(VOL_1, vol1, "report", report)));
        assertThat(reported.statusCode()).as(text(reported)).isEqualTo(201);

        var byAnother = post("/api/transcribe/flag", vol2, signed(flag, sign(VOL_1, vol2, "flag", flag)));
        assertThat(byAnother.statusCode())
                .as("vol-2's work signed with vol-1's key")
                .isEqualTo(422);
        assertThat(text(byAnother)).contains("TR-SIGN");
        assertThat(post("/api/transcribe/flag", vol2, flag).statusCode())
                .as("an account with no key works unsigned")
                .isEqualTo(201);

        var revoked = post("/api/keys/revoke", admin, "{\"account\":\"vol-1\",\"reason\":\"phone lost\"}");
        assertThat(revoked.statusCode()).as(text(revoked)).isEqualTo(201);
        String late = "{" + photo(3) + ",\"reason\":\"duplicate\"}";
        var afterRevocation = post("/api/transcribe/flag", vol1, signed(late, sign(VOL_1, vol1, "flag", late)));
        assertThat(afterRevocation.statusCode()).as("a revoked key").isEqualTo(422);
        assertThat(text(afterRevocation)).contains("TR-SIGN");
        assertThat(text(post("/api/transcribe/flag", vol1, late)))
                .as("nor unsigned: the account signs for good")
                .contains("TR-SIGN");

        var bad = post("/api/transcribe/flag", vol2, "{" + photo(3) + ",\"reason\":\"duplicate\",\"signature\":\"x\"}");
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(text(bad)).contains("IN-FIELD").contains("$.signature");

        LogReplay replay = new LogReplay();
        List<String> kinds = new ArrayList<>();
        for (var row : in.store().readLog(0, Integer.MAX_VALUE)) {
            assertThat(replay.accept(row.body())).as("entry " + row.idx()).isEmpty();
            String body = new String(row.body(), StandardCharsets.UTF_8);
            if (body.contains("\"signature\"")) kinds.add(row.kind());
        }
        assertThat(kinds)
                .as("the signed entries verify's replay accepted")
                .containsExactly("transcription", "transcription-flag", "transcription-report");
    }
}
