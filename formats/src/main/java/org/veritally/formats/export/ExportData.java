package org.veritally.formats.export;

import java.util.function.Consumer;
import org.veritally.core.tabulate.View;

/**
 * The port the exporters read from: one consistent snapshot of a data directory, its rows streamed
 * in a stable order. Implemented over the SQLite projections by {@code
 * org.veritally.server.export.StoreExportData} and, in tests, over in-memory sheets. Every ordering
 * is by identifier in byte order (ids are ASCII), so two exports of the same log are identical
 * apart from their generation time.
 *
 * <p>Views passed here are {@link View.OfSource} or {@link View.Consensus}; resolve {@code
 * official} first ({@link ExportViews#resolve}).
 */
public interface ExportData {
    ElectionSnapshot snapshot();

    /** Every current sheet of every source, ordered by station, contest, source. */
    void sheets(Consumer<StationSheet> out);

    /** The sheets a view counts (a source's current sheets, or the consensus copies), ordered by station, contest. */
    void viewSheets(View view, Consumer<StationSheet> out);

    /** Every station × contest of the catalogue with its consensus status, ordered by station, contest. */
    void consensus(Consumer<ConsensusRow> out);

    /** The view's published unit totals, ordered by unit, contest. */
    void unitTotals(View view, Consumer<UnitTotal> out);

    /** Every station of the catalogue, ordered by unit, then station. */
    void stationsByUnit(Consumer<org.veritally.core.model.Station> out);
}
