package org.veritally.verify;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.veritally.translog.Checkpoint;
import org.veritally.translog.FailedCheck;
import org.veritally.translog.Parsed;
import org.veritally.translog.SignedCheckpoint;
import org.veritally.translog.Verification;
import org.veritally.translog.VerifierKey;

/**
 * Follows a log's checkpoint: each look verifies the served checkpoint ({@code WATCH-SIG}) and
 * compares it with the last one seen: never smaller ({@code WATCH-ROLLBACK}), the same root at the
 * same size, and a larger tree proven to extend the earlier one from the log's tiles ({@code
 * WATCH-FORK}, via {@link LogConsistency}). A log that shows one history and later another is
 * caught by any watcher that saw the first. The caller keeps the last checkpoint seen (across
 * restarts, in a state file). Immutable and thread-safe.
 */
public final class Watcher {

    private final VerifierKey logKey;

    public Watcher(VerifierKey logKey) {
        this.logKey = Keys.requireLogKey(logKey);
    }

    /**
     * Opens a checkpoint note kept from an earlier look.
     *
     * @throws IllegalArgumentException if it is not a checkpoint signed by the pinned key
     */
    public SignedCheckpoint open(String note, String where) {
        Parsed<SignedCheckpoint> p = SignedCheckpoint.open(note, logKey.name(), logKey);
        if (p instanceof Parsed.Ok<SignedCheckpoint> ok) {
            return ok.value();
        }
        throw new IllegalArgumentException(
                where + " holds no checkpoint signed by " + logKey.name() + ": " + p.problems());
    }

    /**
     * Looks at the log's checkpoint now.
     *
     * @throws LogUnavailableException if the log cannot be read or serves no checkpoint
     */
    public Observation look(PublishedLog log, Optional<SignedCheckpoint> earlier) {
        Objects.requireNonNull(earlier, "earlier");
        byte[] bytes = log.read("checkpoint")
                .orElseThrow(() -> new LogUnavailableException("no checkpoint at " + log.location() + "/checkpoint"));
        String served = new String(bytes, StandardCharsets.UTF_8);
        Optional<String> before = earlier.map(SignedCheckpoint::format);
        Parsed<SignedCheckpoint> opened = SignedCheckpoint.open(served, logKey.name(), logKey);
        if (!(opened instanceof Parsed.Ok<SignedCheckpoint> ok)) {
            return new Observation.Alarm(
                    Check.WATCH_SIG,
                    "the served checkpoint is not signed by the pinned key " + logKey.name() + "+" + logKey.keyIdHex()
                            + ": " + opened.problems(),
                    before,
                    served);
        }
        SignedCheckpoint now = ok.value();
        if (earlier.isEmpty()) {
            return new Observation.First(now);
        }
        Checkpoint old = earlier.get().checkpoint();
        Checkpoint cur = now.checkpoint();
        if (cur.size() < old.size()) {
            return new Observation.Alarm(
                    Check.WATCH_ROLLBACK,
                    "the log rolled back from tree size " + old.size() + " to " + cur.size(),
                    before,
                    served);
        }
        if (cur.size() == old.size()) {
            return Arrays.equals(cur.rootHash(), old.rootHash())
                    ? new Observation.Unchanged(now)
                    : new Observation.Alarm(
                            Check.WATCH_FORK,
                            "two different trees of size " + cur.size() + " are signed by the log key: a fork",
                            before,
                            served);
        }
        Verification v = LogConsistency.prove(old, cur, log);
        if (!v.isVerified()) {
            return new Observation.Alarm(
                    Check.WATCH_FORK,
                    "the tree of size " + cur.size() + " does not extend the tree of size " + old.size()
                            + " seen before: "
                            + String.join(
                                    "; ",
                                    v.failures().stream()
                                            .map(FailedCheck::toString)
                                            .toList()),
                    before,
                    served);
        }
        return new Observation.Grew(earlier.get(), now);
    }
}
