package org.veritally.app;

import java.util.Optional;
import java.util.concurrent.Callable;
import org.veritally.server.Instance;
import org.veritally.server.asof.CheckpointDiff;
import org.veritally.server.http.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code veritally diff --from N --to M}: what changed between two log sizes (issue 18): copies added,
 * corrected (with the source's reason), station × contests newly disputed or settled, and how the totals
 * moved at the root and in the units below it that moved most.
 */
@Command(
        name = "diff",
        description = "Print what changed between log sizes N and M: sheets added and corrected, stations newly"
                + " disputed or settled, totals moved.")
final class DiffCommand implements Callable<Integer> {
    @Mixin
    DataDirOption data;

    @Option(names = "--from", required = true, paramLabel = "N", description = "the earlier log size")
    long from;

    @Option(names = "--to", paramLabel = "M", description = "the later log size (default: the log's size)")
    Optional<Long> to;

    @Option(
            names = "--view",
            paramLabel = "V",
            description = "the view whose totals are compared (default: official if "
                    + "an authority source is declared, else consensus)")
    Optional<String> view;

    @Option(names = "--limit", paramLabel = "K", description = "list at most K items of each kind (default 1000)")
    int limit = 1000;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Override
    public Integer call() {
        try (Instance in = data.open()) {
            long m = to.orElseGet(() -> in.store().logSize());
            CheckpointDiff d = in.diff().diff(from, m, view, limit);
            if (json) {
                System.out.println(Json.pretty(d));
                return Main.OK;
            }
            System.out.print(DiffText.render(d));
            return Main.OK;
        }
    }
}
