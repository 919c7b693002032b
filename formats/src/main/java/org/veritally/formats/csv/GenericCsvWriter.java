package org.veritally.formats.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.veritally.core.model.Catalogue;
import org.veritally.core.model.Contest;
import org.veritally.core.model.Election;
import org.veritally.core.model.SummaryCounts;
import org.veritally.core.model.TallySheet;
import org.veritally.core.model.Unit;
import org.veritally.formats.export.SpreadsheetText;

/**
 * Writes tally sheets in the generic {@code csv} format ({@link GenericCsv}), with the informational
 * hierarchy columns {@code <level>_code,<level>_name} for every level below the root. Not
 * thread-safe; the caller owns the writer.
 */
public final class GenericCsvWriter {
    private final Writer out;
    private final Election election;
    private final Catalogue catalogue;
    private final List<String> choiceColumns = new ArrayList<>();
    private final Map<String, Integer> choiceColumn = new HashMap<>();
    private final int depth;

    public GenericCsvWriter(Writer out, Election election, Catalogue catalogue) {
        this.out = out;
        this.election = election;
        this.catalogue = catalogue;
        for (Contest c : election.contests()) {
            c.choices().forEach(ch -> {
                choiceColumn.put(ch.id(), choiceColumns.size());
                choiceColumns.add(ch.id());
            });
        }
        this.depth = election.levels().size() - 1;
    }

    public void header() {
        var sb = new StringBuilder();
        for (int l = 1; l <= depth; l++)
            sb.append(election.levels().get(l))
                    .append("_code,")
                    .append(election.levels().get(l))
                    .append("_name,");
        sb.append(String.join(",", GenericCsv.FIXED));
        for (String c : choiceColumns) sb.append(',').append(c);
        line(sb);
    }

    public void write(TallySheet s) {
        var sb = new StringBuilder(128);
        int st = catalogue.stationIndex(s.stationId());
        int[] anc = catalogue.ancestry(catalogue.unitOfStation(st));
        String[] codes = new String[depth];
        String[] names = new String[depth];
        for (int a : anc) {
            Unit u = catalogue.unit(a);
            if (u.level() >= 1 && u.level() <= depth) {
                codes[u.level() - 1] = u.id();
                names[u.level() - 1] = u.name();
            }
        }
        for (int l = 0; l < depth; l++)
            sb.append(cell(codes[l])).append(',').append(cell(names[l])).append(',');
        var k = s.counts();
        sb.append(cell(s.stationId()))
                .append(',')
                .append(cell(s.contestId()))
                .append(',')
                .append(cell(s.sourceId()))
                .append(',');
        sb.append(opt(k.registered()))
                .append(',')
                .append(opt(k.ballotsCast()))
                .append(',')
                .append(k.valid())
                .append(',')
                .append(k.nulls())
                .append(',')
                .append(opt(k.blank()));
        String[] cells = new String[choiceColumns.size()];
        Contest c = election.contest(s.contestId()).orElseThrow();
        for (int i = 0; i < c.choices().size(); i++)
            cells[choiceColumn.get(c.choices().get(i).id())] = Long.toString(s.vote(i));
        for (String v : cells) sb.append(',').append(v == null ? "" : v);
        line(sb);
    }

    private static String opt(long v) {
        return v == SummaryCounts.ABSENT ? "" : Long.toString(v);
    }

    /** A text cell: guarded against formula injection ({@link SpreadsheetText}), quoted where RFC 4180 needs. */
    static String cell(String raw) {
        if (raw == null) return "";
        String s = SpreadsheetText.guard(raw);
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    private void line(StringBuilder sb) {
        try {
            out.write(sb.append('\n').toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
