package org.veritally.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code veritally audit} (issue 19): a whole MACRO audit of a small generated election through the CLI, each
 * drawn station hand-counted as its authority sheet says, then {@code verify} of the published log passes with
 * VFY-AUDIT; refusals name their rule (AUD-SEED) and usage errors exit 2.
 */
class AuditCliTest {
    static final String SEED = "3 1 4 1 5 9 2 6 5 3 5 8 9 7 9 3 2 3 8 4";

    @TempDir
    Path dir;

    /**
     * Station id → the authority sheet's votes per choice id (the numeric columns beyond the fixed ones), and the
     * contest, from the generated CSV.
     */
    record Sheets(String contest, Map<String, Map<String, String>> votes) {}

    static Sheets sheets(Path csv) throws Exception {
        List<String> lines = Files.readAllLines(csv);
        List<String> head = List.of(lines.get(0).split(",", -1));
        Map<String, Map<String, String>> out = new HashMap<>();
        String contest = "";
        for (String l : lines.subList(1, lines.size())) {
            String[] f = l.split(",", -1);
            contest = f[head.indexOf("contest")];
            Map<String, String> v = new HashMap<>();
            for (int i = 0; i < head.size(); i++) {
                String col = head.get(i);
                if (!org.veritally.formats.csv.GenericCsv.FIXED.contains(col) && i < f.length && f[i].matches("[0-9]+"))
                    v.put(col, f[i]);
            }
            out.put(f[head.indexOf("station")], v);
        }
        return new Sheets(contest, out);
    }

    static VerifyFixture.Run run(String... args) {
        return VerifyFixture.run(args);
    }

    /** {@code audit define} of a MACRO audit rla-1 of {@code contest} at 10%, committing to {@link #SEED}. */
    static VerifyFixture.Run define(String data, String contest) {
        return run(
                "audit",
                "define",
                "--data",
                data,
                "--id",
                "rla-1",
                "--contest",
                contest,
                "--risk-limit",
                "0.10",
                "--method",
                "macro",
                "--commit-seed",
                SEED);
    }

    @Test
    void aWholeMacroAuditThroughTheCliVerifiesWithVfyAudit() throws Exception {
        var g = VerifyFixture.generate(dir, 40, 19);
        Path data = dir.resolve("data");
        VerifyFixture.define(data, g);
        VerifyFixture.importSheets(data, g.authority());
        Sheets sheets = sheets(g.authority());
        String d = data.toString();
        var def = define(d, sheets.contest());
        assertThat(def.code()).as(def.toString()).isZero();
        var wrong = run("audit", "sample", "--data", d, "--id", "rla-1", "--seed", "1 2 3");
        assertThat(wrong.code()).as(wrong.toString()).isEqualTo(1);
        assertThat(wrong.err()).contains("AUD-SEED");
        var sample = run("audit", "sample", "--data", d, "--id", "rla-1", "--seed", SEED, "--json");
        assertThat(sample.code()).as(sample.toString()).isZero();
        ObjectMapper json = new ObjectMapper();
        JsonNode s = json.readTree(sample.out());
        assertThat(s.get("state").asText()).isEqualTo("counting");
        int rounds = 0;
        while (s.get("state").asText().equals("counting") && rounds++ < 3) {
            for (JsonNode st : s.get("current").get("stations")) {
                if (st.get("counted").asBoolean()) continue;
                String station = st.get("station").asText();
                List<String> args = new ArrayList<>(List.of(
                        "audit", "record", "--data", d, "--id", "rla-1", "--station", station, "--board", "A & B"));
                sheets.votes().get(station).forEach((choice, votes) -> {
                    args.add("--count");
                    args.add(choice + "=" + votes);
                });
                var rec = run(args.toArray(String[]::new));
                assertThat(rec.code()).as(rec.toString()).isZero();
            }
            s = json.readTree(run("audit", "status", "--data", d, "--id", "rla-1", "--json")
                    .out());
        }
        assertThat(s.get("rounds")).isNotEmpty();
        assertThat(s.get("state").asText()).isIn("confirmed", "full-hand-count");
        var text = run("audit", "status", "--data", d);
        assertThat(text.code()).isZero();
        assertThat(text.out())
                .contains("audit rla-1", "round 1:")
                .containsPattern("the audit uses the results as they stood at log index [0-9]+ \\(0 station\\(s\\)"
                        + " changed and 0 added since the seed\\)");
        Path pub = VerifyFixture.publish(data, dir.resolve("pub"));
        var v = run("verify", pub.toString(), "--key", VerifyFixture.key(data).toString());
        assertThat(v.code()).as(v.toString()).isZero();
        assertThat(v.status("VFY-AUDIT")).as(v.toString()).isEqualTo("ok");
    }

    /**
     * The paper of a station as the BRAVO test reads it: its ballots laid out choice by choice (choice ids in
     * alphabetical order), as many for each choice as its sheet reports, then blank ballots up to the manifest.
     */
    static String ballot(Map<String, String> votes, long position) {
        long before = 0;
        for (String choice : new java.util.TreeSet<>(votes.keySet())) {
            before += Long.parseLong(votes.get(choice));
            if (position <= before) return choice;
        }
        return "";
    }

    @Test
    void aWholeBravoAuditThroughTheCliVerifiesWithVfyAudit() throws Exception {
        var g = VerifyFixture.generate(dir, 40, 23);
        Path data = dir.resolve("data");
        VerifyFixture.define(data, g);
        VerifyFixture.importSheets(data, g.authority());
        Sheets sheets = sheets(g.authority());
        String d = data.toString();
        var def = run(
                "audit",
                "define",
                "--data",
                d,
                "--id",
                "rla-b",
                "--contest",
                sheets.contest(),
                "--risk-limit",
                "0.10",
                "--method",
                "bravo",
                "--max-rounds",
                "4",
                "--commit-seed",
                SEED);
        assertThat(def.code()).as(def.toString()).isZero();
        var sample = run("audit", "sample", "--data", d, "--id", "rla-b", "--seed", SEED, "--json");
        assertThat(sample.code()).as(sample.toString()).isZero();
        ObjectMapper json = new ObjectMapper();
        JsonNode s = json.readTree(sample.out());
        assertThat(s.get("method").asText()).isEqualTo("bravo");
        assertThat(s.get("state").asText()).isEqualTo("counting");
        long firstDraws = s.get("current").get("draws").asLong();
        assertThat(firstDraws).isPositive();
        int rounds = 0;
        while (s.get("state").asText().equals("counting") && rounds++ < 4) {
            for (JsonNode st : s.get("current").get("stations")) {
                if (st.get("counted").asBoolean()) continue;
                String station = st.get("station").asText();
                List<String> args = new ArrayList<>(List.of(
                        "audit", "record", "--data", d, "--id", "rla-b", "--station", station, "--board", "C & D"));
                assertThat(st.get("ballots")).as(station + " has drawn ballots").isNotEmpty();
                for (JsonNode b : st.get("ballots")) {
                    args.add("--ballot");
                    args.add(b.asLong() + "=" + ballot(sheets.votes().get(station), b.asLong()));
                }
                var rec = run(args.toArray(String[]::new));
                assertThat(rec.code()).as(rec.toString()).isZero();
            }
            s = json.readTree(run("audit", "status", "--data", d, "--id", "rla-b", "--json")
                    .out());
        }
        // the paper agrees with the sheets: BRAVO confirms, each round's risk as the rulebook recomputes it
        assertThat(s.get("state").asText()).as(s.toString()).isEqualTo("confirmed");
        JsonNode last = s.get("rounds").get(s.get("rounds").size() - 1);
        assertThat(Double.parseDouble(last.get("risk").asText())).isLessThanOrEqualTo(0.10);
        assertThat(s.get("rounds").get(0).get("draws").asLong()).isEqualTo(firstDraws);
        var risk = run("audit", "risk", "--data", d, "--id", "rla-b");
        assertThat(risk.code()).as("no round left to measure").isEqualTo(2);
        Path pub = VerifyFixture.publish(data, dir.resolve("pub"));
        var v = run("verify", pub.toString(), "--key", VerifyFixture.key(data).toString());
        assertThat(v.code()).as(v.toString()).isZero();
        assertThat(v.status("VFY-AUDIT")).as(v.toString()).isEqualTo("ok");
        assertThat(v.out()).contains("1 audit(s), " + s.get("rounds").size() + " round(s)");
    }

    /** The ids of the first level of the generated election with several units: the jurisdictions. */
    static List<String> jurisdictions(Path election) throws Exception {
        JsonNode root = new ObjectMapper().readTree(election.toFile());
        JsonNode units =
                root.has("units") ? root.get("units") : root.get("catalogue").get("units");
        List<String> level = List.of("");
        while (level.size() == 1) { // down from the root to the first level with several units
            List<String> next = new ArrayList<>();
            for (JsonNode u : units)
                if (level.contains(u.get("parent").asText()))
                    next.add(u.get("id").asText());
            if (next.isEmpty()) break;
            level = next;
        }
        return level;
    }

    @Test
    void aStratifiedMacroAuditThroughTheCliDrawsEveryJurisdictionAndVerifies() throws Exception {
        var g = VerifyFixture.generate(dir, 40, 29);
        Path data = dir.resolve("data");
        VerifyFixture.define(data, g);
        VerifyFixture.importSheets(data, g.authority());
        Sheets sheets = sheets(g.authority());
        List<String> strata = jurisdictions(g.election());
        assertThat(strata)
                .as("the generated election has several jurisdictions")
                .hasSizeGreaterThan(1);
        String d = data.toString();
        List<String> define = new ArrayList<>(List.of(
                "audit",
                "define",
                "--data",
                d,
                "--id",
                "rla-s",
                "--contest",
                sheets.contest(),
                "--risk-limit",
                "0.10",
                "--method",
                "macro",
                "--commit-seed",
                SEED));
        var partial = new ArrayList<>(define);
        partial.addAll(List.of("--stratum", strata.get(0)));
        var refused = run(partial.toArray(String[]::new));
        assertThat(refused.code()).as(refused.toString()).isEqualTo(1);
        assertThat(refused.err()).contains("AUD-DEFINE", "is in no stratum");
        for (String u : strata) define.addAll(List.of("--stratum", u));
        var def = run(define.toArray(String[]::new));
        assertThat(def.code()).as(def.toString()).isZero();
        JsonNode s = new ObjectMapper()
                .readTree(run("audit", "sample", "--data", d, "--id", "rla-s", "--seed", SEED, "--json")
                        .out());
        assertThat(s.get("strata")).hasSize(strata.size());
        java.util.Set<String> drawnIn = new java.util.HashSet<>();
        for (JsonNode st : s.get("current").get("stations"))
            drawnIn.add(st.get("stratum").asText());
        assertThat(drawnIn).as("every jurisdiction is drawn in round 1").containsExactlyInAnyOrderElementsOf(strata);
        int rounds = 0;
        while (s.get("state").asText().equals("counting") && rounds++ < 3) {
            for (JsonNode st : s.get("current").get("stations")) {
                if (st.get("counted").asBoolean()) continue;
                String station = st.get("station").asText();
                List<String> args = new ArrayList<>(List.of(
                        "audit", "record", "--data", d, "--id", "rla-s", "--station", station, "--board", "E & F"));
                sheets.votes().get(station).forEach((choice, votes) -> {
                    args.add("--count");
                    args.add(choice + "=" + votes);
                });
                var rec = run(args.toArray(String[]::new));
                assertThat(rec.code()).as(rec.toString()).isZero();
            }
            s = new ObjectMapper()
                    .readTree(run("audit", "status", "--data", d, "--id", "rla-s", "--json")
                            .out());
        }
        assertThat(s.get("state").asText()).as(s.toString()).isEqualTo("confirmed");
        assertThat(run("audit", "status", "--data", d).out()).contains("strata: " + String.join(", ", strata));
        Path pub = VerifyFixture.publish(data, dir.resolve("pub"));
        var v = run("verify", pub.toString(), "--key", VerifyFixture.key(data).toString());
        assertThat(v.code()).as(v.toString()).isZero();
        assertThat(v.status("VFY-AUDIT")).as(v.toString()).isEqualTo("ok");
    }

    @Test
    void usageErrorsExitTwoAndNameTheOption() throws Exception {
        var g = VerifyFixture.generate(dir, 10, 3);
        Path data = dir.resolve("data");
        VerifyFixture.define(data, g);
        var bad = run(
                "audit",
                "define",
                "--data",
                data.toString(),
                "--id",
                "x",
                "--contest",
                "c",
                "--risk-limit",
                "0.1",
                "--method",
                "coin",
                "--commit-seed",
                "s");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--method");
        var none = run("audit", "status", "--data", data.toString(), "--id", "nope");
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("no audit 'nope'");
    }

    @Test
    void audBoardAnAuditorAccountIsAddedBoundToADefinedAudit() throws Exception {
        var g = VerifyFixture.generate(dir, 10, 3);
        Path data = dir.resolve("data");
        VerifyFixture.define(data, g);
        String d = data.toString();
        var unbound = run("accounts", "add", "--data", d, "--id", "board-1", "--role", "auditor");
        assertThat(unbound.code()).isEqualTo(2);
        assertThat(unbound.err()).contains("--audit", "AUD-BOARD");
        var undefined = run("accounts", "add", "--data", d, "--id", "board-1", "--role", "auditor", "--audit", "rla-1");
        assertThat(undefined.code()).isEqualTo(2);
        assertThat(undefined.err()).contains("no audit 'rla-1'");
        var def = define(d, "C1");
        assertThat(def.code()).as(def.toString()).isZero();
        var added = run("accounts", "add", "--data", d, "--id", "board-1", "--role", "auditor", "--audit", "rla-1");
        assertThat(added.code()).as(added.toString()).isZero();
        assertThat(added.out()).contains("account board-1 (auditor, audit rla-1)");
        var list = run("accounts", "list", "--data", d);
        assertThat(list.out()).containsPattern("board-1\\s+auditor\\s+rla-1");
    }

    @Test
    void audBoardAnAuditorAccountIsBoundToAnotherDefinedAuditByAccountsBind() throws Exception {
        var g = VerifyFixture.generate(dir, 10, 3);
        Path data = dir.resolve("data");
        VerifyFixture.define(data, g);
        String d = data.toString();
        assertThat(define(d, "C1").code()).isZero();
        var second = run(
                "audit",
                "define",
                "--data",
                d,
                "--id",
                "rla-2",
                "--contest",
                "C1",
                "--risk-limit",
                "0.10",
                "--method",
                "macro",
                "--commit-seed",
                SEED);
        assertThat(second.code()).as(second.toString()).isZero();
        assertThat(run("accounts", "add", "--data", d, "--id", "board-1", "--role", "auditor", "--audit", "rla-1")
                        .code())
                .isZero();
        var undefined = run("accounts", "bind", "--data", d, "--id", "board-1", "--audit", "rla-3");
        assertThat(undefined.code()).isEqualTo(2);
        assertThat(undefined.err()).contains("no audit 'rla-3'");
        var bound = run("accounts", "bind", "--data", d, "--id", "board-1", "--audit", "rla-2");
        assertThat(bound.code()).as(bound.toString()).isZero();
        assertThat(bound.out()).contains("account board-1 (auditor) is bound to audit rla-2");
        assertThat(run("accounts", "list", "--data", d).out()).containsPattern("board-1\\s+auditor\\s+rla-2");
        assertThat(run("accounts", "add", "--data", d, "--id", "adm-2", "--role", "admin")
                        .code())
                .isZero();
        var admin = run("accounts", "bind", "--data", d, "--id", "adm-2", "--audit", "rla-2");
        assertThat(admin.code()).isEqualTo(2);
        assertThat(admin.err()).contains("only an auditor");
    }

    @Test
    void audDefineRefusalsExitOneWithTheRule() throws Exception {
        var g = VerifyFixture.generate(dir, 10, 3);
        Path data = dir.resolve("data");
        VerifyFixture.define(data, g);
        var r = run(
                "audit",
                "define",
                "--data",
                data.toString(),
                "--id",
                "x",
                "--contest",
                "nope",
                "--risk-limit",
                "0.1",
                "--method",
                "macro",
                "--commit-seed",
                "s");
        assertThat(r.code()).as(r.toString()).isEqualTo(1);
        assertThat(r.err()).contains("AUD-DEFINE");
    }
}
