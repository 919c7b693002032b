package org.veritally.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.veritally.core.audit.AuditRisk;
import org.veritally.core.entry.AuditEntry;
import org.veritally.translog.NoteSigner;
import org.veritally.translog.VerifierKey;

/**
 * Attack tests of a whole published log with a risk-limiting audit (issue 19) through {@link Verifier}: the log
 * of {@link AuditCheckTest} (election, 40 sheets, an audit, its seed, round 1's hand counts and round) published
 * as tiles under a signed checkpoint. The honest log verifies with VFY-AUDIT passing; one whose round risk was
 * lowered before publishing fails VFY-AUDIT (and VFY-ENTRIES); one with a sheet corrected after the seed, whose
 * round was measured from the results as they stood at the seed, verifies (docs/audit.md, "Reported results fixed
 * at the seed").
 */
class AuditVerifierTest {
    static final NoteSigner LOG = NoteSigner.generate("example.org/log", VerifierKey.TYPE_ED25519);

    static Report verify(List<byte[]> entries) {
        return new Verifier(LOG.verifierKey(), List.of(), 0).verify(MemoryLog.publish(entries, LOG));
    }

    @Test
    void VFY_AUDIT_aPublishedLogWithAnHonestAuditVerifies() {
        Report r = verify(AuditCheckTest.log(e -> e));
        assertThat(r.verified()).as(ReportFormat.text(r)).isTrue();
        assertThat(r.result(Check.VFY_AUDIT).orElseThrow().status()).isEqualTo(CheckResult.Status.PASS);
    }

    @Test
    void VFY_AUDIT_aPublishedLogWhoseRoundRiskWasLoweredFails() {
        Report r = verify(AuditCheckTest.log(e -> ((AuditEntry) e).record() instanceof AuditRisk k
                ? new AuditEntry(new AuditRisk(k.audit(), 1, k.draws(), "0.000100", k.decision(), k.time()))
                : e));
        assertThat(r.verified()).isFalse();
        CheckResult audit = r.result(Check.VFY_AUDIT).orElseThrow();
        assertThat(audit.status()).isEqualTo(CheckResult.Status.FAIL);
        assertThat(audit.mismatches().toString()).contains("AUD-ROUND", "0.000100");
        assertThat(r.result(Check.VFY_ENTRIES).orElseThrow().status()).isEqualTo(CheckResult.Status.FAIL);
    }

    @Test
    void VFY_AUDIT_aSheetCorrectedAfterTheSeedLeavesThePublishedAuditVerified() {
        List<byte[]> honest = AuditCheckTest.log(e -> e);
        int seed = 3 + AuditCheckTest.STATIONS + 1; // election, catalogue, source, the sheets, the definition
        List<byte[]> log = new ArrayList<>(honest.subList(0, seed + 1));
        for (int i = 0; i < AuditCheckTest.STATIONS; i += 4) { // every fourth station: B wins there now
            long[] v = AuditCheckTest.votes(i);
            log.add(AuditCheckTest.canonical("{\"kind\":\"sheet\",\"v\":1,\"station\":\"S" + i + "\",\"contest\":\"P\","
                    + "\"source\":\"auth\",\"counts\":{\"valid\":" + (v[0] + v[1]) + ",\"null\":0},\"votes\":{\"A1\":"
                    + v[1] + ",\"B1\":" + v[0] + "},\"supersedes\":" + (3 + i) + ",\"reason\":\"lines swapped\"}"));
        }
        log.addAll(honest.subList(seed + 1, honest.size()));
        Report r = verify(log);
        assertThat(r.verified()).as(ReportFormat.text(r)).isTrue();
        assertThat(r.result(Check.VFY_AUDIT).orElseThrow().status()).isEqualTo(CheckResult.Status.PASS);
    }
}
