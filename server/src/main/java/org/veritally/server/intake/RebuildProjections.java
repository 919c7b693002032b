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
    store.write(tx -> {
      store.clearProjections(tx);
      int unitOrd = 0;
      int stationOrd = 0;
      for (long from = 0; from < size; from += PAGE) {
        // one tabulation batch and one reconciler per page, published at its end, so memory stays bounded
        Page page = fresh.election().isPresent() ? new Page(fresh, store) : null;
        for (LogRow row : store.readLog(from, PAGE)) {
          List<Problem> problems = new ArrayList<>();
          Entry e = fresh.codec().decode(row.body(), "log entry " + row.idx(), problems)
              .orElseThrow(() -> new IllegalStateException("log entry " + row.idx() + " does not decode: " + problems));
          if (e instanceof ElectionEntry el) {
            fresh.define(el.election());
            tx.putElection(el.election().id(), row.idx(), new String(row.body(), StandardCharsets.UTF_8));
            page = new Page(fresh, store);
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
            page.sheet(tx, row.idx(), se.sheet());
          }
        }
        if (page != null) page.finish(tx);
      }
      return null;
    });
    return fresh;
  }

  /** The sheets of one page of the log: staged, written, then published into the fresh state. */
  private static final class Page {
    private final ElectionState fresh;
    private final Store store;
    private final org.veritally.core.tabulate.Tabulation.Batch batch;
    private final Reconciler reconciler;
    private final Map<Long, TallySheet> current = new HashMap<>();

    Page(ElectionState fresh, Store store) {
      this.fresh = fresh;
      this.store = store;
      this.batch = fresh.tabulation().begin();
      this.reconciler = new Reconciler(fresh, idx -> sheetAt(store, fresh, idx));
    }

    void sheet(org.veritally.store.Tx tx, long idx, TallySheet sh) {
      var el = fresh.requireElection();
      int station = fresh.catalogue().stationIndex(sh.stationId());
      int contest = el.contestIndex(sh.contestId());
      int source = fresh.tabulation().sourceIndex(sh.sourceId());
      long key = CurrentSheetIndex.key(station, contest, source);
      TallySheet previous = current.get(key);
      if (previous == null) {
        long prevIdx = fresh.sheets().get(key);
        if (prevIdx >= 0) previous = sheetAt(store, fresh, prevIdx);
      }
      batch.add(sh, Optional.ofNullable(previous));
      current.put(key, sh);
      var digest = reconciler.accept(station, contest, source, idx, sh, batch);
      tx.upsertSheet(sh.stationId(), sh.contestId(), sh.sourceId(), idx, sh.counts(), sh.votes(), digest.core(), digest.optional());
      for (Problem p : SheetValidator.validate(sh, el, fresh.catalogue())) {
        if (!p.isError()) tx.putFlag(idx, p.rule().id(), p.message());
      }
    }

    void finish(org.veritally.store.Tx tx) {
      var el = fresh.requireElection();
      var cat = fresh.catalogue();
      var tab = fresh.tabulation();
      batch.changed().forEach((k, t) -> tx.upsertTotal(cat.unit(k.unit()).id(), el.contests().get(k.contest()).id(), tab.viewId(k.source()), t));
      reconciler.write(tx);
      batch.publish();
      reconciler.publish();
    }
  }

}
