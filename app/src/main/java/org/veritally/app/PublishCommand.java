package org.veritally.app;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.veritally.server.Instance;
import org.veritally.server.log.Publisher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code veritally publish}: the log as tlog tiles plus the published results, for any static host. */
@Command(name = "publish", description = "Write the log (checkpoint, tiles, entry bundles) and the published results to a directory.")
final class PublishCommand implements Callable<Integer> {
  @Mixin DataDirOption data;

  @Option(names = "--out", required = true, paramLabel = "DIR") Path out;

  @Override
  public Integer call() throws Exception {
    if (!java.nio.file.Files.exists(data.dir.resolve(Instance.DB_FILE))) throw new IllegalArgumentException("no data directory at " + data.dir);
    // the store alone: publishing replays the log itself and needs none of the in-memory state
    try (var store = org.veritally.store.Store.openSqlite(data.dir.resolve(Instance.DB_FILE))) {
      var keys = org.veritally.server.log.LogKeys.loadOrCreate(data.dir);
      long t0 = System.nanoTime();
      var r = new Publisher(store, keys).publish(out);
      System.out.printf("published tree size %,d (was %,d): %,d tiles written, %d results files, in %.1f s; verifier key %s%n", r.size(),
          r.previousSize(), r.tilesWritten(), r.resultFiles(), (System.nanoTime() - t0) / 1e9, keys.verifierKey().encode());
      return Main.OK;
    }
  }
}
