package org.veritally.formats.csv;

import java.util.List;
import org.veritally.core.validation.Problem;
import org.veritally.core.validation.Rule;

/** Parses a CSV count cell strictly: decimal digits only, at most 15 of them (rule IN-COUNT). */
final class Counts {
    private Counts() {}

    /** The count, or -1 after adding a problem. An empty cell is {@code absent} when allowed. */
    static long parse(
            String cell, String location, String column, boolean optional, long absent, List<Problem> problems) {
        if (cell.isEmpty()) {
            if (optional) return absent;
            problems.add(new Problem(Rule.IN_COUNT, location + " column " + column, "empty count"));
            return -1;
        }
        if (cell.length() > 15) {
            problems.add(new Problem(Rule.IN_COUNT, location + " column " + column, "count too large: '" + cell + "'"));
            return -1;
        }
        long v = 0;
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (c < '0' || c > '9') {
                problems.add(new Problem(
                        Rule.IN_COUNT, location + " column " + column, "not a non-negative integer: '" + cell + "'"));
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
