package org.veritally.server.fuzz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.veritally.core.model.Contest;
import org.veritally.core.model.SummaryCounts;
import org.veritally.core.model.TallySheet;
import org.veritally.formats.Definition;
import org.veritally.formats.generate.SyntheticElection;
import org.veritally.server.Fixtures;

/**
 * Valid samples the fuzzers start from: generated sheets and definitions, the repository's example
 * announcements, and the real files of {@code ../shared} (QR payloads, the first lines of the
 * Venezuelan CSV) when present, each with a built-in fallback so the campaign runs everywhere.
 */
final class Samples {
    static final SyntheticElection GENERATOR = new SyntheticElection(30, 2, 4, 3, 7);
    static final Definition DEFINITION = GENERATOR.definition();
    static final List<TallySheet> SHEETS =
            Fixtures.sheets(GENERATOR, DEFINITION).subList(0, 40);

    private Samples() {}

    static Path shared() {
        return Path.of(System.getProperty("veritally.shared", "../../shared"));
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A sheet in the API form of {@code POST /api/sheets}. */
    static String apiSheet(TallySheet s) {
        Contest c = DEFINITION.election().contest(s.contestId()).orElseThrow();
        var k = s.counts();
        var sb = new StringBuilder("{\"station\":\"")
                .append(s.stationId())
                .append("\",\"contest\":\"")
                .append(s.contestId())
                .append("\",\"source\":\"")
                .append(s.sourceId())
                .append("\",\"counts\":{");
        if (k.ballotsCast() != SummaryCounts.ABSENT)
            sb.append("\"ballots\":").append(k.ballotsCast()).append(',');
        if (k.blank() != SummaryCounts.ABSENT)
            sb.append("\"blank\":").append(k.blank()).append(',');
        sb.append("\"valid\":")
                .append(k.valid())
                .append(",\"null\":")
                .append(k.nulls())
                .append("},\"votes\":{");
        for (int i = 0; i < c.choices().size(); i++)
            sb.append(i > 0 ? "," : "")
                    .append('"')
                    .append(c.choices().get(i).id())
                    .append("\":")
                    .append(s.vote(i));
        return sb.append("}}").toString();
    }

    /** Generic CSV (docs/formats.md) of the generated sheets. */
    static String genericCsv() {
        var sb = new StringBuilder("region_code,station,contest,source,registered,ballots,valid,null,blank");
        List<String> choices = new ArrayList<>();
        for (Contest c : DEFINITION.election().contests()) c.choices().forEach(ch -> choices.add(ch.id()));
        for (String ch : choices) sb.append(',').append(ch);
        sb.append('\n');
        for (TallySheet s : SHEETS) {
            var k = s.counts();
            sb.append("R0,")
                    .append(s.stationId())
                    .append(',')
                    .append(s.contestId())
                    .append(',')
                    .append(s.sourceId())
                    .append(",,")
                    .append(k.ballotsCast() == SummaryCounts.ABSENT ? "" : k.ballotsCast())
                    .append(',')
                    .append(k.valid())
                    .append(',')
                    .append(k.nulls())
                    .append(',')
                    .append(k.blank() == SummaryCounts.ABSENT ? "" : k.blank());
            Contest c = DEFINITION.election().contest(s.contestId()).orElseThrow();
            for (String ch : choices) {
                int i = c.choiceIndex(ch);
                sb.append(',').append(i < 0 ? "" : Long.toString(s.vote(i)));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    static final String CVZLA_HEADER =
            "\uFEFFCOD_EDO,EDO,COD_MUN,MUN,COD_PAR,PAR,CENTRO,MESA,RE,VOTOS_VALIDOS,VOTOS_NULOS,"
                    + "EG,NM,LM,JABE,JOBR,AE,CF,DC,EM,BERA,URL\n";

    /** The first rows of the real Venezuelan file, or two built-in rows in its format. */
    static String cvzlaCsv() throws IOException {
        Path f = shared().resolve("data/ve-2024/RESULTADOS_2024_CSV_V1.csv");
        if (Files.exists(f)) {
            try (Stream<String> lines = Files.lines(f, StandardCharsets.UTF_8)) {
                return String.join("\n", lines.limit(25).toList()) + "\n";
            }
        }
        return CVZLA_HEADER
                + "1,DTTO. CAPITAL,1,BLV "
                + "LIBERTADOR,1,ALTAGRACIA,10101001,1,532,332,2,263,60,1,1,1,2,1,1,1,1,https://"
                + "example.org/a.jpg\n"
                + "1,DTTO. CAPITAL,1,BLV "
                + "LIBERTADOR,1,ALTAGRACIA,10101001,2,531,317,1,250,60,0,1,1,2,1,1,0,1,https://"
                + "example.org/b.jpg\n";
    }

    /** Real acta QR payloads from ../shared, or one built-in payload. */
    static List<String> qrPayloads() throws IOException {
        Path f = shared().resolve("samples/qr/ve-acta-2024.txt");
        if (Files.exists(f))
            return Files.readAllLines(f, StandardCharsets.UTF_8).stream()
                    .filter(l -> !l.isBlank())
                    .toList();
        return List.of("150702005.02.1.0001!105,7,2,0,4,1,0,1,1,1,0,2,44,2,1,0,0,1,0,1,0,0,0,1,0,0,0,0,1,0,1,0"
                + ",0,7,13,350,0,2!0!0");
    }

    /** The example announcements of docs/examples, and one built-in announcement of the generated election. */
    static List<byte[]> announcements() throws IOException {
        List<byte[]> out = new ArrayList<>();
        Path ex = Path.of("..", "docs", "examples", "cne-2024-bulletins.json");
        if (Files.exists(ex)) out.add(Files.readAllBytes(ex));
        out.add(utf8(announcement()));
        return out;
    }

    /** An announcement for contest C1 of the generated election (API body form). */
    static String announcement() {
        return "{\"id\":\"bulletin-1\",\"title\":\"First "
                + "bulletin\",\"time\":\"2024-07-29T00:06:00-04:00\",\"contest\":\"C1\","
                + "\"coveragePercent\":\"80.5\",\"stationsTotal\":30,\"registered\":12000,\"valid\":900"
                + "0,\"candidates\":{\"C1-K1\":5000,\"C1-K2\":3000},\"others\":1000}";
    }

    static List<String> jsonTokens(String... names) {
        List<String> t = new ArrayList<>(List.of(
                "{",
                "}",
                "[",
                "]",
                ",",
                ":",
                "\"",
                "\\",
                "\\u0000",
                "\\ud800",
                "null",
                "true",
                "false",
                "{}",
                "[]",
                "\"\":",
                ",\"zz\":1",
                "\"x\":{\"x\":[]}",
                "1.0",
                "-0",
                "1e400",
                "/*c*/",
                "\u00a0",
                // issue 16: bounds, bidi and control characters, times, spreadsheet formulas
                "9007199254740991",
                "10000000001",
                "\"\\u202e\"",
                "\\u202e",
                "\\u2066",
                "\\u0007",
                "\u202e",
                "\u2069",
                "\"not-a-time\"",
                "\"2024-02-30\"",
                "\"=HYPERLINK(\\\"x\\\")\"",
                "\"@SUM(1+1)\""));
        for (String n : names) {
            t.add("\"" + n + "\":");
            t.add("\"" + n + "\"");
        }
        return t;
    }
}
