package org.veritally.app;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.veritally.server.Instance;
import org.veritally.server.http.Json;
import org.veritally.server.stats.ReadIrreversibility;
import org.veritally.server.stats.StatsJson;
import org.veritally.server.stats.ViewIrreversibility;
import org.veritally.stats.RuleId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code veritally stats irreversible}: can the stations not yet reported still change the outcome (ST-IRREV)? */
@Command(
        name = "irreversible",
        description = "ST-IRREV: the leader's margins against the registered voters of the stations not yet reported.")
final class StatsIrreversibleCommand implements Callable<Integer> {
    @Mixin
    DataDirOption data;

    @Option(names = "--contest", paramLabel = "ID")
    Optional<String> contest;

    @Option(
            names = "--view",
            paramLabel = "V",
            defaultValue = "official",
            description = "official | consensus | source:<id> (default: ${DEFAULT-VALUE})")
    String view;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Override
    public Integer call() {
        try (Instance in = data.open()) {
            ViewIrreversibility v = new ReadIrreversibility(in).run(contest, view);
            if (json) {
                System.out.println(Json.pretty(StatsJson.irreversibility(v)));
                return Main.OK;
            }
            var r = v.irreversibility();
            System.out.printf(
                    Locale.ROOT,
                    "ST-IRREV — contest %s, view %s: %,d of %,d stations reporting%n",
                    v.contest(),
                    v.view(),
                    v.stationsReporting(),
                    v.stationsTotal());
            System.out.printf(
                    Locale.ROOT,
                    "registered voters of the stations not yet reported: %,d (of %,d; denominator: %s)%n",
                    r.remainingRegistered(),
                    v.registeredTotal(),
                    v.denominator().equals("universe") ? "the election's declared universe" : "the catalogue");
            for (var m : r.margins()) {
                System.out.printf(
                        Locale.ROOT,
                        "  %s leads %s by %,d: %s%n",
                        r.leader(),
                        m.over(),
                        m.margin(),
                        m.irreversible() ? "irreversible" : "not irreversible");
            }
            System.out.printf(
                    Locale.ROOT,
                    "lead %s%n",
                    r.irreversible()
                            ? "IRREVERSIBLE"
                            : "NOT irreversible: the remaining stations can still change the leader");
            var t = v.majority();
            System.out.printf(
                    Locale.ROOT,
                    "absolute majority (share of valid votes %s): %s at %s now, between %s and %s "
                            + "whatever remains: %s%n",
                    t.threshold(),
                    t.leader(),
                    pct(t.shareNow()),
                    pct(t.lowestPossibleShare()),
                    pct(t.highestPossibleShare()),
                    t.status());
            StatsCommand.caveats(List.of(RuleId.ST_IRREV));
            return Main.OK;
        }
    }

    private static String pct(double x) {
        return Double.isNaN(x) ? "n/a" : String.format(Locale.ROOT, "%.2f%%", 100 * x);
    }
}
