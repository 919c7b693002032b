package org.veritally.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.core.entry.EvidenceEntry;
import org.veritally.core.evidence.Blob;
import org.veritally.core.evidence.Evidence;
import org.veritally.formats.canonical.JsonTree;
import org.veritally.server.Instance;

/**
 * {@code transcribe next|submit|flag|report} and {@code campaign status}: two volunteers agree, the source has
 * the copy, a third is refused, anyone reports the photo, and {@code rebuild --check} re-derives the copy from
 * the log.
 */
class TranscribeCliTest {
    @TempDir
    Path dir;

    @Test
    void twoVolunteersAgreeByTheCliAndRebuildRederivesTheCopy() throws Exception {
        Path g = dir.resolve("gen");
        CliTest.run("generate", "--stations", "20", "--choices", "3", "--seed", "4", "--out", g.toString());
        String data = dir.resolve("d").toString();
        assertThat(CliTest.run(
                                "import",
                                "--data",
                                data,
                                "--format",
                                "election",
                                g.resolve("election.json").toString())
                        .code())
                .isZero();
        String sha = "ab".repeat(32);
        try (Instance in = Instance.open(Path.of(data))) {
            String station = in.state().catalogue().station(3).id();
            String source = in.state().tabulation().sources().get(0).id();
            var ev = new Evidence(
                    new Blob(sha, 1000, "image/jpeg"),
                    Optional.empty(),
                    station,
                    Optional.empty(),
                    source,
                    "uploader",
                    Optional.empty(),
                    OptionalLong.empty(),
                    List.of());
            assertThat(in.submitEntry(new EvidenceEntry(ev), "uploader", "photo")
                            .rejected())
                    .isEmpty();
        }
        var next = CliTest.run("transcribe", "next", "--data", data, "--account", "vol-1");
        assertThat(next.code()).as(next.err()).isZero();
        Map<String, Object> task = JsonTree.asObject(JsonTree.parse(next.out().getBytes(StandardCharsets.UTF_8)));
        assertThat(task.get("photo")).isEqualTo(sha);
        List<Object> choices = JsonTree.asList(task.get("choices"));
        StringBuilder votes = new StringBuilder();
        for (int i = 0; i < choices.size(); i++)
            votes.append(i == 0 ? "" : ",")
                    .append('"')
                    .append(choices.get(i))
                    .append("\":")
                    .append(i == 0 ? 7 : 1);
        String figures = "{\"station\":\"" + task.get("station") + "\",\"contest\":\"" + task.get("contest")
                + "\",\"source\":\"" + task.get("source") + "\",\"evidence\":\"" + sha
                + "\",\"counts\":{\"valid\":" + (7 + choices.size() - 1) + ",\"null\":0},\"votes\":{" + votes
                + "},\"confirmed\":[]}";
        Path file = dir.resolve("figures.json");
        Files.writeString(file, figures);
        var first = CliTest.run("transcribe", "submit", "--data", data, "--account", "vol-1", file.toString());
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).contains("log index");
        var second = CliTest.run("transcribe", "submit", "--data", data, "--account", "vol-2", file.toString());
        assertThat(second.code()).as(second.err()).isZero();
        assertThat(second.out()).contains("flag TR-AGREE");
        var third = CliTest.run("transcribe", "submit", "--data", data, "--account", "vol-3", file.toString());
        assertThat(third.code()).isEqualTo(1);
        assertThat(third.err()).contains("TR-CLOSED");
        var status = CliTest.run("campaign", "status", "--data", data, "--json");
        assertThat(status.out()).contains("\"agreed\" : 1");
        var badReason = CliTest.run(
                "transcribe",
                "flag",
                "--data",
                data,
                "--account",
                "vol-4",
                "--photo",
                sha,
                "--station",
                "x",
                "--source",
                "y",
                "--reason",
                "blurry");
        assertThat(badReason.code()).isEqualTo(2);
        String[] report = {
            "transcribe",
            "report",
            "--data",
            data,
            "--account",
            "anyone-1",
            "--photo",
            sha,
            "--station",
            (String) task.get("station"),
            "--source",
            (String) task.get("source"),
            "--reason",
            "wrong-station"
        };
        var reported = CliTest.run(report);
        assertThat(reported.code()).as(reported.err()).isZero();
        assertThat(reported.out()).contains("log index");
        report[report.length - 1] = "other";
        var noText = CliTest.run(report);
        assertThat(noText.code()).as("another reason says which").isEqualTo(1);
        assertThat(noText.err()).contains("IN-FIELD");
        assertThat(CliTest.run("rebuild", "--data", data, "--check").code()).isZero();
    }

    @Test
    void trSignAVolunteersAccountKeySignsItsWorkByTheCliAndVerifyRechecksIt() throws Exception {
        Path g = dir.resolve("gen");
        CliTest.run("generate", "--stations", "20", "--choices", "3", "--seed", "4", "--out", g.toString());
        String data = dir.resolve("d").toString();
        assertThat(CliTest.run(
                                "import",
                                "--data",
                                data,
                                "--format",
                                "election",
                                g.resolve("election.json").toString())
                        .code())
                .isZero();
        String sha = "cd".repeat(32);
        String station;
        String source;
        String contest;
        List<String> choices = new java.util.ArrayList<>();
        try (Instance in = Instance.open(Path.of(data))) {
            station = in.state().catalogue().station(5).id();
            source = in.state().tabulation().sources().get(0).id();
            var c = in.state().requireElection().contests().get(0);
            contest = c.id();
            c.choices().forEach(ch -> choices.add(ch.id()));
            var ev = new Evidence(
                    new Blob(sha, 1000, "image/jpeg"),
                    Optional.empty(),
                    station,
                    Optional.empty(),
                    source,
                    "uploader",
                    Optional.empty(),
                    OptionalLong.empty(),
                    List.of());
            assertThat(in.submitEntry(new EvidenceEntry(ev), "uploader", "photo")
                            .rejected())
                    .isEmpty();
        }
        Path key = dir.resolve("vol-1.key");
        var keygen = CliTest.run("keygen", "--name", "vol-1", "--out", key.toString());
        assertThat(keygen.code()).as(keygen.err()).isZero();
        var added = CliTest.run(
                "accounts",
                "add",
                "--data",
                data,
                "--id",
                "vol-1",
                "--role",
                "transcriber",
                "--public-key",
                key + ".vkey");
        assertThat(added.code()).as(added.err()).isZero();
        assertThat(added.out()).contains("key registered in the log");
        StringBuilder votes = new StringBuilder();
        for (int i = 0; i < choices.size(); i++)
            votes.append(i == 0 ? "" : ",")
                    .append('"')
                    .append(choices.get(i))
                    .append("\":")
                    .append(3);
        Path file = dir.resolve("figures.json");
        Files.writeString(
                file,
                "{\"station\":\"" + station + "\",\"contest\":\"" + contest + "\",\"source\":\"" + source
                        + "\",\"evidence\":\"" + sha + "\",\"counts\":{\"valid\":" + 3 * choices.size()
                        + ",\"null\":0},\"votes\":{" + votes + "}}");
        var unsigned = CliTest.run("transcribe", "submit", "--data", data, "--account", "vol-1", file.toString());
        assertThat(unsigned.code()).isEqualTo(1);
        assertThat(unsigned.err()).contains("TR-SIGN");
        var signed = CliTest.run(
                "transcribe", "submit", "--data", data, "--account", "vol-1", "--key", key.toString(), file.toString());
        assertThat(signed.code()).as(signed.err()).isZero();
        assertThat(signed.out()).contains("log index");
        String[] report = {
            "transcribe",
            "report",
            "--data",
            data,
            "--account",
            "vol-1",
            "--key",
            key.toString(),
            "--photo",
            sha,
            "--station",
            station,
            "--source",
            source,
            "--reason",
            "illegible"
        };
        var reported = CliTest.run(report);
        assertThat(reported.code()).as(reported.err()).isZero();
        var revoked = CliTest.run("accounts", "revoke-key", "--data", data, "--id", "vol-1", "--reason", "phone lost");
        assertThat(revoked.code()).as(revoked.err()).isZero();
        var afterRevocation = CliTest.run(
                "transcribe",
                "flag",
                "--data",
                data,
                "--account",
                "vol-1",
                "--key",
                key.toString(),
                "--photo",
                sha,
                "--station",
                station,
                "--source",
                source,
                "--reason",
                "duplicate");
        assertThat(afterRevocation.code()).isEqualTo(1);
        assertThat(afterRevocation.err()).contains("TR-SIGN").contains("revoked");
        assertThat(CliTest.run("rebuild", "--data", data, "--check").code()).isZero();
        // and the whole chain: publish (the photo's bytes are in no blob store) and verify offline, which replays
        // the rulebook over the published entries and so checks both signatures again
        Path pub = dir.resolve("pub");
        VerifyFixture.ok("publish", "--data", data, "--out", pub.toString(), "--without-evidence");
        String vkey = VerifyFixture.run("log-key", "--data", data)
                .out()
                .strip()
                .lines()
                .reduce((a, b) -> b)
                .orElseThrow();
        VerifyFixture.Run v = VerifyFixture.run("verify", pub.toString(), "--key", vkey);
        assertThat(v.code()).as(v.toString()).isZero();
        assertThat(v.out()).contains("VERIFIED");
        // the attack: the operator (who holds the log key) moves a vote in the signed transcription, keeps its
        // signature, and republishes the tiles under a new signed checkpoint: the tree checks pass, the rulebook
        // does not (TR-SIGN)
        List<byte[]> entries = VerifyFixture.publishedEntries(pub);
        int i = -1;
        for (int k = 0; k < entries.size(); k++) {
            String t = new String(entries.get(k), StandardCharsets.UTF_8);
            if (t.contains("\"kind\":\"transcription\"") && t.contains("\"signature\"")) i = k;
        }
        assertThat(i).as("the signed transcription is published").isPositive();
        Map<String, Object> entry = JsonTree.asObject(JsonTree.parse(entries.get(i)));
        Map<String, Object> sheet = JsonTree.asObject(entry.get("sheet"));
        Map<String, Object> typed = JsonTree.asObject(sheet.get("votes"));
        typed.put(choices.get(0), 4L);
        typed.put(choices.get(1), 2L);
        entries.set(i, org.veritally.formats.canonical.CanonicalJson.encode(entry));
        VerifyFixture.republish(pub, entries, VerifyFixture.signer(Path.of(data)));
        VerifyFixture.Run forged = VerifyFixture.run("verify", pub.toString(), "--key", vkey);
        assertThat(forged.code()).as(forged.toString()).isEqualTo(1);
        assertThat(forged.status("VFY-ROOT")).as(forged.toString()).isEqualTo("ok");
        assertThat(forged.status("VFY-ENTRIES")).as(forged.toString()).isEqualTo("FAIL");
        assertThat(forged.out()).containsPattern("(?m)^\\s+TR-SIGN at ");
    }
}
