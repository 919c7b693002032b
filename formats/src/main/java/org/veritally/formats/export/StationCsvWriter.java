package org.veritally.formats.export;

import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.veritally.core.model.Election;
import org.veritally.core.model.Source;
import org.veritally.core.model.Unit;

/**
 * Format {@code station-csv}: one row per station × contest × source, every source's current copy
 * of every sheet, with the hierarchy, the reconciliation status and the log index of the copy.
 * Columns (docs/open-data.md has the dictionary): {@code <level>_code,<level>_name} for each level
 * below the root, then {@link #FIXED}, then one column per ballot line. Rows come in the order of
 * {@link ExportData#sheets} (station, contest, source). Not thread-safe; the caller owns the writer.
 */
public final class StationCsvWriter {
    public static final List<String> FIXED = List.of(
            "station",
            "station_name",
            "registered_voters",
            "contest",
            "source",
            "source_kind",
            "status",
            "counted",
            "log_index",
            "registered",
            "ballots",
            "valid",
            "null",
            "blank");
    private final CsvLine line;
    private final Hierarchy hierarchy;
    private final ChoiceColumns choices;
    private final Map<String, String> kinds = new HashMap<>();
    private long rows;

    public StationCsvWriter(Writer out, ElectionSnapshot snapshot) {
        this.line = new CsvLine(out);
        Election e = snapshot.election();
        this.hierarchy = new Hierarchy(e, snapshot.units());
        this.choices = new ChoiceColumns(e, columnsBefore(hierarchy, FIXED));
        for (Source s : snapshot.sources()) kinds.put(s.id(), s.kind().wire());
    }

    /** Writes the header and every row of {@code data}; returns the number of rows. */
    public long write(ExportData data) {
        header();
        data.sheets(this::row);
        return rows;
    }

    public void header() {
        for (String c : columnsBefore(hierarchy, FIXED)) line.text(c);
        for (String c : choices.names()) line.text(c);
        line.end();
    }

    public void row(StationSheet s) {
        hierarchyCells(line, hierarchy, s.station().unitId());
        var k = s.counts();
        line.text(s.station().id())
                .text(s.station().name())
                .num(s.station().registeredVoters())
                .text(s.contestId())
                .text(s.sourceId())
                .text(kinds.getOrDefault(s.sourceId(), ""))
                .text(s.status().wire())
                .num(s.counted() ? 1 : 0)
                .num(s.logIndex())
                .opt(k.registered())
                .opt(k.ballotsCast())
                .num(k.valid())
                .num(k.nulls())
                .opt(k.blank());
        choices.append(line, s.contestId(), s.votes());
        line.end();
        rows++;
    }

    /** The hierarchy column names followed by {@code fixed}. */
    static List<String> columnsBefore(Hierarchy h, List<String> fixed) {
        List<String> cols = new ArrayList<>();
        for (int l = 1; l <= h.depth(); l++) {
            cols.add(h.levelName(l) + "_code");
            cols.add(h.levelName(l) + "_name");
        }
        cols.addAll(fixed);
        return cols;
    }

    static void hierarchyCells(CsvLine line, Hierarchy h, String unitId) {
        for (Unit u : h.path(unitId)) {
            if (u == null) line.empty().empty();
            else line.text(u.id()).text(u.name());
        }
    }
}
