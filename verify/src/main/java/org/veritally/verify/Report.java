package org.veritally.verify;

import java.util.List;
import java.util.Objects;

/**
 * What a verification found: every check in order, and the verdict. The verdict is "verified"
 * exactly when no check failed; a skipped check does not fail it (there was nothing to check, or
 * an earlier failure already decided the verdict).
 *
 * <p>Immutable. {@link ReportFormat} renders it as text or JSON.
 *
 * @param command the command that made it: {@code verify}, {@code check-receipt}
 * @param location the log or receipt checked
 * @param checks every check, in order
 * @param treeSize the size of the checkpoint checked (-1 when it could not be read)
 * @param entries how many entries were checked
 */
public record Report(String command, String location, List<CheckResult> checks, long treeSize, long entries) {

    public Report {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(location, "location");
        checks = List.copyOf(checks);
    }

    /** Whether no check failed. */
    public boolean verified() {
        return checks.stream().noneMatch(CheckResult::failed);
    }

    /** The result of one check, if it was made. */
    public java.util.Optional<CheckResult> result(Check check) {
        return checks.stream().filter(c -> c.check() == check).findFirst();
    }

    /** The checks that failed. */
    public List<CheckResult> failures() {
        return checks.stream().filter(CheckResult::failed).toList();
    }
}
