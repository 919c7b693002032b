package org.veritally.server.intake;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.veritally.core.entry.CatalogueEntry;
import org.veritally.core.entry.ElectionEntry;
import org.veritally.core.entry.Entry;
import org.veritally.core.entry.SheetEntry;
import org.veritally.core.entry.SourceEntry;
import org.veritally.core.model.TallySheet;
import org.veritally.core.validation.Problem;
import org.veritally.core.validation.SheetValidator;
import org.veritally.server.state.CurrentSheetIndex;
import org.veritally.server.state.ElectionState;
import org.veritally.store.LogRow;
import org.veritally.store.Store;

/**
 * Use case: recompute every projection from the log alone, in one transaction: the election, the
 * catalogue, the sources, the current sheet per station × contest × source, the flags and the totals
 * per unit × contest × source. The result is identical, row for row, to what the sequencer wrote
 * live (tested by RebuildTest). Returns the state to use afterwards.
 */
public final class RebuildProjections {
  private static final int PAGE = 20_000;

  private RebuildProjections() {}

  private static TallySheet sheetAt(Store store, ElectionState st, long idx) {
    List<Problem> problems = new ArrayList<>();
    var e = st.codec().decode(store.readLog(idx, 1).get(0).body(), "log entry " + idx, problems);
    return ((SheetEntry) e.orElseThrow(() -> new IllegalStateException("log entry " + idx + ": " + problems))).sheet();
  }

  public static ElectionState rebuild(Store store) {
    ElectionState fresh = new ElectionState();
    long size = store.logSize();
    Map<Long, TallySheet> current = new HashMap<>();
    Reconciler[] reconciler = new Reconciler[1];
    store.write(tx -> {
      store.clearProjections(tx);
      int unitOrd = 0;
      int stationOrd = 0;
      Optional<org.veritally.core.tabulate.Tabulation.Batch> batch = Optional.empty();
      for (long from = 0; from < size; from += PAGE) {
        for (LogRow row : store.readLog(from, PAGE)) {
          List<Problem> problems = new ArrayList<>();
          Entry e = fresh.codec().decode(row.body(), "log entry " + row.idx(), problems)
              .orElseThrow(() -> new IllegalStateException("log entry " + row.idx() + " does not decode: " + problems));
          if (e instanceof ElectionEntry el) {
            fresh.define(el.election());
            tx.putElection(el.election().id(), row.idx(), new String(row.body(), StandardCharsets.UTF_8));
            batch = Optional.of(fresh.tabulation().begin());
            reconciler[0] = new Reconciler(fresh, idx -> sheetAt(store, fresh, idx));
          } else if (e instanceof CatalogueEntry c) {
            for (var u : c.units()) {
              fresh.catalogue().addUnit(u);
              tx.putUnit(u, unitOrd++);
            }
            for (var s : c.stations()) {
              fresh.catalogue().addStation(s);
              tx.putStation(s, stationOrd++);
            }
          } else if (e instanceof SourceEntry s) {
            fresh.tabulation().addSource(s.source());
            tx.putSource(s.source().id(), s.source().name(), s.source().kind().wire(), row.idx());
          } else if (e instanceof org.veritally.core.entry.AnnouncementEntry an) {
            tx.putAnnouncement(an.announcement().id(), row.idx(), new String(row.body(), StandardCharsets.UTF_8));
          } else if (e instanceof SheetEntry se) {
            TallySheet sh = se.sheet();
            var el = fresh.requireElection();
            long key = CurrentSheetIndex.key(fresh.catalogue().stationIndex(sh.stationId()), el.contestIndex(sh.contestId()),
                fresh.tabulation().sourceIndex(sh.sourceId()));
            batch.orElseThrow().add(sh, Optional.ofNullable(current.get(key)));
            current.put(key, sh);
            var digest = reconciler[0].accept(fresh.catalogue().stationIndex(sh.stationId()), el.contestIndex(sh.contestId()),
                fresh.tabulation().sourceIndex(sh.sourceId()), row.idx(), sh, batch.orElseThrow());
            tx.upsertSheet(sh.stationId(), sh.contestId(), sh.sourceId(), row.idx(), sh.counts(), sh.votes(), digest.core(), digest.optional());
            for (Problem p : SheetValidator.validate(sh, el, fresh.catalogue())) {
              if (!p.isError()) tx.putFlag(row.idx(), p.rule().id(), p.message());
            }
          }
        }
      }
      batch.ifPresent(b -> {
        var el = fresh.requireElection();
        var cat = fresh.catalogue();
        var tab = fresh.tabulation();
        b.changed().forEach((k, t) -> tx.upsertTotal(cat.unit(k.unit()).id(), el.contests().get(k.contest()).id(), tab.viewId(k.source()), t));
        reconciler[0].write(tx);
        b.publish();
        reconciler[0].publish();
      });
      return null;
    });
    return fresh;
  }
}
