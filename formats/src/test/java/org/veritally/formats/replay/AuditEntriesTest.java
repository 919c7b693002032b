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
import org.veritally.core.validation.Problem;
import org.veritally.formats.entry.EntryCodec;

/**
 * The risk-limiting audit entries (issue 19, docs/log-format.md §1.10) through a replay, as {@code verify} reads
 * them: their canonical bytes round-trip, and the rulebook's AUD-DEFINE, AUD-SEED and AUD-COUNT refuse what they
 * say.
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
        assertThat(append(r, risk(1, "0.500000", "full-hand-count"))).isEmpty();
        assertThat(append(r, risk(2, "0.500000", "next-round")).toString())
                .contains("AUD-ROUND")
                .contains("full-hand-count");
    }

    static AuditEntry risk(int round, String risk, String decision) {
        return new AuditEntry(new org.veritally.core.audit.AuditRisk("rla-1", round, 10, risk, decision, TIME));
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
}
