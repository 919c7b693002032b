package org.veritally.formats.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.veritally.core.audit.AuditDefinition;
import org.veritally.core.audit.AuditMethod;
import org.veritally.core.audit.AuditRisk;
import org.veritally.core.audit.HandCount;
import org.veritally.core.audit.risk.Round;
import org.veritally.core.entry.AuditEntry;
import org.veritally.core.rulebook.AuditRecompute;
import org.veritally.core.validation.Problem;

/**
 * Attack tests of "Reported results fixed at the seed" (docs/audit.md, issue 19) through {@code verify}'s replay:
 * after the seed is revealed and round 1 recorded, a corrected sheet, a first copy of a station that had none (what
 * a newly agreed copy is to the audit) and new stations, inside the strata or outside them, go into the log and
 * the results; the next round is still accepted (AUD-ROUND), with the very draws, stations, risk and decision of
 * the same audit in a log without those changes, and the whole log replays without a problem.
 */
class AuditFixedAtSeedTest {
    static final int STATIONS = 40;
    static final String TIME = AuditEntriesTest.TIME;

    /** Station {@code i}: in unit R for the first half, Q for the other; 100 registered. */
    static String station(int i) {
        return String.format("S%02d", i);
    }

    static String catalogue() {
        StringBuilder b = new StringBuilder("{\"kind\":\"catalogue\",\"v\":1,\"units\":["
                + "{\"id\":\"N\",\"name\":\"N\",\"level\":0,\"parent\":\"\"},"
                + "{\"id\":\"R\",\"name\":\"R\",\"level\":1,\"parent\":\"N\"},"
                + "{\"id\":\"Q\",\"name\":\"Q\",\"level\":1,\"parent\":\"N\"}],\"stations\":[");
        for (int i = 0; i < STATIONS; i++) {
            if (i > 0) b.append(',');
            b.append(stationJson(station(i), i < STATIONS / 2 ? "R" : "Q"));
        }
        return b.append("]}").toString();
    }

    static String stationJson(String id, String unit) {
        return "{\"id\":\"" + id + "\",\"name\":\"" + id + "\",\"unit\":\"" + unit + "\",\"registered\":100}";
    }

    /** A's votes at station {@code i} (B has 100 - 10 - A): A wins by about a fifth. */
    static long a(int i) {
        return 50 + i % 7;
    }

    static String sheet(String station, long a, long b, String correction) {
        return "{\"kind\":\"sheet\",\"v\":1,\"station\":\"" + station + "\",\"contest\":\"P\",\"source\":\"auth\","
                + "\"counts\":{\"valid\":" + (a + b) + ",\"null\":0},\"votes\":{\"A1\":" + a + ",\"B1\":" + b + "}"
                + correction + "}";
    }

    static void accepted(LogReplay r, byte[] entry) {
        assertThat(r.accept(entry)).as(new String(entry)).isEmpty();
    }

    static void accepted(LogReplay r, String json) {
        accepted(r, LogSpecDecodingTest.canonical(json));
    }

    static AuditEntry definition(List<String> strata) {
        return new AuditEntry(new AuditDefinition(
                "rla-1", "P", "official", "0.10", AuditMethod.MACRO, 3, AuditEntriesTest.commitment(), TIME, strata));
    }

    static void append(LogReplay r, AuditEntry e) {
        assertThat(AuditEntriesTest.append(r, e)).as(e.toString()).isEmpty();
    }

    static Round next(LogReplay r) {
        var audit = r.audits().audit("rla-1").orElseThrow();
        return AuditRecompute.next(r, audit, r.size()).orElseThrow();
    }

    /** Hand counts of round 2's stations that agree with the sheets as they stood at the seed. */
    static List<AuditEntry> honestCounts(Round round) {
        List<AuditEntry> out = new ArrayList<>();
        for (String s : round.stations()) {
            int i = Integer.parseInt(s.substring(1));
            long a = i == STATIONS - 1 ? 0 : a(i);
            long b = i == STATIONS - 1 ? 0 : 90 - a(i);
            out.add(new AuditEntry(new HandCount("rla-1", 2, s, Map.of("A1", a, "B1", b), Map.of(), "board", TIME)));
        }
        return out;
    }

    /**
     * Two logs, alike but for {@code changes} after round 1: the audit's round 2, counted honestly, is the same in
     * both, and the changed log accepts it.
     */
    void theNextRoundIgnores(List<String> strata, java.util.function.BiConsumer<LogReplay, Long> changes) {
        LogReplay plain = new LogReplay();
        LogReplay changed = new LogReplay();
        for (LogReplay r : List.of(plain, changed)) {
            long first = build(r, strata);
            if (r == changed) changes.accept(r, first);
        }
        Round expected = next(plain);
        Round got = next(changed);
        assertThat(got.number()).isEqualTo(2);
        assertThat(got.draws()).isEqualTo(expected.draws());
        assertThat(got.stations()).isEqualTo(expected.stations());
        for (LogReplay r : List.of(plain, changed)) for (AuditEntry c : honestCounts(expected)) append(r, c);
        AuditRisk round2 = AuditRecompute.entry("rla-1", next(plain), TIME);
        assertThat(AuditRecompute.entry("rla-1", next(changed), TIME)).isEqualTo(round2);
        assertThat(round2.decision()).isEqualTo("confirmed");
        append(plain, new AuditEntry(round2));
        List<Problem> problems = AuditEntriesTest.append(changed, new AuditEntry(round2));
        assertThat(problems).as("round 2 after the changes").isEmpty();
        assertThat(changed.auditProblems()).isEmpty();
        changed.finish();
    }

    /** The log to round 1 (recorded, nothing counted: another round); the index of station 0's sheet. */
    static long build(LogReplay r, List<String> strata) {
        for (String e : List.of(LogSpecDecodingTest.ELECTION, catalogue(), LogSpecDecodingTest.SOURCE)) accepted(r, e);
        long first = r.size();
        for (int i = 0; i < STATIONS - 1; i++) accepted(r, sheet(station(i), a(i), 90 - a(i), ""));
        append(r, definition(strata));
        append(r, AuditEntriesTest.reveal(AuditEntriesTest.SEED));
        Round one = next(r);
        assertThat(one.decision()).isEqualTo(org.veritally.core.audit.risk.Decision.NEXT_ROUND);
        append(r, new AuditEntry(AuditRecompute.entry("rla-1", one, TIME)));
        return first;
    }

    /** Corrects every drawn station of round 1 so that B wins there by 80: the reported margin would fall. */
    static void correctRoundOnesStations(LogReplay r, long first) {
        var audit = r.audits().audit("rla-1").orElseThrow();
        for (String s : AuditRecompute.rounds(r, audit)
                .replay(AuditRecompute.recorded(audit))
                .get(0)
                .stations()) {
            int i = Integer.parseInt(s.substring(1));
            if (i == STATIONS - 1) continue;
            accepted(r, sheet(s, 5, 85, ",\"supersedes\":" + (first + i) + ",\"reason\":\"lines swapped\""));
        }
    }

    @Test
    void AUD_ROUND_sheetsCorrectedAfterTheSeedDoNotChangeTheNextRound() {
        theNextRoundIgnores(List.of(), AuditFixedAtSeedTest::correctRoundOnesStations);
    }

    @Test
    void AUD_ROUND_aStationsFirstCopyAfterTheSeedDoesNotChangeTheNextRound() {
        // the phantom (no copy at the seed) gets one: what a newly agreed copy of a transcribed photo is to the audit
        theNextRoundIgnores(List.of(), (r, first) -> accepted(r, sheet(station(STATIONS - 1), 0, 90, "")));
    }

    @Test
    void AUD_ROUND_newStationsAfterTheSeedAreOutsideTheAuditInsideOrOutsideItsStrata() {
        String more = "{\"kind\":\"catalogue\",\"v\":1,\"units\":[{\"id\":\"X\",\"name\":\"X\",\"level\":1,"
                + "\"parent\":\"N\"}],\"stations\":[" + stationJson("T1", "R") + "," + stationJson("T2", "X") + "]}";
        java.util.function.BiConsumer<LogReplay, Long> add = (r, first) -> {
            accepted(r, more);
            accepted(r, sheet("T1", 0, 90, ""));
            accepted(r, sheet("T2", 0, 90, ""));
        };
        theNextRoundIgnores(List.of(), add);
        theNextRoundIgnores(List.of("R", "Q"), add); // T2 is in no stratum: outside the audit, which goes on
        theNextRoundIgnores(List.of("R", "Q"), add.andThen(AuditFixedAtSeedTest::correctRoundOnesStations));
    }

    @Test
    void theResultsAuditedAreThoseBeforeTheSeedAndTheChangesSinceAreCounted() {
        LogReplay r = new LogReplay();
        long first = build(r, List.of());
        var audit = r.audits().audit("rla-1").orElseThrow();
        var seed = audit.seed().orElseThrow();
        assertThat(seed.reported().index()).isEqualTo(seed.index());
        assertThat(seed.reported().stations()).isEqualTo(STATIONS);
        assertThat(seed.reported().votes(0)).containsExactly(a(0), 90 - a(0));
        assertThat(seed.reported().votes(STATIONS - 1)).containsExactly(0, 0);
        accepted(r, sheet(station(0), 5, 85, ",\"supersedes\":" + first + ",\"reason\":\"lines swapped\""));
        accepted(r, sheet(station(STATIONS - 1), 0, 90, ""));
        audit = r.audits().audit("rla-1").orElseThrow();
        assertThat(AuditRecompute.sinceSeed(r, audit)).isEqualTo(new AuditRecompute.SinceSeed(seed.index(), 2, 0));
        assertThat(AuditRecompute.batches(r, audit).get(0).votes()).containsExactly(a(0), 90 - a(0));
    }
}
