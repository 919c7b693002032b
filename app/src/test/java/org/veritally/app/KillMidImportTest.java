package org.veritally.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.server.Instance;

/**
 * A bulk import killed with SIGKILL mid-file leaves whole batches: the log holds the definition plus
 * a multiple of the batch size of sheets, every projection agrees with a rebuild from the log, and
 * re-running the import completes it.
 */
class KillMidImportTest {
  @TempDir Path dir;

  @Test
  void killMidImportLeavesAllOfABatchOrNoneOfIt() throws Exception {
    Path g = dir.resolve("gen");
    assertThat(CliTest.run("generate", "--stations", "150000", "--seed", "3", "--out", g.toString()).code()).isZero();
    Path data = dir.resolve("data");
    assertThat(CliTest.run("import", "--data", data.toString(), "--format", "election", g.resolve("election.json").toString()).code()).isZero();
    long defined;
    try (Instance in = Instance.open(data)) {
      defined = in.state().logSize();
    }
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>(List.of(javaBin, "-cp", System.getProperty("java.class.path"), Main.class.getName(), "import", "--data",
        data.toString(), "--format", "csv", "--quiet", g.resolve("sheets.csv").toString()));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
    // wait until at least one batch is committed, then kill -9
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    long size = defined;
    while (System.nanoTime() < deadline && p.isAlive()) {
      Thread.sleep(50);
      try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + data.resolve(Instance.DB_FILE));
           var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM log_entry")) {
        size = rs.getLong(1);
      } catch (java.sql.SQLException busy) {
        continue;
      }
      if (size > defined) break;
    }
    p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    System.out.println("killed the importer at log size " + size + "; child output: " + Files.readString(dir.resolve("child.log")).strip());
    try (Instance in = Instance.open(data)) {
      long sheets = in.state().logSize() - defined;
      System.out.println("after kill: " + sheets + " sheets in the log");
      assertThat(sheets % ImportCommand.BATCH).as("whole batches only").isZero();
      assertThat(sheets).isLessThan(150_000);
      var before = org.veritally.store.ProjectionDump.of(in.store());
      in.rebuild();
      assertThat(org.veritally.store.ProjectionDump.of(in.store())).isEqualTo(before);
      assertThat(in.results().result(java.util.Optional.empty(), java.util.Optional.empty(), "official").stationsReporting()).isEqualTo(sheets);
    }
    var again = CliTest.run("import", "--data", data.toString(), "--format", "csv", "--quiet", g.resolve("sheets.csv").toString());
    assertThat(again.code()).isZero();
    try (Instance in = Instance.open(data)) {
      assertThat(in.state().logSize() - defined).isEqualTo(150_000);
    }
  }
}
