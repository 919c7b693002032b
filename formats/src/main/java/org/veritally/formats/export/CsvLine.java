package org.veritally.formats.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Builds one RFC 4180 line: cells separated by commas, quoted only when they hold a comma, a quote
 * or a line break, and ended by LF; a text cell that a spreadsheet would take for a formula gets a
 * leading single quote ({@link SpreadsheetText}). Reused line after line to keep allocation low. Not thread-safe.
 */
final class CsvLine {
    private final Writer out;
    private final StringBuilder sb = new StringBuilder(256);
    private boolean first = true;

    CsvLine(Writer out) {
        this.out = out;
    }

    /** A text cell, {@link SpreadsheetText#guard guarded} against formula injection, quoted where RFC 4180 needs. */
    CsvLine text(String raw) {
        sep();
        String s = SpreadsheetText.guard(raw);
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) sb.append(s);
        else sb.append('"').append(s.replace("\"", "\"\"")).append('"');
        return this;
    }

    CsvLine num(long v) {
        sep();
        sb.append(v);
        return this;
    }

    /** A count, or an empty cell when it is {@link org.veritally.core.model.SummaryCounts#ABSENT}. */
    CsvLine opt(long v) {
        sep();
        if (v >= 0) sb.append(v);
        return this;
    }

    CsvLine empty() {
        sep();
        return this;
    }

    private void sep() {
        if (!first) sb.append(',');
        first = false;
    }

    /** Writes the line and starts a new one. */
    void end() {
        try {
            sb.append('\n');
            out.write(sb.toString());
            sb.setLength(0);
            first = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
