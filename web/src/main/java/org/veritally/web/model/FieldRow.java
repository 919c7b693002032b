package org.veritally.web.model;

import java.util.List;
import java.util.OptionalLong;

/**
 * One field of a sheet across the sources' copies (a summary count, or a ballot line's votes).
 * {@code label} is a message key when {@code translated}, else a ballot line's name. A value is
 * empty where that copy does not carry the field. {@code differs.get(i)} marks the copies whose
 * value is not the majority's (all of them when there is no majority).
 */
public record FieldRow(String label, boolean translated, List<OptionalLong> values, List<Boolean> differs) {
  public FieldRow {
    values = List.copyOf(values);
    differs = List.copyOf(differs);
    if (values.size() != differs.size()) throw new IllegalArgumentException("one differs flag per value");
  }

  public boolean anyDiffers() {
    return differs.contains(Boolean.TRUE);
  }
}
