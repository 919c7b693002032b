package org.veritally.core.transcribe;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.veritally.core.entry.TranscriberPauseEntry;
import org.veritally.core.entry.TranscriptionEntry;
import org.veritally.core.entry.TranscriptionFlagEntry;
import org.veritally.core.entry.TranscriptionReportEntry;
import org.veritally.core.entry.TranscriptionWork;

/**
 * Every photo's transcription work and every paused account, as the log so far holds them: the state the
 * {@link org.veritally.core.rulebook.Rulebook} reads (through {@link org.veritally.core.rulebook.LedgerView})
 * and every replayer (sequencer, rebuild, follower, {@code verify}) applies accepted entries to. It decides
 * nothing: the status an entry leads to is the rulebook's ({@link PhotoOutcome}). Reads are safe from any
 * thread (concurrent maps of immutable values); one writer applies.
 *
 * <p>A book {@link #over} another is a batch's: the sequencer decides a batch of entries in order before
 * it commits them in one transaction, each as if those before it were in the log; it applies them to such a
 * book, which reads through to the state's and changes only itself, and applies them to the state's own
 * book once the transaction committed (so readers never see work that is not durably in the log).
 */
public final class TranscriptionBook {
    private final Map<PhotoKey, PhotoWork> photos = new ConcurrentHashMap<>();
    /** Paused accounts by the index of their pause; in a book over another, {@value #LIFTED} marks a lift. */
    private final Map<String, Long> paused = new ConcurrentHashMap<>();
    /** Each account's latest pause, kept after a lift: its work before it never counts again. */
    private final Map<String, Long> lastPause = new ConcurrentHashMap<>();
    /** Each photo's reports since it was last returned to the queue, in log order (empty: returned here). */
    private final Map<PhotoKey, List<PhotoReport>> reports = new ConcurrentHashMap<>();

    private static final long LIFTED = -1;
    private final Optional<TranscriptionBook> base;

    /** An empty book. */
    public TranscriptionBook() {
        this.base = Optional.empty();
    }

    private TranscriptionBook(TranscriptionBook base) {
        this.base = Optional.of(base);
    }

    /** A book that reads {@code base} with what is applied to it on top, and leaves {@code base} as it is. */
    public static TranscriptionBook over(TranscriptionBook base) {
        return new TranscriptionBook(java.util.Objects.requireNonNull(base, "base"));
    }

    /** The work on {@code key}, if any was done. */
    public Optional<PhotoWork> photo(PhotoKey key) {
        PhotoWork w = photos.get(key);
        return w != null || base.isEmpty() ? Optional.ofNullable(w) : base.get().photo(key);
    }

    /**
     * Every photo with work, in no particular order (a live read-only view; for a book {@link #over} another, a
     * copy).
     */
    public Collection<PhotoWork> photos() {
        if (base.isEmpty()) return Collections.unmodifiableCollection(photos.values());
        Map<PhotoKey, PhotoWork> all = new java.util.HashMap<>();
        for (PhotoWork w : base.get().photos()) all.put(w.key(), w);
        all.putAll(photos);
        return Collections.unmodifiableCollection(all.values());
    }

    /** The index of the entry that paused {@code account}, if it is paused. */
    public OptionalLong pausedAt(String account) {
        Long i = paused.get(account);
        if (i == null && base.isPresent()) return base.get().pausedAt(account);
        return i == null || i == LIFTED ? OptionalLong.empty() : OptionalLong.of(i);
    }

    public boolean paused(String account) {
        return pausedAt(account).isPresent();
    }

    /** The accounts paused now, sorted. */
    public List<String> pausedAccounts() {
        java.util.Set<String> all = new java.util.TreeSet<>();
        base.ifPresent(b -> all.addAll(b.pausedAccounts()));
        all.addAll(paused.keySet());
        all.removeIf(a -> !paused(a));
        return List.copyOf(all);
    }

    private Optional<Long> lastPause(String account) {
        Long p = lastPause.get(account);
        return p != null || base.isEmpty() ? Optional.ofNullable(p) : base.get().lastPause(account);
    }

    /**
     * Whether {@code w} counts towards an agreement (docs/transcription.md#un-pause): not when its account is
     * paused, nor when it was done before the account's latest pause, even once that pause is lifted.
     */
    public boolean counts(PhotoWork.Work w) {
        Optional<Long> p = lastPause(w.account());
        return p.isEmpty() || p.get() < w.index() && !paused(w.account());
    }

    /** The reports on {@code key} since it was last returned to the queue, in log order. */
    public List<PhotoReport> reports(PhotoKey key) {
        List<PhotoReport> r = reports.get(key);
        if (r != null || base.isEmpty()) return r == null ? List.of() : r;
        return base.get().reports(key);
    }

    /** Every photo with reports (since its last return), in no particular order (a read-only copy). */
    public Map<PhotoKey, List<PhotoReport>> reported() {
        Map<PhotoKey, List<PhotoReport>> all = new java.util.HashMap<>();
        base.ifPresent(b -> all.putAll(b.reported()));
        all.putAll(reports);
        all.values().removeIf(List::isEmpty);
        return Collections.unmodifiableMap(all);
    }

    /**
     * Applies {@code e}, accepted at {@code index}; {@code outcome} is what the rulebook derived for a
     * transcription or a flag (ignored for a pause; for a report only a {@code REPORTED} status is read, and a
     * moderator's return makes the photo open again).
     */
    public void apply(long index, TranscriptionWork e, Optional<PhotoOutcome> outcome) {
        e.accept(new TranscriptionWork.Visitor<Void>() {
            @Override
            public Void transcription(TranscriptionEntry t) {
                var w = new PhotoWork.Work(index, t.account(), Optional.of(t.sheet()), Optional.empty(), t.settles());
                add(new PhotoKey(t.photo(), t.sheet().stationId(), t.sheet().sourceId()), w, outcome);
                return null;
            }

            @Override
            public Void flag(TranscriptionFlagEntry f) {
                var w = new PhotoWork.Work(index, f.account(), Optional.empty(), Optional.of(f.reason()), f.settles());
                add(new PhotoKey(f.photo(), f.stationId(), f.sourceId()), w, outcome);
                return null;
            }

            @Override
            public Void pause(TranscriberPauseEntry p) {
                if (p.lift()) {
                    if (base.isPresent()) paused.put(p.account(), LIFTED);
                    else paused.remove(p.account());
                } else if (!paused(p.account())) {
                    paused.put(p.account(), index);
                    lastPause.put(p.account(), index);
                }
                return null;
            }

            @Override
            public Void report(TranscriptionReportEntry r) {
                PhotoKey key = new PhotoKey(r.photo(), r.stationId(), r.sourceId());
                if (r.returns()) reports.put(key, List.of());
                else {
                    var all = new java.util.ArrayList<PhotoReport>(reports(key));
                    all.add(new PhotoReport(index, r.account(), r.reason(), r.text()));
                    reports.put(key, List.copyOf(all));
                }
                PhotoStatus next = r.returns()
                        ? PhotoStatus.OPEN
                        : outcome.map(PhotoOutcome::status)
                                .filter(st -> st == PhotoStatus.REPORTED)
                                .orElse(null);
                if (next != null)
                    photos.compute(key, (k, before) -> {
                        PhotoWork was = before != null
                                ? before
                                : base.flatMap(b -> b.photo(k)).orElseGet(() -> PhotoWork.open(k));
                        return was.as(next);
                    });
                return null;
            }
        });
    }

    private void add(PhotoKey key, PhotoWork.Work w, Optional<PhotoOutcome> outcome) {
        PhotoStatus next = outcome.orElseThrow(() -> new IllegalArgumentException("no outcome for " + key))
                .status();
        photos.compute(key, (k, before) -> {
            PhotoWork was =
                    before != null ? before : base.flatMap(b -> b.photo(k)).orElseGet(() -> PhotoWork.open(k));
            return was.with(w, next);
        });
    }
}
