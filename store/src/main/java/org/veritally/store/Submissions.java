package org.veritally.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The submission queue of several instances on one database: an instance that is not the
 * sequencer {@link #enqueue}s the writes it receives (sheets, announcements, key registrations, each
 * as its canonical entry, which names its kind) and polls for their {@link #results}; the sequencer
 * reads the {@link #pending} ones in id order and records each answer with
 * {@link Tx#finishSubmission} in the transaction that appends the entries, so an answer exists
 * exactly when its entry is durably in the log. Thread-safe (the store's connections).
 *
 * <p>The {@code payload} column's comment in {@code V2__submission.sql} still says "sheet entry":
 * migrations are never edited; any canonical entry goes there since announcements and keys are
 * queued too.
 */
public final class Submissions {
    /** One queued submission: its id, the canonical entry and the submitting account. */
    public record Pending(long id, byte[] payload, String account) {}

    private final Store store;

    public Submissions(Store store) {
        this.store = store;
    }

    /** Queues the payloads (one transaction); returns their ids in order. */
    public List<Long> enqueue(List<byte[]> payloads, List<String> accounts, long ms) {
        if (payloads.size() != accounts.size()) throw new IllegalArgumentException("one account per payload");
        return store.write(tx -> {
            List<Long> ids = new ArrayList<>(payloads.size());
            for (int i = 0; i < payloads.size(); i++)
                ids.add(tx.enqueueSubmission(payloads.get(i), accounts.get(i), ms));
            return ids;
        });
    }

    /** Up to {@code max} pending submissions, oldest first. */
    public List<Pending> pending(int max) {
        List<Pending> out = new ArrayList<>();
        store.query(
                "SELECT id, payload, account FROM submission WHERE state = 'pending' ORDER BY id LIMIT ?",
                List.of((long) max),
                rs -> out.add(new Pending(Store.getLong(rs, 1), Store.getBytes(rs, 2), Store.getString(rs, 3))));
        return out;
    }

    /**
     * Withdraws the queued submissions {@code ids}, all or none: true when every one was still pending
     * and is now {@code cancelled} (the sequencer will never integrate them, so a 503 "not recorded" is
     * true); false, changing nothing, when any was answered meanwhile. A sequencer that integrates one
     * of them concurrently finds it cancelled when it records the answer and rolls its batch back
     * ({@link Tx#flush}'s claim check).
     */
    public boolean cancel(List<Long> ids, long ms) {
        try {
            return store.write(tx -> {
                if (tx.cancelSubmissions(ids, ms) != ids.size()) throw new NotAllPending();
                return true;
            });
        } catch (NotAllPending e) {
            return false;
        }
    }

    private static final class NotAllPending extends RuntimeException {
        NotAllPending() {
            super("some of the submissions were answered meanwhile", null, false, false);
        }
    }

    /** The recorded answers among the ids {@code [from, to]} (those still pending are absent). */
    public Map<Long, String> results(long from, long to) {
        Map<Long, String> out = new HashMap<>();
        store.query(
                "SELECT id, result FROM submission WHERE id >= ? AND id <= ? AND state = 'done'",
                List.of(from, to),
                rs -> out.put(Store.getLong(rs, 1), Store.getString(rs, 2)));
        return out;
    }
}
