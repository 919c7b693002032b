package org.veritally.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code import --format br-bu-qr} end to end on the 119 real signed boletins of 2016 (../shared, system
 * property {@code veritally.shared}; skipped visibly without them): they define the election and become one sheet
 * each, whose totals match those computed here from the CSV by a regular expression; a payload with one digit
 * changed is refused with BU-HASH, one with a changed signature with BU-SIG, and the others still go in (exit 1).
 */
class ImportBoletinsTest {
    @TempDir
    Path dir;

    static Path samples() {
        return Path.of(System.getProperty("veritally.shared", "../../shared"), "samples", "qr", "br-bu-2016");
    }

    static void assumeSamples() {
        boolean present = Files.isRegularFile(samples().resolve("payloads.csv"));
        if (!present)
            System.out.println(
                    "SKIPPED: boletim samples not found at " + samples().toAbsolutePath());
        assumeTrue(present, "SKIPPED: boletim samples absent at " + samples().toAbsolutePath());
    }

    static CliTest.Run importFile(String data, Path file) {
        return CliTest.run(
                "import",
                "--data",
                data,
                "--format",
                "br-bu-qr",
                "--source",
                "tse-qr",
                "--keys",
                samples().resolve("keys").toString(),
                file.toString());
    }

    /** The payloads of the CSV: the QR column is the last, and no payload holds a comma. */
    static List<String> payloads() throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(samples().resolve("payloads.csv"), StandardCharsets.UTF_8)) {
            int q = line.indexOf("QRBU:");
            if (q >= 0) out.add(line.substring(q).strip());
        }
        return out;
    }

    static long sum(List<String> payloads, String tag) {
        Pattern p = Pattern.compile(" " + tag + ":(\\d+) ");
        long s = 0;
        for (String x : payloads) {
            Matcher m = p.matcher(x);
            assertThat(m.find()).as(tag).isTrue();
            s += Long.parseLong(m.group(1));
        }
        return s;
    }

    @Test
    void the119RealBoletinsDefineTheElectionAndBecome119SheetsWithTheirTotals() throws IOException {
        assumeSamples();
        String data = dir.resolve("data").toString();
        var r = importFile(data, samples().resolve("payloads.csv"));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("accepted 119 (119 new, 0 unchanged), 0 problems");
        List<String> ps = payloads();
        assertThat(ps).hasSize(119);
        Map<String, Long> byNumber = new TreeMap<>();
        Pattern votes = Pattern.compile("VERC:\\d+ (.*?) NOMI:");
        for (String x : ps) {
            Matcher m = votes.matcher(x);
            assertThat(m.find()).isTrue();
            for (String t : m.group(1).split(" ")) {
                String[] kv = t.split(":");
                byNumber.merge(kv[0], Long.parseLong(kv[1]), Long::sum);
            }
        }
        var res = CliTest.run(
                "results", "--data", data, "--unit", "BR", "--contest", "cargo-11", "--view", "source:tse-qr");
        assertThat(res.code()).as(res.err()).isZero();
        assertThat(res.out())
                .contains(String.format(
                        "stations reporting %,d of %,d; registered voters %,d of %,d",
                        119, 119, sum(ps, "APTO"), sum(ps, "APTO")))
                .contains(String.format(
                        "ballots %,d  valid %,d  null %,d  blank %,d",
                        sum(ps, "TOTC"), sum(ps, "NOMI"), sum(ps, "NULO"), sum(ps, "BRAN")));
        assertThat(sum(ps, "TOTC")).isEqualTo(sum(ps, "COMP"));
        byNumber.forEach((n, v) -> assertThat(res.out())
                .containsPattern("Candidato " + n + " +" + Pattern.quote(String.format("%,d", v)) + " "));
        // importing the same file again changes nothing
        var again = importFile(data, samples().resolve("payloads.csv"));
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.out()).contains("accepted 119 (0 new, 119 unchanged)");
    }

    @Test
    void aTamperedPayloadIsRefusedWithBuHashAndAForgedSignatureWithBuSigTheRestGoIn() throws IOException {
        assumeSamples();
        List<String> ps = new ArrayList<>(payloads());
        // line 3: the first digit of the first candidate's votes changed; line 5: the signature's last digit
        String p = ps.get(2);
        Matcher m = Pattern.compile("VERC:\\d+ \\d+:(\\d)").matcher(p);
        assertThat(m.find()).isTrue();
        char d = p.charAt(m.start(1));
        ps.set(2, p.substring(0, m.start(1)) + (d == '9' ? '8' : (char) (d + 1)) + p.substring(m.start(1) + 1));
        String s = ps.get(4);
        char last = s.charAt(s.length() - 1);
        ps.set(4, s.substring(0, s.length() - 1) + (last == '0' ? '1' : '0'));
        Path f = dir.resolve("tampered.txt");
        Files.write(f, ps, StandardCharsets.UTF_8);
        var r = importFile(dir.resolve("data").toString(), f);
        assertThat(r.code()).isEqualTo(Main.REJECTED);
        // the altered count breaks the arithmetic too, and every problem is reported
        assertThat(r.err())
                .contains("BU-HASH at tampered.txt:3", "BU-SUM at tampered.txt:3 CARG:11", "BU-SIG at tampered.txt:5")
                .doesNotContain("Exception");
        assertThat(r.out()).contains("accepted 117 (117 new, 0 unchanged), 3 problems");
    }

    @Test
    void withAllOrNothingATamperedPayloadKeepsEverySheetOut() throws IOException {
        assumeSamples();
        List<String> ps = new ArrayList<>(payloads());
        String s = ps.get(4);
        ps.set(4, s.substring(0, s.length() - 1) + (s.endsWith("0") ? '1' : '0'));
        Path f = dir.resolve("tampered.txt");
        Files.write(f, ps, StandardCharsets.UTF_8);
        String data = dir.resolve("data").toString();
        var r = CliTest.run(
                "import",
                "--data",
                data,
                "--format",
                "br-bu-qr",
                "--source",
                "tse-qr",
                "--keys",
                samples().resolve("keys").toString(),
                "--all-or-nothing",
                f.toString());
        assertThat(r.code()).isEqualTo(Main.REJECTED);
        assertThat(r.err()).contains("BU-SIG at tampered.txt:5");
        assertThat(r.out()).contains("accepted 0", "nothing written (--all-or-nothing)");
    }

    @Test
    void withoutKeysTheImportIsAUsageError() {
        assumeSamples();
        var r = CliTest.run(
                "import",
                "--data",
                dir.resolve("data").toString(),
                "--format",
                "br-bu-qr",
                "--source",
                "tse-qr",
                samples().resolve("payloads.csv").toString());
        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("--keys DIR").doesNotContain("Exception");
    }
}
