package org.veritally.translog;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A C2SP tlog-cosignature {@code cosignature/v1}: a witness's timestamped Ed25519 statement that,
 * at {@code timestamp}, the checkpoint is the largest consistent tree it has seen for the log.
 *
 * <p>The witness signs {@code "cosignature/v1\ntime <timestamp>\n" || checkpoint body} (spec
 * §Ed25519 signed message), and the note signature line carries {@code key ID (4) || timestamp (8,
 * big-endian) || Ed25519 signature (64)}; the key ID uses type byte 0x04 (spec §Format). {@link
 * #from} checks {@code COSIG-FMT-1}; {@link #verify} checks {@code COSIG-SIG-1}.
 *
 * <p>Invariants: {@code 0 <= timestamp <= 2^63-1}; the signature is 64 bytes. Immutable and
 * thread-safe.
 *
 * @param witnessName the witness key name
 * @param keyId the witness key ID
 * @param timestamp POSIX seconds when the witness signed
 * @param signature the 64-byte Ed25519 signature
 */
public record Cosignature(String witnessName, int keyId, long timestamp, byte[] signature) {

    private static final int PAYLOAD_SIZE = 8 + Ed25519.SIGNATURE_SIZE;

    public Cosignature {
        Objects.requireNonNull(witnessName, "witnessName");
        if (timestamp < 0) {
            throw new IllegalArgumentException("timestamp must be in [0, 2^63-1]");
        }
        if (signature.length != Ed25519.SIGNATURE_SIZE) {
            throw new IllegalArgumentException("an Ed25519 signature is 64 bytes");
        }
        signature = signature.clone();
    }

    /** The message a witness signs for {@code checkpointBody} at {@code timestamp}. */
    public static byte[] signedMessage(long timestamp, String checkpointBody) {
        String m = "cosignature/v1\ntime " + timestamp + "\n" + checkpointBody;
        return m.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Cosigns {@code checkpointBody} at {@code timestamp} with a witness key.
     *
     * @throws IllegalArgumentException if the key is not a cosignature (type 0x04) key
     */
    public static Cosignature sign(NoteSigner witness, String checkpointBody, long timestamp) {
        if (witness.verifierKey().type() != VerifierKey.TYPE_COSIGNATURE) {
            throw new IllegalArgumentException("not a cosignature key (type 0x04): " + witness);
        }
        byte[] sig = witness.signBytes(signedMessage(timestamp, checkpointBody));
        return new Cosignature(witness.name(), witness.verifierKey().keyId(), timestamp, sig);
    }

    /** Reads a cosignature out of a note signature line (checks {@code COSIG-FMT-1}). */
    public static Parsed<Cosignature> from(NoteSignature line) {
        byte[] payload = line.signature();
        if (payload.length != PAYLOAD_SIZE) {
            return Parsed.invalid(
                    Rule.COSIG_FMT_1,
                    "signature of " + line.keyName(),
                    "cosignature is " + (payload.length + 4) + " bytes, want 76");
        }
        long ts = ByteBuffer.wrap(payload, 0, 8).getLong();
        if (ts < 0) {
            return Parsed.invalid(Rule.COSIG_FMT_1, "signature of " + line.keyName(), "timestamp exceeds 2^63-1");
        }
        return Parsed.ok(
                new Cosignature(line.keyName(), line.keyId(), ts, Arrays.copyOfRange(payload, 8, PAYLOAD_SIZE)));
    }

    /** The note signature line for this cosignature. */
    public NoteSignature toNoteSignature() {
        ByteBuffer b = ByteBuffer.allocate(PAYLOAD_SIZE);
        b.putLong(timestamp).put(signature);
        return new NoteSignature(witnessName, keyId, b.array());
    }

    /** Whether {@code witness} made this cosignature over {@code checkpointBody} (COSIG-SIG-1). */
    public boolean verify(VerifierKey witness, String checkpointBody) {
        return witness.type() == VerifierKey.TYPE_COSIGNATURE
                && witness.name().equals(witnessName)
                && witness.keyId() == keyId
                && witness.verifies(signedMessage(timestamp, checkpointBody), signature);
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cosignature c
                && c.witnessName.equals(witnessName)
                && c.keyId == keyId
                && c.timestamp == timestamp
                && Arrays.equals(c.signature, signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(witnessName, keyId, timestamp, Arrays.hashCode(signature));
    }
}
