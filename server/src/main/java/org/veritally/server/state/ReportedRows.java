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
