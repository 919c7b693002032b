package org.veritally.core.model;

/** Who a source is: the electoral authority, a party's witnesses, or an observer organisation. */
public enum SourceKind {
    AUTHORITY,
    WITNESS,
    OBSERVER;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static SourceKind ofWire(String s) {
        return valueOf(s.toUpperCase(java.util.Locale.ROOT));
    }
}
