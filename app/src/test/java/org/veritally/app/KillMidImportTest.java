package org.veritally.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.server.Instance;

/**
 * A bulk import killed with SIGKILL mid-file, in the middle of a batch's transaction, leaves whole
 * batches: the log holds the definition plus exactly the batches committed before, every projection
 * agrees with a rebuild from the log, and re-running the import completes it. The kill lands at a
 * known point, not at a time: the importer ({@link HeldCommitImport}) stops before the commit of its
 * second batch, with all of that batch written, and says so; only then is it killed.
 */
class KillMidImportTest {
    static final int STATIONS = 50_000; // three batches: the second is killed before its commit

    @TempDir
    Path dir;

    @Test
    void killMidImportLeavesAllOfABatchOrNoneOfIt() throws Exception {
        Path g = dir.resolve("gen");
        assertThat(CliTest.run("generate", "--stations", "" + STATIONS, "--seed", "3", "--out", g.toString())
                        .code())
                .isZero();
        Path data = dir.resolve("data");
        assertThat(CliTest.run(
                                "import",
                                "--data",
                                data.toString(),
                                "--format",
                                "election",
                                g.resolve("election.json").toString())
                        .code())
                .isZero();
        long defined;
        try (Instance in = Instance.open(data)) {
            defined = in.state().logSize();
        }
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(
                javaBin,
                "-cp",
                System.getProperty("java.class.path"),
                HeldCommitImport.class.getName(),
                "" + (defined + ImportCommand.BATCH),
                "import",
                "--data",
                data.toString(),
                "--format",
                "csv",
                "--quiet",
                g.resolve("sheets.csv").toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        StringBuilder output = new StringBuilder();
        CompletableFuture<Long> held = new CompletableFuture<>();
        Thread reader = new Thread(
                () -> {
                    try (var in =
                            new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                        for (String line = in.readLine(); line != null; line = in.readLine()) {
                            synchronized (output) {
                                output.append(line).append('\n');
                            }
                            if (line.startsWith(HeldCommitImport.HELD))
                                held.complete(Long.parseLong(line.substring(HeldCommitImport.HELD.length())
                                        .strip()));
                        }
                    } catch (IOException e) {
                        // the process was killed
                    }
                    held.completeExceptionally(
                            new AssertionError("the importer ended without reaching the held commit"));
                },
                "child-output");
        reader.setDaemon(true);
        reader.start();
        long uncommitted;
        try {
            uncommitted = held.get(180, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            synchronized (output) {
                fail("the importer did not reach the second batch's commit within 180 s; its output:\n" + output);
            }
            return;
        } catch (java.util.concurrent.ExecutionException e) {
            p.waitFor(10, TimeUnit.SECONDS);
            synchronized (output) {
                fail(e.getCause().getMessage() + "; its output:\n" + output);
            }
            return;
        } finally {
            p.destroyForcibly(); // SIGKILL
            assertThat(p.waitFor(30, TimeUnit.SECONDS))
                    .as("the importer is gone")
                    .isTrue();
        }
        System.out.println("killed the importer before the commit of log size " + uncommitted + "; child output: "
                + output.toString().strip());
        assertThat(uncommitted)
                .as("the held transaction carries the whole second batch")
                .isEqualTo(defined + 2L * ImportCommand.BATCH);
        try (Instance in = Instance.open(data)) {
            long sheets = in.state().logSize() - defined;
            System.out.println("after kill: " + sheets + " sheets in the log");
            assertThat(sheets % ImportCommand.BATCH).as("whole batches only").isZero();
            assertThat(sheets).as("the first batch, and nothing of the second").isEqualTo(ImportCommand.BATCH);
            var before = org.veritally.store.ProjectionDump.of(in.store());
            in.rebuild();
            assertThat(org.veritally.store.ProjectionDump.of(in.store())).isEqualTo(before);
            assertThat(in.results()
                            .result(java.util.Optional.empty(), java.util.Optional.empty(), "official")
                            .stationsReporting())
                    .isEqualTo(sheets);
        }
        var again = CliTest.run(
                "import",
                "--data",
                data.toString(),
                "--format",
                "csv",
                "--quiet",
                g.resolve("sheets.csv").toString());
        assertThat(again.code()).isZero();
        try (Instance in = Instance.open(data)) {
            assertThat(in.state().logSize() - defined).isEqualTo(STATIONS);
        }
    }
}
