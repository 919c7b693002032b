package org.veritally.server.export;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.veritally.core.entry.ElectionEntry;
import org.veritally.core.model.Election;
import org.veritally.core.model.Source;
import org.veritally.core.model.Station;
import org.veritally.core.model.Unit;
import org.veritally.core.reconcile.StationStatus;
import org.veritally.core.tabulate.View;
import org.veritally.formats.entry.EntryCodec;
import org.veritally.formats.export.ConsensusRow;
import org.veritally.formats.export.ElectionSnapshot;
import org.veritally.formats.export.ExportData;
import org.veritally.formats.export.StationSheet;
import org.veritally.formats.export.UnitTotal;
import org.veritally.store.ExportQueries;
import org.veritally.store.ExportQueries.ExportSheet;
import org.veritally.store.LogQueries;
import org.veritally.store.ProjectionQueries;
import org.veritally.store.Store;

/**
 * {@link ExportData} over the store of a data directory, SQLite or PostgreSQL: every query runs in
 * one read snapshot ({@link #read}: a deferred transaction in WAL mode, or {@code REPEATABLE READ}),
 * so an export is one moment of the count while the server goes on writing. Rows are streamed from
 * cursors in primary-key order (on PostgreSQL fetched in pages), never collected, so memory does not
 * grow with the number of sheets. Not thread-safe: it lives on the thread of its snapshot.
 */
public final class StoreExportData implements ExportData {
    private final Store store;
    private final ProjectionQueries projections;
    private final ExportQueries sheets;
    private final ElectionSnapshot snapshot;

    private StoreExportData(Store store) {
        this.store = store;
        this.projections = new ProjectionQueries(store);
        this.sheets = new ExportQueries(store);
        this.snapshot = readSnapshot();
    }

    /**
     * Runs {@code export} over the store's data, in one read snapshot, and returns what it returns.
     *
     * @throws IllegalArgumentException when the store holds no election
     */
    public static <T> T read(Store store, Function<StoreExportData, T> export) {
        return store.readSnapshot(() -> export.apply(new StoreExportData(store)));
    }

    @Override
    public ElectionSnapshot snapshot() {
        return snapshot;
    }

    private ElectionSnapshot readSnapshot() {
        Optional<String> body = projections.electionBody();
        if (body.isEmpty())
            throw new org.veritally.server.read.UsageProblem(
                    org.veritally.core.validation.ReadRule.RD_ELECTION,
                    "no election is defined in this data directory; nothing to export");
        List<org.veritally.core.validation.Problem> ps = new ArrayList<>();
        var entry =
                new EntryCodec(Optional.empty()).decode(body.get().getBytes(StandardCharsets.UTF_8), "election", ps);
        if (entry.isEmpty()) throw new IllegalStateException("stored election does not decode: " + ps);
        Election e = ((ElectionEntry) entry.get()).election();
        List<Unit> units = new ArrayList<>();
        projections.units(units::add);
        List<Source> sources = new ArrayList<>();
        projections.sources(sources::add);
        long size = store.logSize();
        var first = new LogQueries(store).firstReceivedMs("sheet");
        Optional<String> day = first.isPresent()
                ? Optional.of(Instant.ofEpochMilli(first.getAsLong())
                        .atZone(ZoneOffset.UTC)
                        .toLocalDate()
                        .toString())
                : Optional.empty();
        return new ElectionSnapshot(e, units, sources, size, day);
    }

    @Override
    public void sheets(Consumer<StationSheet> out) {
        sheets.sheets(r -> out.accept(sheet(r, status(r.status()), r.countedInConsensus())));
    }

    @Override
    public void viewSheets(View view, Consumer<StationSheet> out) {
        if (view instanceof View.OfSource s) {
            sheets.sheetsOf(s.sourceId(), r -> out.accept(sheet(r, status(r.status()), r.countedInConsensus())));
        } else if (view instanceof View.Consensus) {
            sheets.consensusSheets(r -> out.accept(sheet(r, status(r.status()), true)));
        } else {
            throw new IllegalArgumentException("resolve the view first: " + view.wire());
        }
    }

    @Override
    public void consensus(Consumer<ConsensusRow> out) {
        var contests = snapshot.election().contests();
        // contests in id order by position, not by the engine's collation (PostgreSQL's may not be byte-wise for a
        // VALUES list)
        List<String> ids = contests.stream().map(ct -> ct.id()).sorted().toList();
        sheets.consensus(ids, r -> {
            StationStatus status = status(r.status());
            if (!r.hasCopy()) {
                out.accept(new ConsensusRow(r.station(), r.contest(), status, Optional.empty()));
            } else {
                StationSheet s = sheet(r, status, true);
                out.accept(new ConsensusRow(s.station(), s.contestId(), status, Optional.of(s)));
            }
        });
    }

    @Override
    public void unitTotals(View view, Consumer<UnitTotal> out) {
        String source;
        if (view instanceof View.OfSource s) source = s.sourceId();
        else if (view instanceof View.Consensus) source = "consensus";
        else throw new IllegalArgumentException("resolve the view first: " + view.wire());
        projections.unitTotalsOf(
                source,
                t -> out.accept(new UnitTotal(
                        t.unit(),
                        t.contest(),
                        t.stations(),
                        t.ballots(),
                        t.valid(),
                        t.nulls(),
                        t.blank(),
                        Votes.parse(t.votes()))));
    }

    @Override
    public void stationsByUnit(Consumer<Station> out) {
        projections.stationsByUnit(out);
    }

    /** A row of {@link ExportQueries} that has a copy, as a {@link StationSheet}. */
    private static StationSheet sheet(ExportSheet r, StationStatus status, boolean counted) {
        return new StationSheet(
                r.station(),
                r.contest(),
                r.source(),
                r.entryIdx(),
                r.counts(),
                Votes.parse(r.votes()),
                status,
                counted);
    }

    private static StationStatus status(String s) {
        return s == null ? StationStatus.MISSING : StationStatus.valueOf(s.toUpperCase(Locale.ROOT));
    }
}
