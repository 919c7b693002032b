package org.veritally.app;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.veritally.server.http.Json;
import org.veritally.server.stats.StatsJson;
import org.veritally.server.stats.StatsParameterProblem;
import org.veritally.server.stats.StatsRoutes;
import org.veritally.stats.RuleId;
import org.veritally.stats.announced.RoundShare;
import org.veritally.stats.announced.RoundShares;
import org.veritally.stats.announced.RoundSharesResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code veritally stats round-shares}: do announced counts sit on round percentages of their total (ST-ROUND)? */
@Command(
        name = "round-shares",
        description = "ST-ROUND: the chance that announced counts land on round percentages by accident.")
final class StatsRoundSharesCommand implements Callable<Integer> {
    @Option(
            names = "--counts",
            required = true,
            split = ",",
            paramLabel = "N,N,...",
            description = "the announced counts, e.g. 5150092,4445978,462704")
    long[] counts;

    @Option(
            names = "--labels",
            split = ",",
            paramLabel = "L,L,...",
            description = "a label per count (default #1, #2, ...)")
    List<String> labels = new java.util.ArrayList<>();

    @Option(
            names = "--max-decimals",
            defaultValue = "1",
            paramLabel = "D",
            description = "most decimals of a round percentage (default: ${DEFAULT-VALUE})")
    int maxDecimals;

    @Option(
            names = "--alpha",
            defaultValue = "0.001",
            paramLabel = "A",
            description = "flag below this probability (default: ${DEFAULT-VALUE})")
    double alpha;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Override
    public Integer call() {
        RoundSharesResult r;
        try {
            r = RoundShares.check(
                    labels.isEmpty() ? StatsRoutes.defaultLabels(counts.length) : labels, counts, maxDecimals, alpha);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new StatsParameterProblem(e.getMessage());
        }
        if (json) {
            System.out.println(Json.pretty(StatsJson.roundShares(r)));
            return Main.OK;
        }
        System.out.printf(
                Locale.ROOT,
                "ST-ROUND: %d counts, total %,d; round = at most %d decimal(s) of a percentage%n",
                counts.length,
                r.total(),
                r.maxDecimals());
        for (RoundShare s : r.shares()) {
            System.out.printf(
                    Locale.ROOT,
                    "  %-12s %,14d  %11.7f%%  %s%n",
                    s.label(),
                    s.count(),
                    s.exactPercent(),
                    s.roundPercent()
                            .map(p -> "= " + p + "% exactly (round(total × " + p + "%) = count); by chance "
                                    + String.format(Locale.ROOT, "%.3g", s.matchChance()))
                            .orElse("not round"));
        }
        System.out.printf(
                Locale.ROOT,
                "all round: %s; probability by chance %.3g (alpha %.3g): %s%n",
                r.allRound() ? "yes" : "no",
                r.chance(),
                r.alpha(),
                r.flagged() ? "FLAGGED" : "not flagged");
        StatsCommand.caveats(List.of(RuleId.ST_ROUND));
        return Main.OK;
    }
}
