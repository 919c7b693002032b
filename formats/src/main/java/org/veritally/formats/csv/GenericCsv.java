package org.veritally.formats.csv;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.veritally.core.model.Contest;
import org.veritally.core.model.Election;
import org.veritally.core.model.SummaryCounts;
import org.veritally.core.model.TallySheet;
import org.veritally.core.validation.Problem;
import org.veritally.core.validation.Rule;

/**
 * Format {@code csv}: Veritally's generic tally-sheet CSV (docs/formats.md). UTF-8, a header row,
 * one row per station × contest. Columns:
 *
 * <ul>
 *   <li>{@code <level>_code}, {@code <level>_name} for each hierarchy level: informational (the
 *       catalogue in the election definition is authoritative), ignored on import;
 *   <li>{@code station}, {@code contest} (required), {@code source} (optional; else {@code --source});
 *   <li>{@code registered}, {@code ballots}, {@code blank} (optional, may be empty), {@code valid},
 *       {@code null} (required);
 *   <li>one column per choice id; a row fills the columns of its contest's choices and leaves the
 *       others empty.
 * </ul>
 *
 * Stateless.
 */
public final class GenericCsv {
    public static final String FORMAT = "csv";
    public static final List<String> FIXED =
            List.of("station", "contest", "source", "registered", "ballots", "valid", "null", "blank");

    private GenericCsv() {}

    /** Reads every row; header problems end the read. */
    public static void sheets(
            Path file,
            Election election,
            Optional<String> defaultSource,
            List<Problem> fileProblems,
            Consumer<SheetRow> out) {
        String name = file.getFileName().toString();
        try (CsvReader<CsvRecord> csv = CsvReader.builder()
                .detectBomHeader(true)
                .allowMissingFields(true)
                .allowExtraFields(true)
                .ofCsvRecord(file, StandardCharsets.UTF_8)) {
            Header h = null;
            for (CsvRecord r : csv) {
                if (h == null) {
                    h = header(r.getFields(), election, name, fileProblems, defaultSource);
                    if (h == null) return;
                    continue;
                }
                out.accept(row(r, h, election, name + ":" + r.getStartingLineNumber(), defaultSource));
            }
            if (h == null) fileProblems.add(new Problem(Rule.IN_FIELD, name + ":1", "empty file: no header"));
        } catch (de.siegmar.fastcsv.reader.CsvParseException e) {
            fileProblems.add(
                    new Problem(Rule.IN_SYNTAX, name, "malformed CSV, reading stopped: " + CsvErrors.describe(e)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The columns of a file, and the source ids its rows named so far (one string each, shared by the rows). */
    private record Header(
            Map<String, Integer> fixed, Map<String, Integer> choiceColumn, int width, Map<String, String> sources) {
        String shared(String source) {
            return sources.size() < 64 ? sources.computeIfAbsent(source, x -> x) : source;
        }
    }

    private static Header header(
            List<String> cols, Election e, String file, List<Problem> problems, Optional<String> defaultSource) {
        Map<String, Integer> fixed = new HashMap<>();
        Map<String, Integer> choice = new HashMap<>();
        var choiceIds = new java.util.HashSet<String>();
        for (Contest c : e.contests()) c.choices().forEach(ch -> choiceIds.add(ch.id()));
        int before = problems.size();
        for (int i = 0; i < cols.size(); i++) {
            String c = cols.get(i).trim();
            if (FIXED.contains(c)) fixed.put(c, i);
            else if (choiceIds.contains(c)) choice.put(c, i);
            else if (!(c.endsWith("_code") || c.endsWith("_name"))) {
                problems.add(new Problem(
                        Rule.TS_CHOICE,
                        file + ":1 column " + (i + 1),
                        "unknown column '" + c + "' (not a field, a hierarchy column or a choice id)"));
            }
        }
        for (String req : List.of("station", "contest", "valid", "null")) {
            if (!fixed.containsKey(req))
                problems.add(new Problem(Rule.IN_FIELD, file + ":1", "missing column '" + req + "'"));
        }
        if (!fixed.containsKey("source") && defaultSource.isEmpty()) {
            problems.add(new Problem(Rule.TS_SOURCE, file + ":1", "no 'source' column and no --source given"));
        }
        return problems.size() > before ? null : new Header(fixed, choice, cols.size(), new HashMap<>());
    }

    private static SheetRow row(CsvRecord r, Header h, Election e, String loc, Optional<String> defaultSource) {
        List<Problem> ps = new ArrayList<>(0);
        if (r.getFieldCount() != h.width()) {
            ps.add(new Problem(Rule.IN_SYNTAX, loc, "expected " + h.width() + " fields, found " + r.getFieldCount()));
            return new SheetRow(loc, Optional.empty(), ps);
        }
        String station = r.getField(h.fixed().get("station")).trim();
        String contestId = r.getField(h.fixed().get("contest")).trim();
        String source = h.fixed().containsKey("source")
                ? r.getField(h.fixed().get("source")).trim()
                : defaultSource.orElse("");
        if (source.isEmpty()) source = defaultSource.orElse("");
        long registered = opt(r, h, "registered", loc, ps);
        long ballots = opt(r, h, "ballots", loc, ps);
        long blank = opt(r, h, "blank", loc, ps);
        long valid = Counts.parse(r.getField(h.fixed().get("valid")).trim(), loc, "valid", false, 0, ps);
        long nulls = Counts.parse(r.getField(h.fixed().get("null")).trim(), loc, "null", false, 0, ps);
        var contest = e.contest(contestId);
        if (contest.isEmpty()) {
            ps.add(new Problem(Rule.TS_CONTEST, loc + " column contest", "unknown contest '" + contestId + "'"));
            return new SheetRow(loc, Optional.empty(), ps);
        }
        Contest c = contest.get();
        long[] votes = new long[c.choices().size()];
        for (int i = 0; i < votes.length; i++) {
            String id = c.choices().get(i).id();
            Integer col = h.choiceColumn().get(id);
            if (col == null) {
                ps.add(new Problem(Rule.TS_CHOICE, loc, "no column for choice '" + id + "' of contest " + c.id()));
                continue;
            }
            votes[i] = Counts.parse(r.getField(col).trim(), loc, id, false, 0, ps);
        }
        for (var col : h.choiceColumn().entrySet()) {
            if (c.choiceIndex(col.getKey()) < 0 && !r.getField(col.getValue()).isBlank()) {
                ps.add(new Problem(
                        Rule.TS_CHOICE,
                        loc + " column " + col.getKey(),
                        "choice '" + col.getKey() + "' is not in contest " + c.id()));
            }
        }
        if (!ps.isEmpty()) return new SheetRow(loc, Optional.empty(), ps);
        return new SheetRow(
                loc,
                Optional.of(new TallySheet(
                        station,
                        c.id(), // the definition's own strings: a row's sheet then holds one new string, its station
                        h.shared(source),
                        new SummaryCounts(registered, ballots, valid, nulls, blank),
                        votes)),
                ps);
    }

    private static long opt(CsvRecord r, Header h, String col, String loc, List<Problem> ps) {
        Integer i = h.fixed().get(col);
        return i == null
                ? SummaryCounts.ABSENT
                : Counts.parse(r.getField(i).trim(), loc, col, true, SummaryCounts.ABSENT, ps);
    }
}
