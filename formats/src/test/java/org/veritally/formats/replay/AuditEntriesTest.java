package org.veritally.formats.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.veritally.core.audit.AuditDefinition;
import org.veritally.core.audit.AuditMethod;
import org.veritally.core.audit.HandCount;
import org.veritally.core.audit.SeedReveal;
import org.veritally.core.entry.AuditEntry;
import org.veritally.core.entry.Entry;
import org.veritally.core.rulebook.AuditRecompute;
import org.veritally.core.validation.Problem;
import org.veritally.formats.entry.EntryCodec;

/**
 * The risk-limiting audit entries (issue 19, docs/log-format.md §1.10) through a replay, as {@code verify} reads
 * them: their canonical bytes round-trip, and the rulebook's AUD-DEFINE, AUD-SEED, AUD-COUNT and AUD-ROUND (which
 * recomputes a round from the log before it) refuse what they say.
 */
class AuditEntriesTest {
    static final String SEED = "3 1 4 1 5 9 2 6 5 3 5 8 9 7 9 3 2 3 8 4";

    static String commitment() {
        try {
            byte[] h = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(SEED.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(h);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    static final String TIME = "2026-12-07T16:00:00Z";

    static AuditEntry definition(String contest, String riskLimit, String commitment) {
        return new AuditEntry(
                new AuditDefinition("rla-1", contest, "official", riskLimit, AuditMethod.MACRO, 3, commitment, TIME));
    }

    static AuditEntry reveal(String seed) {
        return new AuditEntry(new SeedReveal("rla-1", seed, TIME));
    }

    static AuditEntry count(String station, Map<String, Long> counts) {
        return new AuditEntry(
                new HandCount("rla-1", 1, station, counts, Map.of(), "board 1: A. Pérez, L. Gómez", TIME));
    }

    static List<Problem> append(LogReplay r, Entry e) {
        EntryCodec codec = new EntryCodec(r.election());
        return r.accept(codec.encode(e));
    }

    static LogReplay seeded() {
        LogReplay r = LogSpecDecodingTest.ready();
        assertThat(append(r, definition("P", "0.05", commitment()))).isEmpty();
        assertThat(append(r, reveal(SEED))).isEmpty();
        return r;
    }

    @Test
    void auditEntriesRoundTripThroughTheirCanonicalBytes() {
        EntryCodec codec = new EntryCodec(LogSpecDecodingTest.ready().election());
        for (Entry e : List.of(
                definition("P", "0.05", commitment()),
                reveal(SEED),
                count("S1", Map.of("A1", 6L, "B1", 4L)),
                new AuditEntry(new HandCount("rla-1", 2, "S2", Map.of(), Map.of(3L, "A1", 17L, ""), "b", TIME)),
                risk(1, "0.041234", "confirmed"))) {
            byte[] bytes = codec.encode(e);
            List<Problem> problems = new java.util.ArrayList<>();
            assertThat(codec.decode(bytes, "t", problems)).as(new String(bytes)).isEqualTo(Optional.of(e));
            assertThat(problems).isEmpty();
        }
        assertThat(new String(codec.encode(reveal(SEED))))
                .isEqualTo("{\"audit\":\"rla-1\",\"kind\":\"audit-seed\",\"seed\":\"" + SEED + "\",\"time\":\"" + TIME
                        + "\",\"v\":1}");
    }

    @Test
    void AUD_DEFINE_unknownContestBadRiskLimitAndMalformedCommitmentAreRefused() {
        LogReplay r = LogSpecDecodingTest.ready();
        List<Problem> p = append(r, definition("X", "1.5", "abc"));
        assertThat(p.toString())
                .contains("AUD-DEFINE")
                .contains("contest")
                .contains("riskLimit")
                .contains("seedCommitment");
    }

    @Test
    void AUD_DEFINE_anAuditDefinedAgainOtherwiseIsRefused() {
        LogReplay r = seeded();
        assertThat(append(r, definition("P", "0.10", commitment())).toString()).contains("AUD-DEFINE");
    }

    @Test
    void AUD_SEED_aSeedThatDoesNotHashToTheCommitmentIsRefused() {
        LogReplay r = LogSpecDecodingTest.ready();
        assertThat(append(r, definition("P", "0.05", commitment()))).isEmpty();
        List<Problem> p = append(r, reveal(SEED + " 6"));
        assertThat(p.toString()).contains("AUD-SEED").contains(commitment());
        assertThat(append(r, reveal(SEED))).isEmpty();
        assertThat(append(r, reveal("another")).toString()).contains("AUD-SEED");
    }

    @Test
    void AUD_ROUND_aRoundOutOfOrderOrWithAMalformedRiskOrDecisionIsRefused() {
        LogReplay r = seeded();
        assertThat(append(r, risk(2, "0.500000", "next-round")).toString())
                .contains("AUD-ROUND")
                .contains("round");
        assertThat(append(r, risk(1, "0.5", "next-round")).toString())
                .contains("AUD-ROUND")
                .contains("risk");
        assertThat(append(r, risk(1, "0.500000", "maybe")).toString())
                .contains("AUD-ROUND")
                .contains("decision");
        // well formed, but not what the log implies: no sheet, so no outcome to audit
        assertThat(append(r, risk(1, "0.500000", "full-hand-count")).toString())
                .contains("AUD-ROUND")
                .contains("cannot be computed");
    }

    /** A log with S1's sheet (A1 6, B1 4) and the audit defined and seeded. */
    static LogReplay sheetAndSeed(AuditEntry definition) {
        LogReplay r = LogSpecDecodingTest.ready();
        assertThat(r.accept(LogSpecDecodingTest.canonical(LogSpecDecodingTest.SHEET)))
                .isEmpty();
        assertThat(append(r, definition)).isEmpty();
        assertThat(append(r, reveal(SEED))).isEmpty();
        return r;
    }

    @Test
    void AUD_ROUND_aRoundWhoseRiskDrawsOrDecisionDifferFromTheRecomputationIsRefused() {
        LogReplay r = sheetAndSeed(definition("P", "0.05", commitment()));
        var audit = r.audits().audit("rla-1").orElseThrow();
        org.veritally.core.audit.AuditRisk right = AuditRecompute.entry(
                "rla-1", AuditRecompute.next(r, audit, r.size()).orElseThrow(), TIME);
        // nothing counted yet: every drawn station is the worst case; the three stations are all drawn
        assertThat(right.risk()).isEqualTo("1.000000");
        assertThat(right.decision()).isEqualTo("full-hand-count");
        List<Problem> lowered = append(r, risk(1, right.draws(), "0.010000", "confirmed"));
        assertThat(lowered).extracting(p -> p.rule().id()).containsExactly("AUD-ROUND");
        assertThat(lowered.get(0).expected()).contains("draws " + right.draws() + ", risk 1.000000, full-hand-count");
        assertThat(lowered.get(0).found()).contains("draws " + right.draws() + ", risk 0.010000, confirmed");
        assertThat(append(r, risk(1, right.draws() - 1, right.risk(), right.decision())))
                .extracting(p -> p.rule().id())
                .containsExactly("AUD-ROUND");
        assertThat(append(r, new AuditEntry(right))).isEmpty();
        assertThat(r.audits().audit("rla-1").orElseThrow().rounds()).hasSize(1);
    }

    static AuditEntry risk(int round, long draws, String risk, String decision) {
        return new AuditEntry(new org.veritally.core.audit.AuditRisk("rla-1", round, draws, risk, decision, TIME));
    }

    static AuditEntry stratified(AuditMethod method, String... strata) {
        return new AuditEntry(
                new AuditDefinition("rla-1", "P", "official", "0.05", method, 3, commitment(), TIME, List.of(strata)));
    }

    @Test
    void AUD_DEFINE_strataMustBeMacrosDeclaredUnitsNotNestedAndCoverTheCatalogue() {
        assertThat(append(LogSpecDecodingTest.ready(), stratified(AuditMethod.MACRO, "R", "X"))
                        .toString())
                .contains("AUD-DEFINE", "unknown unit 'X'");
        assertThat(append(LogSpecDecodingTest.ready(), stratified(AuditMethod.MACRO, "R", "R"))
                        .toString())
                .contains("AUD-DEFINE", "repeats");
        assertThat(append(LogSpecDecodingTest.ready(), stratified(AuditMethod.MACRO, "N", "R"))
                        .toString())
                .contains("AUD-DEFINE", "'R' lies within stratum 'N'");
        assertThat(append(LogSpecDecodingTest.ready(), stratified(AuditMethod.MACRO, "R"))
                        .toString())
                .contains("AUD-DEFINE", "station 'S3' is in no stratum");
        assertThat(append(LogSpecDecodingTest.ready(), stratified(AuditMethod.BRAVO, "R", "Q"))
                        .toString())
                .contains("AUD-DEFINE", "only a MACRO audit is stratified");
        assertThat(append(LogSpecDecodingTest.ready(), stratified(AuditMethod.MACRO, "R", "Q")))
                .isEmpty();
    }

    @Test
    void aStratifiedDefinitionCarriesItsStrataInTheLogAndAnUnstratifiedOneHasNoStrataMember() {
        EntryCodec codec = new EntryCodec(LogSpecDecodingTest.ready().election());
        AuditEntry e = stratified(AuditMethod.MACRO, "R", "Q");
        byte[] bytes = codec.encode(e);
        assertThat(new String(bytes, java.nio.charset.StandardCharsets.UTF_8)).contains("\"strata\":[\"R\",\"Q\"]");
        List<Problem> problems = new java.util.ArrayList<>();
        assertThat(codec.decode(bytes, "t", problems)).isEqualTo(Optional.of(e));
        assertThat(problems).isEmpty();
        assertThat(new String(
                        codec.encode(definition("P", "0.05", commitment())), java.nio.charset.StandardCharsets.UTF_8))
                .doesNotContain("strata");
    }

    @Test
    void AUD_ROUND_aStratifiedRoundIsRecomputedPerStratum() {
        LogReplay r = sheetAndSeed(stratified(AuditMethod.MACRO, "R", "Q"));
        var audit = r.audits().audit("rla-1").orElseThrow();
        var round = AuditRecompute.next(r, audit, r.size()).orElseThrow();
        // S3 (unit Q) is the only station of its stratum, so a stratified sample always draws it
        assertThat(round.stations()).contains("S3");
        org.veritally.core.audit.AuditRisk right = AuditRecompute.entry("rla-1", round, TIME);
        assertThat(append(r, risk(1, right.draws(), "0.000001", "confirmed")).toString())
                .contains("AUD-ROUND");
        assertThat(append(r, new AuditEntry(right))).isEmpty();
    }

    static AuditEntry risk(int round, String risk, String decision) {
        return risk(round, 10, risk, decision);
    }

    @Test
    void AUD_COUNT_aHandCountBeforeTheSeedOrForAnUnknownStationOrChoiceIsRefused() {
        LogReplay r = LogSpecDecodingTest.ready();
        assertThat(append(r, definition("P", "0.05", commitment()))).isEmpty();
        assertThat(append(r, count("S1", Map.of("A1", 6L, "B1", 4L))).toString())
                .contains("AUD-COUNT")
                .contains("not revealed");
        assertThat(append(r, reveal(SEED))).isEmpty();
        assertThat(append(r, count("S9", Map.of("A1", 6L, "B1", 4L))).toString())
                .contains("AUD-COUNT")
                .contains("S9");
        assertThat(append(r, count("S1", Map.of("A1", 6L))).toString())
                .contains("AUD-COUNT")
                .contains("B1");
        assertThat(append(r, count("S1", Map.of("A1", 6L, "B1", 4L)))).isEmpty();
        assertThat(r.audits().audit("rla-1").orElseThrow().counts()).hasSize(1);
    }

    @Test
    void AUD_ROUND_anAuditWhoseSizesPassJavasIntegersIsRefusedNotThrown() {
        // two stations of 10^10 registered voters (the most IN-MAX allows) and a margin of one vote at a risk limit
        // of 10^-6: round 1 would take some 3 × 10^11 draws, past an int (Math.toIntExact in the sampler)
        LogReplay r = new LogReplay();
        String cat = LogSpecDecodingTest.CATALOGUE
                .replace("\"registered\":100", "\"registered\":10000000000")
                .replace("\"registered\":50", "\"registered\":10000000000");
        for (String e : List.of(LogSpecDecodingTest.ELECTION, cat, LogSpecDecodingTest.SOURCE))
            assertThat(r.accept(LogSpecDecodingTest.canonical(e))).as(e).isEmpty();
        assertThat(r.accept(LogSpecDecodingTest.canonical(LogSpecDecodingTest.SHEET
                        .replace("\"B1\":4", "\"B1\":5")
                        .replace("\"valid\":10", "\"valid\":11"))))
                .isEmpty();
        assertThat(append(r, definition("P", "0.000001", commitment()))).isEmpty();
        assertThat(append(r, reveal(SEED))).isEmpty();
        List<Problem> p = append(r, risk(1, 10, "1.000000", "full-hand-count"));
        assertThat(p).extracting(x -> x.rule().id()).containsExactly("AUD-ROUND");
        assertThat(p.get(0).message()).contains("cannot be computed");
        assertThat(r.auditProblems()).hasSize(1);
    }

    @Test
    void AUD_DEFINE_anAuditIdWithASlashOrASpaceIsRefused() {
        for (String id : List.of("rla/1", "rla 1", "r\u00e9sum\u00e9")) {
            var d = new AuditEntry(
                    new AuditDefinition(id, "P", "official", "0.05", AuditMethod.MACRO, 3, commitment(), TIME));
            List<Problem> p = append(LogSpecDecodingTest.ready(), d);
            assertThat(p).as(id).extracting(x -> x.rule().id()).containsExactly("AUD-DEFINE");
            assertThat(p.get(0).message()).as(id).contains("is not an id");
        }
        assertThat(append(LogSpecDecodingTest.ready(), definition("P", "0.05", commitment())))
                .isEmpty();
    }
}
