package org.veritally.core.tabulate;

/**
 * Whose copies a total is computed from: the authority's ({@code official}), one source's
 * ({@code source:<id>}), or the consensus of the sources ({@code consensus}, see the reconciliation
 * policy). Every figure Veritally shows names its view.
 */
public sealed interface View {
    /** The wire name used in URLs, JSON and the CLI's {@code --view}. */
    String wire();

    record Official() implements View {
        public String wire() {
            return "official";
        }
    }

    record OfSource(String sourceId) implements View {
        public String wire() {
            return "source:" + sourceId;
        }
    }

    record Consensus() implements View {
        public String wire() {
            return "consensus";
        }
    }

    /** Parses {@code official}, {@code consensus}, {@code source:<id>} or a bare source id. */
    static View parse(String s) {
        if (s == null || s.isEmpty() || s.equals("official")) return new Official();
        if (s.equals("consensus")) return new Consensus();
        if (s.startsWith("source:")) return new OfSource(s.substring(7));
        return new OfSource(s);
    }
}
