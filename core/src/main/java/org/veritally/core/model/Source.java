package org.veritally.core.model;

/**
 * Who submitted a tally sheet: the authority, the witnesses of party P, observer organisation O.
 * Every source keeps its own copy of each sheet. Immutable.
 */
public record Source(String id, String name, SourceKind kind) {
    public Source {
        Ids.require(id, "source id");
        if (name == null || name.isBlank()) throw new IllegalArgumentException("source name is blank");
        if (kind == null) throw new IllegalArgumentException("source kind is null");
        if (RESERVED.contains(id)) throw new IllegalArgumentException("source id '" + id + "' is reserved for a view");
    }

    /** Ids that name views, so no source may take them. */
    public static final java.util.Set<String> RESERVED = java.util.Set.of("official", "consensus");

    /** Source ids must match this pattern; exposed so input parsers can report TS-SOURCE. */
    public static boolean validId(String id) {
        return Ids.valid(id) && !RESERVED.contains(id);
    }
}
