package org.veritally.verify.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.veritally.verify.LogUnavailableException;

/**
 * A small text file that survives restarts: the last checkpoint a watcher saw, or the last one a
 * witness cosigned. Written to a temporary sibling and renamed into place, so a crash leaves the
 * old or the new content, never half of one. Not thread-safe; one writer per file.
 */
public final class StateFile {

    private final Path file;

    public StateFile(Path file) {
        this.file = file;
    }

    public Path path() {
        return file;
    }

    /** The content, or empty if there is no file yet. */
    public Optional<String> read() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new LogUnavailableException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Replaces the content atomically. */
    public void write(String content) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = dir.resolve(file.getFileName() + ".tmp");
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new LogUnavailableException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
