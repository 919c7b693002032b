package org.veritally.verify;

import java.util.List;
import java.util.Optional;

/**
 * The port through which every check reads a published log: the files of the C2SP tlog-tiles
 * layout ({@code checkpoint}, {@code tile/<L>/<N>}, {@code tile/entries/<N>}) and the published
 * results ({@code results/<contest>/...}), by their path relative to the publication root.
 *
 * <p>Nothing read here is trusted: the checks authenticate it. An absent file is an answer (the
 * publication lacks it), not a failure; implementations throw {@link LogUnavailableException} only
 * when they cannot tell (a network error, a server error, an unreadable disk).
 *
 * <p>Implementations must be safe to call from one thread at a time; {@link Verifier} may read
 * from a second thread, but never concurrently with another reader of the same instance unless
 * the implementation says it is thread-safe (both adapters in {@code verify.io} are).
 */
public interface PublishedLog {

    /** Where the log is, for reports: a directory or a URL. */
    String location();

    /**
     * The bytes of the file at {@code path} (for example {@code tile/0/001}), or empty when the
     * publication has no such file.
     *
     * @throws LogUnavailableException if the host cannot be read
     */
    Optional<byte[]> read(String path);

    /** A file's size and SHA-256 (lower-case hex). */
    record Digest(long size, String sha256) {}

    /**
     * The size and SHA-256 of the file at {@code path}, or empty when the publication has no such file.
     * The default reads it whole; an adapter streams it where it can (a directory does), so large files
     * cost no more memory than a buffer.
     *
     * @throws LogUnavailableException if the host cannot be read
     */
    default Optional<Digest> digest(String path) {
        return read(path).map(b -> {
            try {
                return new Digest(
                        b.length,
                        java.util.HexFormat.of()
                                .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                                        .digest(b)));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /**
     * Every file below {@code folder} (paths relative to the publication root, {@code /}-separated)
     * when the host can list its files, as a directory can; empty when it cannot, as over HTTP.
     *
     * @throws LogUnavailableException if the host cannot be read
     */
    default Optional<List<String>> list(String folder) {
        return Optional.empty();
    }

    /**
     * How many reads the checks of a static mirror, which read every file of it, may have in flight
     * at once; more than one only when the implementation is thread-safe.
     */
    default int parallelism() {
        return 1;
    }
}
