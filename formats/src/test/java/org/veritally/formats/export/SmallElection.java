package org.veritally.formats.export;

import java.util.List;
import org.veritally.core.model.Candidate;
import org.veritally.core.model.Choice;
import org.veritally.core.model.Contest;
import org.veritally.core.model.Election;
import org.veritally.core.model.Source;
import org.veritally.core.model.SourceKind;
import org.veritally.core.model.Station;
import org.veritally.core.model.SummaryCounts;
import org.veritally.core.model.TallySheet;
import org.veritally.core.model.Unit;
import org.veritally.formats.Definition;

/**
 * A hand-made election exercising every export case: names with a comma and a quote, a candidate on
 * two ballot lines and one whose line is just her name, ids with {@code :} and {@code _}, a station
 * directly under a level-1 unit, an agreed, a disputed, a single and a missing station, and a sheet
 * without ballots and blank.
 */
public final class SmallElection {
    public static final Definition DEFINITION = new Definition(
            new Election(
                    "t-1",
                    "Test & <election> \"2024\"",
                    "N",
                    List.of("country", "state", "town"),
                    List.of(
                            new Contest(
                                    "P",
                                    "President",
                                    List.of(
                                            new Choice("A-1", "Party X (Ana)", "A"),
                                            new Choice("A-2", "Party Y (Ana)", "A"),
                                            new Choice("B", "Bruna", "B")),
                                    List.of(new Candidate("A", "Ana"), new Candidate("B", "Bruna"))),
                            new Contest(
                                    "Q:1",
                                    "Question",
                                    List.of(new Choice("Y_es", "Yes", "Y"), new Choice("N", "No", "N")),
                                    List.of(new Candidate("Y", "Yes"), new Candidate("N", "No")))),
                    0),
            List.of(
                    new Unit("N", "Nation", 0, ""),
                    new Unit("S1", "North, upper", 1, "N"),
                    new Unit("T1", "Town \"One\"", 2, "S1")),
            List.of(
                    new Station("T1-1", "School 1", "T1", 400),
                    new Station("T1-2", "School 2", "T1", 300),
                    new Station("S1-9", "Hall 9", "S1", 100)),
            List.of(
                    new Source("auth", "Electoral authority", SourceKind.AUTHORITY),
                    new Source("wit", "Party witnesses", SourceKind.WITNESS)));

    public static final List<TallySheet> SHEETS = List.of(
            sheet("T1-1", "P", "auth", 400, 250, 240, 6, 4, 100, 40, 100),
            sheet("T1-1", "P", "wit", 400, 250, 240, 6, 4, 100, 40, 100),
            sheet("T1-1", "Q:1", "auth", 400, 250, 245, 5, 0, 200, 45),
            sheet("T1-2", "P", "auth", 300, 200, 190, 10, 0, 90, 50, 50),
            sheet("T1-2", "P", "wit", -1, -1, 190, 10, -1, 50, 50, 90));

    private SmallElection() {}

    static TallySheet sheet(
            String st,
            String c,
            String src,
            long reg,
            long ballots,
            long valid,
            long nulls,
            long blank,
            long... votes) {
        return new TallySheet(st, c, src, new SummaryCounts(reg, ballots, valid, nulls, blank), votes);
    }

    public static MemoryExportData data() {
        return new MemoryExportData(DEFINITION, SHEETS);
    }
}
