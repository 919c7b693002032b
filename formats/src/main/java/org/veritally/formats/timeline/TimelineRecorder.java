package org.veritally.formats.timeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.LongFunction;
import org.veritally.core.model.Catalogue;
import org.veritally.core.model.Contest;
import org.veritally.core.model.Denominator;
import org.veritally.core.model.Election;
import org.veritally.core.model.Source;
import org.veritally.core.model.TallySheet;
import org.veritally.core.reconcile.Copy;
import org.veritally.core.reconcile.CopyDigest;
import org.veritally.core.reconcile.CopyKey;
import org.veritally.core.reconcile.Verdict;
import org.veritally.core.tabulate.View;
import org.veritally.core.validation.Problem;
import org.veritally.formats.replay.LogReplay;

/**
 * Builds the reporting timeline (docs/timeline.md) in one pass over the log, in index order: each
 * entry goes through a {@link LogReplay}, so through the one rulebook, and every sheet it accepts is
 * kept as the change it made ({@link SheetEvents}), and so is every change of the copy a station × contest
 * counts in the consensus view (its verdict recomputed over its current copies as each copy arrives). A
 * timeline of a unit × contest is then the running
 * sum of the changes below the unit, sampled at no more than {@link #MAX_POINTS} log sizes; it is kept
 * (the {@value #KEPT} most recently asked) and extended by the entries appended since, never
 * recomputed from the start. Feed it the log with {@link #accept} as the log grows.
 *
 * <p>Not thread-safe: the caller serialises {@link #accept} and {@link #timeline}.
 */
public final class TimelineRecorder {
    /** The most samples of a timeline between its first point (size 0) and its last (the current size). */
    public static final int MAX_POINTS = 256;

    /** How many unit × contest series are kept between requests. */
    static final int KEPT = 256;

    private final LogReplay replay = new LogReplay();
    private final SheetEvents events = new SheetEvents();
    /**
     * Which source's copy each station × contest counts in the consensus view now (the source index + 1; 0: none),
     * at {@code station × contests + contest}: a byte each, not the figures (a map of a million boxed keys and
     * arrays held about 100 bytes a station × contest). The figures of that copy, which a change of verdict takes
     * away, are the replay's current copy of that source, or the copy just replaced when it is that source's.
     */
    private byte[] counted = new byte[1024];

    private final Map<Long, UnitSeries> kept = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, UnitSeries> eldest) {
            return size() > KEPT;
        }
    };

    /** Series as of an earlier size, by (unit × contest, size): they never change, so they are kept too. */
    private final Map<AsOfKey, UnitSeries> keptAsOf = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<AsOfKey, UnitSeries> eldest) {
            return size() > KEPT_AS_OF;
        }
    };

    /** How many series as of an earlier size are kept between requests. */
    static final int KEPT_AS_OF = 64;

    private record AsOfKey(long series, long size) {}

    /** The log size after the last entry that changed the election, its catalogue or its sources. */
    private long shapeSize;

    public TimelineRecorder() {
        replay.observeSheets(this::record);
    }

    /**
     * A recorder whose replay takes its units and stations from {@code shared} where they are equal (the served
     * state's catalogue), instead of holding a second copy of a million stations' ids and names.
     */
    public TimelineRecorder(java.util.function.Supplier<Catalogue> shared) {
        this();
        replay.shareCatalogue(shared);
    }

    /** Replays the next entry of the log; what is wrong with it, each with its rule ID (empty: applied). */
    public List<Problem> accept(byte[] entry) {
        var election = replay.election().orElse(null);
        var catalogue = replay.catalogue();
        int units = catalogue.unitCount();
        int stations = catalogue.stationCount();
        int sources = election == null ? 0 : replay.tabulation().sources().size();
        List<Problem> problems = replay.accept(entry);
        var after = replay.election().orElse(null);
        if (after != election
                || replay.catalogue() != catalogue
                || replay.catalogue().unitCount() != units
                || replay.catalogue().stationCount() != stations
                || (after != null && replay.tabulation().sources().size() != sources)) shapeSize = replay.size();
        return problems;
    }

    /**
     * The smallest size a timeline can be asked for as of ({@link #timelineAt}): the size after the last entry
     * that declared the election, a unit, a station or a source. From there on the election, the catalogue and
     * the sources are those of the current size, so a timeline as of a size is the current one cut at that size;
     * below it they were different (the caller replays that prefix on its own instead).
     */
    public long shapeSize() {
        return shapeSize;
    }

    /** How many entries were replayed. */
    public long size() {
        return replay.size();
    }

    /** The replay behind the timeline: the election, the catalogue and the sources as of {@link #size()}. */
    public LogReplay replay() {
        return replay;
    }

    /** How many accepted sheets were recorded. */
    public int sheets() {
        return events.size();
    }

    private void record(long index, long key, TallySheet sheet, Optional<TallySheet> replaced) {
        int station = CopyKey.station(key);
        long[] d = new long[SheetEvents.FIXED + sheet.choiceCount()];
        add(d, sheet, 1);
        if (replaced.isPresent()) {
            add(d, replaced.get(), -1);
        } else {
            d[0] = 1;
            d[1] = replay.catalogue().station(station).registeredVoters();
        }
        events.add(index, replay.catalogue().unitOfStation(station), CopyKey.contest(key), CopyKey.source(key), d);
        recordConsensus(index, key, sheet.choiceCount(), replaced);
    }

    /**
     * The consensus view after the copy at {@code key} changed: the station × contest's verdict over its current
     * copies, by the core's {@link Verdict} (the rule the server's reconciliation and {@code verify} apply), and
     * the change from the copy it counted before, if the counted copy's figures changed. A copy that settles a
     * dispute adds the station; one that starts a dispute takes it away again.
     */
    private void recordConsensus(long index, long key, int choices, Optional<TallySheet> replaced) {
        int station = CopyKey.station(key);
        int contest = CopyKey.contest(key);
        int source = CopyKey.source(key);
        int sources = replay.tabulation().sources().size();
        List<Copy> copies = new ArrayList<>(sources);
        List<TallySheet> sheets = new ArrayList<>(sources);
        for (int s = 0; s < sources; s++) {
            var c = replay.current(station, contest, s);
            if (c.isEmpty()) continue;
            copies.add(new Copy(s, c.get().index(), CopyDigest.of(c.get().sheet())));
            sheets.add(c.get().sheet());
        }
        var chosen =
                Verdict.of(copies, replay.election().orElseThrow().consensus()).consensus();
        int[] next = chosen.map(c -> figures(sheets.get(copies.indexOf(c)))).orElse(null);
        int at = station * replay.election().orElseThrow().contests().size() + contest;
        if (at >= counted.length) counted = java.util.Arrays.copyOf(counted, Math.max(at + 1, counted.length * 2));
        int was = counted[at] - 1;
        counted[at] = (byte) (chosen.map(Copy::source).orElse(-1) + 1);
        // the copy counted before: the one this copy replaced if it was this source's, else that source's current
        int[] before = was < 0
                ? null
                : was == source
                        ? replaced.map(TimelineRecorder::figures).orElse(null)
                        : figures(replay.current(station, contest, was)
                                .orElseThrow()
                                .sheet());
        if (before == null && next == null) return;
        if (before != null && next != null && java.util.Arrays.equals(before, next)) return;
        long[] d = new long[SheetEvents.FIXED + choices];
        d[0] = (next == null ? 0 : 1) - (before == null ? 0 : 1);
        d[1] = d[0] * replay.catalogue().station(station).registeredVoters();
        for (int i = 0; i < d.length - 2; i++)
            d[2 + i] = (next == null ? 0 : next[i]) - (before == null ? 0 : before[i]);
        events.add(index, replay.catalogue().unitOfStation(station), contest, UnitSeries.CONSENSUS, d);
    }

    /** A copy's figures as the changes count them: ballots (or their sum), valid, null, blank, votes. */
    private static int[] figures(TallySheet sh) {
        var k = sh.counts();
        int[] f = new int[4 + sh.choiceCount()];
        f[0] = Math.toIntExact(k.ballotsOrSum());
        f[1] = Math.toIntExact(k.valid());
        f[2] = Math.toIntExact(k.nulls());
        f[3] = Math.toIntExact(k.blank() < 0 ? 0 : k.blank());
        for (int i = 0; i < sh.choiceCount(); i++) f[4 + i] = Math.toIntExact(sh.vote(i));
        return f;
    }

    private static void add(long[] d, TallySheet sh, int sign) {
        var k = sh.counts();
        d[2] += sign * k.ballotsOrSum();
        d[3] += sign * k.valid();
        d[4] += sign * k.nulls();
        d[5] += sign * (k.blank() < 0 ? 0 : k.blank());
        for (int i = 0; i < sh.choiceCount(); i++) d[SheetEvents.FIXED + i] += sign * sh.vote(i);
    }

    /**
     * The timeline of unit {@code unitId} × contest {@code contestId} × {@code view} at the current size,
     * with the wall-clock time of each size from {@code timeOfSize} (the first signed checkpoint whose tree
     * holds that many entries; empty when none does yet).
     *
     * @throws IllegalArgumentException if no election was replayed, or the unit, the contest or the view is
     *     unknown (the caller checks these and reports them with their rule)
     */
    public Timeline timeline(String unitId, String contestId, View view, LongFunction<OptionalLong> timeOfSize) {
        return timelineAt(unitId, contestId, view, replay.size(), timeOfSize);
    }

    /**
     * The timeline as it stood when the log held {@code size} entries (issue 18: every results view as of a
     * size): the points up to {@code size} on the grid of a log of that size, its last point at {@code size},
     * and the arrivals before it. Equal to the timeline of a recorder fed only the first {@code size} entries
     * ({@code TimelineAsOfTest}).
     *
     * @throws IllegalArgumentException as {@link #timeline}, or if {@code size} is below {@link #shapeSize()} or
     *     above {@link #size()}
     */
    public Timeline timelineAt(
            String unitId, String contestId, View view, long size, LongFunction<OptionalLong> timeOfSize) {
        if (size < shapeSize || size > replay.size())
            throw new IllegalArgumentException(
                    "a timeline as of " + size + " needs a size from " + shapeSize + " to " + replay.size());
        Election e = replay.election().orElseThrow(() -> new IllegalArgumentException("no election replayed"));
        var cat = replay.catalogue();
        int u = cat.unitIndex(unitId);
        if (u < 0) throw new IllegalArgumentException("unknown unit " + unitId);
        int c = e.contestIndex(contestId);
        if (c < 0) throw new IllegalArgumentException("unknown contest " + contestId);
        Contest contest = e.contests().get(c);
        List<Source> sources = replay.tabulation().sources();
        int source = sourceOf(view, sources);
        long key = ((long) u << 16) | c;
        UnitSeries s = size == replay.size()
                ? kept.computeIfAbsent(
                        key, k -> new UnitSeries(u, c, contest.choices().size()))
                : keptAsOf.computeIfAbsent(
                        new AsOfKey(key, size),
                        k -> new UnitSeries(u, c, contest.choices().size()));
        s.extend(events, size, cat);
        List<Timeline.Choice> choices = new ArrayList<>();
        for (var ch : contest.choices()) choices.add(new Timeline.Choice(ch.id(), ch.name()));
        List<Timeline.Arrival> arrivals = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            long[] a = s.arrival(i);
            arrivals.add(new Timeline.Arrival(
                    sources.get(i).id(),
                    a[0],
                    a[1] < 0 ? OptionalLong.empty() : OptionalLong.of(a[1]),
                    a[1] < 0 ? OptionalLong.empty() : timeOfSize.apply(a[1] + 1),
                    a[2] < 0 ? OptionalLong.empty() : OptionalLong.of(a[2]),
                    a[2] < 0 ? OptionalLong.empty() : timeOfSize.apply(a[2] + 1)));
        }
        var unit = cat.unit(u);
        return new Timeline(
                unit.id(),
                unit.name(),
                contest.id(),
                view.wire(),
                Denominator.of(e, cat, u),
                choices,
                sources.stream().map(Source::id).toList(),
                s.points(source, sources.size(), timeOfSize),
                arrivals,
                size);
    }

    private static int sourceOf(View view, List<Source> sources) {
        if (view instanceof View.Consensus) return UnitSeries.CONSENSUS;
        for (int i = 0; i < sources.size(); i++) {
            Source s = sources.get(i);
            if (view instanceof View.OfSource o && s.id().equals(o.sourceId())) return i;
            if (view instanceof View.Official && s.kind() == org.veritally.core.model.SourceKind.AUTHORITY) return i;
        }
        throw new IllegalArgumentException("no source for view " + view.wire());
    }
}
