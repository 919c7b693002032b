package org.veritally.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.veritally.app.VerifyFixture.run;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.formats.canonical.JsonTree;

/**
 * {@code check-receipt} with a receipt from the real {@code POST /api/sheets} on loopback: it
 * verifies offline; with {@code --log} after more sheets were added, the log's tiles prove
 * consistency; against a fork (same key, another history) it fails.
 */
class VerifyReceiptTest {
    @TempDir
    Path dir;

    Path data;
    Path forkData;
    VerifyFixture.Generated g;
    VerifyFixture.Server server;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        g = VerifyFixture.generate(dir, 60, 3);
        data = dir.resolve("data");
        VerifyFixture.define(data, g);
        VerifyFixture.importSheets(data, g.authority());
        forkData = dir.resolve("fork-data");
        VerifyFixture.copyTree(data, forkData);
        server = new VerifyFixture.Server(data);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** The witness's sheets as POST /api/sheets bodies, in CSV order. */
    List<String> witnessSheets() throws Exception {
        List<String> lines = Files.readAllLines(g.witness());
        List<String> header = List.of(lines.get(0).split(","));
        List<String> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",");
            StringBuilder votes = new StringBuilder();
            for (int i = header.indexOf("blank") + 1; i < header.size(); i++) {
                votes.append(votes.length() == 0 ? "" : ",")
                        .append('"')
                        .append(header.get(i))
                        .append("\":")
                        .append(c[i]);
            }
            out.add("{\"station\":\"" + c[header.indexOf("station")] + "\",\"contest\":\""
                    + c[header.indexOf("contest")]
                    + "\",\"source\":\"" + c[header.indexOf("source")] + "\",\"counts\":{\"registered\":"
                    + c[header.indexOf("registered")]
                    + ",\"ballots\":" + c[header.indexOf("ballots")] + ",\"valid\":" + c[header.indexOf("valid")]
                    + ",\"null\":" + c[header.indexOf("null")] + ",\"blank\":" + c[header.indexOf("blank")]
                    + "},\"votes\":{" + votes + "}}");
        }
        return out;
    }

    /** POSTs a sheet and returns the receipt from the answer. */
    String post(String sheet) throws Exception {
        var req = HttpRequest.newBuilder(URI.create(server.url() + "/api/sheets"))
                .header("Authorization", "Bearer " + server.token())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(sheet))
                .build();
        var r = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as(new String(r.body())).isEqualTo(201);
        return (String) JsonTree.asObject(JsonTree.parse(r.body())).get("receipt");
    }

    @Test
    void receiptFromTheApiVerifiesOfflineAndAgainstTheGrownLog() throws Exception {
        List<String> sheets = witnessSheets();
        Path receipt = dir.resolve("receipt.txt");
        Files.writeString(receipt, post(sheets.get(0)));
        String key = VerifyFixture.key(data).toString();
        var offline = run("check-receipt", receipt.toString(), "--key", key);
        assertThat(offline.code()).as(offline.toString()).isZero();
        assertThat(offline.status("RCPT-SIG")).isEqualTo("ok");
        assertThat(offline.status("RCPT-LEAF")).isEqualTo("ok");
        assertThat(offline.status("RCPT-INCL")).isEqualTo("ok");
        for (String s : sheets.subList(1, 8)) {
            post(s);
        }
        var grown = run("check-receipt", receipt.toString(), "--key", key, "--log", server.url());
        assertThat(grown.code()).as(grown.toString()).isZero();
        assertThat(grown.status("RCPT-LOG")).isEqualTo("ok");
        assertThat(grown.status("RCPT-CONSIST")).isEqualTo("ok");
        assertThat(grown.status("RCPT-ENTRY")).isEqualTo("ok");
        assertThat(grown.out()).contains("extends the receipt's tree");
    }

    @Test
    void receiptAgainstAForkedLogFailsRcptConsist() throws Exception {
        List<String> sheets = witnessSheets();
        Path receipt = dir.resolve("receipt.txt");
        Files.writeString(receipt, post(sheets.get(0)));
        // The same log key, another history: the witness's sheets in another order, so another entry
        // stands at the receipt's index.
        List<String> lines = Files.readAllLines(g.witness());
        List<String> reordered = new ArrayList<>(lines.subList(1, lines.size()));
        java.util.Collections.reverse(reordered);
        reordered.add(0, lines.get(0));
        Files.write(dir.resolve("reordered.csv"), reordered);
        VerifyFixture.importSheets(forkData, dir.resolve("reordered.csv"));
        Path fork = VerifyFixture.publish(forkData, dir.resolve("fork-pub"));
        var r = run(
                "check-receipt",
                receipt.toString(),
                "--key",
                VerifyFixture.key(data).toString(),
                "--log",
                fork.toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(1);
        assertThat(r.status("RCPT-INCL")).isEqualTo("ok");
        assertThat(r.status("RCPT-LOG")).isEqualTo("ok");
        assertThat(r.status("RCPT-CONSIST")).isEqualTo("FAIL");
        assertThat(r.status("RCPT-ENTRY")).isEqualTo("FAIL");
        assertThat(r.out()).contains("LOG-CON-2");
    }

    @Test
    void tamperedReceiptFailsRcptIncl() throws Exception {
        String receipt = post(witnessSheets().get(0));
        String[] lines = receipt.split("\n", -1);
        lines[3] = lines[3].startsWith("A")
                ? "B" + lines[3].substring(1)
                : "A" + lines[3].substring(1); // first proof hash
        Path file = dir.resolve("tampered.txt");
        Files.writeString(file, String.join("\n", lines));
        var r = run(
                "check-receipt",
                file.toString(),
                "--key",
                VerifyFixture.key(data).toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(1);
        assertThat(r.status("RCPT-INCL")).isEqualTo("FAIL");
        assertThat(r.out()).contains("LOG-INC-2");
        var missing = run(
                "check-receipt",
                dir.resolve("nope.txt").toString(),
                "--key",
                VerifyFixture.key(data).toString());
        assertThat(missing.code()).isEqualTo(2);
    }
}
