package org.veritally.server.intake;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.veritally.core.entry.CatalogueEntry;
import org.veritally.core.entry.ElectionEntry;
import org.veritally.core.entry.SourceEntry;
import org.veritally.core.model.Catalogue;
import org.veritally.core.model.Source;
import org.veritally.core.model.SourceKind;
import org.veritally.core.model.Station;
import org.veritally.core.model.Unit;
import org.veritally.core.tabulate.Tabulation;
import org.veritally.core.validation.Problem;
import org.veritally.core.validation.Rule;
import org.veritally.formats.Definition;
import org.veritally.formats.entry.EntryCodec;
import org.veritally.server.state.ElectionState;
import org.veritally.store.Store;

/**
 * Use case: define the election and extend its catalogue and sources. The first definition appends
 * the election entry (index 0); a later one must carry the same election (else EL-REDEFINE) and
 * may add units, stations and sources. Units and stations already present must be identical
 * (CAT-UNIT, CAT-STATION); at most one authority source exists (SRC-KIND). All-or-nothing: any
 * problem and nothing is written. Catalogue entries are chunked under {@link #CHUNK_BYTES} so each
 * fits a tlog-tiles entry bundle (64 KiB).
 */
public final class DefineElection {
  static final int CHUNK_BYTES = 60_000;
  private final Store store;
  private final ElectionState state;
  private final LogAppender appender;

  private final Object writeLock;

  /** {@code writeLock} is the single writer's monitor (the sequencer), shared by every use case that appends. */
  public DefineElection(Store store, ElectionState state, LogAppender appender, Object writeLock) {
    this.store = store;
    this.state = state;
    this.appender = appender;
    this.writeLock = writeLock;
  }

  /** Returns the problems (empty when accepted) and the number of entries appended. */
  public record Result(List<Problem> problems, int entriesAppended) {}

  public Result define(Definition d, String account, String where) {
    synchronized (writeLock) {
      return defineLocked(d, account, where);
    }
  }

  private Result defineLocked(Definition d, String account, String where) {
    List<Problem> problems = new ArrayList<>();
    EntryCodec plain = new EntryCodec(java.util.Optional.empty());
    byte[] electionBytes = plain.encode(new ElectionEntry(d.election()));
    boolean newElection = state.election().isEmpty();
    if (!newElection && !Arrays.equals(electionBytes, plain.encode(new ElectionEntry(state.requireElection())))) {
      problems.add(new Problem(Rule.EL_REDEFINE, where, "this data directory already holds election '" + state.requireElection().id()
          + "'; its definition differs from the one given"));
      return new Result(problems, 0);
    }
    Catalogue cat = state.catalogue();
    Map<String, Unit> known = new HashMap<>();
    List<Unit> newUnits = new ArrayList<>();
    for (Unit u : d.units()) {
      var have = newElection ? java.util.Optional.<Unit>empty() : cat.unit(u.id());
      if (have.isPresent()) {
        if (!have.get().equals(u)) problems.add(new Problem(Rule.CAT_UNIT, where + " unit " + u.id(), "differs from the catalogue: " + have.get()));
        continue;
      }
      if (known.containsKey(u.id())) {
        problems.add(new Problem(Rule.CAT_UNIT, where + " unit " + u.id(), "duplicate unit"));
        continue;
      }
      boolean parentOk = u.isRoot() ? u.id().equals(d.election().rootUnitId()) : known.containsKey(u.parentId()) || (!newElection && cat.hasUnit(u.parentId()));
      if (!parentOk) {
        problems.add(new Problem(Rule.CAT_UNIT, where + " unit " + u.id(), u.isRoot() ? "a second root unit" : "unknown parent '" + u.parentId() + "'"));
        continue;
      }
      known.put(u.id(), u);
      newUnits.add(u);
    }
    Set<String> newStationIds = new HashSet<>();
    List<Station> newStations = new ArrayList<>();
    for (Station s : d.stations()) {
      var have = newElection ? java.util.Optional.<Station>empty() : cat.station(s.id());
      if (have.isPresent()) {
        if (!have.get().equals(s)) problems.add(new Problem(Rule.CAT_STATION, where + " station " + s.id(), "differs from the catalogue: " + have.get()));
        continue;
      }
      if (!newStationIds.add(s.id())) {
        problems.add(new Problem(Rule.CAT_STATION, where + " station " + s.id(), "duplicate station"));
        continue;
      }
      if (!known.containsKey(s.unitId()) && (newElection || !cat.hasUnit(s.unitId()))) {
        problems.add(new Problem(Rule.CAT_STATION, where + " station " + s.id(), "unknown unit '" + s.unitId() + "'"));
        continue;
      }
      newStations.add(s);
    }
    List<Source> newSources = sources(d.sources(), newElection, where, problems);
    if (!problems.isEmpty()) return new Result(problems, 0);
    List<LogAppender.NewEntry> entries = new ArrayList<>();
    if (newElection) entries.add(new LogAppender.NewEntry("election", electionBytes, account));
    for (CatalogueEntry c : chunks(newUnits, newStations)) entries.add(new LogAppender.NewEntry("catalogue", plain.encode(c), account));
    for (Source s : newSources) entries.add(new LogAppender.NewEntry("source", plain.encode(new SourceEntry(s)), account));
    if (entries.isEmpty()) return new Result(List.of(), 0);
    long firstIdx = state.logSize();
    int unitOrd = newElection ? 0 : cat.unitCount();
    int stationOrd = newElection ? 0 : cat.stationCount();
    var appended = store.write(tx -> {
      var a = appender.append(tx, state, entries);
      if (newElection) tx.putElection(d.election().id(), firstIdx, new String(electionBytes, StandardCharsets.UTF_8));
      for (int i = 0; i < newUnits.size(); i++) tx.putUnit(newUnits.get(i), unitOrd + i);
      for (int i = 0; i < newStations.size(); i++) tx.putStation(newStations.get(i), stationOrd + i);
      long srcIdx = firstIdx + entries.size() - newSources.size();
      for (Source s : newSources) tx.putSource(s.id(), s.name(), s.kind().wire(), srcIdx++);
      return a;
    });
    appender.committed(state, appended);
    if (newElection) state.define(d.election());
    Catalogue c = state.catalogue();
    newUnits.forEach(c::addUnit);
    newStations.forEach(c::addStation);
    Tabulation tab = state.tabulation();
    newSources.forEach(tab::addSource);
    return new Result(List.of(), entries.size());
  }

  private List<Source> sources(List<Source> given, boolean newElection, String where, List<Problem> problems) {
    List<Source> out = new ArrayList<>();
    boolean authority = !newElection && state.tabulation().authority().isPresent();
    for (Source s : given) {
      var have = newElection ? java.util.Optional.<Source>empty()
          : state.tabulation().sources().stream().filter(x -> x.id().equals(s.id())).findFirst();
      if (have.isPresent()) {
        if (!have.get().equals(s)) problems.add(new Problem(Rule.SRC_KIND, where + " source " + s.id(), "differs from the declared source: " + have.get()));
        continue;
      }
      if (out.stream().anyMatch(x -> x.id().equals(s.id()))) continue;
      if (s.kind() == SourceKind.AUTHORITY) {
        if (authority) {
          problems.add(new Problem(Rule.SRC_KIND, where + " source " + s.id(), "an authority source is already declared; the official view has one source"));
          continue;
        }
        authority = true;
      }
      out.add(s);
    }
    return out;
  }

  /** Packs units then stations into catalogue entries of at most about CHUNK_BYTES each. */
  static List<CatalogueEntry> chunks(List<Unit> units, List<Station> stations) {
    List<CatalogueEntry> out = new ArrayList<>();
    List<Unit> us = new ArrayList<>();
    List<Station> ss = new ArrayList<>();
    int bytes = 0;
    for (Unit u : units) {
      int n = 60 + 2 * (u.id().length() + u.name().length() + u.parentId().length());
      if (bytes + n > CHUNK_BYTES) {
        out.add(new CatalogueEntry(us, ss));
        us = new ArrayList<>();
        bytes = 0;
      }
      us.add(u);
      bytes += n;
    }
    for (Station s : stations) {
      int n = 70 + 2 * (s.id().length() + s.name().length() + s.unitId().length());
      if (bytes + n > CHUNK_BYTES) {
        out.add(new CatalogueEntry(us, ss));
        us = new ArrayList<>();
        ss = new ArrayList<>();
        bytes = 0;
      }
      ss.add(s);
      bytes += n;
    }
    if (!us.isEmpty() || !ss.isEmpty()) out.add(new CatalogueEntry(us, ss));
    return out;
  }
}
