package org.veritally.web.model;

import java.util.List;
import java.util.Map;
import org.veritally.server.intake.AuditStatus;

/**
 * The index of risk-limiting audits: every audit defined, in the order defined, and the name of each audited
 * contest by its id. Immutable.
 */
public record AuditsPage(ElectionInfo election, List<AuditStatus> audits, Map<String, String> contestNames) {
    public AuditsPage {
        audits = List.copyOf(audits);
        contestNames = Map.copyOf(contestNames);
    }
}
