package org.veritally.core.transcribe;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.veritally.core.entry.TranscriberPauseEntry;
import org.veritally.core.entry.TranscriptionEntry;
import org.veritally.core.entry.TranscriptionFlagEntry;
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
    private final Map<String, Long> paused = new ConcurrentHashMap<>();
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
        return i == null ? OptionalLong.empty() : OptionalLong.of(i);
    }

    public boolean paused(String account) {
        return pausedAt(account).isPresent();
    }

    /**
     * Applies {@code e}, accepted at {@code index}; {@code outcome} is what the rulebook derived for a
     * transcription or a flag (ignored for a pause).
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
                if (!paused(p.account())) paused.put(p.account(), index);
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
