package org.veritally.core.rulebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.veritally.core.entry.AnnouncementEntry;
import org.veritally.core.entry.CatalogueEntry;
import org.veritally.core.entry.ElectionEntry;
import org.veritally.core.entry.Entry;
import org.veritally.core.entry.SheetEntry;
import org.veritally.core.entry.SourceEntry;
import org.veritally.core.model.Announcement;
import org.veritally.core.model.Candidate;
import org.veritally.core.model.Choice;
import org.veritally.core.model.Contest;
import org.veritally.core.model.Correction;
import org.veritally.core.model.Election;
import org.veritally.core.model.Source;
import org.veritally.core.model.SourceKind;
import org.veritally.core.model.Station;
import org.veritally.core.model.SummaryCounts;
import org.veritally.core.model.TallySheet;
import org.veritally.core.model.Unit;
import org.veritally.core.validation.Bounds;

/** {@link EntryBounds}: each kind's counts and texts, as the rulebook checks them first. */
class EntryBoundsTest {
    static final long NA = SummaryCounts.ABSENT;

    static List<String> rules(Entry e) {
        return EntryBounds.check(e, "entry 7").stream()
                .map(p -> p.rule().id() + " " + p.location())
                .toList();
    }

    static Election election(String name, String candidateName) {
        return new Election(
                "e",
                name,
                "R",
                List.of("country"),
                List.of(new Contest(
                        "P",
                        "President",
                        List.of(new Choice("a", "A", "A")),
                        List.of(new Candidate("A", candidateName)))),
                0);
    }

    static Announcement announcement(String title, String time, long votes) {
        return new Announcement(
                "b1",
                title,
                time,
                "P",
                OptionalLong.empty(),
                OptionalLong.empty(),
                OptionalLong.empty(),
                OptionalLong.empty(),
                OptionalLong.empty(),
                OptionalLong.empty(),
                OptionalLong.empty(),
                OptionalLong.empty(),
                Map.of("A", votes, "B", 1L),
                OptionalLong.empty());
    }

    @Test
    void inMaxAnAnnouncementFigureOfTwoToTheFiftyThreeMinusOneIsRefused() {
        assertThat(rules(new AnnouncementEntry(announcement("t", "2024-08-02", 9_007_199_254_740_991L))))
                .containsExactly("IN-MAX entry 7 candidates.A");
        assertThat(rules(new AnnouncementEntry(announcement("t", "2024-08-02", Bounds.MAX_COUNT))))
                .isEmpty();
    }

    @Test
    void inMaxASheetCountOrVoteAboveTheMaximumIsRefused() {
        var big =
                new TallySheet("S1", "P", "src", new SummaryCounts(Bounds.MAX_COUNT + 1, NA, 5, 0, NA), new long[] {5});
        assertThat(rules(new SheetEntry(big, Optional.empty()))).containsExactly("IN-MAX entry 7 counts.registered");
        var votes = new TallySheet(
                "S1", "P", "src", new SummaryCounts(NA, NA, 5, 0, NA), new long[] {Bounds.MAX_COUNT + 1});
        assertThat(rules(new SheetEntry(votes, Optional.empty()))).containsExactly("IN-MAX entry 7 votes[0]");
    }

    @Test
    void inMaxAStationsRegisteredVotersAboveTheMaximumIsRefused() {
        var c = new CatalogueEntry(
                List.of(new Unit("R", "Root", 0, "")), List.of(new Station("S1", "One", "R", Bounds.MAX_COUNT + 1)));
        assertThat(rules(c)).containsExactly("IN-MAX entry 7 station S1 registered");
    }

    @Test
    void inTextNulAndRightToLeftOverrideAreRefusedInNamesReasonsAndTitles() {
        assertThat(rules(new ElectionEntry(election("E\u0000", "Ann\u202e"))))
                .containsExactly("IN-TEXT entry 7 name", "IN-TEXT entry 7 contest P candidate A name");
        var c = new CatalogueEntry(
                List.of(new Unit("R", "Root\u2066", 0, "")), List.of(new Station("S1", "One\u0007", "R", 10)));
        assertThat(rules(c)).containsExactly("IN-TEXT entry 7 unit R name", "IN-TEXT entry 7 station S1 name");
        assertThat(rules(new SourceEntry(new Source("s", "Party\u202d", SourceKind.WITNESS))))
                .containsExactly("IN-TEXT entry 7 source s name");
        var corrected = new TallySheet(
                "S1",
                "P",
                "src",
                new SummaryCounts(NA, NA, 5, 0, NA),
                new long[] {5},
                Optional.of(new Correction(3, "typo\u202e")));
        assertThat(rules(new SheetEntry(corrected, Optional.empty()))).containsExactly("IN-TEXT entry 7 reason");
        assertThat(rules(new AnnouncementEntry(announcement("First\u0000", "2024-08-02", 1))))
                .containsExactly("IN-TEXT entry 7 title");
        assertThat(rules(new ElectionEntry(election("Elección – 2024", "Андрей"))))
                .isEmpty();
    }

    @Test
    void inTimeAnAnnouncementAtNotATimeIsRefused() {
        assertThat(rules(new AnnouncementEntry(announcement("t", "not-a-time", 1))))
                .containsExactly("IN-TIME entry 7 time");
        assertThat(rules(new AnnouncementEntry(announcement("t", "2024-07-29T00:06:00-04:00", 1))))
                .isEmpty();
    }
}
