package org.veritally.core.model;

/**
 * A person (or option) standing in a contest. A candidate may stand on several ballot lines
 * ({@link Choice}s); totals are kept per line and per candidate. Immutable.
 */
public record Candidate(String id, String name) {
    public Candidate {
        Ids.require(id, "candidate id");
        if (name == null || name.isBlank()) throw new IllegalArgumentException("candidate name is blank");
    }
}
