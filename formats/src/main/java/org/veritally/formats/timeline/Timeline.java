package org.veritally.formats.timeline;

import java.util.List;
import java.util.OptionalLong;
import org.veritally.core.model.Denominator;

/**
 * The reporting timeline of one unit × contest × view (docs/timeline.md): the view's stations
 * reporting and each choice's votes and share at sampled log sizes, with the wall-clock time of the
 * first signed checkpoint that covers each size, and the arrival of every source's sheets below the
 * unit. The points are in increasing log size; the first is at size 0 (nothing in), the last at
 * {@code logSize} (what the results show now). Stations reporting never decrease (a correction
 * replaces a copy; it does not withdraw the station). Immutable.
 *
 * @param view the view's wire name ({@code official} or {@code source:<id>})
 * @param denominator what "stations reporting" is out of: the declared universe if the election
 *     declares one for the unit, else the catalogue
 * @param choices the contest's choices in ballot order: the order of every point's {@code votes}
 * @param sources every declared source's id, in declaration order: the order of {@code sheetsBySource}
 * @param logSize the log size the timeline was computed at
 */
public record Timeline(
        String unit,
        String unitName,
        String contest,
        String view,
        Denominator denominator,
        List<Choice> choices,
        List<String> sources,
        List<Point> points,
        List<Arrival> arrivals,
        long logSize) {

    public Timeline {
        choices = List.copyOf(choices);
        sources = List.copyOf(sources);
        points = List.copyOf(points);
        arrivals = List.copyOf(arrivals);
    }

    /** A choice of the contest, in ballot order. */
    public record Choice(String id, String name) {}

    /**
     * The view's totals once the log held {@code logSize} entries.
     *
     * @param timeMs when the first signed checkpoint covering this size was written (Unix ms); empty
     *     when no checkpoint covers it yet
     * @param votes per choice, in ballot order
     * @param shares each choice's share of the valid votes, in [0, 1] (0 while no valid vote is in): always
     *     {@code votes / validVotes}, so build points with {@link #of}
     * @param sheetsBySource how many sheets (first copies and corrections) of each source below the
     *     unit for the contest the log held, in declaration order of the sources
     */
    public record Point(
            long logSize,
            OptionalLong timeMs,
            long stationsReporting,
            long registeredVoters,
            long ballotsCast,
            long validVotes,
            List<Long> votes,
            List<Double> shares,
            List<Long> sheetsBySource) {
        public Point {
            votes = List.copyOf(votes);
            shares = List.copyOf(shares);
            sheetsBySource = List.copyOf(sheetsBySource);
            if (!shares.equals(sharesOf(votes, validVotes)))
                throw new IllegalArgumentException("shares are not votes / valid votes");
        }

        /** A point whose shares are computed from its votes. */
        public static Point of(
                long logSize,
                OptionalLong timeMs,
                long stationsReporting,
                long registeredVoters,
                long ballotsCast,
                long validVotes,
                List<Long> votes,
                List<Long> sheetsBySource) {
            return new Point(
                    logSize,
                    timeMs,
                    stationsReporting,
                    registeredVoters,
                    ballotsCast,
                    validVotes,
                    votes,
                    sharesOf(votes, validVotes),
                    sheetsBySource);
        }

        private static List<Double> sharesOf(List<Long> votes, long valid) {
            Double[] out = new Double[votes.size()];
            for (int i = 0; i < out.length; i++) out[i] = valid == 0 ? 0.0 : (double) votes.get(i) / valid;
            return List.of(out);
        }

        /** Choice {@code i}'s share of the valid votes. */
        public double share(int i) {
            return shares.get(i);
        }
    }

    /**
     * When one source's sheets for the contest below the unit arrived: how many, and the log index
     * and checkpoint time of the first and the last. Empty indices when none arrived.
     */
    public record Arrival(
            String source,
            long sheets,
            OptionalLong firstIndex,
            OptionalLong firstTimeMs,
            OptionalLong lastIndex,
            OptionalLong lastTimeMs) {}
}
