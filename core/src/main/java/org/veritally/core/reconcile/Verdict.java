package org.veritally.core.reconcile;

import java.util.List;
import java.util.Optional;

/**
 * The reconciliation of one station × contest: its status, and the copy that counts in the
 * consensus view, if any. Pure: {@link #of} depends only on the copies and the policy.
 */
public record Verdict(StationStatus status, Optional<Copy> consensus) {
    public static final Verdict MISSING = new Verdict(StationStatus.MISSING, Optional.empty());

    public static Verdict of(List<Copy> copies, ConsensusPolicy policy) {
        if (copies.isEmpty()) return MISSING;
        boolean allAgree = true;
        for (int i = 0; i < copies.size() && allAgree; i++) {
            for (int j = i + 1; j < copies.size(); j++) {
                if (!copies.get(i).digest().agreesWith(copies.get(j).digest())) {
                    allAgree = false;
                    break;
                }
            }
        }
        StationStatus status =
                copies.size() == 1 ? StationStatus.SINGLE : allAgree ? StationStatus.AGREED : StationStatus.DISPUTED;
        Optional<Copy> consensus = Optional.empty();
        if (allAgree && copies.size() >= policy.minSources()) {
            Copy first = copies.get(0);
            for (Copy c : copies) if (c.entryIndex() < first.entryIndex()) first = c;
            consensus = Optional.of(first);
        }
        return new Verdict(status, consensus);
    }
}
