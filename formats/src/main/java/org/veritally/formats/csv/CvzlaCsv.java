package org.veritally.formats.csv;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.veritally.core.model.Candidate;
import org.veritally.core.model.Choice;
import org.veritally.core.model.Contest;
import org.veritally.core.model.Election;
import org.veritally.core.model.Source;
import org.veritally.core.model.SourceKind;
import org.veritally.core.model.Station;
import org.veritally.core.model.SummaryCounts;
import org.veritally.core.model.TallySheet;
import org.veritally.core.model.Unit;
import org.veritally.core.model.Universe;
import org.veritally.core.validation.Problem;
import org.veritally.core.validation.Rule;
import org.veritally.formats.Definition;

/**
 * Format {@code ve2024-cvzla}: the tally sheets of Venezuela's presidential election of 28 July 2024
 * as published by the opposition (RESULTADOS_2024_CSV_V1.csv; UTF-8 with BOM; columns
 * COD_EDO,EDO,COD_MUN,MUN,COD_PAR,PAR,CENTRO,MESA,RE,VOTOS_VALIDOS,VOTOS_NULOS, ten candidate
 * columns, URL). The file carries the catalogue too: state → municipality → parish → centre → table.
 *
 * <p>Ids: state {@code EE}, municipality {@code EE.MM}, parish {@code EE.MM.PP}, centre the 9-digit
 * CNE code (CENTRO left-padded with zeros, since the file drops a leading 0), table
 * {@code CCCCCCCCC.MM} as printed in the acta QR. Stateless.
 */
public final class CvzlaCsv {
    public static final String FORMAT = "ve2024-cvzla";
    public static final String CONTEST = "PRES";
    public static final String DEFAULT_SOURCE = "cvzla";
    static final String[] HEADER = {
        "COD_EDO",
        "EDO",
        "COD_MUN",
        "MUN",
        "COD_PAR",
        "PAR",
        "CENTRO",
        "MESA",
        "RE",
        "VOTOS_VALIDOS",
        "VOTOS_NULOS",
        "EG",
        "NM",
        "LM",
        "JABE",
        "JOBR",
        "AE",
        "CF",
        "DC",
        "EM",
        "BERA",
        "URL"
    };
    static final String[][] CANDIDATES = {
        {"EG", "Edmundo González"},
        {"NM", "Nicolás Maduro"},
        {"LM", "Luis Martínez"},
        {"JABE", "Javier Bertucci"},
        {"JOBR", "José Brito"},
        {"AE", "Antonio Ecarri"},
        {"CF", "Claudio Fermín"},
        {"DC", "Daniel Ceballos"},
        {"EM", "Enrique Márquez"},
        {"BERA", "Benjamín Rausseo"}
    };

    /**
     * The CNE's number of tables (mesas) in the election: 30,026, of which the opposition's file holds
     * 24,532 (docs/coverage.md cites the bulletins).
     */
    public static final long CNE_TABLES = 30_026;

    /** The registered voters of the CNE's register, as its second bulletin (2 August 2024) states them. */
    public static final long CNE_REGISTERED = 21_321_805;

    private CvzlaCsv() {}

    /**
     * The election, with the CNE's totals declared as its universe, so that coverage counts the file's
     * tables against the whole election and not against the file itself (docs/coverage.md).
     */
    public static Election election() {
        List<Candidate> cands = new ArrayList<>();
        List<Choice> choices = new ArrayList<>();
        for (String[] c : CANDIDATES) {
            cands.add(new Candidate(c[0], c[1]));
            choices.add(new Choice(c[0], c[1], c[0]));
        }
        return new Election(
                        "ve-2024",
                        "Venezuela, presidential election of 28 July 2024",
                        "VE",
                        List.of("country", "state", "municipality", "parish", "centre"),
                        List.of(new Contest(CONTEST, "President", choices, cands)),
                        0)
                .withUniverse(new Universe(CNE_TABLES, CNE_REGISTERED, List.of()));
    }

    public static Source defaultSource() {
        return new Source(DEFAULT_SOURCE, "Resultados con Venezuela (opposition witnesses' actas)", SourceKind.WITNESS);
    }

    /** Normalises a centre code to the 9 digits printed on the acta QR. */
    public static String centreCode(String raw) {
        String s = raw.trim();
        return s.length() >= 9 ? s : "0".repeat(9 - s.length()) + s;
    }

    public static String stationId(String centre, String mesa) {
        String m = mesa.trim();
        return centreCode(centre) + "." + (m.length() == 1 ? "0" + m : m);
    }

    private static String two(String s) {
        String t = s.trim();
        return t.length() == 1 ? "0" + t : t;
    }

    /** First pass: the election and the catalogue the file carries. Problems go to {@code problems}. */
    public static Definition definition(Path file, List<Problem> problems) {
        Map<String, Unit> units = new LinkedHashMap<>();
        units.put("VE", new Unit("VE", "Venezuela", 0, ""));
        List<Station> stations = new ArrayList<>();
        read(file, problems, r -> {
            String e = two(r.getField(0));
            String m = e + "." + two(r.getField(2));
            String p = m + "." + two(r.getField(4));
            String c = centreCode(r.getField(6));
            String loc = file.getFileName() + ":" + r.getStartingLineNumber();
            try {
                units.putIfAbsent(e, new Unit(e, r.getField(1).trim(), 1, "VE"));
                units.putIfAbsent(m, new Unit(m, r.getField(3).trim(), 2, e));
                units.putIfAbsent(p, new Unit(p, r.getField(5).trim(), 3, m));
                units.putIfAbsent(c, new Unit(c, "Centro " + c, 4, p));
            } catch (IllegalArgumentException ex) {
                problems.add(new Problem(Rule.CAT_UNIT, loc, ex.getMessage()));
                return;
            }
            long re = Counts.parse(r.getField(8).trim(), loc, "RE", false, 0, problems);
            try {
                stations.add(new Station(
                        stationId(r.getField(6), r.getField(7)), "Mesa " + two(r.getField(7)), c, Math.max(re, 0)));
            } catch (IllegalArgumentException ex) {
                problems.add(new Problem(Rule.CAT_STATION, loc, ex.getMessage()));
            }
        });
        return new Definition(election(), new ArrayList<>(units.values()), stations, List.of(defaultSource()));
    }

    /** Second pass: one row per table, as sheets of {@code sourceId}. */
    public static void sheets(Path file, String sourceId, List<Problem> fileProblems, Consumer<SheetRow> out) {
        read(file, fileProblems, r -> {
            String loc = file.getFileName() + ":" + r.getStartingLineNumber();
            List<Problem> ps = new ArrayList<>(0);
            long re = Counts.parse(r.getField(8).trim(), loc, "RE", false, 0, ps);
            long valid = Counts.parse(r.getField(9).trim(), loc, "VOTOS_VALIDOS", false, 0, ps);
            long nulls = Counts.parse(r.getField(10).trim(), loc, "VOTOS_NULOS", false, 0, ps);
            long[] votes = new long[CANDIDATES.length];
            for (int i = 0; i < votes.length; i++)
                votes[i] = Counts.parse(r.getField(11 + i).trim(), loc, HEADER[11 + i], false, 0, ps);
            Optional<TallySheet> sheet = ps.isEmpty()
                    ? Optional.of(new TallySheet(
                            stationId(r.getField(6), r.getField(7)),
                            CONTEST,
                            sourceId,
                            new SummaryCounts(re, SummaryCounts.ABSENT, valid, nulls, SummaryCounts.ABSENT),
                            votes))
                    : Optional.empty();
            out.accept(new SheetRow(loc, sheet, ps));
        });
    }

    private static void read(Path file, List<Problem> problems, Consumer<CsvRecord> row) {
        try (CsvReader<CsvRecord> csv = CsvReader.builder()
                .detectBomHeader(true)
                .allowMissingFields(true)
                .allowExtraFields(true)
                .ofCsvRecord(file, StandardCharsets.UTF_8)) {
            boolean header = true;
            for (CsvRecord r : csv) {
                if (header) {
                    header = false;
                    if (!r.getFields().equals(List.of(HEADER))) {
                        problems.add(new Problem(
                                Rule.IN_FIELD,
                                file.getFileName() + ":1",
                                "header is not the " + FORMAT + " header " + String.join(",", HEADER)));
                        return;
                    }
                    continue;
                }
                if (r.getFieldCount() != HEADER.length) {
                    problems.add(new Problem(
                            Rule.IN_SYNTAX,
                            file.getFileName() + ":" + r.getStartingLineNumber(),
                            "expected " + HEADER.length + " fields, found " + r.getFieldCount()));
                    continue;
                }
                row.accept(r);
            }
        } catch (de.siegmar.fastcsv.reader.CsvParseException e) {
            problems.add(new Problem(
                    Rule.IN_SYNTAX,
                    file.getFileName().toString(),
                    "malformed CSV, reading stopped: " + CsvErrors.describe(e)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
