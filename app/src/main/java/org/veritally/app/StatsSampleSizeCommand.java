package org.veritally.app;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.veritally.server.http.Json;
import org.veritally.server.stats.StatsJson;
import org.veritally.server.stats.StatsParameterProblem;
import org.veritally.stats.RuleId;
import org.veritally.stats.quickcount.SampleSize;
import org.veritally.stats.quickcount.SampleSizeResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code veritally stats sample-size}: the voters (and stations) a quick count needs (ST-QC-SIZE). */
@Command(
        name = "sample-size",
        description = "ST-QC-SIZE: voters (and stations) a quick count needs for a margin of error.")
final class StatsSampleSizeCommand implements Callable<Integer> {
    @Option(names = "--population", required = true, paramLabel = "N", description = "eligible (registered) voters")
    long population;

    @Option(
            names = "--share",
            defaultValue = "0.5",
            paramLabel = "P",
            description = "assumed share; 0.5 is the most conservative (default: ${DEFAULT-VALUE})")
    double share;

    @Option(
            names = "--margin",
            required = true,
            paramLabel = "E",
            description = "margin of error as a fraction, e.g. 0.0032 for ±0.32 points")
    double margin;

    @Option(
            names = "--z",
            required = true,
            paramLabel = "Z",
            description = "normal quantile: 1.96 for 95%%, 2.58 for 99%%")
    double z;

    @Option(
            names = "--station-size",
            paramLabel = "S",
            description = "average voters per station, to convert voters into stations")
    Optional<Double> stationSize;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Override
    public Integer call() {
        SampleSizeResult r;
        try {
            r = stationSize.isPresent()
                    ? SampleSize.stations(population, share, margin, z, stationSize.get())
                    : SampleSize.voters(population, share, margin, z);
        } catch (IllegalArgumentException e) {
            throw new StatsParameterProblem(e.getMessage());
        }
        if (json) {
            System.out.println(Json.pretty(StatsJson.sampleSize(r)));
            return Main.OK;
        }
        System.out.printf(
                Locale.ROOT,
                "ST-QC-SIZE: N = %,d, p = %s, E = %s, z = %s%n",
                r.population(),
                r.proportion(),
                r.margin(),
                r.z());
        System.out.printf(Locale.ROOT, "  n0 = z² p (1 - p) / E² = %,.2f%n", r.infinitePopulation());
        System.out.printf(
                Locale.ROOT,
                "  n  = n0 / (1 + (n0 - 1) / N) = %,.2f, so %,d voters (rounded up)%n",
                r.exact(),
                r.voters());
        r.stations()
                .ifPresent(s -> System.out.printf(
                        Locale.ROOT, "  stations: %,d of %s voters on average%n", s, stationSize.get()));
        StatsCommand.caveats(List.of(RuleId.ST_QC_SIZE));
        return Main.OK;
    }
}
