package org.veritally.verify;

import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.veritally.translog.Cosignature;
import org.veritally.translog.Note;
import org.veritally.translog.NoteSignature;
import org.veritally.translog.NoteSigner;
import org.veritally.translog.Parsed;
import org.veritally.translog.SignedCheckpoint;
import org.veritally.translog.VerifierKey;

/**
 * A witness (C2SP tlog-cosignature): cosigns a log's checkpoint only after checking, as a {@link
 * Watcher} does, that it is signed by the log's key and extends the last checkpoint this witness
 * cosigned. It never cosigns a rollback or a fork: it returns the alarm instead. Its cosignature
 * ({@code cosignature/v1}) states that at that time this was the largest consistent tree it had
 * seen, which lets anyone holding the cosigned checkpoint rely on the witness's view.
 *
 * <p>Immutable and thread-safe; the caller keeps the last cosigned checkpoint.
 */
public final class Cosigner {

    private final Watcher watcher;
    private final NoteSigner witnessKey;
    private final LongSupplier clockSeconds;

    /**
     * A witness for the log of {@code logKey}, cosigning with {@code witnessKey}.
     *
     * @param clockSeconds POSIX seconds, the cosignature's timestamp
     */
    public Cosigner(VerifierKey logKey, NoteSigner witnessKey, LongSupplier clockSeconds) {
        this.watcher = new Watcher(logKey);
        Keys.requireWitnessKey(witnessKey.verifierKey());
        this.witnessKey = witnessKey;
        this.clockSeconds = clockSeconds;
    }

    /** What a witness does with the checkpoint it looked at. */
    public sealed interface Step {}

    /** The checkpoint verified and extends the last one: cosigned; {@code note} is what to submit. */
    public record Cosigned(Observation observation, SignedCheckpoint checkpoint, String note) implements Step {}

    /** The log already serves this checkpoint with this witness's valid cosignature. */
    public record AlreadyCosigned(SignedCheckpoint checkpoint) implements Step {}

    /** The log misbehaved: nothing was cosigned. */
    public record Refused(Observation.Alarm alarm) implements Step {}

    /** Looks at the log and cosigns its checkpoint if it may. */
    public Step step(PublishedLog log, Optional<SignedCheckpoint> lastCosigned) {
        Observation o = watcher.look(log, lastCosigned);
        if (o instanceof Observation.Alarm a) {
            return new Refused(a);
        }
        SignedCheckpoint served = o.current().orElseThrow();
        if (o instanceof Observation.Unchanged && carriesMine(served.note())) {
            return new AlreadyCosigned(served);
        }
        String body = served.checkpoint().body();
        Cosignature c = Cosignature.sign(witnessKey, body, clockSeconds.getAsLong());
        List<NoteSignature> others = served.note().signatures().stream()
                .filter(s -> !s.isFrom(witnessKey.verifierKey()))
                .toList();
        Note cosigned = new Note(body, others).withSignature(c.toNoteSignature());
        return new Cosigned(o, served, cosigned.format());
    }

    private boolean carriesMine(Note note) {
        VerifierKey me = witnessKey.verifierKey();
        return note.signatures().stream()
                .anyMatch(s -> s.isFrom(me)
                        && Cosignature.from(s) instanceof Parsed.Ok<Cosignature> c
                        && c.value().verify(me, note.text()));
    }
}
