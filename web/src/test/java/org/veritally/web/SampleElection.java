package org.veritally.web;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.veritally.core.model.TallySheet;
import org.veritally.core.model.Unit;
import org.veritally.formats.Definition;
import org.veritally.formats.csv.SheetRow;
import org.veritally.formats.generate.SyntheticElection;
import org.veritally.server.Instance;
import org.veritally.server.intake.DuplicateRows;
import org.veritally.server.intake.Outcome;

/**
 * A generated election (600 stations, 2 contests, 5 ballot lines, 3 sources: authority, party-a,
 * observer-1; seed 7) built in-process through the real define and sequencer paths, with three
 * twists the tests look for:
 *
 * <ul>
 *   <li>village V3 is renamed {@value #ODD_NAME} (accents for search, markup for escaping);
 *   <li>station {@value #DISPUTED} has party-a's copy of C1 differing from the others: 5 votes moved
 *       to line 1 (candidate A) from the biggest line of another candidate;
 *   <li>the authority's C1 sheet of station {@value #HELD_BACK} is held back ({@link #heldBack}) so
 *       a test can post it and watch the totals move;
 *   <li>station {@value #DISPUTED_2} is disputed without party-a: party-a sent no C1 copy, and
 *       observer-1's moves 3 votes from line 4 to line 3, so a filter by party-a leaves it out;
 *   <li>observer-1's C2 copy of station {@value #CORRECTED} was first sent with 4 votes on the wrong
 *       line, then corrected (reason {@value #REASON}), so the station agrees and has a history;
 *   <li>announcement {@value #ANNOUNCEMENT} of C1 (title with markup) gives candidate A its
 *       official total but candidate B 50,000 votes more than all the sheets and voters allow.
 * </ul>
 */
public final class SampleElection {
    public static final String ODD_NAME = "San José <b>del</b> Ávila";
    public static final String DISPUTED = "P1";
    public static final String HELD_BACK = "P0";
    public static final String DISPUTED_2 = "P9";
    public static final String CORRECTED = "P2";
    public static final String REASON = "Line 2 was misread from the photo";
    public static final String ANNOUNCEMENT = "bulletin-1";
    public static final long INFLATION = 50_000;
    public final Definition definition;
    public final TallySheet heldBack;
    public final TallySheet disputedOriginal;

    private SampleElection(Definition d, TallySheet heldBack, TallySheet disputedOriginal) {
        this.definition = d;
        this.heldBack = heldBack;
        this.disputedOriginal = disputedOriginal;
    }

    /** Creates the data directory and loads everything except the held-back sheet. */
    public static SampleElection load(Instance in) {
        SyntheticElection g = new SyntheticElection(600, 2, 5, 3, 7);
        Definition gen = g.definition();
        List<Unit> units = new ArrayList<>();
        for (Unit u : gen.units())
            units.add(u.id().equals("V3") ? new Unit(u.id(), ODD_NAME, u.level(), u.parentId()) : u);
        Definition d = new Definition(gen.election(), units, gen.stations(), gen.sources());
        var r = in.define().define(d, "test", "sample");
        if (!r.problems().isEmpty()) throw new AssertionError(r.problems());
        List<SheetRow> rows = new ArrayList<>();
        TallySheet[] held = new TallySheet[2];
        g.sheets(d, s -> {
            boolean c1 = s.contestId().equals("C1");
            if (c1 && s.stationId().equals(HELD_BACK) && s.sourceId().equals("authority")) {
                held[0] = s;
                return;
            }
            if (c1 && s.stationId().equals(DISPUTED_2) && s.sourceId().equals("party-a")) return;
            TallySheet out = s;
            if (c1 && s.stationId().equals(DISPUTED_2) && s.sourceId().equals("observer-1")) out = move(s, 3, 3, 2);
            if (!c1 && s.stationId().equals(CORRECTED) && s.sourceId().equals("observer-1")) out = move(s, 4, 1, 2);
            if (c1 && s.stationId().equals(DISPUTED) && s.sourceId().equals("party-a")) {
                held[1] = s;
                long[] v = s.votes();
                int from = 2;
                for (int j = 3; j < v.length; j++) if (v[j] > v[from]) from = j;
                v[0] += 5;
                v[from] -= 5;
                out = new TallySheet(s.stationId(), s.contestId(), s.sourceId(), s.counts(), v);
            }
            rows.add(new SheetRow("sample:" + rows.size(), Optional.of(out), List.of()));
        });
        submit(in, rows);
        correct(in, d);
        announce(in);
        return new SampleElection(d, held[0], held[1]);
    }

    private static void submit(Instance in, List<SheetRow> rows) {
        Outcome o = in.sequencer().submit(rows, "test", new DuplicateRows(), true);
        if (!o.rejected().isEmpty())
            throw new AssertionError(
                    o.rejected().subList(0, Math.min(5, o.rejected().size())));
    }

    /** The sheet with {@code n} votes moved from choice {@code from} to choice {@code to}. */
    private static TallySheet move(TallySheet s, long n, int from, int to) {
        long[] v = s.votes();
        if (v[from] < n) throw new AssertionError("cannot move " + n + " votes from " + java.util.Arrays.toString(v));
        v[from] -= n;
        v[to] += n;
        return new TallySheet(s.stationId(), s.contestId(), s.sourceId(), s.counts(), v, s.correction());
    }

    /** observer-1 corrects its C2 sheet of {@link #CORRECTED}: back to the numbers every other source has. */
    private static void correct(Instance in, Definition d) {
        var wrong = in.store().currentSheet(CORRECTED, "C2", "observer-1").orElseThrow();
        var right = in.store().currentSheet(CORRECTED, "C2", "authority").orElseThrow();
        var fixed = new TallySheet(
                CORRECTED,
                "C2",
                "observer-1",
                right.counts(),
                right.votes(),
                Optional.of(new org.veritally.core.model.Correction(wrong.entryIdx(), REASON)));
        submit(in, List.of(new SheetRow("sample:correction", Optional.of(fixed), List.of())));
    }

    private static void announce(Instance in) {
        var official = in.results().result(Optional.empty(), Optional.of("C1"), "official");
        java.util.Map<String, Long> cands = new java.util.TreeMap<>();
        official.candidates().forEach(k -> cands.put(k.id(), k.votes()));
        cands.put("C1-K2", cands.get("C1-K2") + INFLATION);
        var a = new org.veritally.core.model.Announcement(
                ANNOUNCEMENT,
                "Bulletin <1> of the authority",
                "2024-07-29T00:06:00-04:00",
                "C1",
                java.util.OptionalLong.of(10_000),
                java.util.OptionalLong.empty(),
                java.util.OptionalLong.empty(),
                java.util.OptionalLong.empty(),
                java.util.OptionalLong.empty(),
                java.util.OptionalLong.empty(),
                java.util.OptionalLong.of(official.validVotes()),
                java.util.OptionalLong.empty(),
                cands,
                java.util.OptionalLong.empty());
        var r = in.announcements().record(a, "test", "sample");
        if (!r.problems().isEmpty()) throw new AssertionError(r.problems());
    }

    public static Instance open(Path dir) {
        return Instance.open(dir);
    }
}
