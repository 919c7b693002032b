package org.veritally.formats.nist;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.veritally.core.model.Station;
import org.veritally.core.model.Unit;
import org.veritally.formats.export.ElectionSnapshot;

/**
 * The GpUnit list of a report: every unit, in id order, followed by its stations, each a
 * ReportingUnit; a unit's ComposingGpUnitIds are its child units and its stations. Stations arrive
 * ordered by unit then id ({@link org.veritally.formats.export.ExportData#stationsByUnit}), so the
 * units and the station stream are merged in one pass holding one unit's stations at a time. A first
 * pass ({@link #count}) adds up the registered voters below each unit. Not thread-safe.
 */
final class GpUnits {
    private final NistSink sink;
    private final String language;
    private final List<String> levels;
    private final List<Unit> sorted;
    private final Map<String, Integer> index = new HashMap<>();
    private final int[] parent;
    private final long[] registered;
    private final List<List<String>> children = new ArrayList<>();
    private long stations;
    private int next;
    private String groupUnit;
    private final List<Station> group = new ArrayList<>();

    GpUnits(NistSink sink, ElectionSnapshot s, String language) {
        this.sink = sink;
        this.language = language;
        this.levels = s.election().levels();
        this.sorted = new ArrayList<>(s.units());
        sorted.sort(Comparator.comparing(Unit::id));
        for (int i = 0; i < sorted.size(); i++) {
            index.put(sorted.get(i).id(), i);
            children.add(new ArrayList<>(0));
        }
        this.parent = new int[sorted.size()];
        this.registered = new long[sorted.size()];
        for (int i = 0; i < sorted.size(); i++) {
            Unit u = sorted.get(i);
            parent[i] = u.isRoot() ? -1 : index.get(u.parentId());
            if (parent[i] >= 0) children.get(parent[i]).add(NistIds.unit(u.id()));
        }
    }

    /** First pass: one station of the catalogue. */
    void count(Station st) {
        stations++;
        for (int a = unit(st.unitId()); a >= 0; a = parent[a]) registered[a] += st.registeredVoters();
    }

    long stations() {
        return stations;
    }

    /** Second pass: one station, in (unit, id) order. */
    void write(Station st) {
        if (!st.unitId().equals(groupUnit)) {
            flushGroup();
            int u = unit(st.unitId());
            if (u < next)
                throw new IllegalStateException("stations are not ordered by unit: " + st.id() + " in " + st.unitId());
            while (next < u) writeUnit(next++, List.of());
            groupUnit = st.unitId();
        }
        group.add(st);
    }

    /** Writes the units after the last station's. */
    void finish() {
        flushGroup();
        while (next < sorted.size()) writeUnit(next++, List.of());
    }

    private void flushGroup() {
        if (groupUnit == null) return;
        writeUnit(next++, group);
        for (Station st : group) writeStation(st);
        group.clear();
        groupUnit = null;
    }

    private int unit(String id) {
        Integer i = index.get(id);
        if (i == null) throw new IllegalStateException("station in unknown unit " + id);
        return i;
    }

    private void writeUnit(int i, List<Station> own) {
        Unit u = sorted.get(i);
        sink.startObject("ReportingUnit", NistIds.unit(u.id()));
        List<String> composing = new ArrayList<>(children.get(i));
        for (Station st : own) composing.add(NistIds.station(st.id()));
        sink.refs("ComposingGpUnitIds", composing);
        sink.startList("ExternalIdentifier");
        sink.externalId(NistIds.UNIT, u.id());
        sink.endList();
        sink.text("Name", u.name(), language);
        String level = u.level() < levels.size() ? levels.get(u.level()) : "level-" + u.level();
        var type = UnitTypes.standard(level);
        sink.string("Type", type.orElse("other"));
        if (type.isEmpty()) sink.string("OtherType", level);
        sink.number("VotersRegistered", registered[i]);
        sink.endObject();
    }

    private void writeStation(Station st) {
        sink.startObject("ReportingUnit", NistIds.station(st.id()));
        sink.startList("ExternalIdentifier");
        sink.externalId(NistIds.STATION, st.id());
        sink.endList();
        sink.text("Name", st.name(), language);
        sink.string("Type", UnitTypes.STATION);
        sink.number("VotersRegistered", st.registeredVoters());
        sink.endObject();
    }
}
