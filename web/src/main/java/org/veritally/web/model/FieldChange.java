package org.veritally.web.model;

import java.util.OptionalLong;

/**
 * A field a correction changed: its label (a message key when {@code translated}, else a ballot
 * line's name) and its value before and after (empty where that version did not carry it).
 */
public record FieldChange(String label, boolean translated, OptionalLong before, OptionalLong after) {}
