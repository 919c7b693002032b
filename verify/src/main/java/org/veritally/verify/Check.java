package org.veritally.verify;

import org.veritally.core.validation.RuleId;
import org.veritally.core.validation.Severity;

/**
 * Every check that {@code verify}, {@code check-receipt}, {@code watch} and {@code witness} make,
 * with its stable ID and its number within its command. IDs appear in reports, in docs/verify.md
 * and in the names of the tests that break them; they are never reused or renumbered.
 *
 * <p>A {@link RuleId} family: a failed check is an {@link Severity#ERROR}. Immutable and thread-safe (an
 * enum).
 */
public enum Check implements RuleId {
    /** The checkpoint is a signed note by the pinned log key, whose name is the origin line. */
    VFY_SIG(1, "VFY-SIG", "the checkpoint is signed by the pinned log key"),
    /** At least the quorum of pinned witnesses cosigned the checkpoint (cosignature/v1). */
    VFY_WITNESS(2, "VFY-WITNESS", "enough pinned witnesses cosigned the checkpoint"),
    /** Every hash tile is present with its length, and every full tile hashes to its parent hash. */
    VFY_TILES(3, "VFY-TILES", "every hash tile hashes into the tree"),
    /** Every entry bundle is well framed and each entry's leaf hash is its level-0 tile hash. */
    VFY_LEAVES(4, "VFY-LEAVES", "every entry hashes to its leaf in the level-0 tiles"),
    /** The root recomputed from the tiles equals the checkpoint's root. */
    VFY_ROOT(5, "VFY-ROOT", "the root recomputed from the tiles is the checkpoint root"),
    /** Replayed in order, every entry decodes, is canonical and obeys the validation rules. */
    VFY_ENTRIES(6, "VFY-ENTRIES", "every entry decodes canonically and obeys the rules"),
    /** Every published results file is byte for byte the file recomputed from the entries. */
    VFY_TOTALS(7, "VFY-TOTALS", "every published total is recomputed from the entries"),
    /** A static mirror's manifest names the signed checkpoint, and every file hashes as it lists. */
    VFY_MANIFEST(8, "VFY-MANIFEST", "the mirror's manifest is bound to the checkpoint and lists every file's hash"),
    /** Every figure on every page of a static mirror is the value recomputed from the entries. */
    VFY_PAGES(9, "VFY-PAGES", "every figure on every page of the mirror is recomputed from the entries"),
    /** Every export of a static mirror is byte for byte the export written again from the entries. */
    VFY_EXPORTS(10, "VFY-EXPORTS", "every export of the mirror is written again from the entries"),
    /**
     * Every public copy of a photo the log names is published at {@code evidence/<sha256>} with its
     * SHA-256 and size, and nothing else is there (made when the log names evidence or the publication
     * carries some).
     */
    VFY_EVIDENCE(11, "VFY-EVIDENCE", "every published image of evidence is the public copy the log names"),
    /**
     * Every results file given as published "as of" an earlier log size N ({@code verify --results}) is
     * byte for byte the file recomputed from the log's first N entries (made only when such files are given).
     */
    VFY_ASOF(12, "VFY-ASOF", "every as-of results file is recomputed from the log's prefix of its size"),
    /**
     * Every risk-limiting audit in the log is recomputed: the seed hashes to its commitment, and every round's
     * draws, risk and decision follow from the seed, the sheets and the hand counts before it (issue 19; made
     * when the log defines an audit).
     */
    VFY_AUDIT(13, "VFY-AUDIT", "every audit's seed, sample and risk per round are recomputed from the entries"),

    /** The receipt's checkpoint is signed by the pinned log key. */
    RCPT_SIG(1, "RCPT-SIG", "the receipt's checkpoint is signed by the pinned log key"),
    /** The receipt carries the entry bytes, from which its leaf hash is computed. */
    RCPT_LEAF(2, "RCPT-LEAF", "the receipt carries the entry, whose leaf hash is computed"),
    /** The inclusion proof takes the leaf hash at its index to the checkpoint root. */
    RCPT_INCL(3, "RCPT-INCL", "the inclusion proof reproduces the checkpoint root"),
    /** The log's current checkpoint is signed by the pinned log key. */
    RCPT_LOG(4, "RCPT-LOG", "the log's current checkpoint is signed by the pinned log key"),
    /** A consistency proof computed from the log's tiles takes the receipt's tree to the current one. */
    RCPT_CONSIST(5, "RCPT-CONSIST", "the current log extends the receipt's checkpoint"),
    /** The log's entry bundle still holds the receipt's entry at its index. */
    RCPT_ENTRY(6, "RCPT-ENTRY", "the log still publishes the entry at its index"),

    /** The checkpoint the log serves now is signed by the pinned log key. */
    WATCH_SIG(1, "WATCH-SIG", "the served checkpoint is signed by the pinned log key"),
    /** The served tree is not smaller than the last one seen. */
    WATCH_ROLLBACK(2, "WATCH-ROLLBACK", "the log never shrinks"),
    /** The served tree extends the last one seen (same root at the same size; else a proof). */
    WATCH_FORK(3, "WATCH-FORK", "each new checkpoint is consistent with the last one seen");

    private final int number;
    private final String id;
    private final String title;

    Check(int number, String id, String title) {
        this.number = number;
        this.id = id;
        this.title = title;
    }

    /** The check's number within its command, from 1. */
    public int number() {
        return number;
    }

    /** The stable ID, for example {@code VFY-TOTALS}. */
    @Override
    public String id() {
        return id;
    }

    /** What the check establishes, in one line. */
    public String title() {
        return title;
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    /** The same as {@link #title()}. */
    @Override
    public String description() {
        return title;
    }

    @Override
    public String toString() {
        return id;
    }
}
