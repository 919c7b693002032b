package org.veritally.formats.export;

import java.io.Writer;
import java.util.List;
import org.veritally.core.model.Election;

/**
 * Format {@code consensus-csv}: one row per station × contest of the catalogue, with its
 * reconciliation status ({@code agreed}, {@code disputed}, {@code single}, {@code missing}) and,
 * when the station counts in the consensus view, the counted copy's source, log index and counts.
 * Columns: {@code <level>_code,<level>_name} per level below the root, {@link #FIXED}, then one
 * column per ballot line. Summing a column over the rows with {@code counted = 1} gives the
 * consensus view's total. Not thread-safe.
 */
public final class ConsensusCsvWriter {
    public static final List<String> FIXED = List.of(
            "station",
            "station_name",
            "registered_voters",
            "contest",
            "status",
            "counted",
            "counted_source",
            "log_index",
            "registered",
            "ballots",
            "valid",
            "null",
            "blank");
    private final CsvLine line;
    private final Hierarchy hierarchy;
    private final ChoiceColumns choices;
    private long rows;

    public ConsensusCsvWriter(Writer out, ElectionSnapshot snapshot) {
        this.line = new CsvLine(out);
        Election e = snapshot.election();
        this.hierarchy = new Hierarchy(e, snapshot.units());
        this.choices = new ChoiceColumns(e, StationCsvWriter.columnsBefore(hierarchy, FIXED));
    }

    /** Writes the header and every row; returns the number of rows. */
    public long write(ExportData data) {
        for (String c : StationCsvWriter.columnsBefore(hierarchy, FIXED)) line.text(c);
        for (String c : choices.names()) line.text(c);
        line.end();
        data.consensus(this::row);
        return rows;
    }

    void row(ConsensusRow r) {
        StationCsvWriter.hierarchyCells(line, hierarchy, r.station().unitId());
        line.text(r.station().id())
                .text(r.station().name())
                .num(r.station().registeredVoters())
                .text(r.contestId())
                .text(r.status().wire());
        if (r.counted().isPresent()) {
            StationSheet s = r.counted().get();
            var k = s.counts();
            line.num(1)
                    .text(s.sourceId())
                    .num(s.logIndex())
                    .opt(k.registered())
                    .opt(k.ballotsCast())
                    .num(k.valid())
                    .num(k.nulls())
                    .opt(k.blank());
            choices.append(line, r.contestId(), s.votes());
        } else {
            line.num(0).empty().empty().empty().empty().empty().empty().empty();
            choices.appendEmpty(line);
        }
        line.end();
        rows++;
    }
}
