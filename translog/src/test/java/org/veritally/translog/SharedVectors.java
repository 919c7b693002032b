package org.veritally.translog;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Locates {@code ../shared} (system property {@code veritally.shared}, set by surefire; else
 * {@code ../../shared} from the module directory) and skips the calling test visibly when the
 * vectors are absent: the project's repository does not hold them.
 */
final class SharedVectors {

    private SharedVectors() {}

    static Map<String, Object> load(String relative) {
        Path file = root().resolve(relative);
        assumeTrue(
                Files.isRegularFile(file),
                () -> "skipping: shared vector " + file + " not found (set -Dveritally.shared=<dir>)");
        try {
            return Json.object(Json.parse(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path root() {
        String prop = System.getProperty("veritally.shared");
        if (prop != null && Files.isDirectory(Path.of(prop))) {
            return Path.of(prop);
        }
        return Path.of("../../shared");
    }
}
