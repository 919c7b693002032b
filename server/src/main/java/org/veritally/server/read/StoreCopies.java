package org.veritally.server.read;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.veritally.core.reconcile.StationStatus;
import org.veritally.store.ProjectionQueries;
import org.veritally.store.SheetQueries;
import org.veritally.store.SheetQueries.SheetFigures;
import org.veritally.store.Store;
import org.veritally.store.StoredSheet;

/**
 * The live copies: the projections {@code sheet_current} and {@code station_status}, which hold what the log
 * holds now. Thread-safe: each call reads with the calling thread's connection.
 */
public final class StoreCopies implements CopiesInHand {
    private final Store store;
    private final SheetQueries sheets;

    public StoreCopies(Store store) {
        this.store = store;
        this.sheets = new SheetQueries(store);
    }

    @Override
    public void ofSource(String contest, String source, Consumer<SheetFigures> out) {
        sheets.ofSource(contest, source, out);
    }

    @Override
    public Optional<SheetFigures> ofSource(String contest, String source, String station) {
        return sheets.ofSource(contest, source, station);
    }

    @Override
    public void consensus(String contest, Consumer<SheetFigures> out) {
        sheets.consensus(contest, out);
    }

    @Override
    public Optional<SheetFigures> consensus(String contest, String station) {
        return sheets.consensus(contest, station);
    }

    @Override
    public List<StoredSheet> ofStation(String station) {
        return store.sheetsOfStation(station);
    }

    @Override
    public void disputed(Consumer<String[]> out) {
        new ProjectionQueries(store)
                .statusesOf(StationStatus.DISPUTED.wire(), r -> out.accept(new String[] {r.station(), r.contest()}));
    }
}
