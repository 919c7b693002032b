package org.veritally.server.asof;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.veritally.core.model.Correction;
import org.veritally.core.model.TallySheet;
import org.veritally.formats.generate.SyntheticElection;
import org.veritally.server.Fixtures;
import org.veritally.server.Instance;

/** A log grown in several commits (each one signs a checkpoint), with a correction and disputed stations. */
public final class AsOfFixture {
    private AsOfFixture() {}

    public static Instance grown(Path dir, int stations, long seed) {
        var g = new SyntheticElection(stations, 2, 4, 3, seed);
        var d = g.definition();
        Instance in = Fixtures.defined(dir, d);
        List<TallySheet> sheets = Fixtures.sheets(g, d);
        int third = sheets.size() / 3;
        Fixtures.submit(in, sheets.subList(0, third));
        Fixtures.submit(in, sheets.subList(third, 2 * third));
        correct(in, sheets.get(1), "transcription error in the first row");
        Fixtures.submit(in, sheets.subList(2 * third, sheets.size()));
        correct(in, sheets.get(third + 2), "recount ordered by the district board");
        return in;
    }

    /**
     * The log of {@link #grown} with an announcement of the first contest after the first third of the sheets
     * ({@code early}) and one at the end ({@code late}), each claiming the consensus totals in hand then.
     */
    public static Instance announced(Path dir, int stations, long seed) {
        var g = new SyntheticElection(stations, 2, 4, 3, seed);
        var d = g.definition();
        Instance in = Fixtures.defined(dir, d);
        List<TallySheet> sheets = Fixtures.sheets(g, d);
        int third = sheets.size() / 3;
        Fixtures.submit(in, sheets.subList(0, third));
        announce(in, "early");
        Fixtures.submit(in, sheets.subList(third, 2 * third));
        correct(in, sheets.get(1), "transcription error in the first row");
        Fixtures.submit(in, sheets.subList(2 * third, sheets.size()));
        correct(in, sheets.get(third + 2), "recount ordered by the district board");
        announce(in, "late");
        return in;
    }

    /** Records an announcement {@code id} of the first contest with the consensus totals in hand now. */
    static void announce(Instance in, String id) {
        var e = in.state().requireElection();
        var c = e.contests().get(0);
        var r = in.results().result(Optional.empty(), Optional.of(c.id()), "consensus");
        java.util.Map<String, Long> votes = new java.util.TreeMap<>();
        r.candidates().forEach(k -> votes.put(k.id(), k.votes()));
        var none = java.util.OptionalLong.empty();
        var a = new org.veritally.core.model.Announcement(
                id,
                "Bulletin " + id,
                "2026-12-07T20:00:00Z",
                c.id(),
                java.util.OptionalLong.of(5000),
                none,
                none,
                none,
                none,
                none,
                java.util.OptionalLong.of(r.validVotes()),
                none,
                votes,
                none);
        var o = in.announcements().record(a, "test", id);
        if (!o.problems().isEmpty()) throw new AssertionError(o.problems());
    }

    /** Supersedes the current copy of {@code s} with one that moves a vote from the first choice to the second. */
    static void correct(Instance in, TallySheet s, String reason) {
        long idx = in.store()
                .currentSheet(s.stationId(), s.contestId(), s.sourceId())
                .orElseThrow()
                .entryIdx();
        long[] v = s.votes().clone();
        v[0]--;
        v[1]++;
        var o = Fixtures.submit(
                in,
                new TallySheet(
                        s.stationId(),
                        s.contestId(),
                        s.sourceId(),
                        s.counts(),
                        v,
                        Optional.of(new Correction(idx, reason))));
        if (!o.rejected().isEmpty()) throw new AssertionError(o.rejected());
    }
}
