package org.veritally.web.model;

import java.util.Locale;

/**
 * How a unit's children are ordered: by {@code name}, {@code coverage}, {@code valid} votes or a
 * candidate's share ({@code share:<candidateId>}), ascending or descending. Wire form: the key,
 * with a leading {@code -} for descending ({@code -coverage}). Unknown keys fall back to name.
 */
public record ChildSort(String key, boolean descending) {
    public static final ChildSort DEFAULT = new ChildSort("name", false);

    public static ChildSort parse(String wire) {
        if (wire == null || wire.isBlank()) return DEFAULT;
        boolean desc = wire.startsWith("-");
        String k = desc ? wire.substring(1) : wire;
        if (k.equals("name")
                || k.equals("coverage")
                || k.equals("valid")
                || (k.startsWith("share:") && k.length() > 6)) {
            return new ChildSort(k, desc);
        }
        return DEFAULT;
    }

    public String wire() {
        return (descending ? "-" : "") + key;
    }

    /** The sort a column header links to: this column reversed if it is the current one, else its natural order. */
    public ChildSort toggle(String column) {
        if (column.equals(key)) return new ChildSort(key, !descending);
        return new ChildSort(column, !column.equals("name"));
    }

    public boolean isDefault() {
        return equals(DEFAULT);
    }

    @Override
    public String toString() {
        return wire().toLowerCase(Locale.ROOT);
    }
}
