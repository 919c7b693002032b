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
 */
public final class TranscriptionBook {
    private final Map<PhotoKey, PhotoWork> photos = new ConcurrentHashMap<>();
    private final Map<String, Long> paused = new ConcurrentHashMap<>();

    /** The work on {@code key}, if any was done. */
    public Optional<PhotoWork> photo(PhotoKey key) {
        return Optional.ofNullable(photos.get(key));
    }

    /** Every photo with work, in no particular order (a live read-only view). */
    public Collection<PhotoWork> photos() {
        return Collections.unmodifiableCollection(photos.values());
    }

    /** The index of the entry that paused {@code account}, if it is paused. */
    public OptionalLong pausedAt(String account) {
        Long i = paused.get(account);
        return i == null ? OptionalLong.empty() : OptionalLong.of(i);
    }

    public boolean paused(String account) {
        return paused.containsKey(account);
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
                paused.putIfAbsent(p.account(), index);
                return null;
            }
        });
    }

    private void add(PhotoKey key, PhotoWork.Work w, Optional<PhotoOutcome> outcome) {
        PhotoStatus next = outcome.orElseThrow(() -> new IllegalArgumentException("no outcome for " + key))
                .status();
        photos.compute(key, (k, before) -> (before == null ? PhotoWork.open(k) : before).with(w, next));
    }
}
