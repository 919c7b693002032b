package org.veritally.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * House style the formatter cannot enforce: no line of Java source in the repository is longer than
 * {@value #MAX} characters (Spotless with palantir-java-format does the rest, in the build).
 */
class LineLengthTest {
    static final int MAX = 120;

    @Test
    void noJavaLineIsLongerThan120Characters() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<String> longLines = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(p -> p.toString().endsWith(".java")
                            && p.toString().contains("/src/")
                            && !p.toString().contains("/target/")
                            && !p.toString().contains("/bench/out/"))
                    .forEach(p -> {
                        try {
                            List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
                            for (int i = 0; i < lines.size(); i++) {
                                int n = lines.get(i)
                                        .codePointCount(0, lines.get(i).length());
                                if (n > MAX)
                                    longLines.add(root.relativize(p) + ":" + (i + 1) + " (" + n + " characters)");
                            }
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
        }
        assertThat(longLines).as("lines over %d characters", MAX).isEmpty();
    }
}
