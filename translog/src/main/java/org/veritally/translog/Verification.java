package org.veritally.translog;

import java.util.List;

/**
 * The outcome of a verification: either every check passed, or the list of checks that failed.
 *
 * <p>Verification never throws for bad evidence: a wrong proof, a wrong root or a forged
 * signature is a value, so a verifier can report it and continue. Preconditions on the caller
 * (null arguments) still fail fast.
 *
 * <p>Invariant: a {@link Failed} holds at least one {@link FailedCheck}. Immutable and
 * thread-safe.
 */
public sealed interface Verification permits Verification.Verified, Verification.Failed {

    /** Every check passed. */
    record Verified() implements Verification {}

    /**
     * At least one check failed.
     *
     * @param failures the failed checks, in the order they were made, never empty
     */
    record Failed(List<FailedCheck> failures) implements Verification {
        public Failed {
            failures = List.copyOf(failures);
            if (failures.isEmpty()) {
                throw new IllegalArgumentException("a failed verification names at least one check");
            }
        }
    }

    /** The outcome when every check passed. */
    static Verification verified() {
        return new Verified();
    }

    /** A failure of a single check. */
    static Verification failed(Rule rule, String message, String expected, String computed) {
        return new Failed(List.of(new FailedCheck(rule, message, expected, computed)));
    }

    /** Whether every check passed. */
    default boolean isVerified() {
        return this instanceof Verified;
    }

    /** The failed checks; empty when verified. */
    default List<FailedCheck> failures() {
        return this instanceof Failed f ? f.failures() : List.of();
    }

    /** Whether a check of the given rule failed. */
    default boolean failed(Rule rule) {
        return failures().stream().anyMatch(f -> f.rule() == rule);
    }
}
