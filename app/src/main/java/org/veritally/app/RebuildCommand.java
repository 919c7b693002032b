package org.veritally.app;

import java.util.concurrent.Callable;
import org.veritally.server.Instance;
import org.veritally.server.intake.RebuildRule;
import org.veritally.server.integrity.IntegrityFailure;
import org.veritally.store.ProjectionDump;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code veritally rebuild}: recompute every projection from the log, once the log has passed the integrity
 * checks of its bytes (leaf hashes, tree nodes, the latest signed checkpoint) and its replay through the
 * rulebook; a log that fails them is reported with the check's ID and location, exit 1, and nothing is written.
 */
@Command(name = "rebuild", description = "Recompute every projection (sheets, totals, catalogue) from the log alone.")
final class RebuildCommand implements Callable<Integer> {
    @Mixin
    DataDirOption data;

    @Option(
            names = "--check",
            description =
                    "also compare the rebuilt projections with the ones before, row by row; exit 1 if they differ")
    boolean check;

    @Override
    public Integer call() {
        try (Instance in = data.open()) {
            long t0 = System.nanoTime();
            String before = check ? ProjectionDump.digest(in.store()) : "";
            try {
                in.rebuild();
            } catch (IntegrityFailure e) {
                System.out.printf(
                        "%s failed: nothing was written, the projections are those of before%n",
                        e.mismatch().message());
                return Main.REJECTED;
            }
            System.out.printf(
                    "rebuilt projections from %,d log entries in %.1f s%n",
                    in.state().logSize(), (System.nanoTime() - t0) / 1e9);
            if (check) {
                String after = ProjectionDump.digest(in.store());
                if (!after.equals(before)) {
                    System.out.printf("%s failed: before %s; after %s%n", RebuildRule.REBUILD_EQ.id(), before, after);
                    return Main.REJECTED;
                }
                System.out.printf(
                        "%s ok: the rebuilt projections equal the live ones (%s)%n",
                        RebuildRule.REBUILD_EQ.id(), after);
            }
            return Main.OK;
        }
    }
}
