package org.veritally.server.read;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.veritally.store.SheetQueries.SheetFigures;
import org.veritally.store.StoredSheet;

/**
 * Where the readers of results views (discrepancies, announcements, statistics) find the current copies of
 * the sheets: the live projections ({@link StoreCopies}), or the log entries the current-sheet index of a
 * replayed state names ({@link LogCopies}, the election as of an earlier log size, issue 18). Both answer the
 * same questions in the same order, so a reader gives the same answer over either for the same state.
 * Implementations are thread-safe.
 */
public interface CopiesInHand {
    /** Every current copy of {@code source} for {@code contest}, in no particular order. */
    void ofSource(String contest, String source, Consumer<SheetFigures> out);

    /** The copy of {@code source} for {@code contest} at {@code station}, if there is one. */
    Optional<SheetFigures> ofSource(String contest, String source, String station);

    /** Every copy counted in the consensus view of {@code contest}, in no particular order. */
    void consensus(String contest, Consumer<SheetFigures> out);

    /** The copy counted in the consensus view of {@code contest} at {@code station}, if one is. */
    Optional<SheetFigures> consensus(String contest, String station);

    /** Every current copy of {@code station}, ordered by contest id, then source id. */
    List<StoredSheet> ofStation(String station);

    /** Every disputed station × contest as {@code {station, contest}}, ordered by station id, then contest id. */
    void disputed(Consumer<String[]> out);
}
