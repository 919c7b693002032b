package org.veritally.app;

import java.util.List;
import java.util.concurrent.Callable;
import org.veritally.server.Instance;
import org.veritally.store.ProjectionDump;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code veritally rebuild}: recompute every projection from the log. */
@Command(name = "rebuild", description = "Recompute every projection (sheets, totals, catalogue) from the log alone.")
final class RebuildCommand implements Callable<Integer> {
  @Mixin DataDirOption data;

  @Option(names = "--check", description = "also compare the rebuilt projections with the ones before, row by row; exit 1 if they differ")
  boolean check;

  @Override
  public Integer call() {
    try (Instance in = Instance.open(data.dir)) {
      long t0 = System.nanoTime();
      List<String> before = check ? ProjectionDump.of(in.store()) : List.of();
      in.rebuild();
      System.out.printf("rebuilt projections from %,d log entries in %.1f s%n", in.state().logSize(), (System.nanoTime() - t0) / 1e9);
      if (check) {
        List<String> after = ProjectionDump.of(in.store());
        if (!after.equals(before)) {
          System.out.printf("REBUILD-EQ failed: %,d projection rows before, %,d after, and they differ%n", before.size(), after.size());
          return Main.REJECTED;
        }
        System.out.printf("REBUILD-EQ ok: %,d projection rows identical to the live ones%n", after.size());
      }
      return Main.OK;
    }
  }
}
