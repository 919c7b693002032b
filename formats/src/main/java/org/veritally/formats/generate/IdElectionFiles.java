package org.veritally.formats.generate;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.veritally.core.model.Contest;
import org.veritally.core.model.Source;
import org.veritally.core.model.Station;
import org.veritally.core.model.TallySheet;
import org.veritally.core.model.Unit;
import org.veritally.formats.canonical.CanonicalJson;
import org.veritally.formats.csv.GenericCsv;
import org.veritally.formats.entry.ElectionJson;
import org.veritally.formats.export.SpreadsheetText;
import org.veritally.formats.generate.IdVillages.Village;

/**
 * Writes an {@link IndonesiaElection} as {@code generate} does: the definition in the {@code election} JSON
 * format (docs/formats.md) and the sheets in the generic {@code csv} format, both streamed, so 820,161
 * stations and 8.2 million sheets cost no more memory than the villages. The JSON is the {@code election}
 * format's members with {@code stations} written last, one at a time (the reader does not depend on member
 * order). Stateless.
 */
public final class IdElectionFiles {

    private IdElectionFiles() {}

    /** Writes the definition to {@code out}; returns how many stations it lists. */
    public static long definition(IndonesiaElection gen, OutputStream out) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>(ElectionJson.toTree(gen.election()));
        m.remove("kind");
        m.remove("v");
        List<Object> units = new ArrayList<>();
        for (Unit u : gen.units()) units.add(Map.of("id", u.id(), "name", u.name(), "parent", u.parentId()));
        List<Object> sources = new ArrayList<>();
        for (Source s : gen.sources())
            sources.add(Map.of("id", s.id(), "name", s.name(), "kind", s.kind().wire()));
        m.put("units", units);
        m.put("sources", sources);
        byte[] head = CanonicalJson.encode(m);
        out.write(head, 0, head.length - 1); // without the closing brace
        out.write(",\"stations\":[".getBytes(StandardCharsets.UTF_8));
        long[] n = {0};
        gen.stations((v, st) -> {
            try {
                if (n[0]++ > 0) out.write(',');
                out.write(CanonicalJson.encode(station(st)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        out.write("]}".getBytes(StandardCharsets.UTF_8));
        return n[0];
    }

    private static Map<String, Object> station(Station s) {
        return Map.of("id", s.id(), "name", s.name(), "unit", s.unitId(), "registered", s.registeredVoters());
    }

    /** Writes the sheets to {@code out} in the generic CSV format; returns how many. */
    public static long sheets(IndonesiaElection gen, Writer out) throws IOException {
        List<Contest> contests = gen.election().contests();
        StringBuilder header = new StringBuilder();
        for (String level : List.of("province", "regency", "district", "village"))
            header.append(level).append("_code,").append(level).append("_name,");
        header.append(String.join(",", GenericCsv.FIXED));
        int all = 0;
        for (Contest c : contests) {
            for (var ch : c.choices()) header.append(',').append(ch.id());
            all += c.choices().size();
        }
        out.write(header.append('\n').toString());
        String[] before = new String[contests.size()];
        String[] after = new String[contests.size()];
        int at = 0;
        for (int c = 0; c < contests.size(); c++) {
            int k = contests.get(c).choices().size();
            before[c] = ",".repeat(at);
            after[c] = ",".repeat(all - at - k);
            at += k;
        }
        long[] n = {0};
        Village[] lastVillage = {null};
        String[] prefix = {""};
        StringBuilder sb = new StringBuilder(512);
        gen.sheets((v, st, s) -> {
            if (v != lastVillage[0]) {
                lastVillage[0] = v;
                prefix[0] = String.join(
                                ",",
                                cell(v.provinceCode()),
                                cell(v.province()),
                                cell(v.regencyCode()),
                                cell(v.regency()),
                                cell(v.districtCode()),
                                cell(v.district()),
                                cell(v.code()),
                                cell(v.name()))
                        + ",";
            }
            sb.setLength(0);
            row(sb, prefix[0], s, gen.election().contestIndex(s.contestId()), before, after);
            try {
                out.write(sb.toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            n[0]++;
        });
        return n[0];
    }

    private static void row(StringBuilder sb, String prefix, TallySheet s, int c, String[] before, String[] after) {
        var k = s.counts();
        sb.append(prefix)
                .append(s.stationId())
                .append(',')
                .append(s.contestId())
                .append(',')
                .append(s.sourceId())
                .append(',')
                .append(k.registered())
                .append(',')
                .append(k.ballotsCast())
                .append(',')
                .append(k.valid())
                .append(',')
                .append(k.nulls())
                .append(',');
        sb.append(before[c]);
        for (int j = 0; j < s.votes().length; j++) sb.append(',').append(s.votes()[j]);
        sb.append(after[c]).append('\n');
    }

    /** A text cell, guarded against formula injection and quoted where RFC 4180 needs. */
    private static String cell(String raw) {
        String s = SpreadsheetText.guard(raw);
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
