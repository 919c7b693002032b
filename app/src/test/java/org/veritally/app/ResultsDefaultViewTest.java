package org.veritally.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code results} without {@code --view}: official with an authority source; without one, the only
 * source's view, else consensus, named on stderr and in the output; an explicit {@code --view} as asked.
 */
class ResultsDefaultViewTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /**
     * A data directory with a generated election of 3 sources whose definition {@code edit} changed, and the sheets of
     * its sources.
     */
    Path data(String name, java.util.function.Consumer<ArrayNode> edit) throws Exception {
        Path g = dir.resolve("gen");
        if (!Files.exists(g)) {
            assertThat(CliTest.run(
                                    "generate",
                                    "--stations",
                                    "12",
                                    "--sources",
                                    "3",
                                    "--seed",
                                    "7",
                                    "--out",
                                    g.toString())
                            .code())
                    .isZero();
        }
        ObjectNode def = (ObjectNode) JSON.readTree(g.resolve("election.json").toFile());
        ArrayNode sources = (ArrayNode) def.get("sources");
        edit.accept(sources);
        List<String> ids = sources.findValuesAsText("id");
        Path d = dir.resolve(name);
        Path defFile = dir.resolve(name + ".json");
        JSON.writeValue(defFile.toFile(), def);
        List<String> lines = Files.readAllLines(g.resolve("sheets.csv"));
        int source = List.of(lines.get(0).split(",")).indexOf("source");
        List<String> kept = lines.stream()
                .filter(l -> l == lines.get(0) || ids.contains(l.split(",", -1)[source]))
                .toList();
        Path sheets = dir.resolve(name + ".csv");
        Files.write(sheets, kept);
        assertThat(CliTest.run("import", "--data", d.toString(), "--format", "election", defFile.toString())
                        .code())
                .isZero();
        assertThat(CliTest.run("import", "--data", d.toString(), "--format", "csv", "--quiet", sheets.toString())
                        .code())
                .isZero();
        return d;
    }

    @Test
    void withAnAuthorityTheDefaultStaysOfficial() throws Exception {
        Path d = data("authority", s -> {});
        CliTest.Run r = CliTest.run("results", "--data", d.toString(), "--json");
        assertThat(r.code()).isZero();
        assertThat(JSON.readTree(r.out()).get("view").asText()).isEqualTo("official");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void withOneSourceAndNoAuthorityTheDefaultIsThatSource() throws Exception {
        Path d = data("one", s -> {
            s.remove(2);
            s.remove(0);
        });
        CliTest.Run json = CliTest.run("results", "--data", d.toString(), "--json");
        assertThat(json.code()).as(json.err()).isZero();
        assertThat(JSON.readTree(json.out()).get("view").asText()).isEqualTo("source:party-a");
        assertThat(JSON.readTree(json.out()).get("stationsReporting").asLong()).isEqualTo(12);
        assertThat(json.err()).contains("showing view source:party-a (the only source)");
        CliTest.Run text = CliTest.run("results", "--data", d.toString());
        assertThat(text.code()).isZero();
        assertThat(text.out().lines().findFirst().orElseThrow()).contains("view source:party-a");
    }

    @Test
    void withSeveralSourcesAndNoAuthorityTheDefaultIsConsensus() throws Exception {
        Path d = data("several", s -> ((ObjectNode) s.get(0)).put("kind", "witness"));
        CliTest.Run r = CliTest.run("results", "--data", d.toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(JSON.readTree(r.out()).get("view").asText()).isEqualTo("consensus");
        assertThat(r.err()).contains("showing view consensus (3 sources)");
        // an explicit --view is taken as asked: official still names the missing authority
        CliTest.Run official = CliTest.run("results", "--data", d.toString(), "--view", "official");
        assertThat(official.code()).isEqualTo(Main.USAGE);
        assertThat(official.err()).contains("RD-VIEW");
        CliTest.Run source = CliTest.run("results", "--data", d.toString(), "--view", "source:observer-1", "--json");
        assertThat(source.code()).isZero();
        assertThat(JSON.readTree(source.out()).get("view").asText()).isEqualTo("source:observer-1");
        assertThat(source.err()).isEmpty();
    }
}
