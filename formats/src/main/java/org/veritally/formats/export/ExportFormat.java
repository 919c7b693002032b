package org.veritally.formats.export;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The formats of {@code veritally export --format}, by wire name (docs/open-data.md). */
public enum ExportFormat {
    STATION_CSV("station-csv", false),
    CONSENSUS_CSV("consensus-csv", false),
    NIST_JSON("nist-json", true),
    NIST_XML("nist-xml", true),
    OPENELECTIONS("openelections", true),
    SQLITE("sqlite", false);

    private final String wire;
    private final boolean takesView;

    ExportFormat(String wire, boolean takesView) {
        this.wire = wire;
        this.takesView = takesView;
    }

    public String wire() {
        return wire;
    }

    /** Whether the format holds one view ({@code --view}) rather than every source or the consensus. */
    public boolean takesView() {
        return takesView;
    }

    /** @throws IllegalArgumentException naming the known formats */
    public static ExportFormat ofWire(String s) {
        for (ExportFormat f : values()) if (f.wire.equals(s)) return f;
        throw new IllegalArgumentException("unknown --format '" + s + "' (" + names() + ")");
    }

    public static String names() {
        return Arrays.stream(values()).map(ExportFormat::wire).collect(Collectors.joining(" | "));
    }
}
