package org.veritally.verify.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.veritally.translog.VerifierKey;
import org.veritally.verify.Keys;
import org.veritally.verify.LogUnavailableException;

/**
 * Reads a pinned key given on the command line: the key string itself, or the path of a file that
 * holds it (such as a saved {@code log-key} output or a witness's {@code witness.vkey}). Stateless.
 */
public final class KeyFiles {

    private KeyFiles() {}

    /**
     * The verifier key named by {@code keyOrFile}.
     *
     * @throws IllegalArgumentException if neither the text nor the file holds a verifier key
     */
    public static VerifierKey load(String keyOrFile) {
        Path file = null;
        try {
            file = Path.of(keyOrFile);
        } catch (InvalidPathException e) {
            // not a path: treat it as the key itself
        }
        if (file != null && Files.isRegularFile(file)) {
            try {
                return Keys.parse(Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new LogUnavailableException("cannot read the key file " + file + ": " + e.getMessage(), e);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
            }
        }
        return Keys.parse(keyOrFile);
    }
}
