package org.veritally.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code results --at N --canonical} reproduces, byte for byte, the results file as it was when the log had N
 * entries; {@code verify --results} checks such a file against the log's prefix (VFY-ASOF) and fails when a
 * value in it is altered; {@code diff} names what changed since.
 */
class VerifyAsOfTest {
    @TempDir
    Path dir;

    static long logSize(String canonical) {
        Matcher m = Pattern.compile("\"logSize\":(\\d+)").matcher(canonical);
        assertThat(m.find()).as(canonical).isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    void vfyAsOfPassesOnTheFileOfThenAndFailsOnAnAlteredOne() throws Exception {
        Path data = dir.resolve("data");
        var g = VerifyFixture.generate(dir, 25, 18);
        VerifyFixture.define(data, g);
        VerifyFixture.importSheets(data, g.authority());
        var then = VerifyFixture.run("results", "--data", data.toString(), "--view", "official", "--canonical");
        assertThat(then.code()).as(then.toString()).isZero();
        long n = logSize(then.out());
        VerifyFixture.importSheets(data, g.witness());

        var asOf = VerifyFixture.run(
                "results", "--data", data.toString(), "--view", "official", "--at", "" + n, "--canonical");
        assertThat(asOf.out()).as("the file as of %d is the file of then", n).isEqualTo(then.out());
        var text = VerifyFixture.run("results", "--data", data.toString(), "--view", "consensus", "--at", "" + n);
        assertThat(text.err()).contains("as of log size " + n, "not the latest");

        Path pub = VerifyFixture.publish(data, dir.resolve("pub"));
        Path file = dir.resolve("official-at-" + n + ".json");
        Files.writeString(file, asOf.out(), StandardCharsets.UTF_8);
        var ok = VerifyFixture.run(
                "verify", pub.toString(), "--key", VerifyFixture.key(data).toString(), "--results", file.toString());
        assertThat(ok.code()).as(ok.toString()).isZero();
        assertThat(ok.status("VFY-ASOF")).isEqualTo("ok");

        String altered = asOf.out().replaceFirst("\"valid\":(\\d+)", "\"valid\":1$1");
        assertThat(altered).isNotEqualTo(asOf.out());
        Files.writeString(file, altered, StandardCharsets.UTF_8);
        var bad = VerifyFixture.run(
                "verify", pub.toString(), "--key", VerifyFixture.key(data).toString(), "--results", file.toString());
        assertThat(bad.code()).as(bad.toString()).isEqualTo(1);
        assertThat(bad.status("VFY-ASOF")).isEqualTo("FAIL");
        assertThat(bad.out()).contains("field valid");

        var wrongAt = VerifyFixture.run(
                "verify",
                pub.toString(),
                "--key",
                VerifyFixture.key(data).toString(),
                "--results",
                file.toString(),
                "--at",
                "" + (n + 1));
        assertThat(wrongAt.code()).as(wrongAt.toString()).isEqualTo(2);
    }

    @Test
    void diffCommandNamesTheSheetsAddedSinceASize() throws Exception {
        Path data = dir.resolve("data");
        var g = VerifyFixture.generate(dir, 10, 5);
        VerifyFixture.define(data, g);
        VerifyFixture.importSheets(data, g.authority());
        long n = logSize(VerifyFixture.run("results", "--data", data.toString(), "--view", "official", "--canonical")
                .out());
        VerifyFixture.importSheets(data, g.witness());
        var d = VerifyFixture.run("diff", "--data", data.toString(), "--from", "" + n, "--json");
        assertThat(d.code()).as(d.toString()).isZero();
        assertThat(d.out()).contains("\"from\" : " + n, "\"addedCount\" : 10");
        var bad = VerifyFixture.run("diff", "--data", data.toString(), "--from", "0", "--to", "" + n);
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("RD-AT");
    }
}
