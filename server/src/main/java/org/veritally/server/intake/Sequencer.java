package org.veritally.server.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.veritally.core.entry.SheetEntry;
import org.veritally.core.model.Catalogue;
import org.veritally.core.model.Election;
import org.veritally.core.model.TallySheet;
import org.veritally.core.reconcile.CopyKey;
import org.veritally.core.rulebook.Decision;
import org.veritally.core.tabulate.Tabulation;
import org.veritally.core.validation.Problem;
import org.veritally.core.validation.Rule;
import org.veritally.formats.csv.SheetRow;
import org.veritally.server.state.ElectionState;
import org.veritally.store.Store;

/**
 * The single writer for tally sheets. For a batch it checks the input rule TS-DUP-ROW, asks the
 * {@link org.veritally.core.rulebook.Rulebook} about every record (all problems, not the first;
 * a repeat of the current copy is answered idempotently), appends the accepted entries to the log and updates the
 * projections in one
 * transaction, and only then makes the new totals visible. A batch is atomic: a kill at any point
 * leaves all of it or none of it.
 *
 * <p>Thread-safety: methods are synchronized; the HTTP intake funnels writes through one instance.
 */
public final class Sequencer {
    private final Store store;
    private final ElectionState state;
    private final LogAppender appender;

    public Sequencer(Store store, ElectionState state, LogAppender appender) {
        this.store = store;
        this.state = state;
        this.appender = appender;
    }

    public ElectionState state() {
        return state;
    }

    private record Pending(long index, long copyKey, TallySheet sheet) {}

    /**
     * Submits a batch of parsed rows as {@code account}. With {@code atomic}, any rejection means
     * nothing is written; otherwise the valid rows are written and the others reported.
     */
    public Outcome submit(List<SheetRow> rows, String account, DuplicateRows dup, boolean atomic) {
        return submit(rows, java.util.Collections.nCopies(rows.size(), account), dup, atomic);
    }

    /**
     * Bulk mode: as {@link #submit(List, String, DuplicateRows, boolean)}, but the batch's writes go to
     * {@code writer}, which commits them in order on its own thread. The returned outcome describes
     * what will be committed; call {@link BulkWriter#drain} before relying on it.
     */
    public Outcome submitBulk(List<SheetRow> rows, String account, DuplicateRows dup, BulkWriter writer) {
        return submit(
                rows, java.util.Collections.nCopies(rows.size(), account), dup, false, java.util.Optional.of(writer));
    }

    /** As {@link #submit(List, String, DuplicateRows, boolean)}, with the account of each row. */
    public Outcome submit(List<SheetRow> rows, List<String> accounts, DuplicateRows dup, boolean atomic) {
        return submit(rows, accounts, dup, atomic, java.util.Optional.empty(), java.util.Optional.empty());
    }

    /**
     * As {@link #submit(List, List, DuplicateRows, boolean)} (not atomic), and commits the writes
     * {@code alongside} derives from the outcome in the same transaction as the batch's entries (in a
     * transaction of their own when nothing is appended): the sequencer's answers to queued
     * submissions then exist exactly when their entries are durably in the log.
     */
    public Outcome submit(
            List<SheetRow> rows,
            List<String> accounts,
            java.util.function.Function<Outcome, java.util.function.Consumer<org.veritally.store.Tx>> alongside) {
        return submit(
                rows,
                accounts,
                DuplicateRows.none(),
                false,
                java.util.Optional.empty(),
                java.util.Optional.of(alongside));
    }

    private Outcome submit(
            List<SheetRow> rows,
            List<String> accounts,
            DuplicateRows dup,
            boolean atomic,
            java.util.Optional<BulkWriter> bulk) {
        return submit(rows, accounts, dup, atomic, bulk, java.util.Optional.empty());
    }

    private synchronized Outcome submit(
            List<SheetRow> rows,
            List<String> accounts,
            DuplicateRows dup,
            boolean atomic,
            java.util.Optional<BulkWriter> bulk,
            java.util.Optional<
                            java.util.function.Function<Outcome, java.util.function.Consumer<org.veritally.store.Tx>>>
                    alongside) {
        Election e = state.requireElection();
        Catalogue cat = state.catalogue();
        Tabulation tab = state.tabulation();
        List<Problem> rejected = new ArrayList<>();
        List<Accepted> accepted = new ArrayList<>();
        StateLedger ledger = new StateLedger(state, this::sheetAt);
        var rules = state.rulebook();
        List<LogAppender.NewEntry> entries = new ArrayList<>();
        List<Pending> newSheets = new ArrayList<>();
        List<Optional<TallySheet>> replaced = new ArrayList<>();
        List<List<Problem>> newFlags = new ArrayList<>();
        long next = state.logSize();
        // bulk batches are large: their canonical bodies and leaf hashes are computed in parallel up front
        EncodedRows encoded = bulk.isPresent() ? EncodedRows.of(rows, state.codec()) : null;
        List<byte[]> leafHashes = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            SheetRow row = rows.get(r);
            String account = accounts.get(r);
            if (!row.problems().isEmpty() || row.sheet().isEmpty()) {
                rejected.addAll(row.problems());
                continue;
            }
            TallySheet s = row.sheet().get();
            int station = cat.stationIndex(s.stationId());
            int contest = e.contestIndex(s.contestId());
            int source = tab.sourceIndex(s.sourceId());
            if (station >= 0 && contest >= 0 && source >= 0) {
                // an input rule, checked before the log's: one row per station × contest × source per input
                Optional<String> first = dup.firstSeen(CopyKey.of(station, contest, source), row.location());
                if (first.isPresent()) {
                    rejected.add(new Problem(
                            Rule.TS_DUP_ROW,
                            row.location(),
                            "second row for " + s.stationId() + "/" + s.contestId() + "/" + s.sourceId()
                                    + "; the first is at " + first.get()));
                    continue;
                }
            }
            SheetEntry entry = new SheetEntry(s, row.signature());
            Decision d = rules.decide(ledger, next, entry, row.location());
            if (d instanceof Decision.Refuse refused) {
                rejected.addAll(refused.problems());
                continue;
            }
            if (d instanceof Decision.Repeat repeat) {
                accepted.add(new Accepted(row.location(), repeat.index(), new byte[0], true, List.of()));
                continue;
            }
            Decision.Accept ok = (Decision.Accept) d;
            byte[] body = encoded != null ? encoded.body(r) : state.codec().encode(entry);
            var tooLarge = org.veritally.core.rulebook.EntrySize.check(body, row.location());
            if (tooLarge.isPresent()) {
                rejected.add(tooLarge.get());
                continue;
            }
            long idx = next++;
            Pending p = new Pending(idx, ok.copyKey(), s);
            replaced.add(ok.superseded() < 0 ? Optional.empty() : Optional.of(ledger.currentSheet(ok.copyKey())));
            ledger.stage(ok.copyKey(), idx, s);
            newSheets.add(p);
            newFlags.add(ok.flags());
            entries.add(new LogAppender.NewEntry("sheet", body, account));
            if (encoded != null) leafHashes.add(encoded.leafHash(r));
        }
        if ((atomic && !rejected.isEmpty()) || entries.isEmpty()) {
            List<Accepted> acc = atomic && !rejected.isEmpty() ? List.of() : accepted;
            Outcome none = new Outcome(acc, rejected, state.logSize(), false);
            alongside.ifPresent(a -> store.write(tx -> {
                a.apply(none).accept(tx);
                return null;
            }));
            return none;
        }
        var copies = new CopyStage(state, this::sheetAt);
        for (int i = 0; i < newSheets.size(); i++) {
            Pending p = newSheets.get(i);
            copies.add(p.copyKey(), p.index(), p.sheet(), replaced.get(i));
        }
        var prepared =
                encoded != null ? appender.prepare(state, entries, leafHashes) : appender.prepare(state, entries);
        var copyWrites = copies.writes();
        java.util.function.Consumer<org.veritally.store.Tx> writes = tx -> {
            appender.write(tx, prepared);
            for (int i = 0; i < newSheets.size(); i++)
                for (Problem f : newFlags.get(i))
                    tx.putFlag(newSheets.get(i).index(), f.rule().id(), f.message());
            copyWrites.accept(tx);
        };
        var appended = prepared.appended();
        List<String> receipts =
                bulk.isPresent() ? List.of() : prepared.receipts(new org.veritally.store.StoreHashReader(store));
        int j = 0;
        for (SheetRow row : rows) {
            if (row.sheet().isEmpty()) continue;
            // match accepted new sheets in order
            if (j < newSheets.size() && row.sheet().get() == newSheets.get(j).sheet()) {
                Pending p = newSheets.get(j);
                accepted.add(new Accepted(
                        row.location(),
                        p.index(),
                        appended.leafHashes().get(j),
                        false,
                        newFlags.get(j),
                        receipts.isEmpty() ? Optional.empty() : Optional.of(receipts.get(j))));
                j++;
            }
        }
        Outcome out = new Outcome(accepted, rejected, appended.tree().size(), true);
        if (bulk.isPresent()) {
            for (Pending p : newSheets) unwritten.put(p.index(), p.sheet());
            long last = newSheets.get(newSheets.size() - 1).index();
            bulk.get().enqueue(writes, () -> unwritten.keySet().removeIf(i -> i <= last));
        } else {
            store.write(tx -> {
                writes.accept(tx);
                alongside.ifPresent(a -> a.apply(out).accept(tx));
                return null;
            });
        }
        // after the totals are visible, so a client told of the checkpoint reads the new figures
        appender.committed(state, appended, copies.publish());
        return out;
    }

    /** Sheets of bulk batches queued but not yet committed, by log index (see {@link BulkWriter}). */
    private final java.util.concurrent.ConcurrentHashMap<Long, TallySheet> unwritten =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** A sheet already in the log, by index (for consensus changes that involve another source's copy). */
    TallySheet sheetAt(long index) {
        TallySheet pending = unwritten.get(index);
        if (pending != null) return pending;
        var rows = store.readLog(index, 1);
        List<Problem> problems = new ArrayList<>();
        var entry = rows.isEmpty()
                ? Optional.<org.veritally.core.entry.Entry>empty()
                : state.codec().decode(rows.get(0).body(), "log entry " + index, problems);
        // an agreed copy stands at the index of the transcription that completed it, with its figures
        return entry.flatMap(org.veritally.core.transcribe.Figures::of)
                .orElseThrow(() -> new IllegalStateException("log entry " + index + " holds no copy: " + problems));
    }
}
