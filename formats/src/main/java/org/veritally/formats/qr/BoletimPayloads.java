package org.veritally.formats.qr;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.veritally.core.validation.Problem;
import org.veritally.core.validation.Rule;
import org.veritally.formats.csv.CsvErrors;

/**
 * Reads the payloads of a {@code br-bu-qr} file, each with its file:line: either one payload per line (blank lines
 * skipped), or a CSV whose header names a {@code payload} or {@code Qr Code} column (as the published 2016 sample
 * does), told apart by whether the first line starts with {@code QRBU:}. UTF-8, a BOM accepted. Stateless.
 */
public final class BoletimPayloads {
    static final List<String> COLUMNS = List.of("payload", "qr code");

    private BoletimPayloads() {}

    /** One payload and where it was read. */
    public record Located(String payload, String where) {}

    /** Every payload of {@code file}; IN-SYNTAX / IN-FIELD (not UTF-8, no payload column) go to {@code problems}. */
    public static List<Located> read(Path file, List<Problem> problems) {
        String name = file.getFileName().toString();
        List<Located> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = r.readLine();
            if (first == null) return out;
            if (first.startsWith("\uFEFF")) first = first.substring(1);
            if (!first.strip().startsWith("QRBU:")) {
                r.close();
                csv(file, name, problems, out);
                return out;
            }
            String line = first;
            int n = 1;
            while (line != null) {
                if (!line.isBlank()) out.add(new Located(line.strip(), name + ":" + n));
                line = r.readLine();
                n++;
            }
        } catch (CharacterCodingException e) {
            problems.add(new Problem(Rule.IN_SYNTAX, name, "the file is not UTF-8 text; reading stopped"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static void csv(Path file, String name, List<Problem> problems, List<Located> out) {
        try (CsvReader<CsvRecord> csv = CsvReader.builder()
                .detectBomHeader(true)
                .allowMissingFields(true)
                .allowExtraFields(true)
                .ofCsvRecord(file, StandardCharsets.UTF_8)) {
            int column = -1;
            for (CsvRecord rec : csv) {
                if (column < 0) {
                    for (int i = 0; i < rec.getFieldCount(); i++)
                        if (COLUMNS.contains(rec.getField(i).strip().toLowerCase(Locale.ROOT))) column = i;
                    if (column < 0) {
                        problems.add(new Problem(
                                Rule.IN_FIELD,
                                name + ":1",
                                "neither a QRBU payload nor a CSV header with a 'payload' or 'Qr Code' column"));
                        return;
                    }
                    continue;
                }
                String where = name + ":" + rec.getStartingLineNumber();
                if (rec.getFieldCount() <= column || rec.getField(column).isBlank())
                    problems.add(new Problem(Rule.IN_FIELD, where, "no payload"));
                else out.add(new Located(rec.getField(column).strip(), where));
            }
        } catch (de.siegmar.fastcsv.reader.CsvParseException e) {
            problems.add(new Problem(Rule.IN_SYNTAX, name, "malformed CSV, reading stopped: " + CsvErrors.describe(e)));
        } catch (UncheckedIOException e) {
            if (!(e.getCause() instanceof CharacterCodingException)) throw e;
            problems.add(new Problem(Rule.IN_SYNTAX, name, "the file is not UTF-8 text; reading stopped"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
