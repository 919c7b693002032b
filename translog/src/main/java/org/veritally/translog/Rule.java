package org.veritally.translog;

import org.veritally.core.validation.RuleId;
import org.veritally.core.validation.Severity;

/**
 * Every verification and parsing rule of the transparency log, with its stable ID.
 *
 * <p>The ID (for example {@code LOG-INC-2}) appears in failure messages, in Javadoc of the code
 * that enforces the rule, and in the names of the tests that exercise it. IDs are never reused or
 * renumbered; a retired rule keeps its number.
 *
 * <p>A {@link RuleId} family like core's rules, so a {@link org.veritally.core.validation.Problem} carries
 * either; every translog rule is an {@link Severity#ERROR}. Immutable and thread-safe (an enum).
 */
public enum Rule implements RuleId {
    /** RFC 9162 §2.1.3.2 step 1: the leaf index is less than the tree size. */
    LOG_INC_1("LOG-INC-1", "the leaf index is less than the tree size"),
    /** RFC 9162 §2.1.3.2 step 5: the inclusion proof reproduces the root hash. */
    LOG_INC_2("LOG-INC-2", "the inclusion proof reproduces the root hash"),
    /** RFC 9162 §2.1.3.2 steps 4a and 5: the proof has exactly the length the (index, size) need. */
    LOG_INC_3("LOG-INC-3", "the inclusion proof has the expected number of hashes"),
    /** RFC 9162 §2.1.1: the leaf hash, the root and every proof hash are 32-byte SHA-256 values. */
    LOG_INC_4("LOG-INC-4", "the leaf hash, the root and every inclusion proof hash are 32 bytes"),

    /** RFC 9162 §2.1.4: the old tree size is at most the new tree size. */
    LOG_CON_1("LOG-CON-1", "the old tree size is at most the new tree size"),
    /** RFC 9162 §2.1.4.2 step 7: the consistency proof reproduces the old root hash. */
    LOG_CON_2("LOG-CON-2", "the consistency proof reproduces the old root hash"),
    /** RFC 9162 §2.1.4.2 step 7: the consistency proof reproduces the new root hash. */
    LOG_CON_3("LOG-CON-3", "the consistency proof reproduces the new root hash"),
    /** RFC 9162 §2.1.4.2 steps 1, 6a and 7: the proof has exactly the length (m, n) need. */
    LOG_CON_4("LOG-CON-4", "the consistency proof has the expected number of hashes"),
    /** RFC 9162 §2.1.1: the roots and every proof hash that enter a computation are 32 bytes. */
    LOG_CON_5("LOG-CON-5", "the roots and every consistency proof hash are 32 bytes"),

    /** C2SP signed-note §Format: valid UTF-8 without control characters other than newline. */
    NOTE_FMT_1("NOTE-FMT-1", "the note is UTF-8 without control characters other than newline"),
    /** C2SP signed-note §Format: text ending in newline, a blank line, then signature lines. */
    NOTE_FMT_2("NOTE-FMT-2", "the note is text, a blank line and at least one signature line"),
    /** C2SP signed-note §Signatures: em dash, space, key name, space, base64(key ID || sig). */
    NOTE_FMT_3("NOTE-FMT-3", "each signature line is well formed"),
    /** C2SP signed-note §Format: a note carries at most {@value Note#MAX_SIGNATURES} signatures. */
    NOTE_FMT_4("NOTE-FMT-4", "the note carries no more signatures than the limit"),
    /** C2SP signed-note §Verifier keys: {@code name+hexid+base64(type||key)}. */
    NOTE_KEY_1("NOTE-KEY-1", "the key string is well formed"),
    /** C2SP signed-note §Signature types: the key type is supported and the key has its length. */
    NOTE_KEY_2("NOTE-KEY-2", "the key type is supported and the key material has its length"),
    /** C2SP signed-note §Signatures: key ID = SHA-256(name || 0x0A || type || public key)[:4]. */
    NOTE_KEY_3("NOTE-KEY-3", "the key ID matches the name, type and public key"),
    /** C2SP signed-note §Signatures: at least one signature by a known key verifies. */
    NOTE_SIG_1("NOTE-SIG-1", "at least one signature by a known key verifies"),
    /** C2SP signed-note §Signatures: every signature by a known key verifies. */
    NOTE_SIG_2("NOTE-SIG-2", "every signature by a known key verifies"),
    /** C2SP signed-note §Signatures: a known key signs a note at most once. */
    NOTE_SIG_3("NOTE-SIG-3", "a known key signs the note at most once"),

    /** C2SP tlog-checkpoint §Note text: at least three non-empty newline-terminated lines. */
    CKPT_FMT_1("CKPT-FMT-1", "the checkpoint body is at least three non-empty lines"),
    /** C2SP tlog-checkpoint §Note text: the size is decimal without leading zeroes. */
    CKPT_FMT_2("CKPT-FMT-2", "the tree size is a decimal number without leading zeroes"),
    /** C2SP tlog-checkpoint §Note text: the root hash is canonical standard base64. */
    CKPT_FMT_3("CKPT-FMT-3", "the root hash is canonical standard base64"),
    /** RFC 9162 §2.1.1 as used by tlog-tiles: a Veritally root hash is 32 bytes (SHA-256). */
    CKPT_FMT_4("CKPT-FMT-4", "the root hash is a 32-byte SHA-256 value"),
    /** C2SP tlog-checkpoint §Note text: the origin line names the expected log. */
    CKPT_ORIGIN_1("CKPT-ORIGIN-1", "the checkpoint origin is the expected log origin"),

    /** C2SP tlog-cosignature §Format: payload is key ID, u64 timestamp and a 64-byte signature. */
    COSIG_FMT_1("COSIG-FMT-1", "the cosignature is 4 + 8 + 64 bytes with a timestamp below 2^63"),
    /** C2SP tlog-cosignature §Ed25519 signed message: the cosignature verifies. */
    COSIG_SIG_1("COSIG-SIG-1", "the cosignature verifies over cosignature/v1, time and body"),
    /** C2SP tlog-cosignature §Format: enough distinct known witnesses cosigned (a quorum). */
    COSIG_QUORUM_1("COSIG-QUORUM-1", "at least the quorum of known witnesses cosigned"),

    /** C2SP tlog-tiles §Merkle Tree: the tile path is well formed. */
    TILE_PATH_1("TILE-PATH-1", "the tile path is well formed"),
    /** C2SP tlog-tiles §Merkle Tree: a tile of width W is exactly 32·W bytes. */
    TILE_FMT_1("TILE-FMT-1", "a hash tile is 32 bytes per hash of its width"),
    /** C2SP tlog-tiles §Merkle Tree: each hash of a level L+1 tile is the MTH of a full tile. */
    TILE_HASH_1("TILE-HASH-1", "each upper-tile hash is the Merkle tree hash of the full tile below"),
    /** C2SP tlog-tiles §Merkle Tree: the root computed from the tiles is the checkpoint root. */
    TILE_HASH_2("TILE-HASH-2", "the root computed from the tiles equals the checkpoint root"),
    /** C2SP tlog-tiles §Log entries: uint16 length-prefixed entries, count equals the width. */
    TILE_ENT_1("TILE-ENT-1", "the entry bundle is exactly its width of length-prefixed entries"),
    /** C2SP tlog-tiles §Log entries: each entry hashes to the level-0 tile hash. */
    TILE_ENT_2("TILE-ENT-2", "each entry's leaf hash equals the level-0 tile hash"),
    RCPT_FMT_1("RCPT-FMT-1", "a receipt is a well-formed c2sp.org/tlog-proof@v1 text");

    private final String id;
    private final String summary;

    Rule(String id, String summary) {
        this.id = id;
        this.summary = summary;
    }

    /** The stable ID, for example {@code LOG-INC-2}. */
    @Override
    public String id() {
        return id;
    }

    /** Every translog rule refuses what breaks it. */
    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    /** The same as {@link #summary()}. */
    @Override
    public String description() {
        return summary;
    }

    /** One line saying what the rule requires. */
    public String summary() {
        return summary;
    }

    @Override
    public String toString() {
        return id;
    }
}
