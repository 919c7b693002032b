package org.veritally.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code veritally timeline}: text and JSON; the last point equals {@code results}, in the consensus view too;
 * unknown units are refused with their rule (exit 2), never a stack trace.
 */
class TimelineCommandTest {
    @TempDir
    Path dir;

    Path imported() {
        Path g = dir.resolve("gen");
        Path d = dir.resolve("data");
        assertThat(CliTest.run("generate", "--stations", "40", "--sources", "2", "--seed", "18", "--out", g.toString())
                        .code())
                .isZero();
        assertThat(CliTest.run("import", "--data", d.toString(), "--format", "election", g + "/election.json")
                        .code())
                .isZero();
        assertThat(CliTest.run("import", "--data", d.toString(), "--format", "csv", "--quiet", g + "/sheets.csv")
                        .code())
                .isZero();
        return d;
    }

    @Test
    void jsonTimelineEndsAtTheResultsAndTextNamesTheDenominator() throws Exception {
        Path d = imported();
        ObjectMapper json = new ObjectMapper();
        CliTest.Run t = CliTest.run("timeline", "--data", d.toString(), "--json");
        assertThat(t.code()).as(t.err()).isZero();
        JsonNode tl = json.readTree(t.out());
        JsonNode results = json.readTree(
                CliTest.run("results", "--data", d.toString(), "--json").out());
        JsonNode last = tl.get("points").get(tl.get("points").size() - 1);
        assertThat(last.get("stationsReporting").asLong())
                .isEqualTo(results.get("stationsReporting").asLong())
                .isEqualTo(40);
        assertThat(last.get("validVotes").asLong())
                .isEqualTo(results.get("validVotes").asLong());
        assertThat(tl.get("arrivals")).hasSize(2);
        CliTest.Run text = CliTest.run("timeline", "--data", d.toString(), "--unit", "R0", "--view", "source:party-a");
        assertThat(text.code()).as(text.err()).isZero();
        assertThat(text.out())
                .contains("denominator: the catalogue")
                .contains("party-a")
                .contains("arrival");
    }

    @Test
    void consensusTimelineEndsAtTheConsensusResultsAndUnknownUnitsAreRefused() throws Exception {
        Path d = imported();
        ObjectMapper json = new ObjectMapper();
        CliTest.Run c = CliTest.run("timeline", "--data", d.toString(), "--view", "consensus", "--json");
        assertThat(c.code()).as(c.err()).isZero();
        JsonNode tl = json.readTree(c.out());
        JsonNode results = json.readTree(CliTest.run("results", "--data", d.toString(), "--view", "consensus", "--json")
                .out());
        JsonNode last = tl.get("points").get(tl.get("points").size() - 1);
        assertThat(tl.get("view").asText()).isEqualTo("consensus");
        assertThat(last.get("stationsReporting").asLong())
                .isEqualTo(results.get("stationsReporting").asLong());
        assertThat(last.get("validVotes").asLong())
                .isEqualTo(results.get("validVotes").asLong());
        CliTest.Run u = CliTest.run("timeline", "--data", d.toString(), "--unit", "nowhere");
        assertThat(u.code()).isEqualTo(Main.USAGE);
        assertThat(u.err()).contains("RD-UNIT");
    }

    @Test
    void timelineAtNEndsAtTheResultsAtNAndASizeNeverHadIsRdAt() throws Exception {
        Path d = imported();
        ObjectMapper json = new ObjectMapper();
        long size = json.readTree(CliTest.run("timeline", "--data", d.toString(), "--json")
                        .out())
                .get("logSize")
                .asLong();
        long n = size - 30;
        CliTest.Run t = CliTest.run("timeline", "--data", d.toString(), "--at", "" + n, "--json");
        assertThat(t.code()).as(t.err()).isZero();
        JsonNode tl = json.readTree(t.out());
        JsonNode results = json.readTree(CliTest.run("results", "--data", d.toString(), "--at", "" + n, "--json")
                .out());
        JsonNode last = tl.get("points").get(tl.get("points").size() - 1);
        assertThat(tl.get("logSize").asLong()).isEqualTo(n);
        assertThat(last.get("logSize").asLong()).isEqualTo(n);
        assertThat(last.get("stationsReporting").asLong())
                .isEqualTo(results.get("stationsReporting").asLong())
                .isLessThan(40);
        assertThat(last.get("validVotes").asLong())
                .isEqualTo(results.get("validVotes").asLong());
        CliTest.Run bad = CliTest.run("timeline", "--data", d.toString(), "--at", "" + (size + 1));
        assertThat(bad.code()).isEqualTo(Main.USAGE);
        assertThat(bad.err()).contains("RD-AT");
    }
}
