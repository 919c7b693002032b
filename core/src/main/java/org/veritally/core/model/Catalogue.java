package org.veritally.core.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The units and stations of an election, indexed for tabulation. Units and stations get dense int
 * indices in the order they are added, so tabulation works on arrays. Each unit also carries the
 * totals of its catalogue: how many stations and registered voters lie below it.
 *
 * <p>The catalogue only grows (the log is append-only). Thread-safety: all methods are
 * synchronized; the sequencer is the only writer, readers take consistent snapshots of single
 * values.
 */
public final class Catalogue {
    private final Map<String, Integer> unitIndex = new HashMap<>();
    private final ArrayList<Unit> units = new ArrayList<>();
    private int[] unitParent = new int[16];
    private long[] unitStations = new long[16];
    private long[] unitRegistered = new long[16];
    private final List<List<Integer>> unitChildren = new ArrayList<>();
    // the stations of each unit, as int arrays (a boxed list cost about 20 bytes a station)
    private int[][] unitStationList = new int[16][];
    private int[] unitStationCount = new int[16];

    private final ArrayList<Station> stations = new ArrayList<>();
    private IdIndex stationIndex = new IdIndex(i -> stations.get(i).id());
    private int[] stationUnit = new int[16];
    /**
     * The station id last found by {@link #stationIndex(String)} and its index: the rulebook, the validator and the
     * tabulation each ask for a sheet's station in turn, with the sheet's own id string, and sheets tend to come in
     * runs of one station (its contests, its sources) and in the catalogue's order, so the id asked for next is
     * most often this one or the next station's. Indices never change (the catalogue only grows) and ids are unique,
     * so an id equal to that of the station at index i has index i, however it was found.
     */
    private String lastFound = ""; // no station has the empty id (Ids): found never

    private int lastFoundIndex = -1;

    /** Adds a unit whose parent is already present (or the root). */
    public synchronized int addUnit(Unit u) {
        if (unitIndex.containsKey(u.id())) throw new IllegalArgumentException("duplicate unit " + u.id());
        int parent = -1;
        if (!u.isRoot()) {
            Integer p = unitIndex.get(u.parentId());
            if (p == null) throw new IllegalArgumentException("unit " + u.id() + ": unknown parent " + u.parentId());
            parent = p;
            if (units.get(p).level() + 1 != u.level())
                throw new IllegalArgumentException("unit " + u.id() + ": level must be parent's + 1");
        } else if (!units.isEmpty() && units.stream().anyMatch(Unit::isRoot)) {
            throw new IllegalArgumentException("second root unit " + u.id());
        }
        int i = units.size();
        units.add(u);
        unitIndex.put(u.id(), i);
        if (i == unitParent.length) {
            unitParent = Arrays.copyOf(unitParent, i * 2);
            unitStations = Arrays.copyOf(unitStations, i * 2);
            unitRegistered = Arrays.copyOf(unitRegistered, i * 2);
            unitStationList = Arrays.copyOf(unitStationList, i * 2);
            unitStationCount = Arrays.copyOf(unitStationCount, i * 2);
        }
        unitParent[i] = parent;
        unitChildren.add(new ArrayList<>(0));
        unitStationList[i] = new int[0];
        if (parent >= 0) unitChildren.get(parent).add(i);
        return i;
    }

    /**
     * Adds a station in a known unit, and adds its registered voters to every ancestor. The station kept holds its
     * unit's own id string (one copy per unit, not per station, whatever the caller read it from).
     */
    public synchronized int addStation(Station s) {
        int u = unitOf(s);
        int i = stations.size();
        s = admit(s, u, i);
        if (i == stationUnit.length) stationUnit = Arrays.copyOf(stationUnit, i * 2);
        stationUnit[i] = u;
        int[] of = unitStationList[u];
        int n = unitStationCount[u];
        if (n == of.length) unitStationList[u] = of = Arrays.copyOf(of, Math.max(4, n * 2));
        of[n] = i;
        unitStationCount[u] = n + 1;
        for (int a = u; a >= 0; a = unitParent[a]) {
            unitStations[a]++;
            unitRegistered[a] += s.registeredVoters();
        }
        return i;
    }

    /**
     * Adds {@code more} stations in order, as {@link #addStation} one by one would, in passes over arrays: each
     * unit's station array grows once, and the registered voters and station counts reach the ancestors in one
     * pass over the units (children come after their parents) instead of a walk to the root per station. For a
     * catalogue image of a million stations at start-up (issue 15).
     *
     * @throws IllegalArgumentException as {@link #addStation} does; the stations before the offending one stay
     *     added, so a caller discards a catalogue it was building when this throws
     */
    public synchronized void addStations(List<Station> more) {
        int n0 = stations.size();
        int n = n0 + more.size();
        stations.ensureCapacity(n);
        stationIndex.reserve(n);
        if (n > stationUnit.length) stationUnit = Arrays.copyOf(stationUnit, Math.max(n, 16));
        int nu = units.size();
        int[] added = new int[nu];
        long[] registered = new long[nu];
        String lastId = null;
        int last = -1;
        try {
            for (Station s : more) {
                int u;
                if (s.unitId() == lastId) u = last; // stations come unit by unit: one lookup a unit
                else {
                    u = unitOf(s);
                    lastId = s.unitId();
                    last = u;
                }
                int i = stations.size();
                s = admit(s, u, i);
                stationUnit[i] = u;
                added[u]++;
                registered[u] += s.registeredVoters();
            }
        } finally {
            // what was added so far is indexed consistently, whether or not one was refused
            for (int u = 0; u < nu; u++) {
                if (added[u] == 0) continue;
                int have = unitStationCount[u];
                if (unitStationList[u].length < have + added[u])
                    unitStationList[u] = Arrays.copyOf(unitStationList[u], have + added[u]);
            }
            for (int i = n0; i < stations.size(); i++) {
                int u = stationUnit[i];
                unitStationList[u][unitStationCount[u]++] = i;
            }
            long[] below = new long[nu];
            for (int u = 0; u < nu; u++) below[u] = added[u];
            for (int u = nu - 1; u >= 0; u--) {
                unitStations[u] += below[u];
                unitRegistered[u] += registered[u];
                int p = unitParent[u];
                if (p >= 0) {
                    below[p] += below[u];
                    registered[p] += registered[u];
                }
            }
        }
    }

    /** The index of {@code s}'s unit; refuses a duplicate station first, then an unknown unit, by message. */
    private int unitOf(Station s) {
        Integer u = unitIndex.get(s.unitId());
        if (u != null) return u;
        if (stationIndex.contains(s.id())) throw new IllegalArgumentException("duplicate station " + s.id());
        throw new IllegalArgumentException("station " + s.id() + ": unknown unit " + s.unitId());
    }

    /**
     * Indexes {@code s} at {@code i} in unit {@code u} and appends it, holding its unit's own id string (one copy per
     * unit); one probe both finds a duplicate and places the new id.
     */
    private Station admit(Station s, int u, int i) {
        String unitId = units.get(u).id();
        if (s.unitId() != unitId) s = new Station(s.id(), s.name(), unitId, s.registeredVoters());
        if (!stationIndex.addIfAbsent(s.id(), i)) throw new IllegalArgumentException("duplicate station " + s.id());
        stations.add(s);
        return s;
    }

    /**
     * Makes room for {@code units} units and {@code stations} stations in all, so that adding that many (a
     * catalogue image read at start-up) grows no table or list on the way.
     */
    public synchronized void reserve(int units, int stations) {
        if (units < 0 || stations < 0) throw new IllegalArgumentException(units + " units, " + stations + " stations");
        this.stations.ensureCapacity(stations);
        this.units.ensureCapacity(units);
        stationIndex.reserve(stations);
        if (stations > stationUnit.length) stationUnit = Arrays.copyOf(stationUnit, stations);
    }

    public synchronized int stationIndex(String id) {
        if (id == lastFound) return lastFoundIndex;
        int i;
        if (lastFound.equals(id)) i = lastFoundIndex;
        else if (lastFoundIndex + 1 < stations.size()
                && stations.get(lastFoundIndex + 1).id().equals(id)) i = lastFoundIndex + 1;
        else i = stationIndex.get(id);
        if (i >= 0) {
            lastFound = id;
            lastFoundIndex = i;
        }
        return i;
    }

    public synchronized int unitIndex(String id) {
        Integer i = unitIndex.get(id);
        return i == null ? -1 : i;
    }

    public synchronized Station station(int index) {
        return stations.get(index);
    }

    public synchronized Optional<Station> station(String id) {
        int i = stationIndex.get(id);
        return i < 0 ? Optional.empty() : Optional.of(stations.get(i));
    }

    public synchronized Unit unit(int index) {
        return units.get(index);
    }

    public synchronized Optional<Unit> unit(String id) {
        Integer i = unitIndex.get(id);
        return i == null ? Optional.empty() : Optional.of(units.get(i));
    }

    public synchronized int unitOfStation(int stationIndex) {
        return stationUnit[stationIndex];
    }

    /** Parent unit index, or -1 for the root. */
    public synchronized int parent(int unitIndex) {
        return unitParent[unitIndex];
    }

    /** Indices of the units from this one up to the root, nearest first. */
    public synchronized int[] ancestry(int unitIndex) {
        int n = 0;
        for (int a = unitIndex; a >= 0; a = unitParent[a]) n++;
        int[] out = new int[n];
        n = 0;
        for (int a = unitIndex; a >= 0; a = unitParent[a]) out[n++] = a;
        return out;
    }

    public synchronized List<Integer> childUnits(int unitIndex) {
        return List.copyOf(unitChildren.get(unitIndex));
    }

    public synchronized List<Integer> stationsOf(int unitIndex) {
        int n = unitStationCount[unitIndex];
        Integer[] out = new Integer[n];
        for (int i = 0; i < n; i++) out[i] = unitStationList[unitIndex][i];
        return List.of(out);
    }

    public synchronized long stationsBelow(int unitIndex) {
        return unitStations[unitIndex];
    }

    public synchronized long registeredBelow(int unitIndex) {
        return unitRegistered[unitIndex];
    }

    public synchronized int unitCount() {
        return units.size();
    }

    public synchronized int stationCount() {
        return stations.size();
    }

    public synchronized boolean hasStation(String id) {
        return stationIndex.contains(id);
    }

    /**
     * An independent copy holding the same units and stations (the same indices), which may grow apart from
     * this one. O(stations): an as-of state copies the catalogue it shares with a snapshot only when its own
     * replay meets a catalogue entry (docs/architecture.md, "As of a checkpoint").
     */
    public synchronized Catalogue copy() {
        Catalogue c = new Catalogue();
        c.unitIndex.putAll(unitIndex);
        c.units.addAll(units);
        c.unitParent = unitParent.clone();
        c.unitStations = unitStations.clone();
        c.unitRegistered = unitRegistered.clone();
        for (List<Integer> l : unitChildren) c.unitChildren.add(new ArrayList<>(l));
        c.unitStationList = new int[unitStationList.length][];
        for (int u = 0; u < units.size(); u++)
            c.unitStationList[u] = Arrays.copyOf(unitStationList[u], unitStationCount[u]);
        c.unitStationCount = unitStationCount.clone();
        c.stations.addAll(stations);
        c.stationIndex = stationIndex.copy(i -> c.stations.get(i).id());
        c.stationUnit = stationUnit.clone();
        return c;
    }

    /** All units in insertion order (parents before children). */
    public synchronized List<Unit> units() {
        return List.copyOf(units);
    }
}
