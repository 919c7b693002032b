package org.veritally.formats.export;

import org.veritally.core.model.Source;
import org.veritally.core.tabulate.View;
import org.veritally.core.validation.ReadRule;

/**
 * Resolves the {@code --view} of an export against a snapshot: {@code official} becomes the
 * authority source, {@code source:<id>} (or a bare id) must name a declared source, and {@code
 * consensus} stays as it is. Stateless.
 */
public final class ExportViews {
    private ExportViews() {}

    /**
     * @throws IllegalArgumentException (rule RD-VIEW) when the view names no declared source, or is
     *     {@code official} and no authority source is declared
     */
    public static View resolve(ElectionSnapshot snapshot, String wire) {
        View v = View.parse(wire);
        if (v instanceof View.Consensus) return v;
        if (v instanceof View.OfSource s) {
            if (snapshot.source(s.sourceId()).isEmpty()) {
                throw new IllegalArgumentException(ReadRule.RD_VIEW.id() + ": unknown view '" + wire
                        + "'; declared sources: " + ids(snapshot) + ", or consensus");
            }
            return v;
        }
        return snapshot.sources().stream()
                .filter(s -> s.kind() == org.veritally.core.model.SourceKind.AUTHORITY)
                .findFirst()
                .<View>map(s -> new View.OfSource(s.id()))
                .orElseThrow(() -> new IllegalArgumentException(ReadRule.RD_VIEW.id()
                        + ": no authority source is declared, so there is no official view; use --view "
                        + "source:<id> (sources: " + ids(snapshot) + ") or --view consensus"));
    }

    /** The source a resolved view reads, if it is a source view. */
    public static java.util.Optional<Source> source(ElectionSnapshot snapshot, View resolved) {
        return resolved instanceof View.OfSource s ? snapshot.source(s.sourceId()) : java.util.Optional.empty();
    }

    private static String ids(ElectionSnapshot s) {
        return s.sources().stream().map(Source::id).toList().toString();
    }
}
