package org.veritally.server.stats;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.veritally.server.Instance;
import org.veritally.server.asof.AsOf;
import org.veritally.server.asof.StatesAsOf;
import org.veritally.server.http.AsOfJson;
import org.veritally.server.http.Json;
import org.veritally.server.http.ProblemJson;
import org.veritally.server.http.Routes;
import org.veritally.server.read.ReadState;
import org.veritally.stats.announced.RoundShares;
import org.veritally.stats.quickcount.SampleSize;

/**
 * The statistics over HTTP ({@code docs/statistics.md}), all {@code GET}, JSON in the shape of {@link
 * StatsJson}:
 *
 * <ul>
 *   <li>{@code /api/stats/forensics?contest=&view=&seed=&maxListed=&candidate=&replicates=&turnout=&shareOf=}
 *   <li>{@code /api/stats/forensics/fingerprint.svg?contest=&view=&seed=&candidate=} ({@code image/svg+xml})
 *   <li>{@code /api/stats/quickcount?seed=&size=&strata=&contest=&view=&z=}
 *   <li>{@code /api/stats/irreversible?contest=&view=}
 *   <li>{@code /api/stats/round-shares?counts=&labels=&maxDecimals=&alpha=}
 *   <li>{@code /api/stats/sample-size?population=&share=&margin=&z=&stationSize=}
 * </ul>
 *
 * <p>The view defaults to {@code official} and the contest to the first. A missing or malformed parameter is
 * a 400 problem ({@code ST-PARAM}); an unknown contest or view a 404 ({@code RD-CONTEST}, {@code RD-VIEW}, via
 * the API's handler for {@link org.veritally.server.read.UsageProblem}); a view without sheets a 404 ({@code
 * ST-NODATA}).
 *
 * <p>{@code ?at=N} on the forensics, the fingerprint, the quick count and the irreversibility answers them as
 * the election stood at log size N (issue 18): over the state replayed from the log's first N entries, its
 * copies read back from the log, wrapped as {@code {"asOf": …, "forensics"|"quickCount"|"irreversibility":
 * …}} (the fingerprint stays an SVG). A size the log never had is a 404 {@code RD-AT}. Thread-safe.
 */
public final class StatsRoutes implements Routes {
    private final Instance instance;
    private final ReadForensics forensics;
    private final ReadQuickCount quickCount;
    private final ReadIrreversibility irreversibility;

    public StatsRoutes(Instance instance) {
        this.instance = instance;
        this.forensics = new ReadForensics(instance);
        this.quickCount = new ReadQuickCount(instance);
        this.irreversibility = new ReadIrreversibility(instance);
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/stats/forensics", guarded(this::forensics));
        routes.get("/api/stats/forensics/fingerprint.svg", guarded(this::fingerprint));
        routes.get("/api/stats/quickcount", guarded(this::quickCount));
        routes.get("/api/stats/irreversible", guarded(this::irreversible));
        routes.get("/api/stats/round-shares", guarded(this::roundShares));
        routes.get("/api/stats/sample-size", guarded(this::sampleSize));
    }

    /** Answers a {@link StatsParameterProblem} with 400; everything else goes to the API's handlers. */
    private static Handler guarded(Handler h) {
        return ctx -> {
            try {
                h.handle(ctx);
            } catch (StatsParameterProblem e) {
                ctx.status(400)
                        .contentType("application/problem+json")
                        .result(Json.bytes(ProblemJson.rule(400, e.rule(), e.detail())));
            }
        };
    }

    /** The state asked for with {@code ?at=N}, if the request has the parameter. */
    private Optional<AsOf> at(Context ctx) {
        return q(ctx, "at").map(s -> instance.asOf().at(StatesAsOf.parse("at", s)));
    }

    private static java.util.function.Supplier<ReadState> reads(AsOf a, Instance in) {
        ReadState r = ReadState.replayed(a.state(), a.results(), in.store());
        return () -> r;
    }

    /** {@code body} as the live answer, or wrapped with where it stands when asked as of {@code a}. */
    private Object answer(Optional<AsOf> a, String name, Object body) {
        return a.<Object>map(x -> AsOfJson.answer(x, instance.store().logSize(), name, body))
                .orElse(body);
    }

    private void forensics(Context ctx) {
        Optional<AsOf> a = at(ctx);
        var read = a.map(x -> new ReadForensics(reads(x, instance))).orElse(forensics);
        int maxListed = intParam(ctx, "maxListed").orElse(StatsJson.DEFAULT_MAX_LISTED);
        if (maxListed < 0) {
            throw new StatsParameterProblem("maxListed must be >= 0");
        }
        var f = read.run(q(ctx, "contest"), view(ctx), options(ctx));
        json(ctx, answer(a, "forensics", StatsJson.forensics(f, maxListed)));
    }

    private static org.veritally.stats.report.ForensicsOptions options(Context ctx) {
        return ForensicsParameters.options(
                longParam(ctx, "seed").orElse(ReadForensics.DEFAULT_SEED),
                q(ctx, "candidate"),
                intParam(ctx, "replicates"),
                q(ctx, "turnout").orElse(""),
                q(ctx, "shareOf").orElse(""));
    }

    private void fingerprint(Context ctx) {
        var read = at(ctx).map(x -> new ReadForensics(reads(x, instance))).orElse(forensics);
        var f = read.run(q(ctx, "contest"), view(ctx), options(ctx));
        ctx.contentType("image/svg+xml; charset=utf-8")
                .result(ReadForensics.fingerprintSvg(f).getBytes(StandardCharsets.UTF_8));
    }

    private void quickCount(Context ctx) {
        String seed = q(ctx, "seed").orElseThrow(() -> new StatsParameterProblem("the seed parameter is required"));
        long size =
                longParam(ctx, "size").orElseThrow(() -> new StatsParameterProblem("the size parameter is required"));
        if (size < 1 || size > Integer.MAX_VALUE) {
            throw new StatsParameterProblem("size must be a positive sample size, got " + size);
        }
        double z = doubleParam(ctx, "z").orElse(ReadQuickCount.DEFAULT_Z);
        Optional<AsOf> a = at(ctx);
        var read = a.map(x -> new ReadQuickCount(reads(x, instance))).orElse(quickCount);
        var r = read.run(seed, (int) size, q(ctx, "strata"), q(ctx, "contest"), view(ctx), z);
        json(ctx, answer(a, "quickCount", StatsJson.quickCount(r)));
    }

    private void irreversible(Context ctx) {
        Optional<AsOf> a = at(ctx);
        var read = a.map(x -> new ReadIrreversibility(reads(x, instance))).orElse(irreversibility);
        json(ctx, answer(a, "irreversibility", StatsJson.irreversibility(read.run(q(ctx, "contest"), view(ctx)))));
    }

    private void roundShares(Context ctx) {
        String countsText = q(ctx, "counts")
                .orElseThrow(() -> new StatsParameterProblem(
                        "the counts parameter is required, e.g. counts=5150092,4445978,462704"));
        List<Long> counts = new ArrayList<>();
        for (String s : countsText.split(",", -1)) {
            counts.add(parseLong("counts", s.strip()));
        }
        List<String> labels =
                q(ctx, "labels").map(s -> List.of(s.split(",", -1))).orElse(defaultLabels(counts.size()));
        int maxDecimals = intParam(ctx, "maxDecimals").orElse(RoundShares.DEFAULT_MAX_DECIMALS);
        double alpha = doubleParam(ctx, "alpha").orElse(RoundShares.DEFAULT_ALPHA);
        try {
            json(
                    ctx,
                    StatsJson.roundShares(RoundShares.check(
                            labels, counts.stream().mapToLong(Long::longValue).toArray(), maxDecimals, alpha)));
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new StatsParameterProblem(e.getMessage());
        }
    }

    private void sampleSize(Context ctx) {
        long population = longParam(ctx, "population")
                .orElseThrow(() -> new StatsParameterProblem("the population parameter is required"));
        double share = doubleParam(ctx, "share").orElse(0.5);
        double margin = doubleParam(ctx, "margin")
                .orElseThrow(() -> new StatsParameterProblem(
                        "the margin parameter is required (a fraction: 0.0032 for ±0.32 points)"));
        double z = doubleParam(ctx, "z")
                .orElseThrow(
                        () -> new StatsParameterProblem("the z parameter is required (1.96 for 95%, 2.58 for 99%)"));
        Optional<Double> stationSize = doubleParam(ctx, "stationSize");
        try {
            json(
                    ctx,
                    StatsJson.sampleSize(
                            stationSize.isPresent()
                                    ? SampleSize.stations(population, share, margin, z, stationSize.get())
                                    : SampleSize.voters(population, share, margin, z)));
        } catch (IllegalArgumentException e) {
            throw new StatsParameterProblem(e.getMessage());
        }
    }

    /** Labels {@code #1, #2, ...} for counts given without labels. */
    public static List<String> defaultLabels(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            out.add("#" + i);
        }
        return out;
    }

    private static void json(Context ctx, Object body) {
        ctx.contentType("application/json").result(Json.bytes(body));
    }

    private static Optional<String> q(Context ctx, String name) {
        return Optional.ofNullable(ctx.queryParam(name)).filter(s -> !s.isEmpty());
    }

    private static String view(Context ctx) {
        return q(ctx, "view").orElse("official");
    }

    private static Optional<Long> longParam(Context ctx, String name) {
        return q(ctx, name).map(s -> parseLong(name, s));
    }

    private static Optional<Integer> intParam(Context ctx, String name) {
        return longParam(ctx, name).map(n -> {
            if (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE) {
                throw new StatsParameterProblem(name + " is out of range: " + n);
            }
            return n.intValue();
        });
    }

    private static long parseLong(String name, String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new StatsParameterProblem(name + " must be a whole number, got '" + s + "'");
        }
    }

    private static Optional<Double> doubleParam(Context ctx, String name) {
        return q(ctx, name).map(s -> {
            try {
                double d = Double.parseDouble(s);
                if (!Double.isFinite(d)) {
                    throw new NumberFormatException();
                }
                return d;
            } catch (NumberFormatException e) {
                throw new StatsParameterProblem(name + " must be a number, got '" + s + "'");
            }
        });
    }
}
