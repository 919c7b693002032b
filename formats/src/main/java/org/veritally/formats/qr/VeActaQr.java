package org.veritally.formats.qr;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.veritally.core.model.SummaryCounts;
import org.veritally.core.model.TallySheet;
import org.veritally.core.validation.Problem;
import org.veritally.core.validation.Rule;
import org.veritally.formats.csv.CvzlaCsv;
import org.veritally.formats.csv.SheetRow;

/**
 * Format {@code ve-acta-qr}: the QR payload printed on each Venezuelan acta of 28 July 2024, one per
 * line: {@code <acta id>!<38 counts>!<null>!<invalid>}, the acta id being
 * {@code <centre, 9 digits>.<table, 2 digits>.<n>.<nnnn>} (../shared/README.md). The 38 counts are the
 * party cards in ballot order; they are summed per candidate into the election's ten choices
 * (cards 1–13 Maduro, 14–19 Martínez, 20 Bertucci, 21–24 Brito, 25–30 Ecarri, 31 Fermín, 32–33
 * Ceballos, 34–36 González, 37 Márquez, 38 Rausseo), so QR copies and the opposition's CSV compare
 * at the candidate level. Valid votes are the sum of the 38 counts; null votes are part 3 plus part 4
 * (null and invalid ballots; the model has one field for both). The same acta may appear in several
 * images: identical repeats of a payload are dropped (reported as {@code duplicates}); a different
 * payload for an acta already read in the same file is a TS-DUP-ROW. Stateless.
 */
public final class VeActaQr {
    public static final String FORMAT = "ve-acta-qr";
    static final Pattern ACTA = Pattern.compile("(\\d{9})\\.(\\d{2})\\.(\\d+)\\.(\\d{4})");
    /** Candidate column (as in {@link CvzlaCsv}) of each of the 38 cards. */
    static final String[] CARD_CANDIDATE = new String[38];

    static {
        fill(1, 13, "NM");
        fill(14, 19, "LM");
        fill(20, 20, "JABE");
        fill(21, 24, "JOBR");
        fill(25, 30, "AE");
        fill(31, 31, "CF");
        fill(32, 33, "DC");
        fill(34, 36, "EG");
        fill(37, 37, "EM");
        fill(38, 38, "BERA");
    }

    private static void fill(int from, int to, String candidate) {
        for (int i = from; i <= to; i++) CARD_CANDIDATE[i - 1] = candidate;
    }

    private VeActaQr() {}

    /** The ten candidate ids in the order of {@link CvzlaCsv#election()}'s choices. */
    static final List<String> CHOICES = List.of("EG", "NM", "LM", "JABE", "JOBR", "AE", "CF", "DC", "EM", "BERA");

    /** Parses one payload; problems name the rule and {@code location}. */
    public static SheetRow parse(String payload, String sourceId, String location) {
        List<Problem> ps = new ArrayList<>(0);
        String[] parts = payload.strip().split("!", -1);
        if (parts.length != 4) {
            ps.add(new Problem(Rule.IN_SYNTAX, location, "expected 4 '!'-separated parts, found " + parts.length));
            return new SheetRow(location, Optional.empty(), ps);
        }
        var m = ACTA.matcher(parts[0]);
        if (!m.matches())
            ps.add(new Problem(
                    Rule.IN_ID,
                    location + " part 1",
                    "acta id must be <9-digit centre>.<2-digit table>.<n>.<nnnn>: '" + parts[0] + "'"));
        String[] counts = parts[1].split(",", -1);
        long[] votes = new long[CHOICES.size()];
        long valid = 0;
        if (counts.length != 38) {
            ps.add(new Problem(Rule.IN_SYNTAX, location + " part 2", "expected 38 counts, found " + counts.length));
        } else {
            for (int i = 0; i < 38; i++) {
                long v = count(counts[i], location + " part 2 card " + (i + 1), ps);
                votes[CHOICES.indexOf(CARD_CANDIDATE[i])] += v;
                valid += v;
            }
        }
        long nulls = count(parts[2], location + " part 3", ps) + count(parts[3], location + " part 4", ps);
        if (!ps.isEmpty()) return new SheetRow(location, Optional.empty(), ps);
        String station = m.group(1) + "." + m.group(2);
        return new SheetRow(
                location,
                Optional.of(new TallySheet(
                        station,
                        CvzlaCsv.CONTEST,
                        sourceId,
                        new SummaryCounts(
                                SummaryCounts.ABSENT, SummaryCounts.ABSENT, valid, nulls, SummaryCounts.ABSENT),
                        votes)),
                ps);
    }

    private static long count(String s, String where, List<Problem> ps) {
        String t = s.strip();
        if (t.isEmpty() || t.length() > 9 || !t.chars().allMatch(c -> c >= '0' && c <= '9')) {
            ps.add(new Problem(Rule.IN_COUNT, where, "not a non-negative integer: '" + s + "'"));
            return 0;
        }
        return Long.parseLong(t);
    }

    /** The acta id of a payload (its first part), or the whole line if it has none. */
    static String actaId(String payload) {
        int i = payload.indexOf('!');
        return i < 0 ? payload.strip() : payload.substring(0, i).strip();
    }

    /**
     * Reads a file of payloads, one per line (blank lines skipped), dropping identical repeats.
     * Returns how many identical repeats were dropped.
     */
    public static int sheets(Path file, String sourceId, Consumer<SheetRow> out) {
        Map<String, String> seen = new HashMap<>();
        int duplicates = 0;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (n == 1 && line.startsWith("\uFEFF")) line = line.substring(1);
                if (line.isBlank()) continue;
                String id = actaId(line);
                String prev = seen.putIfAbsent(id, line.strip());
                if (prev != null && prev.equals(line.strip())) {
                    duplicates++;
                    continue;
                }
                out.accept(parse(line, sourceId, file.getFileName() + ":" + n));
            }
        } catch (java.nio.charset.CharacterCodingException e) {
            out.accept(new SheetRow(
                    file.getFileName().toString(),
                    Optional.empty(),
                    List.of(new Problem(
                            Rule.IN_SYNTAX,
                            file.getFileName().toString(),
                            "the file is not UTF-8 text; reading stopped"))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return duplicates;
    }
}
