package org.veritally.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.veritally.server.Instance;
import org.veritally.server.http.Json;
import org.veritally.server.stats.ForensicsParameters;
import org.veritally.server.stats.ReadForensics;
import org.veritally.server.stats.StatsJson;
import org.veritally.server.stats.ViewForensics;
import org.veritally.stats.RuleId;
import org.veritally.stats.digits.DigitPairResult;
import org.veritally.stats.digits.LastDigitResult;
import org.veritally.stats.fingerprint.IntegerPercentResult;
import org.veritally.stats.outliers.Outlier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code veritally stats forensics}: every station-level check over a view's current sheets. */
@Command(
        name = "forensics",
        description = "ST-2BL, ST-LD-*, ST-FP, ST-INTPCT-*, ST-OUT-*: every station-level check over a view's sheets.")
final class StatsForensicsCommand implements Callable<Integer> {
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

    @Option(
            names = "--seed",
            paramLabel = "X",
            defaultValue = "" + ReadForensics.DEFAULT_SEED,
            description = "seed of the ST-2BL bootstrap and the ST-INTPCT Monte Carlo (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(
            names = "--candidate",
            paramLabel = "ID",
            description = "candidate of the share-based checks ST-FP and ST-INTPCT-SHARE (default: the leader)")
    Optional<String> candidate;

    @Option(
            names = "--replicates",
            paramLabel = "N",
            description = "Monte Carlo replicates of ST-INTPCT-* (default: 100)")
    Optional<Integer> replicates;

    @Option(
            names = "--turnout",
            paramLabel = "B",
            defaultValue = "cast",
            description = "ballots of ST-INTPCT-TURNOUT: cast | issued (default: ${DEFAULT-VALUE})")
    String turnout;

    @Option(
            names = "--share-of",
            paramLabel = "B",
            defaultValue = "ballots",
            description = "denominator of ST-INTPCT-SHARE: ballots (all cast) | valid (default: ${DEFAULT-VALUE})")
    String shareOf;

    @Option(
            names = "--max-listed",
            paramLabel = "N",
            defaultValue = "" + StatsJson.DEFAULT_MAX_LISTED,
            description = "flagged stations listed per outlier rule (default: ${DEFAULT-VALUE})")
    int maxListed;

    @Option(names = "--svg", paramLabel = "FILE", description = "write the fingerprint (ST-FP) as SVG")
    Optional<Path> svg;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Override
    public Integer call() throws IOException {
        if (maxListed < 0) throw new UsageError("--max-listed must be >= 0");
        try (Instance in = data.open()) {
            long t0 = System.nanoTime();
            ViewForensics f = new ReadForensics(in)
                    .run(contest, view, ForensicsParameters.options(seed, candidate, replicates, turnout, shareOf));
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (svg.isPresent()) Files.writeString(svg.get(), ReadForensics.fingerprintSvg(f), StandardCharsets.UTF_8);
            if (json) {
                System.out.println(Json.pretty(StatsJson.forensics(f, maxListed)));
            } else {
                print(f, seconds);
            }
            return Main.OK;
        }
    }

    private void print(ViewForensics f, double seconds) {
        var r = f.report();
        System.out.printf(
                Locale.ROOT,
                "Forensics — contest %s, view %s: %,d stations with a sheet (of %,d in the catalogue), %.2f s%n",
                f.contest(),
                f.view(),
                f.stations(),
                f.catalogueStations(),
                seconds);
        System.out.printf(
                Locale.ROOT,
                "ST-2BL second digits (2BL mean 4.187; bootstrap %d replicates, %.0f%%):%n",
                r.options().bootstrap().replicates(),
                100 * r.options().bootstrap().confidence());
        for (var d : r.secondDigits()) {
            System.out.printf(
                    Locale.ROOT,
                    "  %-8s n=%,d (%,d below 10)  chi2=%.1f  p=%.3g  mean %.3f [%.3f, %.3f] seed %d%n",
                    d.scope(),
                    d.counts(),
                    d.excluded(),
                    d.chiSquare(),
                    d.pValue(),
                    d.mean(),
                    d.meanInterval().low(),
                    d.meanInterval().high(),
                    d.meanInterval().spec().seed());
        }
        System.out.println("ST-LD-UNIF / ST-LD-REPEAT / ST-LD-ADJ last digits (uniform; repeats 10%; adjacent 20%):");
        var ld = r.lastDigits();
        for (int i = 0; i < ld.uniformity().size(); i++) {
            LastDigitResult u = ld.uniformity().get(i);
            DigitPairResult rep = ld.repeats().get(i);
            DigitPairResult adj = ld.adjacent().get(i);
            System.out.printf(
                    Locale.ROOT,
                    "  %-8s n=%,d  chi2=%.1f p=%.3g;  repeats %.4f p=%.3g;  adjacent %.4f p=%.3g%n",
                    u.scope(),
                    u.counts(),
                    u.chiSquare(),
                    u.pValue(),
                    rep.share(),
                    rep.pValue(),
                    adj.share(),
                    adj.pValue());
        }
        var fp = r.fingerprint();
        System.out.printf(
                Locale.ROOT,
                "ST-FP fingerprint of %s: %,d stations placed, %,d without votes, %,d over 100%% "
                        + "turnout; fullest cell %,d%s%n",
                fp.candidateId(),
                fp.stations(),
                fp.excludedNoVotes(),
                fp.excludedOver100(),
                fp.maxCount(),
                svg.map(p -> "; SVG written to " + p).orElse(""));
        for (IntegerPercentResult ip : List.of(r.integerTurnout(), r.integerShare())) {
            System.out.printf(
                    Locale.ROOT,
                    "%s (%s over %s): %,d stations, %,d within half a ballot of a whole percentage vs %.1f ± %.1f"
                            + " by binomial Monte Carlo (%d replicates, seed %d): excess %+.1f, z=%.2f p=%.3g%n",
                    ip.rule().code(),
                    ip.numerator(),
                    ip.denominator(),
                    ip.stations(),
                    ip.observed(),
                    ip.expected(),
                    ip.sd(),
                    ip.replicates(),
                    ip.seed(),
                    ip.excess(),
                    ip.z(),
                    ip.pValue());
            StringBuilder peaks = new StringBuilder();
            for (var pe : ip.byPercent()) {
                if (pe.sd() > 0 && pe.excess() > 3 * pe.sd() && pe.excess() >= 5) {
                    peaks.append(String.format(Locale.ROOT, " %d%%:%+.0f", pe.percent(), pe.excess()));
                }
            }
            if (!peaks.isEmpty()) System.out.println("  peaks (excess over 3 SD):" + peaks);
        }
        System.out.println("Outliers (ST-OUT-*):");
        new java.util.TreeMap<>(r.outlierCounts()).forEach((rule, count) -> {
            List<String> ids = new ArrayList<>();
            for (Outlier o : r.outliers()) {
                if (o.rule() == rule && ids.size() < maxListed)
                    ids.add(o.stationId()
                            + o.candidateId().map(c -> "(" + c + ")").orElse(""));
            }
            System.out.printf(
                    Locale.ROOT,
                    "  %-18s %,7d%s%n",
                    rule.code(),
                    count,
                    ids.isEmpty() ? "" : "  " + String.join(" ", ids) + (count > ids.size() ? " …" : ""));
        });
        List<RuleId> rules = new ArrayList<>(List.of(
                RuleId.ST_2BL,
                RuleId.ST_LD_UNIF,
                RuleId.ST_LD_REPEAT,
                RuleId.ST_LD_ADJ,
                RuleId.ST_FP,
                RuleId.ST_INTPCT_TURNOUT,
                RuleId.ST_INTPCT_SHARE));
        rules.addAll(new java.util.TreeSet<>(r.outlierCounts().keySet()));
        StatsCommand.caveats(rules);
    }
}
