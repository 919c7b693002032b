package org.veritally.core.reconcile;

/**
 * The reconciliation status of one station × contest, from the current copies of its sheet:
 * {@code MISSING} (no copy), {@code SINGLE} (one source), {@code AGREED} (two or more sources, all
 * copies agree), {@code DISPUTED} (two or more sources, some copies differ).
 */
public enum StationStatus {
    MISSING,
    SINGLE,
    AGREED,
    DISPUTED;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
