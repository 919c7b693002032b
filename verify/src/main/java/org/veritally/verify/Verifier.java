package org.veritally.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;
import org.veritally.translog.Checkpoint;
import org.veritally.translog.VerifierKey;

/**
 * {@code verify}: re-derives a published log from its files and checks it against a pinned key.
 * The checks, in order (docs/verify.md):
 *
 * <ol>
 *   <li>{@code VFY-SIG} the checkpoint is signed by the pinned key, named as its origin;
 *   <li>{@code VFY-WITNESS} enough pinned witnesses cosigned it;
 *   <li>{@code VFY-TILES} every hash tile hashes into the tree;
 *   <li>{@code VFY-LEAVES} every entry hashes to its level-0 leaf;
 *   <li>{@code VFY-ROOT} the root recomputed from the tiles is the checkpoint root;
 *   <li>{@code VFY-ENTRIES} replayed in order, every entry decodes canonically and obeys the rules;
 *   <li>{@code VFY-TOTALS} every published total is recomputed from the entries;
 *   <li>{@code VFY-MANIFEST}, {@code VFY-PAGES}, {@code VFY-EXPORTS} for a static mirror (one with a
 *       {@code manifest.json} or an {@code index.html}): the manifest is bound to the checkpoint and
 *       every file hashes as it lists; every figure on every page, and every export, is recomputed
 *       from the entries ({@link MirrorCheck});
 *   <li>{@code VFY-EVIDENCE} when the log names evidence or the publication carries images: every
 *       public copy the log names is published at {@code evidence/<sha256>} with its hash and size, and
 *       nothing else is there ({@link EvidenceCheck}).
 * </ol>
 *
 * <p>Every check runs even when an earlier one failed, as far as it can, so one report shows every
 * problem; a check that cannot run says why. Reads go through {@link PublishedLog} (from up to three
 * threads: the tree check and the replay run beside the reading of the bundles); memory stays at a
 * few dozen bundles plus the replayed totals. Immutable and thread-safe (each call has its own
 * state).
 */
public final class Verifier {

    private final VerifierKey logKey;
    private final List<VerifierKey> witnesses;
    private final int quorum;

    /**
     * A verifier pinned to {@code logKey}.
     *
     * @param witnesses witness cosignature keys whose cosignatures {@code VFY-WITNESS} counts
     * @param quorum how many of them must have cosigned; 0 means all of them
     * @throws IllegalArgumentException if a key has the wrong type, or {@code quorum < 0}
     */
    public Verifier(VerifierKey logKey, List<VerifierKey> witnesses, int quorum) {
        this.logKey = Keys.requireLogKey(logKey);
        this.witnesses = List.copyOf(witnesses);
        this.witnesses.forEach(Keys::requireWitnessKey);
        if (quorum < 0) {
            throw new IllegalArgumentException("the quorum must be at least 1, got " + quorum);
        }
        this.quorum = quorum;
    }

    /**
     * Verifies the log.
     *
     * @throws LogUnavailableException if the log cannot be read, or has no checkpoint at all
     */
    public Report verify(PublishedLog log) {
        return verify(log, List.of());
    }

    /**
     * Verifies the log and, when {@code asOf} is not empty, each results file published as of an earlier
     * log size against the log's prefix of that size ({@code VFY-ASOF}, after the other checks).
     *
     * @throws LogUnavailableException if the log cannot be read, or has no checkpoint at all
     */
    public Report verify(PublishedLog log, List<AsOfFile> asOf) {
        Objects.requireNonNull(log, "log");
        byte[] bytes = log.read("checkpoint")
                .orElseThrow(() -> new LogUnavailableException(
                        "no checkpoint at " + log.location() + "/checkpoint: is this a published Veritally log?"));
        List<CheckResult> checks = new ArrayList<>();
        CheckpointCheck.Signed signed = CheckpointCheck.signature(Check.VFY_SIG, bytes, logKey);
        checks.add(signed.result());
        checks.add(signed.note()
                .map(n -> CheckpointCheck.witnesses(n, witnesses, quorum))
                .orElseGet(() ->
                        CheckResult.skip(Check.VFY_WITNESS, "the checkpoint is not a signed note (see VFY-SIG)")));
        Optional<byte[]> manifest = log.read(MirrorCheck.MANIFEST);
        boolean mirror = MirrorCheck.isMirror(log, manifest);
        if (signed.checkpoint().isEmpty()) {
            String why = "the checkpoint has no tree size and root to check against (see VFY-SIG)";
            List<Check> rest = new ArrayList<>(
                    List.of(Check.VFY_TILES, Check.VFY_LEAVES, Check.VFY_ROOT, Check.VFY_ENTRIES, Check.VFY_TOTALS));
            if (!asOf.isEmpty()) rest.add(Check.VFY_ASOF);
            if (mirror) {
                rest.addAll(List.of(Check.VFY_MANIFEST, Check.VFY_PAGES, Check.VFY_EXPORTS));
            }
            for (Check c : rest) {
                checks.add(CheckResult.skip(c, why));
            }
            return new Report("verify", log.location(), checks, -1, 0);
        }
        Checkpoint cp = signed.checkpoint().get();
        // The tree check reads only hash tiles: it runs beside the entry scan, whose replay is the long pole.
        FutureTask<CheckResult[]> treeTask =
                new FutureTask<>(() -> reading("VFY-TILES and VFY-ROOT", () -> TreeCheck.run(log, cp)));
        Thread treeThread = new Thread(treeTask, "verify-tree");
        treeThread.setDaemon(true);
        treeThread.start();
        EntryScan.Result scan = reading("VFY-LEAVES and VFY-ENTRIES", () -> new EntryScan(log, cp.size()).run());
        CheckResult[] tree = join(treeTask);
        checks.add(tree[0]);
        checks.add(scan.leaves());
        checks.add(tree[1]);
        checks.add(scan.entries());
        checks.add(scan.replay()
                .map(r -> reading("VFY-TOTALS", () -> TotalsCheck.run(log, r, cp.size())))
                .orElseGet(() -> CheckResult.skip(
                        Check.VFY_TOTALS,
                        "cannot recompute the totals: not every entry could be read or replayed "
                                + "(see VFY-LEAVES, VFY-ENTRIES)")));
        EvidenceCheck.Outcome evidence =
                reading("VFY-EVIDENCE", () -> EvidenceCheck.run(log, scan.replay(), listedEvidence(log, manifest)));
        if (mirror) {
            checks.addAll(reading(
                    "VFY-MANIFEST, VFY-PAGES and VFY-EXPORTS",
                    () -> MirrorCheck.run(
                            log,
                            manifest,
                            logKey,
                            signed.note(),
                            signed.checkpoint(),
                            scan.replay(),
                            evidence.digests())));
        }
        evidence.result().ifPresent(checks::add);
        if (!asOf.isEmpty()) {
            checks.add(
                    scan.replay().isPresent()
                            ? reading("VFY-ASOF", () -> AsOfCheck.run(log, cp.size(), asOf))
                            : CheckResult.skip(
                                    Check.VFY_ASOF,
                                    "cannot replay the log's prefix: not every entry could be read or replayed"
                                            + " (see VFY-LEAVES, VFY-ENTRIES)"));
        }
        AuditCheck.run(scan.replay()).ifPresent(checks::add); // VFY-AUDIT, when the log defines an audit
        return new Report("verify", log.location(), checks, cp.size(), scan.entriesChecked());
    }

    /**
     * For a host that cannot list its files (HTTP), the files under {@code evidence/} that a mirror's
     * manifest lists, so that an image the log does not name is still found; empty otherwise.
     */
    private static Optional<List<String>> listedEvidence(PublishedLog log, Optional<byte[]> manifest) {
        if (manifest.isEmpty() || log.list(EvidenceCheck.FOLDER).isPresent()) {
            return Optional.empty();
        }
        try {
            return Optional.of(MirrorCheck.parse(manifest.get()).files().keySet().stream()
                    .filter(p -> p.startsWith(EvidenceCheck.FOLDER))
                    .sorted()
                    .toList());
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // MAN-FMT says so
        }
    }

    /**
     * Runs a check's reading, so that a log that cannot be read names the checks that needed it as
     * well as the URL or file.
     */
    private static <T> T reading(String checks, Supplier<T> run) {
        try {
            return run.get();
        } catch (LogUnavailableException e) {
            if (e.getMessage().startsWith("while checking ")) {
                throw e;
            }
            throw new LogUnavailableException("while checking " + checks + ": " + e.getMessage(), e.getCause());
        }
    }

    private static CheckResult[] join(FutureTask<CheckResult[]> task) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking the tree", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
