package org.veritally.verify;

import java.util.List;
import java.util.Optional;
import org.veritally.core.rulebook.AuditBook;
import org.veritally.core.validation.Problem;
import org.veritally.formats.replay.LogReplay;

/**
 * VFY-AUDIT: the risk-limiting audits of the log, as the replay's rulebook decided them. Every {@code audit-round}
 * entry was recomputed once, by the one rulebook, from the log before it (AUD-ROUND: the draws from the revealed
 * seed, the risk and the decision; {@code org.veritally.core.rulebook.AuditRecompute}), and every seed reveal
 * checked against its commitment (AUD-SEED); this check recomputes nothing itself. It reports the audits and
 * rounds the replay accepted, and fails with every audit rule (AUD-*) the replay found broken ({@link
 * LogReplay#auditProblems}), so a reader sees the audit's verdict apart from the other entries'. Made only when
 * the log defines an audit. Stateless.
 */
final class AuditCheck {
    private AuditCheck() {}

    /** @param replay the finished replay, if every entry could be replayed */
    static Optional<CheckResult> run(Optional<LogReplay> replay) {
        if (replay.isEmpty() || replay.get().audits().audits().isEmpty()) return Optional.empty();
        CheckResult.Findings f = new CheckResult.Findings(Check.VFY_AUDIT);
        for (Problem p : replay.get().auditProblems()) {
            f.add(new Problem(
                    Check.VFY_AUDIT, p.location(), p.rule().id() + ": " + p.message(), p.expected(), p.found()));
        }
        List<AuditBook.Audit> audits = replay.get().audits().audits();
        int rounds = 0;
        for (AuditBook.Audit a : audits) rounds += a.rounds().size();
        return Optional.of(f.result(
                audits.size() + " audit(s), " + rounds + " round(s) recomputed from the log by the rulebook"
                        + " (AUD-ROUND)",
                "an audit entry breaks its rule: a seed, a sample or a round's risk is not what the log implies"));
    }
}
