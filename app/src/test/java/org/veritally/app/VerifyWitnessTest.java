package org.veritally.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.veritally.app.VerifyFixture.run;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.translog.Checkpoint;
import org.veritally.translog.NoteSigner;
import org.veritally.translog.SignedCheckpoint;
import org.veritally.translog.VerifierKey;

/**
 * {@code witness} against the real log server on loopback: it creates its key, cosigns once the
 * operator has added the key to {@code DATA/witnesses}, the log then serves the cosignature, and
 * {@code verify URL --witness} counts it (quorum 1 passes, quorum 2 fails VFY-WITNESS). It refuses
 * to cosign a fork.
 */
class VerifyWitnessTest {
    @TempDir
    Path dir;

    Path data;
    Path witness;
    String key;
    VerifyFixture.Server server;

    @BeforeEach
    void start() throws Exception {
        var g = VerifyFixture.generate(dir, 80, 5);
        data = dir.resolve("data");
        VerifyFixture.define(data, g);
        VerifyFixture.importSheets(data, g.authority());
        key = VerifyFixture.key(data).toString();
        witness = dir.resolve("witness");
        server = new VerifyFixture.Server(data);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    VerifyFixture.Run witnessOnce() {
        return run(
                "witness",
                "--log",
                server.url(),
                "--key",
                key,
                "--data",
                witness.toString(),
                "--name",
                "observers.example/w1",
                "--once");
    }

    String checkpoint() throws Exception {
        var r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(server.url() + "/log/checkpoint"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        return r.body();
    }

    void addWitnessToTheLog() throws Exception {
        Files.writeString(data.resolve("witnesses"), Files.readString(witness.resolve("witness.vkey")));
        server.restart();
    }

    @Test
    void witnessCosignsAndVerifyCountsTheQuorum() throws Exception {
        var first = witnessOnce();
        assertThat(first.code())
                .as("the log does not know the witness yet: " + first)
                .isEqualTo(2);
        assertThat(first.out()).contains("created the witness key", "DATA/witnesses");
        assertThat(first.err()).contains("refused the cosignature", "403");
        assertThat(Files.getPosixFilePermissions(witness.resolve("witness.key")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        String wkey = Files.readString(witness.resolve("witness.vkey")).strip();
        assertThat(wkey).startsWith("observers.example/w1+");

        addWitnessToTheLog();
        var cosigned = witnessOnce();
        assertThat(cosigned.code()).as(cosigned.toString()).isZero();
        assertThat(cosigned.out()).contains("cosigned tree size", "the log accepted");
        assertThat(checkpoint()).contains("\n\u2014 observers.example/w1 ");
        var again = witnessOnce();
        assertThat(again.out()).contains("already carries this witness's cosignature");

        Path wfile = witness.resolve("witness.vkey");
        var one = run("verify", server.url(), "--key", key, "--witness", wfile.toString(), "--quorum", "1");
        assertThat(one.code()).as(one.toString()).isZero();
        assertThat(one.status("VFY-WITNESS")).isEqualTo("ok");
        assertThat(one.status("VFY-TOTALS")).isEqualTo("skip");
        assertThat(one.out()).contains("1 of 1 pinned witness(es) cosigned", "no published totals to check");

        var two = run("verify", server.url(), "--key", key, "--witness", wfile.toString(), "--quorum", "2");
        assertThat(two.code()).as(two.toString()).isEqualTo(1);
        assertThat(two.status("VFY-WITNESS")).isEqualTo("FAIL");
        assertThat(two.out()).contains("COSIG-QUORUM-1");

        String silent = NoteSigner.generate("observers.example/w2", VerifierKey.TYPE_COSIGNATURE)
                .verifierKey()
                .encode();
        var both = run("verify", server.url(), "--key", key, "--witness", wfile.toString(), "--witness", silent);
        assertThat(both.code())
                .as("by default every pinned witness must cosign: " + both)
                .isEqualTo(1);
        assertThat(both.status("VFY-WITNESS")).isEqualTo("FAIL");
        var quorumOfTwo = run(
                "verify",
                server.url(),
                "--key",
                key,
                "--witness",
                wfile.toString(),
                "--witness",
                silent,
                "--quorum",
                "1");
        assertThat(quorumOfTwo.code()).isZero();
    }

    @Test
    void witnessRefusesToCosignAFork() throws Exception {
        witnessOnce();
        addWitnessToTheLog();
        assertThat(witnessOnce().code()).isZero();
        // The witness's memory now says: size n with root r. Make it remember another root of the same
        // size, signed with the right key, as if the log had shown it a different history before.
        Path state = witness.resolve("witness.checkpoint");
        SignedCheckpoint seen = SignedCheckpoint.open(
                        Files.readString(state),
                        VerifyFixture.signer(data).name(),
                        VerifyFixture.signer(data).verifierKey())
                .orElseThrow();
        byte[] root = seen.checkpoint().rootHash();
        root[31] ^= 1;
        Checkpoint other =
                Checkpoint.of(seen.checkpoint().origin(), seen.checkpoint().size(), root);
        Files.writeString(
                state, SignedCheckpoint.sign(other, VerifyFixture.signer(data)).format());
        String before = checkpoint();
        var r = witnessOnce();
        assertThat(r.code()).as(r.toString()).isEqualTo(1);
        assertThat(r.out()).contains("ALARM WATCH-FORK", "refused to cosign");
        assertThat(checkpoint()).isEqualTo(before);
    }
}
