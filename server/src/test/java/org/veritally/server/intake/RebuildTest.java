package org.veritally.server.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.core.model.Correction;
import org.veritally.core.model.TallySheet;
import org.veritally.formats.generate.SyntheticElection;
import org.veritally.server.Fixtures;
import org.veritally.server.Instance;
import org.veritally.store.Store;

/** {@code rebuild} recomputes every projection from the log, and the result equals the live one row for row. */
class RebuildTest {
  @TempDir Path dir;

  static final List<String> TABLES = List.of(
      "SELECT id, entry_idx, body FROM election ORDER BY id",
      "SELECT id, name, level, parent, ord FROM unit ORDER BY id",
      "SELECT id, name, unit, registered, ord FROM station ORDER BY id",
      "SELECT id, name, kind, entry_idx FROM source ORDER BY id",
      "SELECT station, contest, source, entry_idx, registered, ballots, valid, nulls, blank, votes FROM sheet_current ORDER BY station, contest, source",
      "SELECT unit, contest, source, stations, registered, ballots, valid, nulls, blank, votes FROM unit_total ORDER BY unit, contest, source",
      "SELECT entry_idx, rule, message FROM sheet_flag ORDER BY entry_idx, rule");

  static List<String> dump(Store s) {
    List<String> out = new ArrayList<>();
    for (String q : TABLES) {
      int cols = q.substring(7, q.indexOf(" FROM")).split(",").length;
      s.query(q, List.of(), rs -> {
        var sb = new StringBuilder(q.substring(q.indexOf("FROM") + 5, q.indexOf(" ORDER"))).append(':');
        for (int i = 1; i <= cols; i++) sb.append(Store.getString(rs, i)).append('|');
        out.add(sb.toString());
      });
    }
    return out;
  }

  @Test
  void rebuildReproducesTheLiveProjectionsExactly() {
    var g = new SyntheticElection(300, 2, 5, 3, 11);
    var d = g.definition();
    List<String> live;
    var liveTotals = new java.util.HashMap<Object, Object>();
    try (Instance in = Fixtures.defined(dir, d)) {
      List<TallySheet> sheets = Fixtures.sheets(g, d);
      Fixtures.submit(in, sheets.subList(0, 700));
      Fixtures.submit(in, sheets.subList(700, sheets.size()));
      TallySheet s = sheets.get(5);
      long idx = in.store().currentSheet(s.stationId(), s.contestId(), s.sourceId()).orElseThrow().entryIdx();
      long[] v = s.votes();
      v[0]--;
      v[1]++;
      var o = Fixtures.submit(in, new TallySheet(s.stationId(), s.contestId(), s.sourceId(), s.counts(), v, Optional.of(new Correction(idx, "x"))));
      assertThat(o.rejected()).isEmpty();
      live = dump(in.store());
      liveTotals.putAll(in.state().tabulation().snapshot());
      in.rebuild();
      assertThat(dump(in.store())).isEqualTo(live);
      assertThat(in.state().tabulation().snapshot()).isEqualTo(liveTotals);
    }
    try (Instance again = Instance.open(dir)) {
      assertThat(dump(again.store())).isEqualTo(live);
      assertThat(again.state().tabulation().snapshot()).isEqualTo(liveTotals);
    }
    assertThat(live).anyMatch(r -> r.startsWith("unit_total:")).anyMatch(r -> r.startsWith("sheet_current:"));
  }
}
