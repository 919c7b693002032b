package org.veritally.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.veritally.core.model.Candidate;
import org.veritally.core.model.Catalogue;
import org.veritally.core.model.Choice;
import org.veritally.core.model.Contest;
import org.veritally.core.model.Election;
import org.veritally.core.model.Station;
import org.veritally.core.model.SummaryCounts;
import org.veritally.core.model.TallySheet;
import org.veritally.core.model.Unit;

/** One test per sheet rule checked by {@link SheetValidator}, named by rule ID. */
class SheetValidatorTest {
    static final long NA = SummaryCounts.ABSENT;
    final Election election = new Election(
            "e",
            "E",
            "R",
            List.of("country", "district"),
            List.of(new Contest(
                    "P",
                    "President",
                    List.of(
                            new Choice("a1", "A line 1", "A"),
                            new Choice("a2", "A line 2", "A"),
                            new Choice("b", "B", "B")),
                    List.of(new Candidate("A", "Ann"), new Candidate("B", "Bob")))),
            2);
    final Catalogue catalogue = new Catalogue();

    SheetValidatorTest() {
        catalogue.addUnit(new Unit("R", "Root", 0, ""));
        catalogue.addUnit(new Unit("D", "District", 1, "R"));
        catalogue.addStation(new Station("S1", "Station 1", "D", 100));
    }

    List<String> rules(TallySheet s) {
        return SheetValidator.validate(s, election, catalogue).stream()
                .map(p -> p.rule().id())
                .toList();
    }

    TallySheet sheet(String station, long ballots, long valid, long nulls, long blank, long... votes) {
        return new TallySheet(station, "P", "src", new SummaryCounts(NA, ballots, valid, nulls, blank), votes);
    }

    @Test
    void validSheetHasNoProblems() {
        assertThat(rules(sheet("S1", 60, 55, 3, 2, 20, 10, 25))).isEmpty();
    }

    @Test
    void tsStationUnknownStation() {
        assertThat(rules(sheet("S9", 60, 55, 3, 2, 20, 10, 25))).containsExactly("TS-STATION");
    }

    @Test
    void tsContestUnknownContest() {
        var s = new TallySheet("S1", "X", "src", new SummaryCounts(NA, NA, 1, 0, NA), new long[] {1, 0, 0});
        assertThat(rules(s)).containsExactly("TS-CONTEST");
    }

    @Test
    void tsChoiceWrongNumberOfChoices() {
        assertThat(rules(sheet("S1", NA, 30, 0, NA, 20, 10))).containsExactly("TS-CHOICE");
    }

    @Test
    void tsSumChoiceVotesDoNotAddUp() {
        assertThat(rules(sheet("S1", 60, 56, 2, 2, 20, 10, 25))).containsExactly("TS-SUM");
    }

    @Test
    void tsBallotsSummaryDoesNotAddUp() {
        assertThat(rules(sheet("S1", 61, 55, 3, 2, 20, 10, 25))).containsExactly("TS-BALLOTS");
    }

    @Test
    void tsBallotsIgnoredWhenBallotsAbsent() {
        assertThat(rules(sheet("S1", NA, 55, 3, NA, 20, 10, 25))).isEmpty();
    }

    @Test
    void tsRegMoreBallotsThanRegisteredPlusAllowance() {
        assertThat(rules(sheet("S1", 103, 100, 3, 0, 40, 30, 30))).containsExactly("TS-REG");
        // 102 = 100 registered + allowance 2: accepted, but flagged for turnout
        assertThat(rules(sheet("S1", 102, 99, 3, 0, 40, 30, 29))).containsExactly("TS-FLAG-TURNOUT");
    }

    @Test
    void tsFlagTurnoutAbove95Percent() {
        assertThat(rules(sheet("S1", 96, 90, 6, 0, 40, 20, 30))).containsExactly("TS-FLAG-TURNOUT");
        assertThat(rules(sheet("S1", 95, 89, 6, 0, 40, 20, 29))).isEmpty();
    }

    @Test
    void tsFlagUnanimousOneChoiceHasAllValidVotes() {
        assertThat(rules(sheet("S1", 50, 50, 0, 0, 0, 0, 50))).containsExactly("TS-FLAG-UNANIMOUS");
    }

    @Test
    void tsFlagZeroAllZeroSheet() {
        assertThat(rules(sheet("S1", 0, 0, 0, 0, 0, 0, 0))).containsExactly("TS-FLAG-ZERO");
    }

    @Test
    void everyProblemIsReportedNotJustTheFirst() {
        assertThat(rules(sheet("S1", 300, 56, 3, 2, 20, 10, 25)))
                .containsExactlyInAnyOrder("TS-SUM", "TS-BALLOTS", "TS-REG");
    }

    /**
     * An unknown station stops nothing else: the counts are still checked (only the station-dependent rules are
     * skipped).
     */
    @Test
    void tsStationStillChecksTheCounts() {
        assertThat(rules(sheet("S9", 300, 56, 3, 2, 20, 10, 25))).containsExactly("TS-STATION", "TS-SUM", "TS-BALLOTS");
    }

    /** With an unknown contest, or the wrong number of choices, nothing can be summed: one problem only. */
    @Test
    void tsContestAndTsChoiceStopTheCheck() {
        var unknownBoth = new TallySheet("S9", "X", "src", new SummaryCounts(NA, 7, 1, 0, NA), new long[] {5});
        assertThat(rules(unknownBoth)).containsExactly("TS-STATION", "TS-CONTEST");
        assertThat(rules(sheet("S1", 999, 30, 0, NA, 20, 10, 5, 5))).containsExactly("TS-CHOICE");
    }

    /** 20 + 10 + 25 = 55 valid; one vote more or less on any line is TS-SUM. */
    @Test
    void tsSumWhenVotesDoNotAddUp() {
        assertThat(rules(sheet("S1", NA, 55, 3, NA, 20, 10, 25))).isEmpty();
        assertThat(rules(sheet("S1", NA, 55, 3, NA, 20, 10, 26))).containsExactly("TS-SUM");
        assertThat(rules(sheet("S1", NA, 55, 3, NA, 19, 10, 25))).containsExactly("TS-SUM");
    }

    /**
     * Ballots must be valid + null + blank, blank counting 0 when absent: 55 + 3 = 58 without blank, 60 with blank 2.
     */
    @Test
    void tsBallotsWhenTheSummaryDoesNotAddUp() {
        assertThat(rules(sheet("S1", 58, 55, 3, NA, 20, 10, 25))).isEmpty();
        assertThat(rules(sheet("S1", 60, 55, 3, NA, 20, 10, 25))).containsExactly("TS-BALLOTS");
        assertThat(rules(sheet("S1", 58, 55, 3, 2, 20, 10, 25))).containsExactly("TS-BALLOTS");
    }

    /** Without ballots cast, TS-REG uses valid + null + blank: 97 + 3 + 3 = 103 > 100 + 2. */
    @Test
    void tsRegUsesTheSumWhenBallotsAreAbsent() {
        assertThat(rules(sheet("S1", NA, 97, 3, 3, 40, 30, 27))).containsExactly("TS-REG");
        assertThat(rules(sheet("S1", NA, 97, 3, 2, 40, 30, 27)))
                .as("102 = the limit")
                .containsExactly("TS-FLAG-TURNOUT");
    }

    /** A station with no registered voters raises no turnout flag (no division by zero), and TS-REG still applies. */
    @Test
    void tsFlagTurnoutNotForAStationWithoutRegisteredVoters() {
        catalogue.addStation(new Station("S0", "Empty", "D", 0));
        assertThat(rules(sheet("S0", 2, 2, 0, 0, 1, 0, 1))).isEmpty();
        assertThat(rules(sheet("S0", 3, 3, 0, 0, 1, 1, 1))).containsExactly("TS-REG");
    }

    /**
     * One ballot line with every valid vote is unanimous even when the candidate has two lines; zero valid votes is
     * not.
     */
    @Test
    void tsFlagUnanimousOnOneLine() {
        assertThat(rules(sheet("S1", 50, 50, 0, 0, 25, 25, 0)))
                .as("A has all votes but on two lines")
                .isEmpty();
        assertThat(rules(sheet("S1", 50, 50, 0, 0, 0, 50, 0))).containsExactly("TS-FLAG-UNANIMOUS");
        assertThat(rules(sheet("S1", 5, 0, 5, 0, 0, 0, 0))).isEmpty();
    }

    /** Every count zero, ballots present or not; a sheet of null votes only is not zero. */
    @Test
    void tsFlagZeroOnlyWhenNothingWasCast() {
        assertThat(rules(sheet("S1", NA, 0, 0, NA, 0, 0, 0))).containsExactly("TS-FLAG-ZERO");
        assertThat(rules(sheet("S1", 4, 0, 4, 0, 0, 0, 0))).isEmpty();
    }

    @Test
    void flagsAreNotErrors() {
        assertThat(SheetValidator.hasErrors(
                        SheetValidator.validate(sheet("S1", 0, 0, 0, 0, 0, 0, 0), election, catalogue)))
                .isFalse();
        assertThat(SheetValidator.hasErrors(
                        SheetValidator.validate(sheet("S1", 0, 1, 0, 0, 0, 0, 0), election, catalogue)))
                .isTrue();
    }
}
