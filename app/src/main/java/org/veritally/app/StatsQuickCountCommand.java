package org.veritally.app;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.veritally.server.Instance;
import org.veritally.server.http.Json;
import org.veritally.server.stats.ReadQuickCount;
import org.veritally.server.stats.StatsJson;
import org.veritally.server.stats.ViewQuickCount;
import org.veritally.stats.RuleId;
import org.veritally.stats.quickcount.CandidateEstimate;
import org.veritally.stats.quickcount.ShareComparison;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code veritally stats quickcount}: a reproducible quick count from a public seed (ST-QC). */
@Command(
        name = "quickcount",
        description = "ST-QC: draw the sample from a public seed and estimate the shares from the sampled "
                + "sheets that are in.")
final class StatsQuickCountCommand implements Callable<Integer> {
    @Mixin
    DataDirOption data;

    @Option(
            names = "--seed",
            required = true,
            paramLabel = "TEXT",
            description = "the public seed text (a dice roll, a lottery number)")
    String seed;

    @Option(names = "--size", required = true, paramLabel = "N", description = "stations in the sample")
    int size;

    @Option(
            names = "--strata",
            paramLabel = "LEVEL",
            description = "level whose units are the strata, e.g. state (default: level 1)")
    Optional<String> strata;

    @Option(names = "--contest", paramLabel = "ID")
    Optional<String> contest;

    @Option(
            names = "--view",
            paramLabel = "V",
            defaultValue = "official",
            description = "official | consensus | source:<id> (default: ${DEFAULT-VALUE})")
    String view;

    @Option(
            names = "--z",
            paramLabel = "Z",
            defaultValue = "" + ReadQuickCount.DEFAULT_Z,
            description = "interval half-width in standard errors (default: ${DEFAULT-VALUE}, 95%%)")
    double z;

    @Option(names = "--list", description = "list the sampled stations (stratum, ticket, whether the sheet is in)")
    boolean list;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Override
    public Integer call() {
        try (Instance in = data.open()) {
            ViewQuickCount q = new ReadQuickCount(in).run(seed, size, strata, contest, view, z);
            if (json) {
                System.out.println(Json.pretty(StatsJson.quickCount(q)));
                return Main.OK;
            }
            System.out.printf(
                    Locale.ROOT,
                    "ST-QC quick count — contest %s, view %s; seed \"%s\"; %,d stations in %d strata (%s)%n",
                    q.contest(),
                    q.view(),
                    q.plan().seed(),
                    q.plan().sampleSize(),
                    q.plan().strata().size(),
                    q.strata().name());
            if (list) {
                for (var s : q.plan().stations()) {
                    System.out.printf(
                            "  %s  %s  %s  %s%n",
                            s.stationId(),
                            s.stratum(),
                            s.ticket(),
                            q.received().contains(s.stationId()) ? "in" : "missing");
                }
            }
            System.out.printf(
                    Locale.ROOT,
                    "sampled sheets in: %,d of %,d%n",
                    q.received().size(),
                    q.plan().sampleSize());
            if (q.estimate().isEmpty()) {
                System.out.println("no estimate yet: no sampled sheet with valid votes is in");
            }
            q.estimate().ifPresent(e -> {
                System.out.printf(
                        Locale.ROOT,
                        "estimate (± %.2f standard errors; %d of %d strata in, %d with a single sheet):%n",
                        e.z(),
                        e.strataReceived(),
                        e.strata(),
                        e.strataWithoutVariance());
                for (int i = 0; i < e.candidates().size(); i++) {
                    CandidateEstimate c = e.candidates().get(i);
                    System.out.printf(
                            Locale.ROOT,
                            "  %-10s %6.2f%% ± %.2f  [%.2f, %.2f]  %s%n",
                            c.candidateId(),
                            100 * c.share(),
                            100 * (c.high() - c.share()),
                            100 * c.low(),
                            100 * c.high(),
                            q.candidates().name(i));
                }
            });
            for (ViewQuickCount.ShareCheck check : q.comparisons()) {
                System.out.printf(
                        Locale.ROOT,
                        "against the %s shares (%,d of %,d stations):%n",
                        check.view(),
                        check.stationsReporting(),
                        check.stationsTotal());
                for (ShareComparison c : check.shares()) {
                    System.out.printf(
                            Locale.ROOT,
                            "  %-10s %6.2f%%  %s (%+.1f SE)%n",
                            c.candidateId(),
                            100 * c.announced(),
                            c.inside() ? "inside" : "OUTSIDE the interval",
                            c.standardErrors());
                }
            }
            StatsCommand.caveats(List.of(RuleId.ST_QC));
            return Main.OK;
        }
    }
}
