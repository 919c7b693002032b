package org.veritally.server.log;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.veritally.core.evidence.Blob;
import org.veritally.core.evidence.Evidence;
import org.veritally.formats.replay.LogReplay;
import org.veritally.store.blob.BlobStore;

/**
 * The public copies of the evidence photos in a publication (docs/evidence.md, "In the mirror, and
 * what verify checks"): every public copy the log names, at {@code evidence/<sha256>}, exactly its
 * bytes, read from the blob store. Originals are never written. Incremental: a file already there
 * with the public copy's size and hash (as the previous manifest lists it, else hashed from disk,
 * streaming) is not read from the store nor written again. Published {@link EvidenceCopies.Withheld
 * without the images}, the publication holds {@link #WITHHELD} instead (when the log names any), and
 * keeps only those images already there with the right bytes. Files under {@code evidence/} that the
 * log does not name are left alone: {@code verify} reports them ({@code EVD-UNNAMED}). Stateless.
 */
public final class EvidenceFiles {
    /** The folder of the public copies, each named by the SHA-256 of its bytes. */
    public static final String FOLDER = "evidence/";

    /** The file that says a publication was made without the images ({@code publish --without-evidence}). */
    public static final String WITHHELD = "evidence-withheld.txt";

    private EvidenceFiles() {}

    /**
     * What was published: every image file (path to SHA-256) and the marker when withheld; how many
     * images were written, were already there, and how many the log names.
     */
    public record Written(Map<String, byte[]> files, int written, int unchanged, int named, boolean withheld) {
        public Written {
            files = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(files));
        }
    }

    /**
     * Writes the public copies that the evidence of {@code replay} names (log order; a copy named twice
     * is written once) into {@code out}.
     *
     * @param known path to hex SHA-256 of files the caller knows are there (a previous manifest)
     * @throws PublishProblem {@code PUB-EVIDENCE} if the blob store lacks a public copy the log names
     */
    static Written write(Path out, LogReplay replay, long treeSize, EvidenceCopies copies, Map<String, String> known)
            throws IOException {
        Map<String, Blob> named = new LinkedHashMap<>();
        Map<String, Evidence> first = new LinkedHashMap<>();
        for (Evidence e : replay.evidence()) {
            Optional<Blob> p = e.publicCopy();
            if (p.isPresent() && named.putIfAbsent(p.get().sha256(), p.get()) == null)
                first.put(p.get().sha256(), e);
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        int written = 0;
        int unchanged = 0;
        Path marker = out.resolve(WITHHELD);
        boolean withheld = copies instanceof EvidenceCopies.Withheld;
        BlobStore store = null;
        for (Blob b : named.values()) {
            String path = FOLDER + b.sha256();
            Path file = out.resolve(path);
            byte[] sha = HexFormat.of().parseHex(b.sha256());
            if (holds(file, b, known.get(path))) {
                files.put(path, sha);
                unchanged++;
                continue;
            }
            if (copies instanceof EvidenceCopies.From from) {
                if (store == null) store = from.blobs().get();
                String location = store.location();
                byte[] bytes = store.get(b.sha256())
                        .orElseThrow(() -> new PublishProblem(
                                LogRule.PUB_EVIDENCE,
                                "the evidence store " + location + " lacks the public copy "
                                        + b.sha256() + " named by the evidence entry at index "
                                        + indexOf(replay, first.get(b.sha256())) + " (station "
                                        + first.get(b.sha256()).stationId() + "); publish "
                                        + "--without-evidence publishes without the images, and says so"));
                Publisher.write(file, bytes);
                files.put(path, sha);
                written++;
            } else {
                Files.deleteIfExists(file); // damaged: not ours to serve, and not rewritable without the store
            }
        }
        if (withheld && !named.isEmpty()) {
            String text = "This publication does not carry the public copies of the evidence photos (publish "
                    + "--without-evidence): the log at tree size " + treeSize + " names " + named.size()
                    + " of them, " + unchanged + " of which are here from an earlier publish.\n";
            files.put(WITHHELD, Publisher.write(marker, text.getBytes(StandardCharsets.UTF_8)));
        } else {
            Files.deleteIfExists(marker);
        }
        return new Written(files, written, unchanged, named.size(), withheld && !named.isEmpty());
    }

    /** Whether {@code file} holds the blob's bytes: its size, and its hash as {@code knownHex} says or else read. */
    private static boolean holds(Path file, Blob b, String knownHex) throws IOException {
        if (!Files.isRegularFile(file) || Files.size(file) != b.size()) return false;
        if (b.sha256().equals(knownHex)) return true;
        MessageDigest md = sha256();
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
        }
        return HexFormat.of().formatHex(md.digest()).equals(b.sha256());
    }

    private static String indexOf(LogReplay replay, Evidence e) {
        var filed = replay.evidence(e.original().sha256());
        return filed.isEmpty() ? "?" : Long.toString(filed.get(0).index());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
