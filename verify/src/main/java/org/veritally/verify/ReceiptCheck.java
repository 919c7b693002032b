package org.veritally.verify;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.veritally.core.validation.Problem;
import org.veritally.translog.Checkpoint;
import org.veritally.translog.EntryBundle;
import org.veritally.translog.FailedCheck;
import org.veritally.translog.InclusionVerifier;
import org.veritally.translog.LogHasher;
import org.veritally.translog.Parsed;
import org.veritally.translog.Rule;
import org.veritally.translog.Tile;
import org.veritally.translog.TlogProof;
import org.veritally.translog.Verification;
import org.veritally.translog.VerifierKey;

/**
 * {@code check-receipt}: verifies a receipt (C2SP tlog-proof, with the entry in {@code extra})
 * offline, and optionally against the log as it is now:
 *
 * <ol>
 *   <li>{@code RCPT-SIG} the receipt's checkpoint is signed by the pinned key;
 *   <li>{@code RCPT-LEAF} the receipt carries the entry, and its leaf hash is computed from it;
 *   <li>{@code RCPT-INCL} the inclusion proof reproduces the checkpoint root (LOG-INC-*);
 *   <li>{@code RCPT-LOG} the log's current checkpoint is signed by the pinned key;
 *   <li>{@code RCPT-CONSIST} a consistency proof computed from the log's tiles takes the receipt's
 *       tree to the current one ({@link LogConsistency}), so a log that dropped or rewrote the
 *       entry since is caught;
 *   <li>{@code RCPT-ENTRY} the log's entry bundle still holds the same entry bytes at the index.
 * </ol>
 *
 * <p>Immutable and thread-safe.
 */
public final class ReceiptCheck {

    private final VerifierKey logKey;

    public ReceiptCheck(VerifierKey logKey) {
        this.logKey = Keys.requireLogKey(logKey);
    }

    /** Checks {@code receipt} (its text, named {@code location} in the report), and the log if given. */
    public Report check(String location, String receipt, Optional<PublishedLog> log) {
        List<CheckResult> checks = new ArrayList<>();
        Parsed<TlogProof> parsed = TlogProof.parse(receipt);
        if (!(parsed instanceof Parsed.Ok<TlogProof> ok)) {
            CheckResult.Findings f = new CheckResult.Findings(Check.RCPT_SIG);
            for (Problem p : parsed.problems()) {
                f.add(new Problem(p.rule(), location + " " + p.location(), p.message()));
            }
            checks.add(f.result("", "not a receipt"));
            return new Report("check-receipt", location, checks, -1, 0);
        }
        TlogProof proof = ok.value();
        CheckpointCheck.Signed signed = CheckpointCheck.signature(
                Check.RCPT_SIG, proof.checkpointNote().getBytes(StandardCharsets.UTF_8), logKey);
        checks.add(signed.result());
        Optional<byte[]> leaf = proof.extra().map(e -> LogHasher.create().leafHash(e));
        checks.add(
                leaf.isPresent()
                        ? CheckResult.pass(
                                Check.RCPT_LEAF,
                                "entry " + proof.index() + " of "
                                        + proof.extra().get().length + " bytes, leaf hash "
                                        + HexFormat.of().formatHex(leaf.get()))
                        : CheckResult.fail(
                                Check.RCPT_LEAF,
                                "the receipt carries no entry",
                                new Problem(
                                        Rule.RCPT_FMT_1,
                                        location,
                                        "no 'extra' line with the entry bytes, so the leaf hash cannot be computed")));
        Optional<Checkpoint> cp = signed.checkpoint();
        if (cp.isEmpty() || leaf.isEmpty()) {
            checks.add(
                    CheckResult.skip(Check.RCPT_INCL, "needs the checkpoint and the entry (see RCPT-SIG, RCPT-LEAF)"));
        } else {
            Verification v = InclusionVerifier.verify(
                    proof.index(),
                    cp.get().size(),
                    leaf.get(),
                    proof.proof(),
                    cp.get().rootHash());
            checks.add(result(
                    Check.RCPT_INCL,
                    v,
                    "entry " + proof.index() + " is in the tree of size "
                            + cp.get().size(),
                    "the inclusion proof does not hold"));
        }
        if (log.isPresent()) {
            against(log.get(), proof, cp, signed.result().failed(), checks);
        }
        return new Report(
                "check-receipt", location, checks, cp.map(Checkpoint::size).orElse(-1L), 1);
    }

    private void against(
            PublishedLog log, TlogProof proof, Optional<Checkpoint> mine, boolean mineBad, List<CheckResult> checks) {
        byte[] bytes = log.read("checkpoint")
                .orElseThrow(() -> new LogUnavailableException(
                        "no checkpoint at " + log.location() + "/checkpoint: is this a published Veritally log?"));
        CheckpointCheck.Signed current = CheckpointCheck.signature(Check.RCPT_LOG, bytes, logKey);
        checks.add(current.result());
        if (mine.isEmpty()
                || mineBad
                || current.checkpoint().isEmpty()
                || current.result().failed()) {
            checks.add(
                    CheckResult.skip(Check.RCPT_CONSIST, "needs both checkpoints verified (see RCPT-SIG, RCPT-LOG)"));
            checks.add(CheckResult.skip(Check.RCPT_ENTRY, "needs the current checkpoint verified (see RCPT-LOG)"));
            return;
        }
        Checkpoint now = current.checkpoint().get();
        Verification v = LogConsistency.prove(mine.get(), now, log);
        checks.add(result(
                Check.RCPT_CONSIST,
                v,
                "the log at size " + now.size() + " extends the receipt's tree of size "
                        + mine.get().size(),
                "the log does not extend the receipt's checkpoint: it dropped, rewrote or forked entries"));
        checks.add(entry(log, proof, now.size()));
    }

    private static CheckResult entry(PublishedLog log, TlogProof proof, long size) {
        if (proof.index() >= size || proof.extra().isEmpty()) {
            return CheckResult.skip(
                    Check.RCPT_ENTRY, "the log is smaller than the receipt, or the receipt has no entry");
        }
        long n = proof.index() / Tile.FULL_WIDTH;
        Tile.Entries b = new Tile.Entries(n, (int) Math.min(Tile.FULL_WIDTH, size - n * Tile.FULL_WIDTH));
        Optional<byte[]> bytes = log.read(b.path());
        if (bytes.isEmpty()) {
            return CheckResult.fail(
                    Check.RCPT_ENTRY,
                    "the entry is not published",
                    Problem.mismatch(
                            Rule.TILE_ENT_1,
                            b.path(),
                            "the log does not publish this entry bundle",
                            "present",
                            "absent"));
        }
        if (!(EntryBundle.parse(bytes.get(), b.width()) instanceof Parsed.Ok<EntryBundle> ok)) {
            return CheckResult.fail(
                    Check.RCPT_ENTRY,
                    "the entry bundle is malformed",
                    new Problem(
                            Rule.TILE_ENT_1, b.path(), "the bundle is not " + b.width() + " length-prefixed entries"));
        }
        byte[] published = ok.value().entries().get((int) (proof.index() % Tile.FULL_WIDTH));
        byte[] mine = proof.extra().get();
        if (Arrays.equals(published, mine)) {
            return CheckResult.pass(Check.RCPT_ENTRY, b.path() + " holds the entry at index " + proof.index());
        }
        return CheckResult.fail(
                Check.RCPT_ENTRY,
                "the log publishes different bytes at the receipt's index",
                Problem.mismatch(
                        Rule.TILE_ENT_2,
                        "entry " + proof.index() + " (" + b.path() + ")",
                        "the log now publishes (computed) other bytes than the receipt's entry (expected)",
                        new String(mine, StandardCharsets.UTF_8),
                        new String(published, StandardCharsets.UTF_8)));
    }

    private static CheckResult result(Check check, Verification v, String pass, String fail) {
        CheckResult.Findings f = new CheckResult.Findings(check);
        for (FailedCheck x : v.failures()) {
            f.add(x.toProblem(check == Check.RCPT_INCL ? "inclusion proof" : "consistency proof"));
        }
        return f.result(pass, fail);
    }
}
