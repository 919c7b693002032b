package org.veritally.formats.generate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.veritally.core.validation.Rule;

/**
 * Reads Indonesia's polling-station geography, {@code villages.csv} of {@code ../shared/data/id-2024} (from
 * KawalPemilu): one row a village (desa/kelurahan) with its province, regency, district and the number of its
 * regular TPS, numbered 1 to {@code tps}, plus special TPS numbered {@code special_tps_from} to {@code
 * special_tps_to} (901 and up) where it has them. RFC 4180 quoting (some names hold commas or quotes).
 * Stateless.
 */
public final class IdVillages {

    /** The header the file must have, in this order. */
    public static final List<String> HEADER = List.of(
            "province_code",
            "province",
            "regency_code",
            "regency",
            "district_code",
            "district",
            "village_code",
            "village",
            "tps",
            "special_tps_from",
            "special_tps_to");

    /**
     * One village and its TPS.
     *
     * @param specialFrom the first special TPS number, or 0 when it has none
     * @param specialTo the last special TPS number, or -1 when it has none
     */
    public record Village(
            String provinceCode,
            String province,
            String regencyCode,
            String regency,
            String districtCode,
            String district,
            String code,
            String name,
            int tps,
            int specialFrom,
            int specialTo) {

        /** How many TPS the village has, regular and special. */
        public int stations() {
            return tps + Math.max(0, specialTo - specialFrom + 1);
        }

        /** The number of the village's {@code i}-th TPS (0-based): 1..tps, then the special ones. */
        public int number(int i) {
            return i < tps ? i + 1 : specialFrom + (i - tps);
        }
    }

    private IdVillages() {}

    /**
     * Every village of {@code file}, in file order.
     *
     * @throws IllegalArgumentException naming rule IN-SYNTAX or IN-COUNT and {@code file:line} at the first
     *     malformed row
     */
    public static List<Village> read(Path file) {
        List<Village> out = new ArrayList<>(84_000);
        String where = file.getFileName().toString();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null || !split(header.replace("\uFEFF", ""), where, 1).equals(HEADER)) {
                throw new IllegalArgumentException(
                        Rule.IN_SYNTAX.id() + " at " + where + ":1: the header is not " + String.join(",", HEADER));
            }
            int line = 1;
            for (String s = in.readLine(); s != null; s = in.readLine()) {
                line++;
                if (s.isBlank()) {
                    continue;
                }
                List<String> c = split(s, where, line);
                if (c.size() != HEADER.size()) {
                    throw new IllegalArgumentException(Rule.IN_SYNTAX.id() + " at " + where + ":" + line + ": "
                            + c.size() + " columns, not " + HEADER.size());
                }
                int from = c.get(9).isEmpty() ? 0 : count(c.get(9), where, line);
                int to = c.get(10).isEmpty() ? -1 : count(c.get(10), where, line);
                if (c.get(9).isEmpty() != c.get(10).isEmpty() || (from > 0 && to < from)) {
                    throw new IllegalArgumentException(Rule.IN_COUNT.id() + " at " + where + ":" + line
                            + ": special TPS range " + c.get(9) + "-" + c.get(10));
                }
                out.add(new Village(
                        c.get(0),
                        c.get(1),
                        c.get(2),
                        c.get(3),
                        c.get(4),
                        c.get(5),
                        c.get(6),
                        c.get(7),
                        count(c.get(8), where, line),
                        from,
                        to));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return out;
    }

    private static int count(String s, String where, int line) {
        try {
            int n = Integer.parseInt(s.strip());
            if (n >= 0 && n < 10_000) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(
                Rule.IN_COUNT.id() + " at " + where + ":" + line + ": '" + s + "' is not a TPS count or number");
    }

    /** The cells of one RFC 4180 record that fits on one line. */
    static List<String> split(String s, String where, int line) {
        List<String> out = new ArrayList<>(HEADER.size());
        StringBuilder cell = new StringBuilder();
        int i = 0;
        while (true) {
            cell.setLength(0);
            if (i < s.length() && s.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= s.length()) {
                        throw new IllegalArgumentException(
                                Rule.IN_SYNTAX.id() + " at " + where + ":" + line + ": unterminated quote");
                    }
                    char ch = s.charAt(i++);
                    if (ch == '"') {
                        if (i < s.length() && s.charAt(i) == '"') {
                            cell.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        cell.append(ch);
                    }
                }
                if (i < s.length() && s.charAt(i) != ',') {
                    throw new IllegalArgumentException(
                            Rule.IN_SYNTAX.id() + " at " + where + ":" + line + ": text after a closing quote");
                }
            } else {
                int comma = s.indexOf(',', i);
                int end = comma < 0 ? s.length() : comma;
                cell.append(s, i, end);
                i = end;
            }
            out.add(cell.toString());
            if (i >= s.length()) {
                return out;
            }
            i++; // the comma
        }
    }
}
