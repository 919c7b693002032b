package org.veritally.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.veritally.core.validation.Problem;

/**
 * The outcome of one check: passed, failed with its mismatches, or skipped with the reason (an
 * earlier check failed, or there was nothing to check, such as no pinned witness).
 *
 * <p>Invariants: a failed check lists at least one mismatch; {@code mismatchCount >=
 * mismatches.size()} (the list keeps the first {@value #LISTED}). Immutable.
 *
 * @param check the check
 * @param status its status
 * @param detail one line on what was checked, or why it was skipped
 * @param mismatches the first mismatches found
 * @param mismatchCount how many were found in all
 */
public record CheckResult(Check check, Status status, String detail, List<Problem> mismatches, long mismatchCount) {

    /** How many mismatches a result lists; the rest are only counted. */
    public static final int LISTED = 50;

    /** Whether a check passed, failed or did not run. */
    public enum Status {
        PASS,
        FAIL,
        SKIP
    }

    public CheckResult {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
        mismatches = List.copyOf(mismatches);
        if (status == Status.FAIL && mismatches.isEmpty()) {
            throw new IllegalArgumentException("a failed check lists at least one mismatch");
        }
        if (mismatchCount < mismatches.size()) {
            throw new IllegalArgumentException("mismatchCount below the listed mismatches");
        }
    }

    static CheckResult pass(Check check, String detail) {
        return new CheckResult(check, Status.PASS, detail, List.of(), 0);
    }

    static CheckResult skip(Check check, String why) {
        return new CheckResult(check, Status.SKIP, why, List.of(), 0);
    }

    static CheckResult fail(Check check, String detail, Problem mismatch) {
        return new CheckResult(check, Status.FAIL, detail, List.of(mismatch), 1);
    }

    /** Whether the check failed. */
    public boolean failed() {
        return status == Status.FAIL;
    }

    /**
     * Collects the mismatches of one check, keeping the first {@value #LISTED} and counting the rest.
     * Not thread-safe.
     */
    static final class Findings {
        private final Check check;
        private final List<Problem> listed = new ArrayList<>();
        private long count;

        Findings(Check check) {
            this.check = check;
        }

        void add(Problem m) {
            if (listed.size() < LISTED) {
                listed.add(m);
            }
            count++;
        }

        /** Counts {@code n} more mismatches that were found but not kept. */
        void more(long n) {
            count += n;
        }

        boolean isEmpty() {
            return count == 0;
        }

        long count() {
            return count;
        }

        /** Passed with {@code passDetail}, or failed with the mismatches and {@code failDetail}. */
        CheckResult result(String passDetail, String failDetail) {
            return count == 0
                    ? pass(check, passDetail)
                    : new CheckResult(check, Status.FAIL, failDetail, listed, count);
        }
    }
}
