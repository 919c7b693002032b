package org.veritally.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.veritally.app.VerifyFixture.ok;
import static org.veritally.app.VerifyFixture.run;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.translog.NoteSigner;
import org.veritally.translog.VerifierKey;

/**
 * A party sees its keys change through {@code watch}: the key entry, then the revocation with its
 * reason; the operator's unendorsed key for the same account is refused from the command line
 * (KEY-ROTATE) and the published log still verifies. Keys from fixed seeds.
 */
class WatchKeysTest {
    @TempDir
    Path dir;

    @Test
    void watchReportsKeyAndRevocationEntriesAndTheOperatorsSwapIsRefused() throws Exception {
        var g = VerifyFixture.generate(dir, 20, 5);
        Path data = dir.resolve("data");
        VerifyFixture.define(data, g);
        byte[] seed = new byte[32];
        java.util.Arrays.fill(seed, (byte) 7);
        String witness = NoteSigner.of("wit", VerifierKey.TYPE_ED25519, seed)
                .verifierKey()
                .encode();
        ok(
                "accounts",
                "add",
                "--data",
                data.toString(),
                "--id",
                "wit",
                "--role",
                "witness",
                "--source",
                "party-a",
                "--public-key",
                witness);
        java.util.Arrays.fill(seed, (byte) 8);
        String operator = NoteSigner.of("wit", VerifierKey.TYPE_ED25519, seed)
                .verifierKey()
                .encode();
        var swap = run("accounts", "key", "--data", data.toString(), "--id", "wit", "--public-key", operator);
        assertThat(swap.code()).as(swap.toString()).isEqualTo(2);
        assertThat(swap.err()).contains("KEY-ROTATE");
        Path pubA = VerifyFixture.publish(data, dir.resolve("pubA"));
        ok("accounts", "revoke-key", "--data", data.toString(), "--id", "wit", "--reason", "phone lost");
        Path pubB = VerifyFixture.publish(data, dir.resolve("pubB"));
        Path key = VerifyFixture.key(data);
        Path state = dir.resolve("watch.state");
        var first = run("watch", pubA.toString(), "--key", key.toString(), "--once", "--state", state.toString());
        assertThat(first.code()).as(first.toString()).isZero();
        assertThat(first.out()).contains("KEY entry", "source party-a, account wit", witness);
        var grew = run("watch", pubB.toString(), "--key", key.toString(), "--once", "--state", state.toString());
        assertThat(grew.out())
                .contains("REVOCATION entry", "reason: phone lost")
                .doesNotContain("KEY entry");
        var v = run("verify", pubB.toString(), "--key", key.toString());
        assertThat(v.code()).as(v.toString()).isZero();
    }
}
