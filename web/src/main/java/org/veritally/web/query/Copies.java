package org.veritally.web.query;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.veritally.core.model.TallySheet;
import org.veritally.core.reconcile.ConsensusPolicy;
import org.veritally.core.reconcile.Copy;
import org.veritally.core.reconcile.CopyDigest;
import org.veritally.core.reconcile.StationStatus;
import org.veritally.core.reconcile.Verdict;

/**
 * Compares sources' copies of one sheet, field by field, by the reconciliation rule
 * (docs/reconciliation.md): copies agree when every field that both carry is equal, so a count one
 * copy lacks (absent) is never a difference. A copy's value is marked as differing when it is not
 * the value a strict majority of the copies carrying that field agree on; without such a majority
 * every carried value is marked. The status itself comes from the core's {@link Verdict}. Stateless.
 */
public final class Copies {
    private Copies() {}

    /** The status of a station × contest from its copies (source index, log index, sheet). */
    public static StationStatus status(List<Copy> copies, ConsensusPolicy policy) {
        return Verdict.of(copies, policy).status();
    }

    /** A copy as reconciliation sees it. */
    public static Copy copy(int sourceIndex, long entryIndex, TallySheet sheet) {
        return new Copy(sourceIndex, entryIndex, CopyDigest.of(sheet));
    }

    /** For one field's values across the copies, which copies differ from the majority. */
    public static List<Boolean> differs(List<OptionalLong> values) {
        Map<Long, Integer> counts = new HashMap<>();
        int present = 0;
        for (OptionalLong v : values) {
            if (v.isEmpty()) continue;
            present++;
            counts.merge(v.getAsLong(), 1, Integer::sum);
        }
        Long majority = null;
        for (var e : counts.entrySet()) if (e.getValue() * 2 > present) majority = e.getKey();
        List<Boolean> out = new ArrayList<>(values.size());
        for (OptionalLong v : values)
            out.add(counts.size() > 1 && v.isPresent() && (majority == null || v.getAsLong() != majority));
        return out;
    }
}
