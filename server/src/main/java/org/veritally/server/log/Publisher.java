package org.veritally.server.log;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.veritally.formats.replay.LogReplay;
import org.veritally.formats.replay.ResultsJson;
import org.veritally.store.LogRow;
import org.veritally.store.Store;
import org.veritally.translog.Checkpoint;
import org.veritally.translog.Note;
import org.veritally.translog.Parsed;
import org.veritally.translog.Tile;
import org.veritally.translog.TileLayout;

/**
 * Use case {@code publish}: writes the log in the C2SP tlog-tiles layout (hash tiles, entry bundles,
 * then {@code checkpoint} last, so a reader never sees a checkpoint whose tiles are missing) and the
 * published results of that same tree size, recomputed from the log itself ({@link LogReplay}).
 * Incremental: only tiles that changed since the checkpoint already in the output are written.
 * Files are written to a temporary name and renamed into place. The public copies of the evidence
 * photos the log names go to {@code evidence/<sha256>} ({@link EvidenceFiles}), before the checkpoint
 * too. A caller that adds files of its own
 * (the static mirror, {@code org.veritally.web.mirror}) {@link #stage}s the log, writes its files, then
 * {@link #commit}s the checkpoint.
 */
public final class Publisher {
    private final Store store;
    private final LogView log;
    private final LogKeys keys;
    private final EvidenceCopies evidence;

    /**
     * A publisher of the log in {@code store}, signed with {@code keys}, taking the public copies of the
     * evidence photos from {@code evidence}.
     */
    public Publisher(Store store, LogKeys keys, EvidenceCopies evidence) {
        this.store = store;
        this.log = new LogView(store);
        this.keys = keys;
        this.evidence = java.util.Objects.requireNonNull(evidence, "evidence");
    }

    /** What one publish did; {@code evidence} says what became of the photos' public copies. */
    public record Report(
            long previousSize, long size, int tilesWritten, int resultFiles, EvidenceFiles.Written evidence) {}

    /**
     * The log part of a publication written, all but its checkpoint ({@link #stage}): the checkpoint
     * to write last, the tree sizes, the files written (path relative to the output, with their
     * SHA-256), the results files, the evidence images (written or already there), and the replay of
     * the log at that size (finished), for a caller that derives more files from it (a static mirror).
     */
    public record Staged(
            LogView.SignedNote checkpoint,
            long previousSize,
            long size,
            int tilesWritten,
            Map<String, byte[]> written,
            List<ResultsJson.File> results,
            EvidenceFiles.Written evidence,
            LogReplay replay) {}

    public Report publish(Path out) throws IOException {
        Staged s = stage(out);
        commit(out, s);
        return new Report(
                s.previousSize(), s.size(), s.tilesWritten(), s.results().size(), s.evidence());
    }

    /**
     * Writes the tiles changed since the checkpoint already in {@code out}, the results files, the
     * evidence images and {@code log.vkey}, at the latest signed checkpoint; not the checkpoint itself
     * ({@link #commit}).
     *
     * @throws PublishProblem {@code PUB-EVIDENCE} if the evidence store lacks a public copy the log names
     */
    public Staged stage(Path out) throws IOException {
        var latest = log.latest().orElseThrow(() -> new IllegalStateException("the log is empty: nothing to publish"));
        return stage(out, latest);
    }

    /** {@link #stage(Path)} at the given signed checkpoint. */
    public Staged stage(Path out, LogView.SignedNote latest) throws IOException {
        return stage(out, latest, Map.of());
    }

    /**
     * {@link #stage(Path, LogView.SignedNote)}, where {@code known} maps paths to the hex SHA-256 of
     * files known to be in {@code out} (a previous manifest): an evidence image listed there with its
     * hash, and of its size, is not hashed again.
     */
    public Staged stage(Path out, LogView.SignedNote latest, Map<String, String> known) throws IOException {
        long m = previousSize(out);
        long n = latest.size();
        if (m > n)
            throw new IllegalStateException(
                    "the output holds a larger tree (" + m + ") than this log (" + n + "): refusing to roll it back");
        Map<String, byte[]> written = new LinkedHashMap<>();
        int tiles = 0;
        for (Tile.Hashes t : TileLayout.hashTilesChanged(m, n)) {
            written.put(t.path(), write(out.resolve(t.path()), log.tile(t)));
            tiles++;
        }
        for (Tile.Entries t : TileLayout.entryBundlesChanged(m, n)) {
            written.put(t.path(), write(out.resolve(t.path()), log.entryBundle(t)));
            tiles++;
        }
        LogReplay replay = new LogReplay();
        for (long from = 0; from < n; from += 10_000) {
            for (LogRow r : store.readLog(from, (int) Math.min(10_000, n - from))) {
                var findings = replay.accept(r.body());
                if (!findings.isEmpty()) throw new IllegalStateException("the log does not replay: " + findings);
            }
        }
        replay.finish();
        List<ResultsJson.File> results = replay.election().isPresent()
                ? ResultsJson.all(replay.election().get(), replay.catalogue(), replay.tabulation(), n)
                : List.of();
        for (var f : results) written.put(f.path(), write(out.resolve(f.path()), f.bytes()));
        EvidenceFiles.Written images = EvidenceFiles.write(out, replay, n, evidence, known);
        written.put(
                "log.vkey",
                write(out.resolve("log.vkey"), (keys.verifierKey().encode() + "\n").getBytes(StandardCharsets.UTF_8)));
        return new Staged(latest, m, n, tiles, written, results, images, replay);
    }

    /** Writes the checkpoint of a staged publication: from now on readers see it. */
    public void commit(Path out, Staged s) throws IOException {
        write(out.resolve("checkpoint"), s.checkpoint().note().getBytes(StandardCharsets.UTF_8));
    }

    private static long previousSize(Path out) throws IOException {
        Path cp = out.resolve("checkpoint");
        if (!Files.exists(cp)) return 0;
        if (Note.parse(Files.readString(cp)) instanceof Parsed.Ok<Note> ok
                && Checkpoint.parse(ok.value().text()) instanceof Parsed.Ok<Checkpoint> c) {
            return c.value().size();
        }
        throw new IllegalStateException(
                cp + " is not a checkpoint; publish into an empty directory or a previous publication");
    }

    /** Writes {@code bytes} to {@code file} through a temporary file; returns their SHA-256. */
    static byte[] write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, bytes);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
