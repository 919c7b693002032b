package org.veritally.formats.export;

/**
 * The published total of one unit × contest in one view (the {@code unit_total} projection; see
 * docs/log-format.md §6): stations counted, ballots, valid, null and blank votes, and votes per
 * ballot line. Immutable.
 */
public record UnitTotal(
        String unitId,
        String contestId,
        long stations,
        long ballots,
        long valid,
        long nulls,
        long blank,
        long[] votes) {
    public UnitTotal {
        votes = votes.clone();
    }

    @Override
    public long[] votes() {
        return votes.clone();
    }
}
