package org.veritally.store.blob;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.testkit.Await;
import org.veritally.testkit.Seeds;

/**
 * A writer of blobs killed with SIGKILL in the middle of its work loses nothing it reported stored, and leaves no
 * partial file under a final name. A child JVM ({@link BlobWriterProcess}) puts blobs into one directory and prints
 * each name once its put has returned; the test kills it after a seeded number of those lines, at once (most likely
 * while it makes up the next blob) or, in every other round, once the temporary file of a later put exists (while it
 * writes, forces or renames that file), then checks the directory. Several rounds on the same directory, so later
 * writers meet what earlier ones left (temporary files, directories). A process kill keeps what reached the page
 * cache; that the data also survives a power cut rests on the fsyncs of the file and its directory, which this test
 * cannot cut.
 */
class DirectoryBlobCrashTest {
    static final int ROUNDS = 4;

    @TempDir
    Path dir;

    @Test
    void aWriterKilledMidPutLosesNoReportedBlobAndLeavesNoPartialFile() throws Exception {
        Random rnd = new Random(Seeds.seed("directoryBlobCrash", 0xB10BL));
        Path root = dir.resolve("evidence");
        List<String> reported = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            int killAfter = 1 + rnd.nextInt(12);
            boolean midWrite = round % 2 == 1;
            reported.addAll(runAndKill(root, rnd.nextLong(), killAfter, midWrite));
            System.out.println("round " + round + ": killed after " + killAfter + " reported puts"
                    + (midWrite ? ", with a temporary file being written" : ""));
        }
        try (BlobStore store = new DirectoryBlobStore(root)) {
            for (String name : reported) {
                assertThat(store.has(name)).as("reported %s", name).isTrue();
                assertThat(store.get(name))
                        .as("reported %s reads back intact", name)
                        .isPresent();
            }
            List<String> listed = new ArrayList<>();
            store.forEachHash(listed::add);
            assertThat(listed).containsAll(reported);
        }
        int finals = 0;
        int temporary = 0;
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String name = f.getFileName().toString();
                if (BlobHash.valid(name)) {
                    finals++;
                    assertThat(BlobHash.of(Files.readAllBytes(f)))
                            .as("the file under the final name %s is whole", name)
                            .isEqualTo(name);
                } else {
                    temporary++;
                    assertThat(name).as("only temporary files besides blobs").endsWith(".tmp");
                }
            }
        }
        System.out.println(reported.size() + " reported, " + finals + " blob files, " + temporary
                + " temporary files left by the kills");
        assertThat(finals).isGreaterThanOrEqualTo(reported.size());
    }

    /** Whether a put's temporary file is there now (files come and go while the writer runs). */
    private static boolean temporaryFileIn(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".tmp"));
        } catch (IOException | java.io.UncheckedIOException e) {
            return false; // a directory or file vanished under the walk
        }
    }

    /** Starts a writer, kills it (SIGKILL) once it has reported {@code killAfter} puts; returns what it reported. */
    private static List<String> runAndKill(Path root, long seed, int killAfter, boolean midWrite) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(
                        java,
                        "-Xmx256m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        BlobWriterProcess.class.getName(),
                        root.toString(),
                        Long.toString(seed))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        List<String> stored = new ArrayList<>();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith(BlobWriterProcess.STORED))
                    stored.add(line.substring(BlobWriterProcess.STORED.length()));
                if (stored.size() == killAfter) {
                    if (midWrite) Await.until("a put has its temporary file", () -> temporaryFileIn(root));
                    p.destroyForcibly(); // SIGKILL, while the writer is in a later put
                    break;
                }
            }
        } catch (IOException e) {
            throw new AssertionError("reading the writer's output", e);
        } finally {
            p.destroyForcibly();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("the writer is gone").isTrue();
        }
        assertThat(stored)
                .as("the writer reported its puts before it was killed")
                .hasSize(killAfter);
        return stored;
    }
}
