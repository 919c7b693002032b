package org.veritally.server.asof;

import java.util.List;
import java.util.Optional;

/**
 * What changed in the log between sizes {@code from} and {@code to} ({@code from < to}): the copies
 * appended in between (sheets, and copies agreed by transcription), as copies added and copies
 * corrected (with the source's reason and the entry
 * they supersede); the station × contests that became disputed, or stopped being so; and, in one
 * view, how each contest's totals moved at the root and in the units below it that moved most. Each
 * list holds at most the limit asked for; the counts say how many there were. Immutable.
 *
 * @param view the view whose totals {@code moved} compares
 */
public record CheckpointDiff(
        long from,
        long to,
        String view,
        long addedCount,
        List<SheetChange> added,
        long correctedCount,
        List<SheetChange> corrected,
        long disputedCount,
        List<StatusChange> newlyDisputed,
        long settledCount,
        List<StatusChange> settled,
        List<TotalsMove> moved) {

    public CheckpointDiff {
        added = List.copyOf(added);
        corrected = List.copyOf(corrected);
        newlyDisputed = List.copyOf(newlyDisputed);
        settled = List.copyOf(settled);
        moved = List.copyOf(moved);
    }

    /**
     * One copy of the range: a source's copy of a station × contest, from a {@code sheet} entry, or from the
     * {@code transcription} entry that completed an agreement on a photo of the source's (or settled it): the
     * copy the source then has (docs/transcription.md). {@code entry} names which.
     */
    public record SheetChange(
            long index,
            String station,
            String contest,
            String source,
            String entry,
            Optional<Long> supersedes,
            Optional<String> reason) {}

    /** A station × contest whose reconciliation status changed (MISSING, SINGLE, AGREED, DISPUTED). */
    public record StatusChange(String station, String contest, String before, String after) {}

    /** How a unit's totals in one contest moved. */
    public record TotalsMove(
            String unit,
            String unitName,
            String contest,
            long stationsBefore,
            long stationsAfter,
            long validBefore,
            long validAfter,
            List<ChoiceMove> choices) {

        public TotalsMove {
            choices = List.copyOf(choices);
        }

        /** The sum of the absolute moves of the choices: how the units are ranked. */
        public long magnitude() {
            long m = 0;
            for (ChoiceMove c : choices) m += Math.abs(c.delta());
            return m + Math.abs(stationsAfter - stationsBefore);
        }
    }

    /** One choice's votes before and after. */
    public record ChoiceMove(String choice, String name, long before, long after, long delta) {}
}
