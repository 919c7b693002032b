package org.veritally.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.server.Instance;
import org.veritally.server.read.ReadDiscrepancies;
import org.veritally.testkit.Seeds;

/**
 * Reconciliation finds exactly the disagreements that were put there: on generated data with seeded
 * injected changes, and on the real Venezuelan actas against QR payloads built from them with a few
 * values changed.
 */
class ReconciliationTest {
    @TempDir
    Path dir;

    static TreeSet<String> disputed(Path data) {
        try (Instance in = Instance.open(data)) {
            var r = new ReadDiscrepancies(in.state(), in.store())
                    .report(Optional.empty(), Optional.empty(), Integer.MAX_VALUE);
            TreeSet<String> out = new TreeSet<>();
            r.stations().forEach(s -> out.add(s.station() + "/" + s.contest()));
            assertThat(r.summary().get("disputed")).isEqualTo((long) out.size());
            return out;
        }
    }

    @Test
    void generatedElectionWithInjectedDisagreements() throws Exception {
        long seed = Seeds.seed("ReconciliationTest", 0x5EED_2EC0L);
        Path g = dir.resolve("gen");
        assertThat(CliTest.run(
                                "generate",
                                "--stations",
                                "3000",
                                "--contests",
                                "2",
                                "--sources",
                                "3",
                                "--seed",
                                "9",
                                "--out",
                                g.toString())
                        .code())
                .isZero();
        List<String> lines = new ArrayList<>(Files.readAllLines(g.resolve("sheets.csv")));
        String[] header = lines.get(0).split(",", -1);
        int station = List.of(header).indexOf("station");
        int contest = List.of(header).indexOf("contest");
        int source = List.of(header).indexOf("source");
        int firstChoice = List.of(header).indexOf("blank") + 1;
        SplittableRandom r = new SplittableRandom(seed);
        TreeSet<String> injected = new TreeSet<>();
        while (injected.size() < 25) {
            int i = 1 + r.nextInt(lines.size() - 1);
            String[] c = lines.get(i).split(",", -1);
            if (c[source].equals("authority") || injected.contains(c[station] + "/" + c[contest])) continue;
            // move one vote between two filled choice columns of this row: sums stay valid
            List<Integer> filled = new ArrayList<>();
            for (int k = firstChoice; k < c.length; k++) if (!c[k].isEmpty()) filled.add(k);
            int from = filled.get(0), to = filled.get(1);
            if (Long.parseLong(c[from]) == 0) continue;
            c[from] = String.valueOf(Long.parseLong(c[from]) - 1);
            c[to] = String.valueOf(Long.parseLong(c[to]) + 1);
            lines.set(i, String.join(",", c));
            injected.add(c[station] + "/" + c[contest]);
        }
        Files.write(g.resolve("sheets.csv"), lines);
        Path data = dir.resolve("data");
        assertThat(CliTest.run(
                                "import",
                                "--data",
                                data.toString(),
                                "--format",
                                "election",
                                g.resolve("election.json").toString())
                        .code())
                .isZero();
        assertThat(CliTest.run(
                                "import",
                                "--data",
                                data.toString(),
                                "--format",
                                "csv",
                                "--quiet",
                                g.resolve("sheets.csv").toString())
                        .code())
                .isZero();
        assertThat(disputed(data)).isEqualTo(injected);
        var json = CliTest.run("discrepancies", "--data", data.toString(), "--json");
        assertThat(json.out()).contains("\"disputed\" : 25", "\"agreed\" : " + (6000 - 25), "\"missing\" : 0");
        // consensus (2 of 3 sources agreeing, none disagreeing) leaves the disputed stations out
        var consensus =
                CliTest.run("results", "--data", data.toString(), "--view", "consensus", "--contest", "C1", "--json");
        long disputedC1 = injected.stream().filter(s -> s.endsWith("/C1")).count();
        assertThat(consensus.out()).contains("\"stationsReporting\" : " + (3000 - disputedC1));
        // and rebuild reproduces reconciliation exactly
        assertThat(CliTest.run("rebuild", "--data", data.toString(), "--check").code())
                .isZero();
    }

    @Test
    void venezuelanActasAgainstQrPayloadsBuiltFromThem() throws Exception {
        Path csv = Path.of(
                System.getProperty("veritally.shared", "../../shared"),
                "data",
                "ve-2024",
                "RESULTADOS_2024_CSV_V1.csv");
        assumeTrue(Files.exists(csv), "SKIPPED: real Venezuelan data not found at " + csv.toAbsolutePath());
        actasAgainstQrPayloadsBuiltFromThem(csv, 5000, 24_532);
    }

    /**
     * The same comparison on a generated file in the opposition's CSV format (400 tables), so that the
     * QR import (38 cards summed to the 10 candidates), its duplicate handling and the reconciliation
     * at the candidate level are tested without ../shared.
     */
    @Test
    void generatedActasAgainstQrPayloadsBuiltFromThem() throws Exception {
        Path csv = generatedCvzla(dir, 400, 12);
        actasAgainstQrPayloadsBuiltFromThem(csv, 90, 400);
    }

    /** A generated file in the opposition's CSV format: {@code tables} tables, seeded. */
    static Path generatedCvzla(Path dir, int tables, long seed) throws java.io.IOException {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<String> lines = new ArrayList<>();
        lines.add("COD_EDO,EDO,COD_MUN,MUN,COD_PAR,PAR,CENTRO,MESA,RE,VOTOS_VALIDOS,VOTOS_NULOS,EG,NM,LM,"
                + "JABE,JOBR,AE,CF,DC,EM,BERA,URL");
        for (int t = 0; t < tables; t++) {
            int edo = 1 + t / 200,
                    mun = 1 + (t / 50) % 4,
                    par = 1 + (t / 25) % 2,
                    centre = edo * 1_000_000 + mun * 10_000 + par * 100 + (t / 5) % 5;
            long[] v = new long[10];
            long valid = 0;
            for (int k = 0; k < 10; k++) valid += v[k] = rnd.nextInt(k < 2 ? 300 : 8);
            long nulls = rnd.nextInt(6);
            var sb = new StringBuilder()
                    .append(edo)
                    .append(",STATE ")
                    .append(edo)
                    .append(',')
                    .append(mun)
                    .append(",MUN ")
                    .append(mun)
                    .append(',')
                    .append(par)
                    .append(",PAR ")
                    .append(par)
                    .append(',')
                    .append(centre)
                    .append(',')
                    .append(1 + t % 5)
                    .append(',')
                    .append(valid + nulls + 50)
                    .append(',')
                    .append(valid)
                    .append(',')
                    .append(nulls);
            for (long x : v) sb.append(',').append(x);
            lines.add(sb.append(",https://example.org/acta")
                    .append(t)
                    .append(".jpg")
                    .toString());
        }
        Path csv = dir.resolve("generated-cvzla.csv");
        Files.write(csv, lines);
        return csv;
    }

    /**
     * Imports {@code csv} and QR payloads built from it, one vote moved on every {@code every}-th table; {@code tables}
     * rows in all.
     */
    /**
     * The QR payload of a CVZLA row's acta: each candidate's votes on its first card in the QR's ballot order (NM 1,
     * LM 14, JABE 20, JOBR 21, AE 25, CF 31, DC 32, EG 34, EM 37, BERA 38); with {@code change}, one vote moved from
     * Maduro's card to González's.
     */
    static String actaPayload(String[] c, boolean change) {
        String[] cand = {"EG", "NM", "LM", "JABE", "JOBR", "AE", "CF", "DC", "EM", "BERA"};
        int[] card = {34, 1, 14, 20, 21, 25, 31, 32, 37, 38};
        String station = org.veritally.formats.csv.CvzlaCsv.stationId(c[6], c[7]);
        long[] cards = new long[38];
        for (int k = 0; k < cand.length; k++) cards[card[k] - 1] = Long.parseLong(c[11 + k]);
        if (change) {
            cards[0]--;
            cards[33]++;
        }
        var sb = new StringBuilder(station + ".1.0001!");
        for (int k = 0; k < 38; k++) sb.append(k == 0 ? "" : ",").append(cards[k]);
        return sb.append('!').append(c[10]).append("!0").toString();
    }

    void actasAgainstQrPayloadsBuiltFromThem(Path csv, int every, int tables) throws Exception {
        List<String> rows = Files.readAllLines(csv);
        List<String> payloads = new ArrayList<>();
        // first card of each candidate, in the QR's ballot order: NM 1, LM 14, JABE 20, JOBR 21, AE 25, CF 31, DC 32,
        // EG 34, EM 37, BERA 38
        TreeSet<String> changed = new TreeSet<>();
        for (int i = 1; i < rows.size(); i++) {
            String[] c = rows.get(i).split(",", -1);
            String station = org.veritally.formats.csv.CvzlaCsv.stationId(c[6], c[7]);
            boolean change = i % every == 17 && Long.parseLong(c[12]) > 0;
            if (change) changed.add(station + "/PRES");
            String payload = actaPayload(c, change);
            payloads.add(payload);
            if (i % 7000 == 3) payloads.add(payload); // the same acta photographed twice
        }
        Files.write(dir.resolve("qr.txt"), payloads);
        Path data = dir.resolve("ve");
        assertThat(CliTest.run(
                                "import",
                                "--data",
                                data.toString(),
                                "--format",
                                "ve2024-cvzla",
                                "--quiet",
                                csv.toString())
                        .code())
                .isZero();
        var qr = CliTest.run(
                "import",
                "--data",
                data.toString(),
                "--format",
                "ve-acta-qr",
                "--source",
                "qr",
                "--quiet",
                dir.resolve("qr.txt").toString());
        assertThat(qr.code()).isZero();
        assertThat(qr.out()).contains("identical repeated payloads dropped");
        assertThat(changed).hasSizeGreaterThanOrEqualTo(4);
        assertThat(disputed(data)).isEqualTo(changed);
        var d = CliTest.run("discrepancies", "--data", data.toString(), "--json");
        assertThat(d.out()).contains("\"agreed\" : " + (tables - changed.size()), "\"votes.EG\"", "\"votes.NM\"");
    }
}
