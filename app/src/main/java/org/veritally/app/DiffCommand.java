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
            System.out.printf("log size %,d -> %,d (view %s)%n", d.from(), d.to(), d.view());
            System.out.printf("copies added %,d; corrected %,d%n", d.addedCount(), d.correctedCount());
            for (var c : d.corrected())
                System.out.printf(
                        "  corrected #%d %s %s %s (supersedes #%d): %s%n",
                        c.index(),
                        c.station(),
                        c.contest(),
                        c.source(),
                        c.supersedes().orElse(-1L),
                        c.reason().orElse(""));
            System.out.printf(
                    "station x contests newly disputed %,d; settled %,d%n", d.disputedCount(), d.settledCount());
            for (var s : d.newlyDisputed())
                System.out.printf("  disputed %s %s (was %s)%n", s.station(), s.contest(), s.before());
            for (var s : d.settled())
                System.out.printf("  settled %s %s (now %s)%n", s.station(), s.contest(), s.after());
            for (var t : d.moved()) {
                System.out.printf(
                        "%s %s, contest %s: stations %,d -> %,d, valid %,d -> %,d%n",
                        t.unit(),
                        t.unitName(),
                        t.contest(),
                        t.stationsBefore(),
                        t.stationsAfter(),
                        t.validBefore(),
                        t.validAfter());
                for (var c : t.choices())
                    System.out.printf("  %-28s %,12d -> %,12d  (%+,d)%n", c.name(), c.before(), c.after(), c.delta());
            }
            return Main.OK;
        }
    }
}
