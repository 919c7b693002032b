package org.veritally.core.rulebook;

import org.veritally.core.validation.RuleId;
import org.veritally.core.validation.Severity;

/**
 * The rules of risk-limiting audit entries (issue 19, docs/audit.md, docs/log-format.md §1.10), decided by the
 * {@link Rulebook} so that the sequencer, the rebuild, the followers and {@code verify} all hold them: AUD-ROUND
 * recomputes each round's sample, risk and decision from the log before it ({@link AuditRecompute}).
 *
 * <p>IDs are stable, unique across every {@link RuleId} family, listed in docs/validation.md and never reused
 * once retired. Immutable and thread-safe (an enum).
 */
public enum AuditRule implements RuleId {
    /**
     * An audit definition names an unknown contest or view, a risk limit not a decimal in (0, 1), fewer than one
     * round, a seed commitment that is not 64 lowercase hex digits, or an audit id already defined otherwise; or
     * its strata are not MACRO, name an unknown unit, repeat, nest, or leave a station of the catalogue out.
     */
    AUD_DEFINE(
            "AUD-DEFINE",
            "an audit definition names an unknown contest or view, a risk limit outside (0, 1), no rounds, a"
                    + " malformed seed commitment, an audit already defined otherwise, or strata that are not"
                    + " MACRO's, unknown, repeated, nested or do not cover the catalogue"),
    /**
     * A seed reveal names an undefined audit, its SHA-256 is not the definition's commitment, or the audit's seed
     * was already revealed otherwise.
     */
    AUD_SEED(
            "AUD-SEED",
            "a seed reveal names an undefined audit, does not hash to the committed SHA-256, or comes a second time"),
    /**
     * A hand count names an undefined audit or one whose seed is not yet revealed, a station not in the
     * catalogue, a round outside 1..maxRounds, or counts that do not fit the method (MACRO: a count for every
     * choice of the contest and no ballots; BRAVO: ballot positions from 1, each showing a choice of the contest
     * or nothing, and no counts).
     */
    AUD_COUNT(
            "AUD-COUNT",
            "a hand count names an undefined or unseeded audit, an unknown station, a round outside the audit's,"
                    + " or counts that do not fit the audit's method"),
    /**
     * A round's risk names an undefined or unseeded audit, a round that is not the next one (or beyond
     * maxRounds, or after a round that did not decide next-round), fewer than one draw, a risk that is not a
     * decimal in [0, 1] with six digits after the point, or an unknown decision; or its draws, risk or decision
     * differ from those recomputed from the seed, the sheets of the audit's view and the hand counts that precede
     * the entry (or the audit cannot be computed from them).
     */
    AUD_ROUND(
            "AUD-ROUND",
            "a round's risk names an undefined or unseeded audit, not the next round, no draws, a malformed risk"
                    + " or an unknown decision, or its draws, risk or decision differ from their recomputation"
                    + " from the log before it");

    private final String id;
    private final String description;

    AuditRule(String id, String description) {
        this.id = id;
        this.description = description;
    }

    @Override
    public String id() {
        return id;
    }

    /** Every such rule refuses the entry. */
    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public String toString() {
        return id;
    }
}
