package org.veritally.verify;

import java.util.List;
import java.util.Optional;
import org.veritally.core.rulebook.AuditBook;
import org.veritally.core.validation.Problem;
import org.veritally.formats.replay.LogReplay;

/**
 * VFY-AUDIT: every risk-limiting audit in the log is recomputed ({@link AuditRecompute}): the revealed seed hashes
 * to the committed SHA-256, and every recorded round has the draws, the risk (six decimals) and the decision
 * computed from the seed, the reported sheets and the hand counts before it. Made only when the log defines an
 * audit. Stateless.
 */
final class AuditCheck {
    private AuditCheck() {}

    static Optional<CheckResult> run(Optional<LogReplay> replay) {
        if (replay.isEmpty() || replay.get().audits().audits().isEmpty()) return Optional.empty();
        LogReplay log = replay.get();
        CheckResult.Findings f = new CheckResult.Findings(Check.VFY_AUDIT);
        int rounds = 0;
        List<AuditBook.Audit> audits = log.audits().audits();
        for (AuditBook.Audit a : audits) {
            String id = a.definition().audit();
            if (a.seed().isPresent()) {
                String computed =
                        AuditRecompute.commitment(a.seed().get().reveal().seed());
                if (!computed.equals(a.definition().seedCommitment())) {
                    f.add(Problem.mismatch(
                            Check.VFY_AUDIT,
                            "entry " + a.seed().get().index() + " seed",
                            "audit " + id + ": the seed hashes to its commitment",
                            a.definition().seedCommitment(),
                            computed));
                    continue;
                }
            }
            try {
                for (AuditRecompute.Compared c : AuditRecompute.rounds(log, a)) {
                    rounds++;
                    if (!c.agrees()) {
                        f.add(Problem.mismatch(
                                Check.VFY_AUDIT,
                                "entry " + c.index(),
                                "audit " + id + " round " + c.recorded().round()
                                        + ": draws, risk and decision recomputed from the log",
                                summary(c.expected()),
                                summary(c.recorded())));
                    }
                }
            } catch (IllegalArgumentException e) { // a tie, no votes: the log's audit cannot be computed
                f.add(new Problem(Check.VFY_AUDIT, "audit " + id, "the audit cannot be recomputed: " + e.getMessage()));
            }
        }
        return Optional.of(f.result(
                audits.size() + " audit(s), " + rounds + " round(s) recomputed from the log",
                "an audit's seed or a round's risk is not what the log implies"));
    }

    private static String summary(org.veritally.core.audit.AuditRisk r) {
        return "draws " + r.draws() + ", risk " + r.risk() + ", " + r.decision();
    }
}
