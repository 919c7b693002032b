package org.veritally.verify;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.veritally.core.validation.Problem;
import org.veritally.translog.Checkpoint;
import org.veritally.translog.Cosignature;
import org.veritally.translog.FailedCheck;
import org.veritally.translog.Note;
import org.veritally.translog.NoteSignature;
import org.veritally.translog.Parsed;
import org.veritally.translog.Rule;
import org.veritally.translog.SignedCheckpoint;
import org.veritally.translog.VerifierKey;
import org.veritally.translog.WitnessQuorum;

/**
 * Checks a served checkpoint: the log's signature ({@code VFY-SIG}, via {@link
 * SignedCheckpoint#open}: NOTE-*, CKPT-* rules) and the witnesses' cosignatures ({@code
 * VFY-WITNESS}, via {@link WitnessQuorum}: COSIG-* rules). Stateless and thread-safe.
 */
final class CheckpointCheck {

    private CheckpointCheck() {}

    /**
     * The signature check, and the checkpoint body when it parses: verified or not, so that the
     * later checks can still report what they find.
     */
    record Signed(CheckResult result, Optional<Note> note, Optional<Checkpoint> checkpoint) {}

    static Signed signature(Check check, byte[] bytes, VerifierKey key) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        Parsed<SignedCheckpoint> opened = SignedCheckpoint.open(text, key.name(), key);
        Optional<Note> note =
                Note.parse(bytes) instanceof Parsed.Ok<Note> ok ? Optional.of(ok.value()) : Optional.empty();
        Optional<Checkpoint> body = note.flatMap(n -> Checkpoint.parse(n.text()) instanceof Parsed.Ok<Checkpoint> c
                        && c.value().rootHash().length == 32
                ? Optional.of(c.value())
                : Optional.empty());
        if (opened instanceof Parsed.Ok<SignedCheckpoint> ok) {
            Checkpoint c = ok.value().checkpoint();
            return new Signed(
                    CheckResult.pass(
                            check,
                            String.format(
                                    java.util.Locale.ROOT,
                                    "signed by %s+%s; tree size %,d, root %s",
                                    key.name(),
                                    key.keyIdHex(),
                                    c.size(),
                                    java.util.HexFormat.of().formatHex(c.rootHash()))),
                    note,
                    body);
        }
        CheckResult.Findings f = new CheckResult.Findings(check);
        for (Problem p : opened.problems()) {
            boolean unsigned = p.rule() == Rule.NOTE_SIG_1;
            f.add(Problem.mismatch(
                    p.rule(),
                    "checkpoint " + p.location(),
                    p.message(),
                    unsigned ? "a signature by " + key.name() + "+" + key.keyIdHex() : "",
                    unsigned ? "signatures by " + signers(note) : ""));
        }
        return new Signed(
                f.result("", "the checkpoint is not signed by the pinned key " + key.name() + "+" + key.keyIdHex()),
                note,
                body);
    }

    /** VFY-WITNESS: at least {@code quorum} of {@code witnesses} (all when 0) cosigned the note. */
    static CheckResult witnesses(Note note, List<VerifierKey> witnesses, int quorum) {
        Check check = Check.VFY_WITNESS;
        if (witnesses.isEmpty()) {
            long lines = note.signatures().stream()
                    .filter(s -> s.signature().length == 72)
                    .count();
            return CheckResult.skip(
                    check,
                    "no --witness key pinned (the checkpoint carries " + lines + " cosignature line(s), unchecked)");
        }
        int want = quorum == 0 ? witnesses.size() : quorum;
        long cosigned = witnesses.stream().filter(w -> cosigned(note, w)).count();
        CheckResult.Findings f = new CheckResult.Findings(check);
        var verification = new WitnessQuorum(witnesses, Math.min(want, witnesses.size())).verify(note);
        for (FailedCheck fc : verification.failures()) {
            f.add(fc.toProblem("checkpoint cosignatures"));
        }
        if (want > witnesses.size()) {
            f.add(Problem.mismatch(
                    Rule.COSIG_QUORUM_1,
                    "checkpoint cosignatures",
                    "the quorum exceeds the " + witnesses.size() + " pinned witness key(s)",
                    "at least " + want,
                    Long.toString(cosigned)));
        }
        String detail = cosigned + " of " + witnesses.size() + " pinned witness(es) cosigned; quorum " + want;
        return f.result(detail, detail);
    }

    private static boolean cosigned(Note note, VerifierKey w) {
        for (NoteSignature s : note.signatures()) {
            if (s.isFrom(w)
                    && Cosignature.from(s) instanceof Parsed.Ok<Cosignature> c
                    && c.value().verify(w, note.text())) {
                return true;
            }
        }
        return false;
    }

    private static String signers(Optional<Note> note) {
        if (note.isEmpty() || note.get().signatures().isEmpty()) {
            return "nobody";
        }
        return String.join(
                ", ",
                note.get().signatures().stream()
                        .map(s -> s.keyName() + "+" + String.format("%08x", s.keyId()))
                        .toList());
    }
}
