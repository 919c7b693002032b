package org.veritally.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code stats forensics} with a chosen candidate, Monte Carlo replicates and the per-percentage excess. */
class StatsForensicsCommandTest {
    @TempDir
    Path dir;

    private String data() {
        Path g = dir.resolve("gen");
        assertThat(StatsCommandTest.run("generate", "--stations", "200", "--seed", "11", "--out", g.toString())
                        .code())
                .isZero();
        String data = dir.resolve("data").toString();
        StatsCommandTest.run(
                "import",
                "--data",
                data,
                "--format",
                "election",
                g.resolve("election.json").toString());
        assertThat(StatsCommandTest.run(
                                "import",
                                "--data",
                                data,
                                "--format",
                                "csv",
                                "--quiet",
                                g.resolve("sheets.csv").toString())
                        .code())
                .isZero();
        return data;
    }

    @Test
    void ST_INTPCT_SHARE_candidateReplicatesAndExcessAtEachWholePercentageInTheJson() throws Exception {
        String data = data();
        var leaderRun = StatsCommandTest.run("stats", "forensics", "--data", data, "--json", "--replicates", "20");
        assertThat(leaderRun.code()).as(leaderRun.err()).isZero();
        JsonNode j = leaderRun.json();
        JsonNode share = j.get("integerShare");
        String leader = share.get("candidateId").asText();
        assertThat(j.get("fingerprint").get("candidateId").asText()).isEqualTo(leader);
        assertThat(share.get("replicates").asInt()).isEqualTo(20);
        assertThat(share.get("seed").asLong()).isEqualTo(1);
        assertThat(share.get("denominator").asText()).isEqualTo("ballots cast");
        JsonNode byPercent = j.get("integerTurnout").get("byPercent");
        assertThat(byPercent).hasSize(101);
        assertThat(byPercent.get(85).get("percent").asInt()).isEqualTo(85);
        assertThat(byPercent.get(85).has("expected")).isTrue();
        assertThat(byPercent.get(85).has("sd")).isTrue();

        String other = null;
        for (JsonNode c : j.get("candidates")) {
            if (!c.get("id").asText().equals(leader)) {
                other = c.get("id").asText();
                break;
            }
        }
        var chosen = StatsCommandTest.run(
                "stats", "forensics", "--data", data, "--json", "--candidate", other, "--share-of", "valid");
        assertThat(chosen.code()).as(chosen.err()).isZero();
        assertThat(chosen.json().get("integerShare").get("candidateId").asText())
                .isEqualTo(other);
        assertThat(chosen.json().get("integerShare").get("denominator").asText())
                .isEqualTo("valid votes");
        assertThat(chosen.json().get("fingerprint").get("candidateId").asText()).isEqualTo(other);

        var text = StatsCommandTest.run("stats", "forensics", "--data", data, "--seed", "9");
        assertThat(text.out()).contains("ST-INTPCT-TURNOUT (ballots cast over registered voters)", "seed 9");
    }

    @Test
    void ST_INTPCT_SHARE_unknownCandidateAndBadOptionsExitTwoNamingTheRule() {
        String data = data();
        var unknown = StatsCommandTest.run("stats", "forensics", "--data", data, "--candidate", "NOBODY");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("ST-PARAM", "NOBODY").doesNotContain("\tat ");
        var replicates = StatsCommandTest.run("stats", "forensics", "--data", data, "--replicates", "3");
        assertThat(replicates.code()).isEqualTo(2);
        assertThat(replicates.err()).contains("ST-PARAM", "replicates");
        var turnout = StatsCommandTest.run("stats", "forensics", "--data", data, "--turnout", "given");
        assertThat(turnout.code()).isEqualTo(2);
        assertThat(turnout.err()).contains("ST-PARAM", "cast or issued");
    }
}
