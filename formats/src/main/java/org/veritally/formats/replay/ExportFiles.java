package org.veritally.formats.replay;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.veritally.core.tabulate.View;
import org.veritally.formats.export.ConsensusCsvWriter;
import org.veritally.formats.export.ExportData;
import org.veritally.formats.export.ExportViews;
import org.veritally.formats.export.StationCsvWriter;
import org.veritally.formats.nist.NistJsonSink;
import org.veritally.formats.nist.NistReportWriter;
import org.veritally.formats.nist.NistSink;
import org.veritally.formats.nist.ReportHeader;

/**
 * The exports a static mirror carries, described so that they can be written again: {@code
 * exports/station.csv}, {@code exports/consensus.csv} and {@code exports/nist-<view>.json} for the
 * views it is asked for (a view's {@code :} written {@code -}; the mirror: its default view). A description ({@link
 * Spec}) holds the export's format,
 * its path and the parameters that are not in the log (the NIST report's generation time, election
 * date and type, and the language of its names); it goes into the mirror's manifest. {@code publish
 * --site} writes each file with {@link #write}; {@code verify} writes it again from its own replay
 * and compares the bytes (check {@code VFY-EXPORTS}). Stateless.
 */
public final class ExportFiles {
    public static final String STATION_CSV = "station-csv";
    public static final String CONSENSUS_CSV = "consensus-csv";
    public static final String NIST_JSON = "nist-json";

    private ExportFiles() {}

    /**
     * One export: its format, its path from the mirror's root, and for {@code nist-json} the view and
     * the report parameters ({@code generated} an ISO-8601 instant; {@code electionDate} the date written;
     * {@code electionDateGiven} whether it was given or is the day of the first sheet).
     */
    public record Spec(String format, String path, Optional<String> view, Optional<Nist> nist) {
        public Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("format", format);
            m.put("path", path);
            view.ifPresent(v -> m.put("view", v));
            nist.ifPresent(n -> {
                m.put("generated", n.generated());
                m.put("electionDate", n.electionDate());
                m.put("electionDateGiven", n.electionDateGiven());
                m.put("electionType", n.electionType());
                m.put("language", n.language());
            });
            return m;
        }

        /**
         * The description as a manifest holds it.
         *
         * @throws IllegalArgumentException when a member is missing or of the wrong type
         */
        public static Spec fromJson(Map<String, Object> m) {
            String format = string(m, "format");
            String path = string(m, "path");
            if (!format.equals(NIST_JSON)) return new Spec(format, path, Optional.empty(), Optional.empty());
            Object given = m.get("electionDateGiven");
            if (!(given instanceof Boolean g)) throw new IllegalArgumentException("electionDateGiven is not a boolean");
            return new Spec(
                    format,
                    path,
                    Optional.of(string(m, "view")),
                    Optional.of(new Nist(
                            string(m, "generated"),
                            string(m, "electionDate"),
                            g,
                            string(m, "electionType"),
                            string(m, "language"))));
        }

        private static String string(Map<String, Object> m, String key) {
            if (m.get(key) instanceof String s) return s;
            throw new IllegalArgumentException("the export description has no string '" + key + "'");
        }
    }

    /** The NIST report's parameters that the log does not hold. */
    public record Nist(
            String generated, String electionDate, boolean electionDateGiven, String electionType, String language) {}

    /** The path of a view's NIST report. */
    public static String nistPath(String view) {
        return "exports/nist-" + view.replace(':', '-') + ".json";
    }

    /**
     * The exports of a mirror: the two CSVs and a NIST report for each of {@code views}.
     *
     * @param firstSheetDay the day the reports are dated by when no {@code electionDate} is given
     */
    public static List<Spec> standard(
            List<String> views,
            Instant generated,
            Optional<LocalDate> electionDate,
            Optional<String> firstSheetDay,
            String electionType,
            String language) {
        List<Spec> out = new ArrayList<>();
        out.add(new Spec(STATION_CSV, "exports/station.csv", Optional.empty(), Optional.empty()));
        out.add(new Spec(CONSENSUS_CSV, "exports/consensus.csv", Optional.empty(), Optional.empty()));
        String date = electionDate
                .map(LocalDate::toString)
                .orElse(firstSheetDay.orElse(
                        LocalDate.ofInstant(generated, java.time.ZoneOffset.UTC).toString()));
        String when = java.time.format.DateTimeFormatter.ISO_INSTANT.format(
                generated.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        for (String v : views) {
            out.add(new Spec(
                    NIST_JSON,
                    nistPath(v),
                    Optional.of(v),
                    Optional.of(new Nist(when, date, electionDate.isPresent(), electionType, language))));
        }
        return out;
    }

    /** The day the data of a replay is dated by for {@code spec}'s NIST report (see {@link ReplayExportData}). */
    public static Optional<String> firstSheetDay(List<Spec> specs) {
        return specs.stream()
                .flatMap(s -> s.nist().stream())
                .map(Nist::electionDate)
                .findFirst();
    }

    /**
     * Writes one export from {@code data} to {@code out} (left open).
     *
     * @throws IllegalArgumentException for an unknown format or view, or bad parameters
     */
    public static void write(Spec spec, ExportData data, OutputStream out) throws IOException {
        var snap = data.snapshot();
        switch (spec.format()) {
            case STATION_CSV -> csv(out, w -> new StationCsvWriter(w, snap).write(data));
            case CONSENSUS_CSV -> csv(out, w -> new ConsensusCsvWriter(w, snap).write(data));
            case NIST_JSON -> {
                Nist n = spec.nist()
                        .orElseThrow(() -> new IllegalArgumentException("a nist-json export needs its parameters"));
                View v = ExportViews.resolve(
                        snap,
                        spec.view()
                                .orElseThrow(() -> new IllegalArgumentException("a nist-json export needs its view")));
                Optional<LocalDate> date =
                        n.electionDateGiven() ? Optional.of(LocalDate.parse(n.electionDate())) : Optional.empty();
                var header = ReportHeader.forView(
                        snap, v, Instant.parse(n.generated()), date, n.electionType(), n.language());
                OutputStream shield = new java.io.FilterOutputStream(out) {
                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        out.write(b, off, len);
                    }

                    @Override
                    public void close() throws IOException {
                        flush();
                    }
                };
                try (NistSink sink = new NistJsonSink(shield)) {
                    new NistReportWriter(sink, snap, header).write(data, v);
                }
            }
            default -> throw new IllegalArgumentException("unknown export format " + spec.format());
        }
    }

    private static void csv(OutputStream os, java.util.function.ToLongFunction<Writer> body) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), 1 << 16);
        try {
            body.applyAsLong(w);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        w.flush();
    }
}
