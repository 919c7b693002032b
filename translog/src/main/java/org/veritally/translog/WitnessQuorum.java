package org.veritally.translog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.veritally.core.validation.Problem;

/**
 * A trust policy over witnesses: a checkpoint is accepted when at least {@code threshold} of the
 * given witness keys cosigned it ({@code cosignature/v1}, C2SP tlog-cosignature). A quorum of
 * independent witnesses makes a split view (different histories shown to different people)
 * detectable.
 *
 * <p>{@link #verify} ignores lines from unknown keys (signed-note §Signatures) and checks, for each
 * line from a known witness, {@code COSIG-FMT-1} and {@code COSIG-SIG-1}; a witness counts once
 * ({@code NOTE-SIG-3}); and at least {@code threshold} distinct witnesses must verify ({@code
 * COSIG-QUORUM-1}). The log's own signature is checked by {@link SignedCheckpoint#open}, not here.
 *
 * <p>Invariants: witnesses are distinct cosignature (type 0x04) keys; {@code 1 <= threshold <=
 * witnesses.size()}. Immutable and thread-safe.
 *
 * @param witnesses the trusted witness keys
 * @param threshold how many must cosign
 */
public record WitnessQuorum(List<VerifierKey> witnesses, int threshold) {

    public WitnessQuorum {
        witnesses = List.copyOf(witnesses);
        if (new HashSet<>(witnesses).size() != witnesses.size()) {
            throw new IllegalArgumentException("witness keys must be distinct");
        }
        for (VerifierKey w : witnesses) {
            if (w.type() != VerifierKey.TYPE_COSIGNATURE) {
                throw new IllegalArgumentException("not a cosignature key (type 0x04): " + w);
            }
        }
        if (threshold < 1 || threshold > witnesses.size()) {
            throw new IllegalArgumentException("threshold must be in [1, " + witnesses.size() + "], got " + threshold);
        }
    }

    /** Verifies the cosignatures on a checkpoint note against this policy. */
    public Verification verify(Note checkpointNote) {
        Objects.requireNonNull(checkpointNote, "checkpointNote");
        String body = checkpointNote.text();
        List<FailedCheck> failures = new ArrayList<>();
        Set<VerifierKey> seen = new HashSet<>();
        int cosigned = 0;
        for (NoteSignature line : checkpointNote.signatures()) {
            VerifierKey w = witnesses.stream().filter(line::isFrom).findFirst().orElse(null);
            if (w == null) {
                continue;
            }
            if (!seen.add(w)) {
                failures.add(new FailedCheck(
                        Rule.NOTE_SIG_3, "witness " + w.name() + " cosigned more than once", "1", "2 or more"));
                continue;
            }
            Parsed<Cosignature> cosig = Cosignature.from(line);
            if (!(cosig instanceof Parsed.Ok<Cosignature> ok)) {
                Problem p = cosig.problems().get(0);
                failures.add(new FailedCheck(p.rule(), p.message(), "76 bytes", "malformed"));
            } else if (ok.value().verify(w, body)) {
                cosigned++;
            } else {
                failures.add(new FailedCheck(
                        Rule.COSIG_SIG_1,
                        "the cosignature of witness " + w.name() + "+" + w.keyIdHex() + " does not verify",
                        "valid cosignature/v1",
                        "invalid"));
            }
        }
        if (cosigned < threshold) {
            failures.add(new FailedCheck(
                    Rule.COSIG_QUORUM_1,
                    "too few known witnesses cosigned the checkpoint",
                    "at least " + threshold,
                    Integer.toString(cosigned)));
        }
        return failures.isEmpty() ? Verification.verified() : new Verification.Failed(failures);
    }
}
