package org.veritally.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worked example of docs/statistics.md on the real Venezuelan file (../shared, system property {@code
 * veritally.shared}): imported with {@code import --format ve2024-cvzla}, then every {@code stats} command on
 * the view {@code source:cvzla}. Prints the numbers the doc quotes. Skipped, visibly, without the file.
 */
class StatsVenezuelaTest {
    @TempDir
    static Path dir;

    static String data;

    static Path file() {
        return Path.of(
                System.getProperty("veritally.shared", "../../shared"),
                "data",
                "ve-2024",
                "RESULTADOS_2024_CSV_V1.csv");
    }

    @BeforeAll
    static void importFile() {
        if (!Files.isRegularFile(file())) {
            System.out.println("SKIPPED: Venezuelan file not found at " + file().toAbsolutePath());
            return;
        }
        data = dir.resolve("ve").toString();
        var r = StatsCommandTest.run(
                "import", "--data", data, "--format", "ve2024-cvzla", "--quiet", file().toString());
        assertThat(r.code()).as(r.err()).isZero();
    }

    static JsonNode stats(String... args) throws Exception {
        assumeTrue(data != null, "SKIPPED: Venezuelan file absent at " + file().toAbsolutePath());
        String[] full = new String[args.length + 6];
        full[0] = "stats";
        System.arraycopy(args, 0, full, 1, args.length);
        System.arraycopy(
                new String[] {"--data", data, "--view", "source:cvzla", "--json"}, 0, full, args.length + 1, 5);
        var r = StatsCommandTest.run(full);
        assertThat(r.code()).as(r.err()).isZero();
        return r.json();
    }

    @Test
    void forensicsReproduceTheWorkedExample() throws Exception {
        JsonNode f = stats("forensics");
        assertThat(f.get("stations").asLong()).isEqualTo(24_532);
        JsonNode eg = f.get("secondDigits").get(0);
        assertThat(eg.get("scope").asText()).isEqualTo("EG");
        assertThat(eg.get("counts").asLong()).isEqualTo(24_505);
        assertThat(eg.get("chiSquare").asDouble()).isBetween(116.0, 116.2);
        Map<String, Long> outliers = new HashMap<>();
        f.get("outliers")
                .forEach(
                        o -> outliers.put(o.get("rule").asText(), o.get("count").asLong()));
        assertThat(outliers.get("ST-OUT-TURNOUT95")).isEqualTo(28);
        assertThat(f.get("fingerprint").get("stations").asLong()).isEqualTo(24_532);
        JsonNode nm = f.get("secondDigits").get(1);
        JsonNode ld = f.get("lastDigits").get("uniformity");
        JsonNode all = ld.get(ld.size() - 1);
        System.out.printf(
                "VE forensics: 2BL EG n=%d chi2=%.1f p=%.3g mean %.3f [%.3f, %.3f]; NM n=%d chi2=%.1f mean %.3f;"
                        + " last digits (all) n=%d chi2=%.1f p=%.3g; int turnout %d vs %.1f; int share "
                        + "%d vs %.1f; outliers %s%n",
                eg.get("counts").asLong(),
                eg.get("chiSquare").asDouble(),
                eg.get("pValue").asDouble(),
                eg.get("mean").asDouble(),
                eg.get("meanInterval").get("low").asDouble(),
                eg.get("meanInterval").get("high").asDouble(),
                nm.get("counts").asLong(),
                nm.get("chiSquare").asDouble(),
                nm.get("mean").asDouble(),
                all.get("counts").asLong(),
                all.get("chiSquare").asDouble(),
                all.get("pValue").asDouble(),
                f.get("integerTurnout").get("observed").asLong(),
                f.get("integerTurnout").get("expected").asDouble(),
                f.get("integerShare").get("observed").asLong(),
                f.get("integerShare").get("expected").asDouble(),
                outliers);
    }

    @Test
    void irreversibleAgainstTheCnesDeclaredUniverseCountsTheTablesMissingFromTheFile() throws Exception {
        JsonNode j = stats("irreversible");
        JsonNode irr = j.get("irreversibility");
        assertThat(irr.get("leader").asText()).isEqualTo("EG");
        assertThat(irr.get("margins").get(0).get("over").asText()).isEqualTo("NM");
        assertThat(irr.get("margins").get(0).get("margin").asLong()).isEqualTo(3_915_001);
        // The import declares the CNE's register (21,321,805) as the universe: the tables missing from the
        // file hold 21,321,805 - 17,745,239 registered voters (docs/coverage.md).
        assertThat(j.get("denominator").asText()).isEqualTo("universe");
        assertThat(j.get("stationsTotal").asLong()).isEqualTo(30_026);
        assertThat(irr.get("remainingRegistered").asLong()).isEqualTo(3_576_566);
        assertThat(irr.get("irreversible").asBoolean()).isTrue();
        assertThat(j.get("majority").get("status").asText()).isEqualTo("CERTAINLY_MET");
        System.out.printf(
                "VE irreversible: EG leads NM by %,d; remaining registered %,d%n",
                irr.get("margins").get(0).get("margin").asLong(),
                irr.get("remainingRegistered").asLong());
    }

    @Test
    void quickCountOfAThousandTablesStratifiedByState() throws Exception {
        JsonNode q = stats(
                "quickcount", "--seed", "veritally worked example 2024-07-28", "--size", "1000", "--strata", "state");
        assertThat(q.get("strata")).hasSize(24);
        assertThat(q.get("received").asInt()).isEqualTo(1000);
        JsonNode eg = q.get("estimate").get("candidates").get(0);
        assertThat(eg.get("candidateId").asText()).isEqualTo("EG");
        assertThat(eg.get("share").asDouble()).isBetween(0.65, 0.69);
        assertThat(eg.get("low").asDouble()).isLessThan(eg.get("share").asDouble());
        assertThat(eg.get("high").asDouble()).isGreaterThan(eg.get("share").asDouble());
        assertThat(eg.get("low").asDouble()).as("covers the whole file's share").isLessThan(7_156_462.0 / 10_659_128);
        assertThat(eg.get("high").asDouble()).isGreaterThan(7_156_462.0 / 10_659_128);
        JsonNode nm = q.get("estimate").get("candidates").get(1);
        System.out.printf(
                "VE quick count (1,000 tables, 24 states, 95%%): EG %.2f%% [%.2f, %.2f]; NM %.2f%% "
                        + "[%.2f, %.2f]; whole file EG %.2f%%%n",
                100 * eg.get("share").asDouble(),
                100 * eg.get("low").asDouble(),
                100 * eg.get("high").asDouble(),
                100 * nm.get("share").asDouble(),
                100 * nm.get("low").asDouble(),
                100 * nm.get("high").asDouble(),
                100 * 7_156_462.0 / 10_659_128);
    }
}
