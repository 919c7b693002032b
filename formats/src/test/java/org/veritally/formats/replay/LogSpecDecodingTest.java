package org.veritally.formats.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.veritally.core.validation.Problem;
import org.veritally.formats.canonical.CanonicalJson;
import org.veritally.formats.canonical.JsonTree;

/**
 * The answers of docs/log-format.md that a replay must enforce, one entry at a time: unknown members
 * are refused at every depth, extra choices too, {@code reason} needs {@code supersedes}, counts are
 * JSON integers (not booleans), {@code v} is 1, level names are strings, every entry is at most
 * 65,535 bytes (LOG-SIZE), and the results files carry the coverage of each unit.
 */
class LogSpecDecodingTest {
    static final String ELECTION =
            "{\"kind\":\"election\",\"v\":1,\"id\":\"t\",\"name\":\"T\",\"root\":\"N\",\"levels\":["
                    + "\"nation\",\"region\"],"
                    + "\"turnoutAllowance\":0,\"consensusMinSources\":2,\"contests\":[{\"id\":\"P\","
                    + "\"name\":\"P\",\"candidates\":[{\"id\":\"A\",\"name\":\"A\"},"
                    + "{\"id\":\"B\",\"name\":\"B\"}],\"choices\":[{\"id\":\"A1\",\"name\":\"A1\","
                    + "\"candidate\":\"A\"},{\"id\":\"B1\",\"name\":\"B1\",\"candidate\":\"B\"}]}]}";
    static final String CATALOGUE =
            "{\"kind\":\"catalogue\",\"v\":1,\"units\":[{\"id\":\"N\",\"name\":\"N\",\"level\":0,\"parent\":\"\"},"
                    + "{\"id\":\"R\",\"name\":\"R\",\"level\":1,\"parent\":\"N\"},{\"id\":\"Q\","
                    + "\"name\":\"Q\",\"level\":1,\"parent\":\"N\"}],"
                    + "\"stations\":[{\"id\":\"S1\",\"name\":\"S1\",\"unit\":\"R\",\"registered\":100},"
                    + "{\"id\":\"S2\",\"name\":\"S2\",\"unit\":\"R\",\"registered\":50},"
                    + "{\"id\":\"S3\",\"name\":\"S3\",\"unit\":\"Q\",\"registered\":70}]}";
    static final String SOURCE =
            "{\"kind\":\"source\",\"v\":1,\"id\":\"auth\",\"name\":\"Auth\",\"role\":\"authority\"}";
    static final String SHEET = "{\"kind\":\"sheet\",\"v\":1,\"station\":\"S1\",\"contest\":\"P\",\"source\":\"auth\","
            + "\"counts\":{\"valid\":10,\"null\":1},\"votes\":{\"A1\":6,\"B1\":4}}";

    static byte[] canonical(String json) {
        try {
            return CanonicalJson.encode(JsonTree.parse(json.getBytes(StandardCharsets.UTF_8)));
        } catch (JsonTree.JsonError e) {
            throw new AssertionError(e);
        }
    }

    /** A replay of the election, catalogue and source, ready for the entry under test. */
    static LogReplay ready() {
        LogReplay r = new LogReplay();
        for (String e : List.of(ELECTION, CATALOGUE, SOURCE))
            assertThat(r.accept(canonical(e))).as(e).isEmpty();
        return r;
    }

    static List<Problem> last(String json) {
        return ready().accept(canonical(json));
    }

    static void refused(List<Problem> problems, String outer, String inner) {
        assertThat(problems).as(problems.toString()).isNotEmpty();
        assertThat(problems.get(0).rule().id()).isEqualTo(outer);
        assertThat(problems.toString()).contains(inner);
    }

    @Test
    void theSheetOfTheFixtureIsAccepted() {
        assertThat(last(SHEET)).isEmpty();
    }

    @Test
    void unknownMemberInNestedCountsIsInField() {
        refused(
                last(SHEET.replace("\"null\":1", "\"null\":1,\"spoilt\":0")),
                "LOG-DECODE",
                "IN-FIELD at entry 3 $.counts.spoilt");
    }

    @Test
    void unknownMemberInACatalogueUnitIsInField() {
        LogReplay r = new LogReplay();
        r.accept(canonical(ELECTION));
        refused(
                r.accept(canonical(CATALOGUE.replace("\"parent\":\"\"}", "\"parent\":\"\",\"code\":\"x\"}"))),
                "LOG-DECODE",
                "units[0].code");
    }

    @Test
    void unknownMemberInAnElectionChoiceIsInField() {
        refused(
                new LogReplay()
                        .accept(canonical(
                                ELECTION.replace("\"candidate\":\"A\"}", "\"candidate\":\"A\",\"party\":\"x\"}"))),
                "LOG-DECODE",
                "choices[0].party");
    }

    @Test
    void unknownTopLevelMemberIsInField() {
        refused(last(SHEET.replace("\"v\":1", "\"v\":1,\"note\":\"x\"")), "LOG-DECODE", "IN-FIELD at entry 3 $.note");
    }

    @Test
    void anExtraChoiceIsTsChoice() {
        refused(last(SHEET.replace("\"B1\":4}", "\"B1\":4,\"C1\":0}")), "TS-CHOICE", "unknown choice");
    }

    @Test
    void aMissingChoiceIsTsChoice() {
        refused(
                last(SHEET.replace("\"A1\":6,", "").replace("\"valid\":10", "\"valid\":4")),
                "TS-CHOICE",
                "missing choices");
    }

    @Test
    void reasonWithoutSupersedesIsInField() {
        refused(
                last(SHEET.replace("\"v\":1", "\"v\":1,\"reason\":\"typo\"")),
                "LOG-DECODE",
                "IN-FIELD at entry 3 $.supersedes");
    }

    @Test
    void supersedesWithoutReasonIsInField() {
        refused(
                last(SHEET.replace("\"v\":1", "\"v\":1,\"supersedes\":3")),
                "LOG-DECODE",
                "IN-FIELD at entry 3 $.reason");
    }

    @Test
    void aBooleanCountIsInCount() {
        refused(last(SHEET.replace("\"null\":1", "\"null\":true")), "LOG-DECODE", "IN-COUNT");
    }

    @Test
    void aFractionOrAnIntegerBeyondTwoToThe53IsInCount() {
        String sheet = new String(canonical(SHEET), StandardCharsets.UTF_8);
        for (String bad : List.of("1.0", "1e0", "9007199254740992")) {
            refused(
                    ready().accept(sheet.replace("\"null\":1", "\"null\":" + bad)
                            .getBytes(StandardCharsets.UTF_8)),
                    "LOG-DECODE",
                    "IN-COUNT");
        }
        assertThat(ready().accept(sheet.replace("\"null\":1,", "\"null\":1,").getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
    }

    @Test
    void aRegisteredCountBeyondTwoToThe53IsInCountOnTheFastPathToo() {
        LogReplay r = new LogReplay();
        r.accept(canonical(ELECTION));
        String cat = new String(canonical(CATALOGUE), StandardCharsets.UTF_8)
                .replace("\"registered\":100", "\"registered\":9007199254740992");
        refused(r.accept(cat.getBytes(StandardCharsets.UTF_8)), "LOG-DECODE", "IN-COUNT");
    }

    @Test
    void aVersionOtherThanOneIsInField() {
        refused(last(SHEET.replace("\"v\":1", "\"v\":2")), "LOG-DECODE", "unsupported entry version");
        refused(
                new LogReplay().accept(canonical(ELECTION.replace("\"v\":1", "\"v\":2"))),
                "LOG-DECODE",
                "unsupported entry version");
    }

    @Test
    void aLevelNameThatIsNotAStringIsInField() {
        refused(
                new LogReplay().accept(canonical(ELECTION.replace("\"region\"", "7"))),
                "LOG-DECODE",
                "IN-FIELD at entry 0 $.levels[1]");
    }

    @Test
    void anElectionWithoutItsDefaultedMembersIsNotCanonical() {
        String bare = ELECTION.replace("\"turnoutAllowance\":0,\"consensusMinSources\":2,", "");
        refused(new LogReplay().accept(canonical(bare)), "LOG-CANON", "not the canonical encoding");
    }

    @Test
    void consensusMinSourcesOutside1To1000IsElDef() {
        refused(
                new LogReplay()
                        .accept(canonical(
                                ELECTION.replace("\"consensusMinSources\":2", "\"consensusMinSources\":1001"))),
                "EL-DEF",
                "entry 0 $.consensusMinSources");
        refused(
                new LogReplay()
                        .accept(canonical(ELECTION.replace("\"consensusMinSources\":2", "\"consensusMinSources\":0"))),
                "EL-DEF",
                "minSources must be ≥ 1");
        assertThat(new LogReplay()
                        .accept(canonical(
                                ELECTION.replace("\"consensusMinSources\":2", "\"consensusMinSources\":1000"))))
                .isEmpty();
    }

    @Test
    void aSecondElectionIsElRedefine() {
        refused(last(ELECTION), "EL-REDEFINE", "already holds election");
    }

    @Test
    void anEntryLongerThan65535BytesIsLogSize() {
        String name = "x".repeat(65_536);
        refused(
                last("{\"kind\":\"source\",\"v\":1,\"id\":\"big\",\"name\":\"" + name + "\",\"role\":\"observer\"}"),
                "LOG-SIZE",
                "65535");
    }

    @Test
    void resultsFilesCarryTheCoverageOfEachUnitAndNoTrailingNewline() {
        LogReplay r = ready();
        assertThat(r.accept(canonical(SHEET))).isEmpty();
        r.finish();
        var files = ResultsJson.all(r.election().orElseThrow(), r.catalogue(), r.tabulation(), r.size());
        assertThat(files)
                .extracting(ResultsJson.File::path)
                .containsExactly("results/P/official.json", "results/P/consensus.json", "results/P/source/auth.json");
        assertThat(new String(files.get(0).bytes(), StandardCharsets.UTF_8))
                .isEqualTo("{\"contest\":\"P\",\"logSize\":4,\"units\":{"
                        + "\"N\":{\"ballots\":11,\"blank\":0,\"null\":1,\"registered\":100,"
                        + "\"registeredVotersTotal\":220,\"stations\":1,\"stationsTotal\":3,"
                        + "\"valid\":10,\"votes\":[6,4]},"
                        + "\"R\":{\"ballots\":11,\"blank\":0,\"null\":1,\"registered\":100,"
                        + "\"registeredVotersTotal\":150,\"stations\":1,\"stationsTotal\":2,"
                        + "\"valid\":10,\"votes\":[6,4]}"
                        + "},\"view\":\"official\"}");
        assertThat(new String(files.get(1).bytes(), StandardCharsets.UTF_8))
                .isEqualTo("{\"contest\":\"P\",\"logSize\":4,\"units\":{},\"view\":\"consensus\"}");
    }
}
