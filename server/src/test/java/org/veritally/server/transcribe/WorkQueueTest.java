package org.veritally.server.transcribe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.veritally.core.entry.TranscriptionEntry;
import org.veritally.core.model.SummaryCounts;
import org.veritally.core.model.TallySheet;
import org.veritally.core.transcribe.PhotoKey;
import org.veritally.core.transcribe.PhotoOutcome;
import org.veritally.core.transcribe.PhotoStatus;
import org.veritally.core.transcribe.TranscriptionBook;

/** The work queue's promises (docs/transcription.md#the-work-queue), on an injected clock. */
class WorkQueueTest {
    final MutableClock clock = new MutableClock();
    final TranscriptionBook book = new TranscriptionBook();
    final WorkQueue queue = new WorkQueue(clock, Duration.ofMinutes(10), 3, book, 16);
    long index = 100;

    static PhotoKey photo(int i) {
        return new PhotoKey(Photos.sha(i, 0x33), "S" + i, "party-a");
    }

    void worked(int photo, String account, PhotoStatus after) {
        PhotoKey k = photo(photo);
        var s = new TallySheet(k.stationId(), "C1", k.sourceId(), new SummaryCounts(-1, -1, 0, 0, -1), new long[2])
                .citing(k.sha256());
        book.apply(
                index++,
                new TranscriptionEntry(s, account, List.of("TS-FLAG-ZERO"), false),
                Optional.of(new PhotoOutcome(after, Optional.empty())));
        queue.release(account, k);
        queue.refresh(k);
    }

    @Test
    void aPhotoWithOneTranscriptionComesBeforePhotosWithNone() {
        for (int i = 0; i < 3; i++) queue.add(photo(i), "C1", "uploader");
        worked(2, "vol-a", PhotoStatus.OPEN);
        assertThat(queue.next("vol-b").orElseThrow().photo()).isEqualTo(photo(2));
        assertThat(queue.next("vol-c").orElseThrow().photo()).isEqualTo(photo(2));
        // 1 transcription + 2 live leases = 3: the photo needs nobody else now
        assertThat(queue.next("vol-d").orElseThrow().photo()).isEqualTo(photo(0));
    }

    @Test
    void neverThePhotoToItsUploaderNorTwiceToOneAccount() {
        queue.add(photo(0), "C1", "vol-a");
        queue.add(photo(1), "C1", "uploader");
        assertThat(queue.next("vol-a").orElseThrow().photo()).isEqualTo(photo(1));
        worked(1, "vol-a", PhotoStatus.OPEN);
        assertThat(queue.next("vol-a")).isEmpty();
    }

    @Test
    void nextAgainWhileHoldingALeaseReturnsTheSameTask() {
        for (int i = 0; i < 2; i++) queue.add(photo(i), "C1", "uploader");
        var first = queue.next("vol-a").orElseThrow();
        assertThat(queue.next("vol-a").orElseThrow()).isEqualTo(first);
    }

    @Test
    void anAbandonedLeaseExpiresAndThePhotoComesBack() {
        queue.add(photo(0), "C1", "uploader");
        assertThat(queue.next("vol-a")).isPresent();
        assertThat(queue.next("vol-b")).isPresent();
        assertThat(queue.next("vol-c")).isPresent();
        assertThat(queue.next("vol-d")).as("three leases: all the photo needs").isEmpty();
        clock.advance(Duration.ofMinutes(11));
        assertThat(queue.next("vol-d")).isPresent();
    }

    @Test
    void aPhotoNoLongerOpenLeavesTheQueue() {
        queue.add(photo(0), "C1", "uploader");
        worked(0, "vol-a", PhotoStatus.OPEN);
        worked(0, "vol-b", PhotoStatus.AGREED);
        assertThat(queue.next("vol-c")).isEmpty();
        assertThat(queue.openByWork()).containsExactly(0, 0, 0);
    }

    @Test
    void aPausedAccountsWorkNoLongerCountsInTheQueue() {
        queue.add(photo(0), "C1", "uploader");
        worked(0, "vol-a", PhotoStatus.OPEN);
        assertThat(queue.openByWork()).containsExactly(0, 1, 0);
        book.apply(
                index++,
                new org.veritally.core.entry.TranscriberPauseEntry("vol-a", "server", "gold"),
                Optional.empty());
        queue.refreshAll();
        assertThat(queue.openByWork()).containsExactly(1, 0, 0);
    }
}
