package org.veritally.formats.csv;

import de.siegmar.fastcsv.reader.CsvParseException;

/** Turns FastCSV's parse failures into a one-line reason for rule IN-SYNTAX. */
public final class CsvErrors {
    private CsvErrors() {}

    public static String describe(CsvParseException e) {
        String m = e.getMessage() == null ? "unreadable record" : e.getMessage();
        Throwable c = e.getCause();
        if (c != null && c.getMessage() != null) m = m + " (" + c.getMessage() + ")";
        return m.replace('\n', ' ');
    }
}
