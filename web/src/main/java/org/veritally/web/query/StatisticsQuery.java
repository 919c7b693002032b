package org.veritally.web.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.veritally.core.model.Announcement;
import org.veritally.core.model.Candidate;
import org.veritally.core.model.Contest;
import org.veritally.core.model.Election;
import org.veritally.server.Instance;
import org.veritally.server.asof.AsOf;
import org.veritally.server.read.ReadState;
import org.veritally.server.read.UsageProblem;
import org.veritally.server.stats.ReadForensics;
import org.veritally.server.stats.ReadIrreversibility;
import org.veritally.server.stats.ReadQuickCount;
import org.veritally.server.stats.StatsParameterProblem;
import org.veritally.server.stats.ViewForensics;
import org.veritally.server.stats.ViewIrreversibility;
import org.veritally.web.model.StatisticsPage;

/**
 * Use case: read the statistics page of a contest × view with the server's own use cases ({@link
 * ReadForensics}, {@link ReadIrreversibility}, {@link ReadQuickCount}).
 *
 * <p>The forensic checks read every station's sheet (about 0.2 s for 25,000 stations, 3 s for a
 * million), so their result is kept per contest × view while the log has not grown or for {@value
 * #MAX_AGE_MS} ms ({@link LogBoundCache}), and the page says at which log size it was computed.
 * Irreversibility reads the live totals and the quick count its sampled sheets by key: neither is
 * kept. As of an earlier log size the report never changes: the last {@value #AS_OF_KEPT} are kept. Thread-safe.
 */
public final class StatisticsQuery {
    static final long MAX_AGE_MS = 30_000;
    private final Instance in;
    private final ReadForensics forensics;
    private final ReadQuickCount quickCount;
    private final LogBoundCache<String, Optional<ViewForensics>> held;

    public StatisticsQuery(Instance in) {
        this(in, System::currentTimeMillis);
    }

    StatisticsQuery(Instance in, LongSupplier clock) {
        this.in = in;
        this.held = new LogBoundCache<>(MAX_AGE_MS, clock);
        this.forensics = new ReadForensics(in);
        this.quickCount = new ReadQuickCount(in);
    }

    public StatisticsPage read(
            Optional<String> contestId, Optional<String> view, Optional<String> seed, Optional<String> size) {
        ReadState live = ReadState.live(in);
        return read(
                live,
                Results.info(in),
                (c, v) -> forensics(c, v),
                new ReadIrreversibility(() -> live),
                quickCount,
                contestId,
                view,
                seed,
                size);
    }

    /**
     * The page as the election stood at an earlier log size (issue 18): every figure computed over the replayed
     * state and the copies current then, read back from the log; the announcements entered before then.
     */
    public StatisticsPage read(
            AsOf a, Optional<String> contestId, Optional<String> view, Optional<String> seed, Optional<String> size) {
        ReadState at = ReadState.replayed(a.state(), a.results(), in.store());
        ReadForensics f = new ReadForensics(() -> at);
        return read(
                at,
                new AsOfQuery(a).info(),
                (c, v) -> heldAsOf(a.size() + "|" + c + "|" + v, () -> runForensics(f, c, v)),
                new ReadIrreversibility(() -> at),
                new ReadQuickCount(() -> at),
                contestId,
                view,
                seed,
                size);
    }

    private StatisticsPage read(
            ReadState at,
            org.veritally.web.model.ElectionInfo info,
            java.util.function.BiFunction<String, String, Optional<ViewForensics>> forensics,
            ReadIrreversibility irreversibility,
            ReadQuickCount quickCount,
            Optional<String> contestId,
            Optional<String> view,
            Optional<String> seed,
            Optional<String> size) {
        Election e = at.state().requireElection();
        Contest c = UnitQuery.contest(e, contestId);
        String v = Views.resolve(at.state().tabulation(), view);
        Map<String, String> names = new LinkedHashMap<>();
        for (Candidate k : c.candidates()) names.put(k.id(), k.name());
        return new StatisticsPage(
                info,
                UnitQuery.contests(e, c.id()),
                Views.options(at.state().tabulation(), v),
                c.id(),
                c.name(),
                v,
                names,
                forensics.apply(c.id(), v),
                irreversibility(irreversibility, c, v),
                quickCount(at, quickCount, c.id(), v, seed, size),
                announced(at, c));
    }

    /** The contest's announcements, oldest first, as shares of their valid votes (no sheet is read). */
    private static List<StatisticsPage.AnnouncedShares> announced(ReadState at, Contest c) {
        List<StatisticsPage.AnnouncedShares> out = new ArrayList<>();
        for (var r : at.state().announcements()) {
            Announcement a = r.announcement();
            if (!a.contest().equals(c.id())) continue;
            long sum =
                    a.candidates().values().stream().mapToLong(Long::longValue).sum()
                            + a.others().orElse(0);
            long valid = a.valid().orElse(sum);
            if (valid <= 0) continue;
            Map<String, Double> shares = new LinkedHashMap<>();
            a.candidates().forEach((id, n) -> shares.put(id, (double) n / valid));
            out.add(new StatisticsPage.AnnouncedShares(a.id(), a.title(), shares, AnnouncementsQuery.round(a, c)));
        }
        return out;
    }

    /** How many forensic reports as of earlier sizes are kept. */
    static final int AS_OF_KEPT = 8;

    /** Forensic reports as of an earlier size by size × contest × view: they never change (LRU). */
    private final Map<String, Optional<ViewForensics>> asOfHeld = new java.util.LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Optional<ViewForensics>> eldest) {
            return size() > AS_OF_KEPT;
        }
    };

    private Optional<ViewForensics> heldAsOf(String key, java.util.function.Supplier<Optional<ViewForensics>> run) {
        synchronized (asOfHeld) {
            var hit = asOfHeld.get(key);
            if (hit != null) return hit;
        }
        var r = run.get(); // computed outside the lock: two readers of one new key may both compute it, alike
        synchronized (asOfHeld) {
            asOfHeld.put(key, r);
        }
        return r;
    }

    /** The forensic report, reused while fresh (see {@link LogBoundCache}); empty while the view has no sheet. */
    Optional<ViewForensics> forensics(String contest, String view) {
        return held.get(contest + "|" + view, in.state().logSize(), () -> runForensics(forensics, contest, view));
    }

    private static Optional<ViewForensics> runForensics(ReadForensics forensics, String contest, String view) {
        try {
            return Optional.of(forensics.run(Optional.of(contest), view, ReadForensics.DEFAULT_SEED));
        } catch (UsageProblem noData) {
            return Optional.empty();
        }
    }

    private static Optional<ViewIrreversibility> irreversibility(ReadIrreversibility read, Contest c, String view) {
        if (c.candidates().size() < 2) return Optional.empty();
        try {
            return Optional.of(read.run(Optional.of(c.id()), view));
        } catch (StatsParameterProblem | UsageProblem e) {
            return Optional.empty();
        }
    }

    private static StatisticsPage.QuickCountRequest quickCount(
            ReadState at,
            ReadQuickCount quickCount,
            String contest,
            String view,
            Optional<String> seed,
            Optional<String> size) {
        if (seed.isEmpty() && size.isEmpty()) return StatisticsPage.QuickCountRequest.none();
        String s = seed.orElse("");
        String n = size.orElse("");
        int stations = at.state().catalogue().stationCount();
        int k;
        try {
            k = Integer.parseInt(n.strip());
        } catch (NumberFormatException e) {
            k = -1;
        }
        if (s.isBlank())
            return new StatisticsPage.QuickCountRequest(s, n, Optional.empty(), Optional.of("stats.qc.noseed"));
        if (k < 1 || k > stations)
            return new StatisticsPage.QuickCountRequest(s, n, Optional.empty(), Optional.of("stats.qc.badsize"));
        try {
            var r = quickCount.run(s, k, Optional.empty(), Optional.of(contest), view, ReadQuickCount.DEFAULT_Z);
            return new StatisticsPage.QuickCountRequest(s, n, Optional.of(r), Optional.empty());
        } catch (StatsParameterProblem | UsageProblem e) {
            return new StatisticsPage.QuickCountRequest(s, n, Optional.empty(), Optional.of("stats.qc.badsize"));
        }
    }
}
