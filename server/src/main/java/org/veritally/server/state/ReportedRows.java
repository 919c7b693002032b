package org.veritally.server.state;

import org.veritally.core.rulebook.ReportedAtSeed;
import org.veritally.store.ProjectionQueries.AuditReportedRow;
import org.veritally.store.Tx;

/**
 * The {@code audit_reported} projection (migration V8, docs/audit.md "Reported results fixed at the seed"): an
 * audit's {@link ReportedAtSeed} as one row, its votes as decimal numbers separated by commas, station after
 * station. Written with the {@code audit-seed} entry (by the sequencer, and again by {@code rebuild}); read by
 * start-up and by an as-of state restored from a snapshot, which hold no sheets as they stood at the seed.
 * Stateless.
 */
public final class ReportedRows {
    private ReportedRows() {}

    /** Writes {@code r}, the results audit {@code audit} audits, in {@code tx}. */
    public static void put(Tx tx, String audit, ReportedAtSeed r) {
        StringBuilder b = new StringBuilder(r.stations() * r.choices() * 4);
        for (int i = 0; i < r.stations(); i++) {
            for (int c = 0; c < r.choices(); c++) {
                if (b.length() > 0) b.append(',');
                b.append(r.vote(i, c));
            }
        }
        tx.putAuditReported(audit, r.index(), r.stations(), r.choices(), b.toString());
    }

    /**
     * The results of audit {@code d}'s view as the {@code sheet_current} projection holds them now, for every station
     * of {@code state}'s catalogue: what start-up falls back to for a seed with no {@code audit_reported} row (a data
     * directory written before schema V8), so that it opens, as before V8, until {@code rebuild} fixes them at the
     * seed (and {@code rebuild --check} reports the row it lacks).
     */
    public static ReportedAtSeed current(
            org.veritally.store.Store store,
            ElectionState state,
            org.veritally.core.audit.AuditDefinition d,
            long index) {
        var el = state.requireElection();
        int choices = el.contest(d.contest()).orElseThrow().choices().size();
        var cat = state.catalogue();
        long[] votes = new long[Math.multiplyExact(cat.stationCount(), choices)];
        String source = d.view().equals("official")
                ? state.tabulation().authority().map(s -> s.id()).orElse("")
                : d.view();
        new org.veritally.store.SheetQueries(store).ofSource(d.contest(), source, f -> {
            int i = cat.stationIndex(f.station());
            String[] v = f.votes().split(",");
            for (int c = 0; c < Math.min(v.length, choices); c++) votes[i * choices + c] = Long.parseLong(v[c].strip());
        });
        return new ReportedAtSeed(index, cat.stationCount(), choices, votes);
    }

    /**
     * The results a row holds.
     *
     * @throws IllegalStateException if the row is not what {@link #put} wrote
     */
    public static ReportedAtSeed of(AuditReportedRow row) {
        try {
            int stations = Math.toIntExact(row.stations());
            int choices = Math.toIntExact(row.choices());
            long[] votes = new long[Math.multiplyExact(stations, choices)];
            String t = row.votes();
            int at = 0;
            int n = 0;
            while (n < votes.length && at < t.length()) {
                int end = t.indexOf(',', at);
                if (end < 0) end = t.length();
                votes[n++] = Long.parseLong(t, at, end, 10);
                at = end + 1;
            }
            if (n != votes.length || at < t.length())
                throw new IllegalArgumentException(n + " votes stored for " + votes.length);
            return new ReportedAtSeed(row.seedIdx(), stations, choices, votes);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new IllegalStateException(
                    "audit_reported row of audit '" + row.audit() + "' is not what the seed wrote: " + e.getMessage(),
                    e);
        }
    }
}
