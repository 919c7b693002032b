package org.veritally.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code veritally stats ...} as a user meets it: golden numbers, JSON fields, exit codes, one-line errors. */
class StatsCommandTest {
    @TempDir
    Path dir;

    static final ObjectMapper JSON = new ObjectMapper();

    record Run(int code, String out, String err) {
        JsonNode json() throws Exception {
            return JSON.readTree(out);
        }
    }

    /** Runs the CLI in process through {@link CliTest#run}, which owns the capture of System.out and err. */
    static Run run(String... args) {
        CliTest.Run r = CliTest.run(args);
        return new Run(r.code(), r.out(), r.err());
    }

    @Test
    void ST_ROUND_cneFirstBulletinIsFlaggedAtAboutOneInAHundredMillion() throws Exception {
        Run r = run("stats", "round-shares", "--counts", "5150092,4445978,462704", "--json");
        assertThat(r.code()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("flagged").asBoolean()).isTrue();
        assertThat(j.get("probability").asDouble()).isBetween(5e-9, 2e-8);
        assertThat(j.get("total").asLong()).isEqualTo(10_058_774);
        List<String> shares = new ArrayList<>();
        j.get("shares").forEach(s -> shares.add(s.get("roundPercent").asText()));
        assertThat(shares).containsExactly("51.2", "44.2", "4.6");
        assertThat(j.get("caveat").asText()).contains("round percentages");
        System.out.printf(
                "ST-ROUND CNE 29 July 2024: probability %.3g, flagged %s%n",
                j.get("probability").asDouble(), j.get("flagged").asBoolean());
        Run text = run("stats", "round-shares", "--counts", "5150092,4445978,462704", "--labels", "NM,EG,others");
        assertThat(text.out()).contains("FLAGGED", "NM", "= 51.2% exactly", "ST-ROUND:");
    }

    @Test
    void ST_ROUND_countsOffTheGridAreNotFlagged() throws Exception {
        JsonNode j = run("stats", "round-shares", "--counts", "7156462,3241461,261205", "--json")
                .json();
        assertThat(j.get("flagged").asBoolean()).isFalse();
        assertThat(j.get("probability").asDouble()).isEqualTo(1.0);
    }

    @Test
    void ST_QC_SIZE_ndiPeruExampleGives160718VotersRoundedUp() throws Exception {
        Run r = run(
                "stats",
                "sample-size",
                "--population",
                "14570774",
                "--share",
                "0.5",
                "--margin",
                "0.0032",
                "--z",
                "2.58",
                "--json");
        assertThat(r.code()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("voters").asLong()).isEqualTo(160_718);
        assertThat(j.get("exact").asDouble()).isBetween(160_717.27, 160_717.29);
        assertThat(j.get("stations").isNull()).isTrue();
        JsonNode st = run(
                        "stats",
                        "sample-size",
                        "--population",
                        "14570774",
                        "--share",
                        "0.5",
                        "--margin",
                        "0.0032",
                        "--z",
                        "2.58",
                        "--station-size",
                        "300",
                        "--json")
                .json();
        assertThat(st.get("stations").asLong()).isEqualTo(536); // ceil(160,718 / 300)
    }

    /**
     * A generated election of 120 stations in which the authority has not sent some stations' sheets: the
     * margins and the remaining registered voters are recomputed here from the files alone. With 7 stations
     * missing the lead is irreversible; with 80 missing it is not.
     */
    @Test
    void ST_IRREV_marginsAgainstTheRegisteredVotersOfTheMissingStations() throws Exception {
        Path g = dir.resolve("gen");
        assertThat(run("generate", "--stations", "120", "--choices", "6", "--seed", "77", "--out", g.toString())
                        .code())
                .isZero();
        boolean few = irreversibleWithout(g, "few", Set.of("P3", "P17", "P40", "P41", "P77", "P100", "P119"));
        Set<String> many = new HashSet<>();
        for (int i = 40; i < 120; i++) many.add("P" + i);
        boolean most = irreversibleWithout(g, "many", many);
        assertThat(few).isTrue();
        assertThat(most).isFalse();
    }

    private boolean irreversibleWithout(Path g, String name, Set<String> missing) throws Exception {
        String data = dir.resolve(name).toString();
        assertThat(run(
                                "import",
                                "--data",
                                data,
                                "--format",
                                "election",
                                g.resolve("election.json").toString())
                        .code())
                .isZero();
        List<String> lines = Files.readAllLines(g.resolve("sheets.csv"));
        String[] header = lines.get(0).split(",");
        List<String> kept = new ArrayList<>(List.of(lines.get(0)));
        JsonNode election = JSON.readTree(g.resolve("election.json").toFile());
        Map<String, String> candidateOfLine = new HashMap<>();
        election.get("contests")
                .get(0)
                .get("choices")
                .forEach(c -> candidateOfLine.put(
                        c.get("id").asText(), c.get("candidate").asText()));
        Map<String, Long> votes = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            if (missing.contains(f[8])) continue;
            kept.add(line);
            for (int i = 16; i < header.length; i++)
                votes.merge(candidateOfLine.get(header[i]), Long.parseLong(f[i]), Long::sum);
        }
        long remaining = 0;
        for (JsonNode s : election.get("stations")) {
            if (missing.contains(s.get("id").asText()))
                remaining += s.get("registered").asLong();
        }
        List<Long> sorted = new ArrayList<>(votes.values());
        sorted.sort(java.util.Comparator.reverseOrder());
        long margin = sorted.get(0) - sorted.get(1);
        String leader = votes.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .orElseThrow()
                .getKey();
        Path partial = dir.resolve(name + ".csv");
        Files.write(partial, kept);
        assertThat(run("import", "--data", data, "--format", "csv", "--quiet", partial.toString())
                        .code())
                .isZero();

        Run r = run("stats", "irreversible", "--data", data, "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("stationsReporting").asLong()).isEqualTo(120 - missing.size());
        assertThat(j.get("stationsTotal").asLong()).isEqualTo(120);
        JsonNode irr = j.get("irreversibility");
        assertThat(irr.get("rule").asText()).isEqualTo("ST-IRREV");
        assertThat(irr.get("leader").asText()).isEqualTo(leader);
        assertThat(irr.get("remainingRegistered").asLong()).isEqualTo(remaining);
        assertThat(irr.get("margins").get(0).get("margin").asLong()).isEqualTo(margin);
        assertThat(irr.get("irreversible").asBoolean()).isEqualTo(margin > remaining);
        Set<String> over = new HashSet<>();
        irr.get("margins").forEach(m -> over.add(m.get("over").asText()));
        assertThat(over).hasSize(votes.size() - 1).doesNotContain(leader);
        long valid = votes.values().stream().mapToLong(Long::longValue).sum();
        String status = 2 * votes.get(leader) > valid + remaining
                ? "CERTAINLY_MET"
                : 2 * (votes.get(leader) + remaining) <= valid + remaining ? "CERTAINLY_MISSED" : "OPEN";
        assertThat(j.get("majority").get("status").asText()).isEqualTo(status);
        System.out.printf(
                "ST-IRREV synthetic: %s leads by %,d; %,d registered in %d missing stations; "
                        + "irreversible %s; majority %s%n",
                leader, margin, remaining, missing.size(), margin > remaining, status);
        Run text = run("stats", "irreversible", "--data", data, "--view", "official");
        assertThat(text.out())
                .contains(
                        String.format("registered voters of the stations not yet reported: %,d", remaining),
                        "ST-IRREV:");
        return margin > remaining;
    }

    @Test
    void usageErrorsExitTwoWithOneLineNamingTheRule() {
        Path g = dir.resolve("gen");
        run("generate", "--stations", "20", "--seed", "3", "--out", g.toString());
        String data = dir.resolve("data").toString();
        run(
                "import",
                "--data",
                data,
                "--format",
                "election",
                g.resolve("election.json").toString());
        Run noSheets = run("stats", "forensics", "--data", data);
        assertThat(noSheets.code()).isEqualTo(2);
        assertThat(noSheets.err()).contains("ST-NODATA").doesNotContain("\tat ");
        Run view = run("stats", "quickcount", "--data", data, "--seed", "s", "--size", "5", "--view", "source:nobody");
        assertThat(view.code()).isEqualTo(2);
        assertThat(view.err()).contains("RD-VIEW");
        Run strata = run("stats", "quickcount", "--data", data, "--seed", "s", "--size", "5", "--strata", "state");
        assertThat(strata.code()).isEqualTo(2);
        assertThat(strata.err().strip())
                .startsWith("error: ST-PARAM: unknown strata level 'state'")
                .doesNotContain("\n");
        Run size = run("stats", "quickcount", "--data", data, "--seed", "s", "--size", "21");
        assertThat(size.err()).contains("ST-PARAM", "1..20");
        Run p = run(
                "stats", "sample-size", "--population", "1000", "--share", "1.5", "--margin", "0.01", "--z", "1.96");
        assertThat(p.code()).isEqualTo(2);
        assertThat(p.err()).contains("ST-PARAM", "0 < p < 1").doesNotContain("Exception");
        assertThat(run("stats", "round-shares", "--counts", "1,a").code()).isEqualTo(2);
        Run one = run("stats", "round-shares", "--counts", "100");
        assertThat(one.code()).isEqualTo(2);
        assertThat(one.err()).contains("ST-PARAM", "at least two counts");
        assertThat(run("stats", "irreversible", "--announcement", "X").code())
                .as("no --announcement yet")
                .isEqualTo(2);
        Run help = run("stats");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("forensics", "round-shares", "sample-size", "quickcount", "irreversible");
    }
}
