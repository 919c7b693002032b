package org.veritally.server.intake;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.veritally.core.entry.CatalogueEntry;
import org.veritally.core.entry.ElectionEntry;
import org.veritally.core.entry.SourceEntry;
import org.veritally.core.model.Catalogue;
import org.veritally.core.model.Source;
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
 * may add units, stations and sources. Units, stations and sources already present must be
 * identical (CAT-UNIT, CAT-STATION, SRC-KIND) and are skipped; every new entry is then decided by
 * the rulebook in order, as the log will hold them. All-or-nothing: any problem and nothing is
 * written. Catalogue entries are chunked under {@link #CHUNK_BYTES} so each
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
            problems.add(new Problem(
                    Rule.EL_REDEFINE,
                    where,
                    "this data directory already holds election '"
                            + state.requireElection().id() + "'; its definition differs from the one given"));
            return new Result(problems, 0);
        }
        // input rules: what is already declared and identical is skipped, what differs is refused;
        // everything else becomes entries, each decided by the rulebook as the log would see it
        Catalogue cat = state.catalogue();
        List<Unit> newUnits = new ArrayList<>();
        for (Unit u : d.units()) {
            var have = newElection ? java.util.Optional.<Unit>empty() : cat.unit(u.id());
            if (have.isEmpty()) newUnits.add(u);
            else if (!have.get().equals(u))
                problems.add(new Problem(
                        Rule.CAT_UNIT, where + " unit " + u.id(), "differs from the catalogue: " + have.get()));
        }
        List<Station> newStations = new ArrayList<>();
        for (Station s : d.stations()) {
            var have = newElection ? java.util.Optional.<Station>empty() : cat.station(s.id());
            if (have.isEmpty()) newStations.add(s);
            else if (!have.get().equals(s)) {
                problems.add(new Problem(
                        Rule.CAT_STATION, where + " station " + s.id(), "differs from the catalogue: " + have.get()));
            }
        }
        List<Source> newSources = sources(d.sources(), newElection, where, problems);
        if (!problems.isEmpty()) return new Result(problems, 0);
        List<org.veritally.core.entry.Entry> decided = new ArrayList<>();
        if (newElection) decided.add(new ElectionEntry(d.election()));
        decided.addAll(chunks(newUnits, newStations));
        for (Source s : newSources) decided.add(new SourceEntry(s));
        DefinitionLedger ledger = new DefinitionLedger(state);
        long at = state.logSize();
        for (var entry : decided) {
            var decision = state.rulebook().decide(ledger, at++, entry, where);
            if (decision instanceof org.veritally.core.rulebook.Decision.Refuse r) problems.addAll(r.problems());
            else ledger.stage(entry);
        }
        if (!problems.isEmpty()) return new Result(problems, 0);
        List<LogAppender.NewEntry> entries = new ArrayList<>();
        for (var entry : decided) {
            byte[] bytes = entry instanceof ElectionEntry ? electionBytes : plain.encode(entry);
            org.veritally.core.rulebook.EntrySize.check(bytes, where + " (" + entry.kind() + " entry)")
                    .ifPresent(problems::add);
            entries.add(new LogAppender.NewEntry(entry.kind(), bytes, account));
        }
        if (!problems.isEmpty()) return new Result(problems, 0);
        if (entries.isEmpty()) return new Result(List.of(), 0);
        long firstIdx = state.logSize();
        int unitOrd = newElection ? 0 : cat.unitCount();
        int stationOrd = newElection ? 0 : cat.stationCount();
        var appended = store.write(tx -> {
            var a = appender.append(tx, state, entries);
            if (newElection)
                tx.putElection(d.election().id(), firstIdx, new String(electionBytes, StandardCharsets.UTF_8));
            for (int i = 0; i < newUnits.size(); i++) tx.putUnit(newUnits.get(i), unitOrd + i);
            for (int i = 0; i < newStations.size(); i++) tx.putStation(newStations.get(i), stationOrd + i);
            long srcIdx = firstIdx + entries.size() - newSources.size();
            for (Source s : newSources) tx.putSource(s.id(), s.name(), s.kind().wire(), srcIdx++);
            return a;
        });
        appender.committed(state, appended);
        if (newElection) state.define(d.election());
        // a state restored from a snapshot shares its catalogue with the as-of states: copied before it grows
        Catalogue c = newUnits.isEmpty() && newStations.isEmpty() ? state.catalogue() : state.catalogueToExtend();
        newUnits.forEach(c::addUnit);
        newStations.forEach(c::addStation);
        Tabulation tab = state.tabulation();
        newSources.forEach(tab::addSource);
        return new Result(List.of(), entries.size());
    }

    private List<Source> sources(List<Source> given, boolean newElection, String where, List<Problem> problems) {
        List<Source> out = new ArrayList<>();
        for (Source s : given) {
            var have = newElection
                    ? java.util.Optional.<Source>empty()
                    : state.tabulation().sources().stream()
                            .filter(x -> x.id().equals(s.id()))
                            .findFirst();
            if (have.isPresent()) {
                if (!have.get().equals(s))
                    problems.add(new Problem(
                            Rule.SRC_KIND,
                            where + " source " + s.id(),
                            "differs from the declared source: " + have.get()));
                continue;
            }
            if (out.stream().noneMatch(x -> x.id().equals(s.id()))) out.add(s);
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
