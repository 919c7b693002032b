package org.veritally.core.validation;

import java.util.ArrayList;
import java.util.List;
import org.veritally.core.model.Catalogue;
import org.veritally.core.model.Contest;
import org.veritally.core.model.Election;
import org.veritally.core.model.Station;
import org.veritally.core.model.SummaryCounts;
import org.veritally.core.model.TallySheet;

/**
 * Checks one tally sheet against the election and the catalogue, reporting every problem found, not
 * just the first. Rules: TS-STATION, TS-CONTEST, TS-CHOICE (vote array length), TS-SUM, TS-BALLOTS,
 * TS-REG, and the flags TS-FLAG-TURNOUT, TS-FLAG-UNANIMOUS, TS-FLAG-ZERO. Rules that need the state
 * of the log (TS-CONFLICT, TS-DUP-ROW, TS-CORRECTION) are checked by the sequencer. Stateless and
 * thread-safe.
 */
public final class SheetValidator {
    /** Turnout above this share of registered voters raises TS-FLAG-TURNOUT (95%). */
    public static final int TURNOUT_FLAG_PERCENT = 95;

    private SheetValidator() {}

    public static List<Problem> validate(TallySheet s, Election election, Catalogue catalogue) {
        List<Problem> out = new ArrayList<>(0);
        int stationIndex = catalogue.stationIndex(s.stationId());
        if (stationIndex < 0)
            out.add(new Problem(Rule.TS_STATION, where(s), "unknown station '" + s.stationId() + "'"));
        var contest = election.contest(s.contestId());
        if (contest.isEmpty()) {
            out.add(new Problem(Rule.TS_CONTEST, where(s), "unknown contest '" + s.contestId() + "'"));
            return out;
        }
        Contest c = contest.get();
        if (s.choiceCount() != c.choices().size()) {
            out.add(new Problem(
                    Rule.TS_CHOICE,
                    where(s),
                    "sheet has " + s.choiceCount() + " choices, contest " + c.id() + " has "
                            + c.choices().size()));
            return out;
        }
        SummaryCounts k = s.counts();
        long sum = s.sumOfVotes();
        if (sum != k.valid())
            out.add(new Problem(
                    Rule.TS_SUM, where(s), "choice votes add up to " + sum + " but valid votes are " + k.valid()));
        long blank = k.blank() == SummaryCounts.ABSENT ? 0 : k.blank();
        if (k.ballotsCast() != SummaryCounts.ABSENT && k.valid() + k.nulls() + blank != k.ballotsCast()) {
            out.add(new Problem(
                    Rule.TS_BALLOTS,
                    where(s),
                    "valid " + k.valid() + " + null " + k.nulls()
                            + (k.blank() == SummaryCounts.ABSENT ? "" : " + blank " + blank) + " = "
                            + (k.valid() + k.nulls() + blank) + " but ballots cast are " + k.ballotsCast()));
        }
        long ballots = k.ballotsOrSum();
        if (stationIndex >= 0) {
            Station st = catalogue.station(stationIndex);
            long limit = st.registeredVoters() + election.turnoutAllowance();
            if (ballots > limit) {
                out.add(new Problem(
                        Rule.TS_REG,
                        where(s),
                        "ballots cast " + ballots + " exceed registered voters " + st.registeredVoters()
                                + " + allowance " + election.turnoutAllowance()));
            } else if (st.registeredVoters() > 0
                    && ballots * 100 > st.registeredVoters() * (long) TURNOUT_FLAG_PERCENT) {
                out.add(new Problem(
                        Rule.TS_FLAG_TURNOUT,
                        where(s),
                        "turnout " + ballots + "/" + st.registeredVoters() + " is above 95%"));
            }
        }
        if (k.valid() > 0) {
            for (int i = 0; i < s.choiceCount(); i++) {
                if (s.vote(i) == k.valid() && c.choices().size() > 1) {
                    out.add(new Problem(
                            Rule.TS_FLAG_UNANIMOUS,
                            where(s),
                            "choice " + c.choices().get(i).id() + " has all " + k.valid() + " valid votes"));
                    break;
                }
            }
        }
        if (ballots == 0 && sum == 0) out.add(new Problem(Rule.TS_FLAG_ZERO, where(s), "every count is zero"));
        return out;
    }

    /** The sheet's place, built only when a problem is reported (not on every accepted sheet). */
    private static String where(TallySheet s) {
        return s.stationId() + "/" + s.contestId() + "/" + s.sourceId();
    }

    public static boolean hasErrors(List<Problem> problems) {
        for (Problem p : problems) if (p.isError()) return true;
        return false;
    }
}
