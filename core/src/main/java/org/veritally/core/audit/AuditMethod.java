package org.veritally.core.audit;

import java.util.Optional;

/** How an audit samples and measures risk (docs/audit.md). */
public enum AuditMethod {
    /** Batch comparison with polling stations as batches: MACRO and the Kaplan–Markov p-value (Stark 2008, 2009). */
    MACRO("macro"),
    /** Ballot polling: BRAVO (Lindeman, Stark &amp; Yates 2012). */
    BRAVO("bravo");

    private final String wire;

    AuditMethod(String wire) {
        this.wire = wire;
    }

    /** The method's name in the log. */
    public String wire() {
        return wire;
    }

    /** The method named {@code wire} in the log, if any. */
    public static Optional<AuditMethod> ofWire(String wire) {
        for (AuditMethod m : values()) if (m.wire.equals(wire)) return Optional.of(m);
        return Optional.empty();
    }
}
