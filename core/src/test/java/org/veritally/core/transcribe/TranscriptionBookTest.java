package org.veritally.core.transcribe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.veritally.core.entry.TranscriberPauseEntry;
import org.veritally.core.entry.TranscriptionFlagEntry;

/**
 * A book {@link TranscriptionBook#over} another (a batch's, decided before its commit) reads the base with its
 * own work on top, and changes only itself: readers of the base never see work that is not yet committed.
 */
class TranscriptionBookTest {
    static final String PHOTO = "a".repeat(64);
    static final PhotoKey KEY = new PhotoKey(PHOTO, "P1", "party-a");

    static TranscriptionFlagEntry flag(String account) {
        return new TranscriptionFlagEntry(PHOTO, "P1", "party-a", account, FlagReason.ILLEGIBLE, false);
    }

    static Optional<PhotoOutcome> status(PhotoStatus s) {
        return Optional.of(new PhotoOutcome(s, Optional.empty()));
    }

    @Test
    void aBookOverAnotherReadsThroughAddsItsOwnWorkAndLeavesTheBaseAsItIs() {
        TranscriptionBook base = new TranscriptionBook();
        base.apply(10, flag("vol-a"), status(PhotoStatus.OPEN));
        base.apply(11, new TranscriberPauseEntry("vol-x", "mod", "gold"), Optional.empty());

        TranscriptionBook batch = TranscriptionBook.over(base);
        assertThat(batch.photo(KEY).orElseThrow().work()).hasSize(1);
        assertThat(batch.pausedAt("vol-x")).hasValue(11);
        batch.apply(12, flag("vol-b"), status(PhotoStatus.REJECTED));
        batch.apply(13, new TranscriberPauseEntry("vol-y", "mod", "gold"), Optional.empty());
        batch.apply(14, new TranscriberPauseEntry("vol-x", "mod", "again"), Optional.empty());

        var work = batch.photo(KEY).orElseThrow();
        assertThat(work.work()).extracting(PhotoWork.Work::index).containsExactly(10L, 12L);
        assertThat(work.status()).isEqualTo(PhotoStatus.REJECTED);
        assertThat(work.workedBy("vol-a")).isTrue();
        assertThat(batch.pausedAt("vol-y")).hasValue(13);
        assertThat(batch.pausedAt("vol-x")).as("the first pause stands").hasValue(11);
        assertThat(batch.photos()).hasSize(1);

        assertThat(base.photo(KEY).orElseThrow().work())
                .extracting(PhotoWork.Work::index)
                .containsExactly(10L);
        assertThat(base.photo(KEY).orElseThrow().status()).isEqualTo(PhotoStatus.OPEN);
        assertThat(base.paused("vol-y")).isFalse();
    }
}
