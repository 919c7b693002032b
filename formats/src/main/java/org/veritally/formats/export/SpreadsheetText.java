package org.veritally.formats.export;

/**
 * A text cell made safe to open in a spreadsheet (OWASP, "CSV Injection"): a cell whose first
 * character is {@code = + - @}, a tab or a carriage return would be read as a formula (a name like
 * {@code =HYPERLINK(…)} or {@code @SUM(1+1)*cmd|' /C calc'!A0}), so it is written with a single quote
 * before it. So that the raw value is always recoverable, a text that itself starts with a single
 * quote gets one more: the raw value of a cell is the cell without its first character whenever that
 * is a single quote (docs/open-data.md, "Opening the CSV files in a spreadsheet"). Only text cells:
 * counts are written as numbers, never prefixed. Stateless.
 */
public final class SpreadsheetText {
    private SpreadsheetText() {}

    /** Whether a spreadsheet would read a cell starting with {@code c} as a formula. */
    static boolean triggers(char c) {
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }

    /** {@code s}, with a single quote before it when it starts as a formula would, or with a quote. */
    public static String guard(String s) {
        return !s.isEmpty() && (triggers(s.charAt(0)) || s.charAt(0) == '\'') ? "'" + s : s;
    }

    /** The raw value of a cell written by {@link #guard}: the inverse, for readers of the exports. */
    public static String raw(String cell) {
        return cell.startsWith("'") ? cell.substring(1) : cell;
    }
}
