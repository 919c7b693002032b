package org.veritally.web.model;

import java.util.List;
import java.util.OptionalLong;

/**
 * One field of a sheet across the sources' copies (a summary count, or a ballot line's votes).
 * {@code field} names it as the mirror's figures do ({@code registered}, {@code ballots}, {@code
 * valid}, {@code null}, {@code blank}, {@code line:<choice>}; see {@link
 * org.veritally.web.page.Figures}), empty when unknown. {@code label} is a message key when {@code translated}, else a
 * ballot line's name. A value is
 * empty where that copy does not carry the field. {@code differs.get(i)} marks the copies whose
 * value is not the majority's (all of them when there is no majority).
 */
public record FieldRow(
        String field, String label, boolean translated, List<OptionalLong> values, List<Boolean> differs) {
    public FieldRow {
        values = List.copyOf(values);
        differs = List.copyOf(differs);
        if (values.size() != differs.size()) throw new IllegalArgumentException("one differs flag per value");
    }

    /** A row without a field id: its figures are not tagged on a static mirror. */
    public FieldRow(String label, boolean translated, List<OptionalLong> values, List<Boolean> differs) {
        this("", label, translated, values, differs);
    }

    public boolean anyDiffers() {
        return differs.contains(Boolean.TRUE);
    }
}
