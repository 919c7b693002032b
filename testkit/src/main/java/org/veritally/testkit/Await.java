package org.veritally.testkit;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waiting in tests for a condition that another thread or process brings about: the test goes on
 * as soon as the condition holds, and fails with what it waited for once the deadline passes. The
 * deadline is a bound on failure, never a guess at how long the work takes, so it is generous.
 */
public final class Await {
    /** The default bound: long enough for a loaded two-core CI machine, short enough to end a hung test. */
    public static final Duration DEFAULT = Duration.ofSeconds(30);

    private Await() {}

    /**
     * Returns once {@code condition} holds; throws an {@link AssertionError} naming {@code what} after {@link
     * #DEFAULT}.
     */
    public static void until(String what, BooleanSupplier condition) {
        until(what, DEFAULT, condition);
    }

    /**
     * Returns once {@code condition} holds; throws an {@link AssertionError} naming {@code what} after {@code timeout}.
     */
    public static void until(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0)
                throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting until " + what);
            try {
                Thread.sleep(5); // the pace of the checks, not a wait for anything: the condition decides
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting until " + what, e);
            }
        }
    }
}
