package org.veritally.translog;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.veritally.core.validation.Problem;

/**
 * A checkpoint together with the signed note that carries it, as served at {@code
 * <prefix>/checkpoint} (C2SP tlog-checkpoint, tlog-tiles §Checkpoints).
 *
 * <p>{@link #open} is the only way a verifier should obtain a {@link Checkpoint} from outside: it
 * parses the note ({@code NOTE-FMT-*}), verifies the log's signature ({@code NOTE-SIG-*}), parses
 * the body ({@code CKPT-FMT-1..3}), and checks the origin ({@code CKPT-ORIGIN-1}) and that the
 * root is a 32-byte SHA-256 hash ({@code CKPT-FMT-4}). Witness cosignatures stay in the note for
 * {@link WitnessQuorum}.
 *
 * <p>Invariants: {@code note.text()} is {@code checkpoint.body()}. Immutable and thread-safe.
 *
 * @param checkpoint the parsed body
 * @param note the signed note, with all its signature lines
 */
public record SignedCheckpoint(Checkpoint checkpoint, Note note) {

    public SignedCheckpoint {
        if (!note.text().equals(checkpoint.body())) {
            throw new IllegalArgumentException("the note text is not the checkpoint body");
        }
    }

    /** Signs {@code checkpoint} with the log's key. */
    public static SignedCheckpoint sign(Checkpoint checkpoint, NoteSigner logKey) {
        String body = checkpoint.body();
        return new SignedCheckpoint(checkpoint, new Note(body, List.of(logKey.sign(body))));
    }

    /**
     * Parses and verifies a signed checkpoint from the log named {@code origin} with key {@code
     * logKey}, reporting every problem with its rule.
     */
    public static Parsed<SignedCheckpoint> open(String signedNote, String origin, VerifierKey logKey) {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(logKey, "logKey");
        Parsed<Note> parsed = Note.parse(signedNote);
        if (!(parsed instanceof Parsed.Ok<Note> ok)) {
            return Parsed.invalid(parsed.problems());
        }
        Note note = ok.value();
        List<Problem> problems = new ArrayList<>();
        for (FailedCheck f : NoteVerifier.verify(note, List.of(logKey)).failures()) {
            problems.add(new Problem(f.rule(), "signatures", f.message()));
        }
        Parsed<Checkpoint> body = Checkpoint.parse(note.text());
        problems.addAll(body.problems());
        if (body instanceof Parsed.Ok<Checkpoint> cp) {
            Checkpoint c = cp.value();
            if (!c.origin().equals(origin)) {
                problems.add(new Problem(
                        Rule.CKPT_ORIGIN_1, "line 1", "origin '" + c.origin() + "' is not '" + origin + "'"));
            }
            if (c.rootHash().length != LogHasher.HASH_SIZE) {
                problems.add(new Problem(
                        Rule.CKPT_FMT_4, "line 3", "root hash is " + c.rootHash().length + " bytes, not 32"));
            }
            if (problems.isEmpty()) {
                return Parsed.ok(new SignedCheckpoint(c, note));
            }
        }
        return Parsed.invalid(problems);
    }

    /** The signed note as served. */
    public String format() {
        return note.format();
    }

    /** This checkpoint with one more signature line (for example a witness cosignature). */
    public SignedCheckpoint withSignature(NoteSignature signature) {
        return new SignedCheckpoint(checkpoint, note.withSignature(signature));
    }
}
