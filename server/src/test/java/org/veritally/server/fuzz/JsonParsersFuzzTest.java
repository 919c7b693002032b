package org.veritally.server.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.veritally.core.entry.SheetSignature;
import org.veritally.core.model.TallySheet;
import org.veritally.core.validation.Problem;
import org.veritally.formats.canonical.Fields;
import org.veritally.formats.canonical.JsonTree;
import org.veritally.formats.election.AnnouncementFile;
import org.veritally.formats.election.DefinitionJson;
import org.veritally.formats.entry.SheetJson;

/**
 * Fuzzes the JSON readers: sheets ({@code JsonTree} then {@code SheetJson}, API and log forms),
 * election definitions and announcement files. Each input must end in a value or a report of
 * problems ({@code JsonTree.JsonError} for syntax), never another exception, and no value may come
 * back without its problems being reported.
 */
class JsonParsersFuzzTest {
    static final int CI = 3000;

    static void reported(boolean present, List<Problem> problems, FuzzCampaign.Outcomes seen) {
        if (!present)
            assertThat(problems)
                    .as("a refused input names at least one problem")
                    .isNotEmpty();
        if (problems.isEmpty()) seen.add("ok");
        problems.stream().map(p -> p.rule().id()).distinct().forEach(seen::add);
    }

    @Test
    void sheetJson() {
        var json = new SheetJson(Samples.DEFINITION.election());
        List<byte[]> seeds = new ArrayList<>();
        for (TallySheet s : Samples.SHEETS.subList(0, 10)) {
            seeds.add(Samples.utf8(Samples.apiSheet(s)));
            seeds.add(json.encode(s));
        }
        seeds.add(json.encode(Samples.SHEETS.get(3), new SheetSignature("wit-a", new byte[64])));
        var tokens = Samples.jsonTokens(
                "station",
                "contest",
                "source",
                "counts",
                "votes",
                "ballots",
                "valid",
                "null",
                "blank",
                "registered",
                "supersedes",
                "reason",
                "signature",
                "signer",
                "kind",
                "v",
                "C1-L1",
                "C2-L4");
        FuzzCampaign.run("SheetJson", CI, seeds, new Mutator(tokens), (input, seen) -> {
            Object tree;
            try {
                tree = JsonTree.parse(input);
            } catch (JsonTree.JsonError e) {
                assertThat(e.getMessage()).isNotNull();
                assertThat(e.path()).startsWith("$");
                seen.add(e.countError() ? "IN-COUNT" : "IN-SYNTAX");
                return;
            }
            for (boolean apiForm : new boolean[] {true, false}) {
                List<Problem> ps = new ArrayList<>();
                var r = json.decodeSigned(
                        new Fields(tree, "$", ps), apiForm, apiForm ? Optional.of("party-a") : Optional.empty(), ps);
                reported(r.isPresent(), ps, seen);
            }
        });
    }

    @Test
    void definitionJson() {
        List<byte[]> seeds = List.of(
                DefinitionJson.write(Samples.DEFINITION),
                DefinitionJson.write(new org.veritally.formats.generate.SyntheticElection(3, 1, 2, 1, 1).definition()));
        var tokens = Samples.jsonTokens(
                "id",
                "name",
                "root",
                "levels",
                "contests",
                "choices",
                "candidates",
                "candidate",
                "units",
                "parent",
                "stations",
                "unit",
                "registered",
                "sources",
                "kind",
                "authority",
                "witness",
                "turnoutAllowance",
                "consensus");
        FuzzCampaign.run("DefinitionJson", CI, seeds, new Mutator(tokens), (input, seen) -> {
            List<Problem> ps = new ArrayList<>();
            reported(DefinitionJson.read(input, "def.json", ps).isPresent(), ps, seen);
        });
    }

    @Test
    void announcementFile() throws Exception {
        var tokens = Samples.jsonTokens(
                "id",
                "title",
                "time",
                "contest",
                "candidates",
                "others",
                "registered",
                "registeredCounted",
                "ballots",
                "valid",
                "null",
                "stationsTotal",
                "coverageStations",
                "coveragePercent",
                "coverageHundredthsPercent",
                "NM",
                "EG",
                "\"100.00\"",
                "\"-1\"",
                "\"99.999\"",
                "\"1e2\"");
        FuzzCampaign.run("AnnouncementFile", CI, Samples.announcements(), new Mutator(tokens), (input, seen) -> {
            List<Problem> ps = new ArrayList<>();
            var out = AnnouncementFile.read(input, "a.json", ps);
            reported(!out.isEmpty() || ps.isEmpty(), ps, seen);
        });
    }
}
