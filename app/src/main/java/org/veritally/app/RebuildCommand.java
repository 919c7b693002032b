package org.veritally.app;

import java.util.concurrent.Callable;
import org.veritally.server.Instance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code veritally rebuild}: recompute every projection from the log. */
@Command(name = "rebuild", description = "Recompute every projection (sheets, totals, catalogue) from the log alone.")
final class RebuildCommand implements Callable<Integer> {
  @Mixin DataDirOption data;

  @Override
  public Integer call() {
    try (Instance in = Instance.open(data.dir)) {
      long t0 = System.nanoTime();
      in.rebuild();
      System.out.printf("rebuilt projections from %,d log entries in %.1f s%n", in.state().logSize(), (System.nanoTime() - t0) / 1e9);
      return Main.OK;
    }
  }
}
