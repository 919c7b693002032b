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
 *       a test can post it and watch the totals move.
 * </ul>
 */
public final class SampleElection {
  public static final String ODD_NAME = "San José <b>del</b> Ávila";
  public static final String DISPUTED = "P1";
  public static final String HELD_BACK = "P0";
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
    for (Unit u : gen.units()) units.add(u.id().equals("V3") ? new Unit(u.id(), ODD_NAME, u.level(), u.parentId()) : u);
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
      TallySheet out = s;
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
    Outcome o = in.sequencer().submit(rows, "test", new DuplicateRows(), true);
    if (!o.rejected().isEmpty()) throw new AssertionError(o.rejected().subList(0, Math.min(5, o.rejected().size())));
    return new SampleElection(d, held[0], held[1]);
  }

  public static Instance open(Path dir) {
    return Instance.open(dir);
  }
}
