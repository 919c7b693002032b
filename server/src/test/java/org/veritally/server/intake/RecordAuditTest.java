package org.veritally.server.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.core.audit.AuditDefinition;
import org.veritally.core.audit.AuditMethod;
import org.veritally.core.audit.AuditRisk;
import org.veritally.core.audit.HandCount;
import org.veritally.core.audit.SeedReveal;
import org.veritally.core.audit.risk.Round;
import org.veritally.core.model.Contest;
import org.veritally.core.model.TallySheet;
import org.veritally.formats.Definition;
import org.veritally.formats.generate.SyntheticElection;
import org.veritally.server.Fixtures;
import org.veritally.server.Instance;

/**
 * RecordAudit (issue 19): audit entries go through the one rulebook (AUD-DEFINE, AUD-SEED, AUD-COUNT, AUD-ROUND),
 * and the server writes each round's risk as AuditRecompute computes it, the computation the rulebook holds every
 * round to, live, on rebuild and in verify; a lowered risk is refused by the sequencer's rulebook and by a
 * rebuild (attack tests).
 */
class RecordAuditTest {
    static final String SEED = "3 1 4 1 5 9 2 6 5 3 5 8 9 7 9 3 2 3 8 4";
    static final String TIME = "2026-12-07T16:00:00Z";

    @TempDir
    Path dir;

    Instance in;
    List<TallySheet> sheets;
    Contest contest;
    RecordAudit audits;

    @BeforeEach
    void setUp() {
        var g = new SyntheticElection(60, 1, 3, 1, 11);
        Definition d = g.definition();
        in = Fixtures.defined(dir, d);
        sheets = Fixtures.sheets(g, d);
        Fixtures.submit(in, sheets);
        contest = d.election().contests().get(0);
        audits = in.auditRecorder();
    }

    static String sha256(String s) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    AuditDefinition definition(String id) throws Exception {
        return new AuditDefinition(id, contest.id(), "official", "0.10", AuditMethod.MACRO, 3, sha256(SEED), TIME);
    }

    HandCount honest(String audit, String station) {
        TallySheet s = sheets.stream()
                .filter(x -> x.stationId().equals(station) && x.contestId().equals(contest.id()))
                .findFirst()
                .orElseThrow();
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int i = 0; i < contest.choices().size(); i++)
            counts.put(contest.choices().get(i).id(), s.votes()[i]);
        return new HandCount(audit, 1, station, counts, Map.of(), "board 1", TIME);
    }

    @Test
    void audDefineAndAudSeedAreCheckedByTheRulebookBeforeAnyAppend() throws Exception {
        assertThat(audits.record(definition("rla-1"), "admin", "audit").problems())
                .isEmpty();
        long size = in.state().logSize();
        var badContest =
                new AuditDefinition("rla-2", "nope", "official", "0.10", AuditMethod.MACRO, 3, sha256(SEED), TIME);
        assertThat(audits.record(badContest, "admin", "audit").problems())
                .extracting(p -> p.rule().id())
                .contains("AUD-DEFINE");
        assertThat(audits.record(new SeedReveal("rla-1", "1 2 3", TIME), "admin", "seed")
                        .problems())
                .extracting(p -> p.rule().id())
                .containsExactly("AUD-SEED");
        assertThat(in.state().logSize()).isEqualTo(size);
        assertThat(audits.record(new SeedReveal("rla-1", SEED, TIME), "admin", "seed")
                        .problems())
                .isEmpty();
        assertThat(in.state().logSize()).isEqualTo(size + 1);
    }

    @Test
    void aRoundsRiskIsComputedNotSubmitted() {
        assertThatThrownBy(() ->
                        audits.record(new AuditRisk("rla-1", 1, 5, "0.010000", "confirmed", TIME), "auditor", "round"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theLastHandCountOfARoundAppendsTheRoundsRiskAsRecomputed() throws Exception {
        audits.record(definition("rla-1"), "admin", "audit");
        audits.record(new SeedReveal("rla-1", SEED, TIME), "admin", "seed");
        Round first = audits.next("rla-1").orElseThrow();
        assertThat(first.number()).isEqualTo(1);
        assertThat(first.counted()).isZero();
        assertThat(first.risk()).isEqualTo(1.0);
        for (String station : first.stations()) {
            assertThat(audits.rounds("rla-1")).isEmpty();
            var r = audits.record(honest("rla-1", station), "auditor", "count " + station);
            assertThat(r.problems()).as(station).isEmpty();
        }
        var audit = in.state().audits().audit("rla-1").orElseThrow();
        assertThat(audit.rounds()).hasSize(1);
        AuditRisk written = audit.rounds().get(0).risk();
        Round recomputed = audits.rounds("rla-1").get(0);
        assertThat(written.draws()).isEqualTo(first.draws());
        assertThat(written.risk()).isEqualTo(AuditRisk.format(recomputed.risk()));
        assertThat(written.decision())
                .isEqualTo(org.veritally.core.rulebook.AuditRecompute.wire(recomputed.decision()));
        // honest counts leave no discrepancy: the risk can only have fallen from 1
        assertThat(recomputed.risk()).isLessThan(1.0);
        assertThat(recomputed.counted()).isEqualTo(recomputed.stations().size());
    }

    @Test
    void measureOnRequestCountsStationsNotYetCountedAsTheWorstCase() throws Exception {
        audits.record(definition("rla-1"), "admin", "audit");
        assertThat(audits.measure("rla-1", "admin", "round")).isEmpty(); // no seed yet
        audits.record(new SeedReveal("rla-1", SEED, TIME), "admin", "seed");
        var r = audits.measure("rla-1", "admin", "round").orElseThrow();
        assertThat(r.problems()).isEmpty();
        AuditRisk written =
                in.state().audits().audit("rla-1").orElseThrow().rounds().get(0).risk();
        assertThat(written.risk()).isEqualTo("1.000000");
        assertThat(written.decision()).isEqualTo("next-round");
        assertThat(audits.next("rla-1").orElseThrow().number()).isEqualTo(2);
        assertThat(audits.next("rla-1").orElseThrow().draws()).isGreaterThanOrEqualTo(2 * written.draws());
    }

    @Test
    void auditEntriesSurviveAReopenOfTheInstance() throws Exception {
        audits.record(definition("rla-1"), "admin", "audit");
        audits.record(new SeedReveal("rla-1", SEED, TIME), "admin", "seed");
        audits.measure("rla-1", "admin", "round");
        long size = in.state().logSize();
        in.close();
        try (Instance again = Instance.open(dir)) {
            assertThat(again.state().logSize()).isEqualTo(size);
            assertThat(again.state().audits().audit("rla-1").orElseThrow().rounds())
                    .hasSize(1);
            assertThat(again.auditRecorder().rounds("rla-1")).hasSize(1);
        }
    }

    /** An audit of one round measured at once, with nothing counted: risk 1, so it goes to a full hand count. */
    void fullHandCount(String id) throws Exception {
        fullHandCount(id, AuditMethod.MACRO);
    }

    void fullHandCount(String id, AuditMethod method) throws Exception {
        var d = new AuditDefinition(id, contest.id(), "official", "0.10", method, 1, sha256(SEED), TIME);
        assertThat(audits.record(d, "admin", "audit").problems()).isEmpty();
        audits.record(new SeedReveal(id, SEED, TIME), "admin", "seed");
        audits.measure(id, "admin", "round").orElseThrow();
        assertThat(audits.status(id).orElseThrow().state()).isEqualTo("full-hand-count");
    }

    @Test
    void aCompleteFullHandCountStandsAsTheAuditsResultAndConfirmsTheReportedWinner() throws Exception {
        fullHandCount("rla-full");
        var stations = in.state().catalogue();
        for (int i = 0; i < stations.stationCount(); i++) {
            String st = stations.station(i).id();
            var before = audits.status("rla-full").orElseThrow().fullCount().orElseThrow();
            assertThat(before.result()).as("before " + st).isEqualTo("counting");
            assertThat(before.counted()).isEqualTo(i);
            assertThat(audits.record(honest("rla-full", st), "admin", "count").problems())
                    .isEmpty();
        }
        AuditStatus.FullCount full =
                audits.status("rla-full").orElseThrow().fullCount().orElseThrow();
        assertThat(full.counted()).isEqualTo(full.stations()).isEqualTo(60);
        assertThat(full.result()).isEqualTo("confirmed");
        assertThat(full.countedWinners()).isEqualTo(full.reportedWinners()).hasSize(1);
        for (var t : full.totals()) assertThat(t.counted()).as(t.choice()).isEqualTo(t.reported());
        long[] reported = new long[contest.choices().size()];
        for (TallySheet s : sheets) for (int c = 0; c < reported.length; c++) reported[c] += s.votes()[c];
        assertThat(full.totals())
                .extracting(AuditStatus.ChoiceTotal::reported)
                .containsExactly(java.util.Arrays.stream(reported).boxed().toArray(Long[]::new));
    }

    @Test
    void aFullHandCountThatGivesAnotherWinnerOverturnsTheReportedOutcome() throws Exception {
        fullHandCount("rla-full");
        var full0 = audits.status("rla-full").orElseThrow().fullCount().orElseThrow();
        String winner = full0.reportedWinners().get(0);
        String loser = full0.totals().stream()
                .map(AuditStatus.ChoiceTotal::choice)
                .filter(c -> !c.equals(winner))
                .findFirst()
                .orElseThrow();
        var cat = in.state().catalogue();
        for (int i = 0; i < cat.stationCount(); i++) {
            HandCount h = honest("rla-full", cat.station(i).id());
            Map<String, Long> swapped = new LinkedHashMap<>(h.counts());
            swapped.put(winner, h.counts().get(loser));
            swapped.put(loser, h.counts().get(winner));
            var r = audits.record(
                    new HandCount(h.audit(), 1, h.station(), swapped, Map.of(), h.board(), TIME), "admin", "count");
            assertThat(r.problems()).isEmpty();
        }
        var full = audits.status("rla-full").orElseThrow().fullCount().orElseThrow();
        assertThat(full.result()).isEqualTo("overturned");
        assertThat(full.countedWinners()).containsExactly(loser);
    }

    @Test
    void AUD_COUNT_aBravoAuditCountsPerChoiceOnlyOnceItWentToAFullHandCountAndItsResultStands() throws Exception {
        String st0 = in.state().catalogue().station(0).id();
        var d = new AuditDefinition(
                "bravo-early", contest.id(), "official", "0.10", AuditMethod.BRAVO, 1, sha256(SEED), TIME);
        assertThat(audits.record(d, "admin", "audit").problems()).isEmpty();
        audits.record(new SeedReveal("bravo-early", SEED, TIME), "admin", "seed");
        assertThat(audits.record(honest("bravo-early", st0), "admin", "count").problems())
                .as("while it samples, a BRAVO audit reads ballots, it does not count stations")
                .extracting(p -> p.rule().id())
                .contains("AUD-COUNT");

        fullHandCount("bravo-full", AuditMethod.BRAVO);
        HandCount withBallots = new HandCount(
                "bravo-full", 1, st0, honest("bravo-full", st0).counts(), Map.of(1L, ""), "board 1", TIME);
        assertThat(audits.record(withBallots, "admin", "count").problems())
                .extracting(p -> p.rule().id())
                .containsExactly("AUD-COUNT");
        var cat = in.state().catalogue();
        for (int i = 0; i < cat.stationCount(); i++)
            assertThat(audits.record(honest("bravo-full", cat.station(i).id()), "admin", "count")
                            .problems())
                    .isEmpty();
        var full = audits.status("bravo-full").orElseThrow().fullCount().orElseThrow();
        assertThat(full.counted()).isEqualTo(full.stations()).isEqualTo(60);
        assertThat(full.result()).isEqualTo("confirmed");
    }

    /** The round-1 entry with its risk lowered to "0.010000", confirmed: what a dishonest writer would append. */
    AuditRisk lowered() {
        Round honest = audits.next("rla-1").orElseThrow();
        return new AuditRisk("rla-1", 1, honest.draws(), "0.010000", "confirmed", TIME);
    }

    @Test
    void AUD_ROUND_theSequencersRulebookRefusesARoundWhoseRiskIsNotItsRecomputation() throws Exception {
        audits.record(definition("rla-1"), "admin", "audit");
        audits.record(new SeedReveal("rla-1", SEED, TIME), "admin", "seed");
        var entry = new org.veritally.core.entry.AuditEntry(lowered());
        var d = in.state()
                .rulebook()
                .decide(
                        new StateLedger(in.state(), in.sequencer()::sheetAt),
                        in.state().logSize(),
                        entry,
                        "round");
        assertThat(d).isInstanceOf(org.veritally.core.rulebook.Decision.Refuse.class);
        var problems = ((org.veritally.core.rulebook.Decision.Refuse) d).problems();
        assertThat(problems).extracting(p -> p.rule().id()).containsExactly("AUD-ROUND");
        assertThat(problems.get(0).found()).contains("draws " + lowered().draws() + ", risk 0.010000, confirmed");
    }

    @Test
    void AUD_ROUND_aRebuildRefusesALogWhoseRoundRiskWasAlteredAndKeepsTheProjections() throws Exception {
        audits.record(definition("rla-1"), "admin", "audit");
        audits.record(new SeedReveal("rla-1", SEED, TIME), "admin", "seed");
        // a writer that bypasses the rulebook (a compromised process holding the log key) appends a lowered risk
        byte[] bytes = in.state().codec().encode(new org.veritally.core.entry.AuditEntry(lowered()));
        var appender = new LogAppender(() -> 0L, in.keys().signer());
        var appended = in.store()
                .write(tx -> appender.append(
                        tx, in.state(), List.of(new LogAppender.NewEntry("audit-round", bytes, "admin"))));
        appender.committed(in.state(), appended);
        var before = org.veritally.store.ProjectionDump.of(in.store());
        assertThatThrownBy(() -> in.rebuild())
                .isInstanceOf(org.veritally.server.integrity.IntegrityFailure.class)
                .hasMessageContaining("AUD-ROUND")
                .hasMessageContaining("risk 0.010000");
        assertThat(org.veritally.store.ProjectionDump.of(in.store())).isEqualTo(before);
    }
}
