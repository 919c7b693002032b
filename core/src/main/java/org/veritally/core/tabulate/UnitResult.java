package org.veritally.core.tabulate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.veritally.core.model.Contest;
import org.veritally.core.model.Denominator;

/**
 * The result of one unit × contest × view, with its coverage: stations reporting out of the
 * catalogue's stations below the unit, and the registered voters of the reporting stations out of
 * all registered below it. Candidates are in descending order of votes (ties by ballot order).
 * {@code stationsTotal} and {@code registeredVotersTotal} are always the catalogue's; {@code
 * denominator} is what coverage divides by, the election's declared universe where there is one
 * (docs/coverage.md).
 */
public record UnitResult(
        String unit,
        String unitName,
        String contest,
        String view,
        long stationsTotal,
        long stationsReporting,
        long registeredVoters,
        long registeredVotersTotal,
        long ballotsCast,
        long validVotes,
        long nullVotes,
        long blankVotes,
        List<CandidateTotal> candidates,
        List<ChoiceTotal> choices,
        Denominator denominator) {

    /** A result whose denominator is the catalogue. */
    public static UnitResult of(
            String unit,
            String unitName,
            Contest contest,
            View view,
            long stationsTotal,
            long registeredTotal,
            Tally t) {
        return of(
                unit,
                unitName,
                contest,
                view,
                stationsTotal,
                registeredTotal,
                new Denominator(Denominator.Basis.CATALOGUE, stationsTotal, registeredTotal),
                t);
    }

    public static UnitResult of(
            String unit,
            String unitName,
            Contest contest,
            View view,
            long stationsTotal,
            long registeredTotal,
            Denominator denominator,
            Tally t) {
        var choices = new ArrayList<ChoiceTotal>();
        long[] byCandidate = new long[contest.candidates().size()];
        int[] cand = contest.candidateOfChoice();
        for (int i = 0; i < contest.choices().size(); i++) {
            var ch = contest.choices().get(i);
            choices.add(new ChoiceTotal(ch.id(), ch.name(), ch.candidateId(), t.votes[i]));
            byCandidate[cand[i]] += t.votes[i];
        }
        var cands = new ArrayList<CandidateTotal>();
        for (int i = 0; i < byCandidate.length; i++) {
            var c = contest.candidates().get(i);
            cands.add(new CandidateTotal(c.id(), c.name(), byCandidate[i]));
        }
        cands.sort(Comparator.comparingLong(CandidateTotal::votes).reversed());
        return new UnitResult(
                unit,
                unitName,
                contest.id(),
                view.wire(),
                stationsTotal,
                t.stations,
                t.registered,
                registeredTotal,
                t.ballots,
                t.valid,
                t.nulls,
                t.blank,
                List.copyOf(cands),
                List.copyOf(choices),
                denominator);
    }
}
