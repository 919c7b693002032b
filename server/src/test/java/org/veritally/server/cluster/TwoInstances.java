package org.veritally.server.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.veritally.server.Instance;

/**
 * Test helper: instances on one PostgreSQL database, each with its own data directory holding a copy of the same log
 * key.
 */
final class TwoInstances {
    private TwoInstances() {}

    static Instance open(Path root, String name, String db) {
        Path dir = root.resolve(name);
        Path keys = root.resolve("first").resolve("keys");
        try {
            if (Files.isDirectory(keys) && !name.equals("first")) {
                Files.createDirectories(dir.resolve("keys"));
                try (var files = Files.list(keys)) {
                    for (Path f : files.toList())
                        Files.copy(
                                f,
                                dir.resolve("keys").resolve(f.getFileName()),
                                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Instance.open(dir, Optional.of(db));
    }
}
