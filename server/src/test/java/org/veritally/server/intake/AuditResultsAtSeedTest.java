package org.veritally.server.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.core.audit.AuditDefinition;
import org.veritally.core.audit.AuditMethod;
import org.veritally.core.audit.SeedReveal;
import org.veritally.core.audit.risk.Round;
import org.veritally.core.model.Contest;
import org.veritally.core.model.Correction;
import org.veritally.core.model.Station;
import org.veritally.core.model.SummaryCounts;
import org.veritally.core.model.TallySheet;
import org.veritally.core.model.Unit;
import org.veritally.core.reconcile.CopyKey;
import org.veritally.formats.Definition;
import org.veritally.formats.generate.SyntheticElection;
import org.veritally.formats.replay.LogReplay;
import org.veritally.server.Fixtures;
import org.veritally.server.Instance;

/**
 * Attack test of "Reported results fixed at the seed" (docs/audit.md, issue 19) on a live instance: after the seed
 * and round 1, the sheets of round 1's stations are corrected (the winner's and the last choice's votes swapped)
 * and a station is added in a new unit with its sheet. The sequencer accepts them into the log and the results;
 * the audit's next round is the one it would have been without them, survives a restart (start-up reads the
 * results fixed at the seed from {@code audit_reported}), is counted and recorded, and a rebuild gives the same
 * projections and status; {@code verify}'s replay of the whole log finds no problem.
 */
class AuditResultsAtSeedTest {
    static final String SEED = RecordAuditTest.SEED;
    static final String TIME = RecordAuditTest.TIME;

    @TempDir
    Path dir;

    Definition definition;
    List<TallySheet> sheets;
    Contest contest;

    @BeforeEach
    void setUp() {
        var g = new SyntheticElection(60, 1, 3, 1, 11);
        definition = g.definition();
        try (Instance in = Fixtures.defined(dir, definition)) {
            sheets = Fixtures.sheets(g, definition);
            Fixtures.submit(in, sheets);
        }
        contest = definition.election().contests().get(0);
    }

    TallySheet original(String station) {
        return sheets.stream()
                .filter(x -> x.stationId().equals(station) && x.contestId().equals(contest.id()))
                .findFirst()
                .orElseThrow();
    }

    /** The sheet of {@code station} with its first and last choices' votes swapped, correcting the current copy. */
    TallySheet swapped(Instance in, String station) {
        TallySheet s = original(station);
        long[] v = s.votes().clone();
        long t = v[0];
        v[0] = v[v.length - 1];
        v[v.length - 1] = t;
        int source = in.state().tabulation().sourceIndex(s.sourceId());
        long current = in.state().sheets().get(CopyKey.of(in.state().catalogue().stationIndex(station), 0, source));
        return new TallySheet(
                station,
                s.contestId(),
                s.sourceId(),
                s.counts(),
                v,
                Optional.of(new Correction(current, "recounted after the seed")),
                Optional.empty());
    }

    /** A hand count of round 2 that agrees with {@code station}'s sheet as it stood at the seed. */
    org.veritally.core.audit.HandCount honest(String station) {
        TallySheet s = original(station);
        java.util.Map<String, Long> counts = new java.util.LinkedHashMap<>();
        for (int i = 0; i < contest.choices().size(); i++)
            counts.put(contest.choices().get(i).id(), s.votes()[i]);
        return new org.veritally.core.audit.HandCount("rla-1", 2, station, counts, java.util.Map.of(), "board 1", TIME);
    }

    @Test
    void AUD_ROUND_correctionsAndANewStationAfterTheSeedLeaveTheAuditAsItWasThroughRestartRebuildAndVerify()
            throws Exception {
        Round expected;
        int corrected;
        long seedIndex;
        try (Instance in = Instance.open(dir)) {
            RecordAudit audits = in.auditRecorder();
            var d = new AuditDefinition(
                    "rla-1",
                    contest.id(),
                    "official",
                    "0.10",
                    AuditMethod.MACRO,
                    3,
                    RecordAuditTest.sha256(SEED),
                    TIME);
            assertThat(audits.record(d, "admin", "audit").problems()).isEmpty();
            seedIndex = in.state().logSize();
            assertThat(audits.record(new SeedReveal("rla-1", SEED, TIME), "admin", "seed")
                            .problems())
                    .isEmpty();
            List<String> roundOne = audits.next("rla-1").orElseThrow().stations();
            assertThat(audits.measure("rla-1", "admin", "round").orElseThrow().problems())
                    .isEmpty();
            expected = audits.next("rla-1").orElseThrow();
            assertThat(expected.number()).isEqualTo(2);

            List<TallySheet> corrections = new ArrayList<>();
            for (String s : roundOne) corrections.add(swapped(in, s));
            assertThat(Fixtures.submit(in, corrections).rejected()).isEmpty();
            corrected = corrections.size();
            List<Unit> units = new ArrayList<>(definition.units());
            units.add(new Unit("LATE", "Late unit", 1, definition.election().rootUnitId()));
            List<Station> stations = new ArrayList<>(definition.stations());
            stations.add(new Station("LATE-1", "Late station", "LATE", 500));
            var added = in.define()
                    .define(
                            new Definition(definition.election(), units, stations, definition.sources()),
                            "admin",
                            "late");
            assertThat(added.problems()).isEmpty();
            long[] votes = new long[contest.choices().size()];
            votes[votes.length - 1] = 400;
            var late = new TallySheet(
                    "LATE-1",
                    contest.id(),
                    original(roundOne.get(0)).sourceId(),
                    new SummaryCounts(500, 400, 400, 0, 0),
                    votes);
            assertThat(Fixtures.submit(in, late).rejected()).isEmpty();

            Round now = audits.next("rla-1").orElseThrow();
            assertThat(now.draws()).isEqualTo(expected.draws());
            assertThat(now.stations()).isEqualTo(expected.stations());
            assertThat(now.risk()).isEqualTo(expected.risk());
            assertThat(audits.status("rla-1").orElseThrow().reported())
                    .contains(new AuditStatus.Reported(seedIndex, corrected, 1));
        }
        AuditStatus status;
        try (Instance in = Instance.open(dir)) { // start-up: the results at the seed come from audit_reported
            RecordAudit audits = in.auditRecorder();
            Round now = audits.next("rla-1").orElseThrow();
            assertThat(now.stations()).isEqualTo(expected.stations());
            assertThat(now.draws()).isEqualTo(expected.draws());
            for (String s : now.stations()) {
                var h = honest(s);
                assertThat(audits.record(h, "auditor", "count " + s).problems())
                        .as(s)
                        .isEmpty();
            }
            status = audits.status("rla-1").orElseThrow();
            assertThat(status.rounds()).hasSize(2);
            assertThat(status.state()).isEqualTo("confirmed");
            assertThat(status.reported()).contains(new AuditStatus.Reported(seedIndex, corrected, 1));

            var live = org.veritally.store.ProjectionDump.of(in.store());
            in.rebuild();
            assertThat(org.veritally.store.ProjectionDump.of(in.store())).isEqualTo(live);
            assertThat(in.auditRecorder().status("rla-1")).contains(status);

            LogReplay verify = new LogReplay();
            long size = in.state().logSize();
            List<org.veritally.core.validation.Problem> problems = new ArrayList<>();
            for (long i = 0; i < size; i += 1000)
                for (var row : in.store().readLog(i, (int) Math.min(1000, size - i)))
                    problems.addAll(verify.accept(row.body()));
            verify.finish();
            assertThat(problems).isEmpty();
            assertThat(verify.auditProblems()).isEmpty();
            assertThat(verify.audits().audit("rla-1").orElseThrow().rounds()).hasSize(2);
        }
        try (Instance in = Instance.open(dir)) {
            assertThat(in.auditRecorder().status("rla-1")).contains(status);
        }
    }

    @Test
    void aDataDirectoryWithoutTheAuditReportedRowOpensOnTheCurrentResultsAndARebuildFixesThemAtTheSeed()
            throws Exception {
        try (Instance in = Instance.open(dir)) {
            var d = new AuditDefinition(
                    "rla-1",
                    contest.id(),
                    "official",
                    "0.10",
                    AuditMethod.MACRO,
                    3,
                    RecordAuditTest.sha256(SEED),
                    TIME);
            assertThat(in.auditRecorder().record(d, "admin", "audit").problems())
                    .isEmpty();
            assertThat(in.auditRecorder()
                            .record(new SeedReveal("rla-1", SEED, TIME), "admin", "seed")
                            .problems())
                    .isEmpty();
            // what a data directory written before schema V8 holds: the seed, and no row
            try (var c = java.sql.DriverManager.getConnection(in.store().url());
                    var st = c.createStatement()) {
                st.execute("DELETE FROM audit_reported");
            }
        }
        Round next;
        try (Instance in = Instance.open(dir)) {
            next = in.auditRecorder().next("rla-1").orElseThrow();
            assertThat(in.auditRecorder().status("rla-1").orElseThrow().state()).isEqualTo("counting");
            in.rebuild();
            assertThat(in.auditRecorder().next("rla-1")).contains(next);
        }
        try (Instance in = Instance.open(dir);
                var c = java.sql.DriverManager.getConnection(in.store().url());
                var st = c.createStatement();
                var rs = st.executeQuery("SELECT audit, stations FROM audit_reported")) {
            assertThat(rs.next()).as("the rebuild wrote the row again").isTrue();
            assertThat(rs.getString(1)).isEqualTo("rla-1");
            assertThat(rs.getLong(2)).isEqualTo(in.state().catalogue().stationCount());
        }
    }
}
