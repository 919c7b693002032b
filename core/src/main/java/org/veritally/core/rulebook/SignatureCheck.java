package org.veritally.core.rulebook;

import org.veritally.core.entry.EvidenceEntry;
import org.veritally.core.entry.KeyEntry;
import org.veritally.core.entry.SheetEntry;
import org.veritally.core.entry.TranscriptionWork;

/**
 * The cryptography the rulebook needs, as a port: whether a string is a verifier key, and whether a
 * sheet entry's signature verifies with one. The adapter ({@code formats}) knows the canonical
 * encoding of the signed message and the C2SP signed-note key format (docs/log-format.md §1.4).
 */
public interface SignatureCheck {
    /** Whether {@code verifierKey} is a well-formed C2SP signed-note Ed25519 verifier key. */
    boolean isVerifierKey(String verifierKey);

    /** Whether {@code entry}'s signature verifies with {@code verifierKey}; the entry is signed. */
    boolean verifies(String verifierKey, SheetEntry entry);

    /** The same for an evidence entry. */
    boolean verifies(String verifierKey, EvidenceEntry entry);

    /**
     * Whether transcription work {@code entry}'s signature verifies with {@code verifierKey} (its account's
     * key); the entry is signed (docs/log-format.md §1.9, TR-SIGN).
     */
    boolean verifies(String verifierKey, TranscriptionWork entry);

    /**
     * Whether key entry {@code entry}'s endorsement verifies with {@code verifierKey} (the endorser's
     * live key); the entry is endorsed.
     */
    boolean verifies(String verifierKey, KeyEntry entry);
}
