package org.veritally.server.transcribe;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.veritally.core.transcribe.PhotoKey;
import org.veritally.core.transcribe.PhotoStatus;
import org.veritally.core.transcribe.PhotoWork;
import org.veritally.core.transcribe.TranscriptionBook;

/**
 * Which photo an account transcribes next (docs/transcription.md#the-work-queue): an open photo with the
 * most work already done first (one transcription before none, so agreements come soon), never a photo
 * the account worked on or filed, and never to more accounts at once than the photo still needs: the fewest
 * more pieces of work that could decide it, {@code min(m − counted, k − largest agreeing group)} (k and m the
 * election's; a group is counted transcriptions with the same figures, or flags with the same reason), so that
 * no volunteer is handed a photo that the others' work will have closed (TR-CLOSED). A lease expires after the
 * campaign's lease time
 * (the clock is injected), and the photo comes back. Photos sit in one bit set per amount of work, in
 * filing order, so finding the next is a scan from the front of a bit set, skipping the photos leased
 * out or worked by the account. The work counted is the {@link TranscriptionBook}'s (the rulebook's),
 * refreshed by {@link #refresh}, and checked again as a photo is handed out (an instance following the log of a
 * cluster learns of others' work only from the book). Thread-safe (synchronized).
 */
final class WorkQueue {
    private final Clock clock;
    private final java.time.Duration lease;
    private final int agree;
    private final int most;
    private final List<PhotoKey> keys = new ArrayList<>();
    private final List<String> contests = new ArrayList<>();
    private final List<String> uploaders = new ArrayList<>();
    private final Map<PhotoKey, Integer> ids = new HashMap<>();
    /** Photos never handed out as work (gold photos). */
    private final BitSet withheld = new BitSet();
    /** buckets[c]: open photos with c pieces of counted work. */
    private final BitSet[] buckets;

    private final Map<Integer, List<Lease>> leases = new HashMap<>();
    private final Map<String, Integer> held = new HashMap<>();
    private final TranscriptionBook book;

    private record Lease(String account, Instant until) {}

    WorkQueue(Clock clock, java.time.Duration lease, int agree, int most, TranscriptionBook book, int capacity) {
        if (agree < 1 || agree > most)
            throw new IllegalArgumentException("need 1 <= k <= m, got " + agree + ", " + most);
        this.clock = clock;
        this.lease = lease;
        this.agree = agree;
        this.most = most;
        this.book = book;
        this.buckets = new BitSet[most];
        for (int i = 0; i < most; i++) buckets[i] = new BitSet(capacity);
    }

    /** Adds a photo filed by {@code uploader} for {@code contestId}; a photo added before is ignored. */
    synchronized void add(PhotoKey key, String contestId, String uploader) {
        if (ids.containsKey(key)) return;
        int id = keys.size();
        keys.add(key);
        contests.add(contestId);
        uploaders.add(uploader);
        ids.put(key, id);
        place(id);
    }

    /** Never hands {@code key} out as work (a gold photo); a photo not added yet is ignored. */
    synchronized void withhold(PhotoKey key) {
        Integer id = ids.get(key);
        if (id == null) return;
        withheld.set(id);
        place(id);
    }

    /** Re-reads the work on {@code key} from the book (after an entry about it was accepted). */
    synchronized void refresh(PhotoKey key) {
        Integer id = ids.get(key);
        if (id != null) place(id);
    }

    /** Re-reads every photo (after a pause changed what counts). */
    synchronized void refreshAll() {
        for (int id = 0; id < keys.size(); id++) place(id);
    }

    private void place(int id) {
        for (BitSet b : buckets) b.clear(id);
        if (withheld.get(id)) return;
        Optional<PhotoWork> w = book.photo(keys.get(id));
        if (w.isPresent() && w.get().status() != PhotoStatus.OPEN) return;
        int c = w.map(this::counting).orElse(0);
        buckets[Math.min(c, most - 1)].set(id);
    }

    private int counting(PhotoWork w) {
        int c = 0;
        for (PhotoWork.Work x : w.work()) if (book.counts(x)) c++;
        return c;
    }

    /** The photo {@code account} holds a live lease on, if any. */
    synchronized Optional<Task> holding(String account) {
        Integer id = held.get(account);
        if (id == null) return Optional.empty();
        Instant now = clock.instant();
        for (Lease l : leases.getOrDefault(id, List.of()))
            if (l.account().equals(account) && l.until().isAfter(now) && open(id))
                return Optional.of(task(id, l.until()));
        held.remove(account);
        return Optional.empty();
    }

    private boolean open(int id) {
        for (BitSet b : buckets) if (b.get(id)) return true;
        return false;
    }

    /** Leases the next photo for {@code account}, if any is open for it. */
    synchronized Optional<Task> next(String account) {
        Optional<Task> same = holding(account);
        if (same.isPresent()) return same;
        Instant now = clock.instant();
        for (int c = most - 1; c >= 0; c--) {
            BitSet b = buckets[c];
            for (int id = b.nextSetBit(0); id >= 0; id = b.nextSetBit(id + 1)) {
                if (uploaders.get(id).equals(account)) continue;
                List<Lease> ls = leases.get(id);
                int live = 0;
                boolean mine = false;
                if (ls != null) {
                    ls.removeIf(l -> !l.until().isAfter(now));
                    for (Lease l : ls) {
                        live++;
                        mine |= l.account().equals(account);
                    }
                    if (ls.isEmpty()) leases.remove(id);
                }
                // the most it could need, from the bucket alone; the book's figures only when that leaves room
                int atMost = c == 0 ? Math.min(agree, most) : Math.min(agree - 1, most - c);
                if (mine || live >= atMost) continue;
                Optional<PhotoWork> w = book.photo(keys.get(id));
                if (w.isPresent() && (w.get().status() != PhotoStatus.OPEN || bucket(w.get()) != c)) {
                    place(id); // work recorded elsewhere (a cluster's other instances) since it was placed
                    continue;
                }
                if (w.isPresent() && (w.get().workedBy(account) || live >= needed(w.get()))) continue;
                Instant until = now.plus(lease);
                leases.computeIfAbsent(id, k -> new ArrayList<>(2)).add(new Lease(account, until));
                held.put(account, id);
                return Optional.of(task(id, until));
            }
        }
        return Optional.empty();
    }

    private int bucket(PhotoWork w) {
        return Math.min(counting(w), most - 1);
    }

    /**
     * How many more pieces of work could decide an open photo at the fewest: {@code min(m − counted, k − largest
     * agreeing group)}, at least 1. The machine read, where it votes, is left out: it may make one lease too many,
     * never one too few.
     */
    int needed(PhotoWork w) {
        List<PhotoWork.Work> counted = new ArrayList<>(w.work().size());
        for (PhotoWork.Work x : w.work()) if (book.counts(x)) counted.add(x);
        int largest = 0;
        for (PhotoWork.Work x : counted) {
            int same = 0;
            for (PhotoWork.Work y : counted) if (same(x, y)) same++;
            largest = Math.max(largest, same);
        }
        return Math.max(1, Math.min(most - counted.size(), agree - largest));
    }

    /** Whether two pieces of work agree as the rulebook counts agreement: the same figures, or the same flag. */
    private static boolean same(PhotoWork.Work x, PhotoWork.Work y) {
        if (x.sheet().isPresent() && y.sheet().isPresent())
            return x.sheet().get().sameCountsAs(y.sheet().get());
        return x.flag().isPresent() && x.flag().equals(y.flag());
    }

    /** Ends {@code account}'s lease on {@code key} (its work was submitted, or it gave the task back). */
    synchronized void release(String account, PhotoKey key) {
        Integer id = ids.get(key);
        if (id == null) return;
        List<Lease> ls = leases.get(id);
        if (ls != null) {
            ls.removeIf(l -> l.account().equals(account));
            if (ls.isEmpty()) leases.remove(id);
        }
        held.remove(account, id);
    }

    private Task task(int id, Instant until) {
        return new Task(keys.get(id), contests.get(id), until);
    }

    /** Photos open with 0, 1, … m − 1 pieces of counted work. */
    synchronized int[] openByWork() {
        int[] out = new int[most];
        for (int c = 0; c < most; c++) out[c] = buckets[c].cardinality();
        return out;
    }

    synchronized int size() {
        return keys.size();
    }
}
