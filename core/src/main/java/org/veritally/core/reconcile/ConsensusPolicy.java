package org.veritally.core.reconcile;

/**
 * When a station × contest counts in the consensus view: at least {@code minSources} distinct
 * sources have a current copy, and all copies agree. Disputed stations are listed (discrepancies),
 * never counted. The copy counted is the agreeing copy with the lowest log index. The policy is part
 * of the election entry, so every verifier computes the same consensus. Immutable.
 */
public record ConsensusPolicy(int minSources) {
    public static final ConsensusPolicy DEFAULT = new ConsensusPolicy(2);

    public ConsensusPolicy {
        if (minSources < 1) throw new IllegalArgumentException("consensus minSources must be ≥ 1");
    }

    public String describe() {
        return "a station counts when at least " + minSources + " distinct source" + (minSources == 1 ? "" : "s")
                + " have a copy and all copies agree; disputed stations are listed, not counted";
    }
}
