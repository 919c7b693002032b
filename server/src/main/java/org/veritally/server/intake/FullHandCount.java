package org.veritally.server.intake;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.veritally.core.audit.risk.Outcome;
import org.veritally.core.audit.risk.ReportedBatch;
import org.veritally.core.model.Choice;
import org.veritally.core.model.Contest;
import org.veritally.core.rulebook.AuditBook;

/**
 * The result of an audit's full hand count (docs/audit.md, "When the audit goes to a full hand count"): once a
 * round decides {@code full-hand-count}, the audit boards count every station of the catalogue, and when the
 * last one is in, the hand-counted totals are the audit's result, which confirms the reported outcome (the same
 * winner) or overturns it (another winner, or a tie at the last seat). The last hand count of a station counts,
 * as in {@code verify}; a hand count without per-choice votes (a BRAVO ballot reading) counts no station here.
 * Stateless.
 */
final class FullHandCount {
    private FullHandCount() {}

    /** Where the full hand count of {@code a} stands, over the reported {@code batches} of its contest. */
    static AuditStatus.FullCount of(AuditBook.Audit a, Contest contest, List<ReportedBatch> batches) {
        List<Choice> choices = contest.choices();
        Map<String, Map<String, Long>> last = new HashMap<>();
        for (AuditBook.Counted k : a.counts())
            if (!k.count().counts().isEmpty())
                last.put(k.count().station(), k.count().counts());
        long[] reported = new long[choices.size()];
        long[] counted = new long[choices.size()];
        int done = 0;
        for (ReportedBatch b : batches) {
            for (int c = 0; c < reported.length; c++) reported[c] += b.votes(c);
            Map<String, Long> h = last.get(b.id());
            if (h == null) continue;
            done++;
            for (int c = 0; c < counted.length; c++)
                counted[c] += h.getOrDefault(choices.get(c).id(), 0L);
        }
        List<AuditStatus.ChoiceTotal> totals = new ArrayList<>();
        for (int c = 0; c < choices.size(); c++)
            totals.add(new AuditStatus.ChoiceTotal(choices.get(c).id(), reported[c], counted[c]));
        List<String> reportedWinners = winner(reported, choices);
        boolean complete = done == batches.size();
        List<String> countedWinners = complete ? winner(counted, choices) : List.of();
        String result = !complete
                ? "counting"
                : !countedWinners.isEmpty() && countedWinners.equals(reportedWinners) ? "confirmed" : "overturned";
        return new AuditStatus.FullCount(batches.size(), done, totals, reportedWinners, countedWinners, result);
    }

    /** The winner's choice id (one seat, as the audit's outcome); empty on a tie for first place. */
    private static List<String> winner(long[] totals, List<Choice> choices) {
        Optional<Outcome> o;
        try {
            o = Optional.of(Outcome.of(Arrays.copyOf(totals, totals.length), 1));
        } catch (IllegalArgumentException tie) {
            o = Optional.empty();
        }
        return o.map(x -> Arrays.stream(x.winners())
                        .mapToObj(i -> choices.get(i).id())
                        .toList())
                .orElse(List.of());
    }
}
