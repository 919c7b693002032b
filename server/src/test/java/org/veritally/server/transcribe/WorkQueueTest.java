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
    final WorkQueue queue = new WorkQueue(clock, Duration.ofMinutes(10), 2, 3, book, 16);
    long index = 100;

    static PhotoKey photo(int i) {
        return new PhotoKey(Photos.sha(i, 0x33), "S" + i, "party-a");
    }

    void worked(int photo, String account, PhotoStatus after) {
        worked(photo, account, after, 0);
    }

    /** {@code account} typed the photo with {@code line0} votes on the first line (work with the same agrees). */
    void worked(int photo, String account, PhotoStatus after, long line0) {
        recorded(photo, account, after, line0);
        queue.release(account, photo(photo));
        queue.refresh(photo(photo));
    }

    /** The work is in the book only (as another instance of a cluster recorded it): the queue is not told. */
    void recorded(int photo, String account, PhotoStatus after, long line0) {
        PhotoKey k = photo(photo);
        var s = new TallySheet(
                        k.stationId(), "C1", k.sourceId(), new SummaryCounts(-1, -1, line0, 0, -1), new long[] {line0, 0
                        })
                .citing(k.sha256());
        book.apply(
                index++,
                new TranscriptionEntry(s, account, List.of("TS-FLAG-ZERO"), false),
                Optional.of(new PhotoOutcome(after, Optional.empty())));
    }

    @Test
    void aPhotoWithOneTranscriptionComesBeforePhotosWithNone() {
        for (int i = 0; i < 3; i++) queue.add(photo(i), "C1", "uploader");
        worked(2, "vol-a", PhotoStatus.OPEN);
        assertThat(queue.next("vol-b").orElseThrow().photo()).isEqualTo(photo(2));
        // 1 transcription + 1 live lease: if vol-b agrees (k = 2) the photo is agreed, so it needs nobody else now
        assertThat(queue.next("vol-c").orElseThrow().photo()).isEqualTo(photo(0));
    }

    @Test
    void aPhotoIsLeasedToNoMoreVolunteersThanTranscriptionsItStillNeeds() {
        queue.add(photo(0), "C1", "uploader");
        queue.add(photo(1), "C1", "uploader");
        // no work: two agreeing transcriptions decide it (k = 2), so two leases, not m = 3
        assertThat(queue.next("vol-a").orElseThrow().photo()).isEqualTo(photo(0));
        assertThat(queue.next("vol-b").orElseThrow().photo()).isEqualTo(photo(0));
        assertThat(queue.next("vol-c").orElseThrow().photo()).isEqualTo(photo(1));
        // vol-a and vol-b disagree: one more piece decides it (agreed or escalated at m = 3), one lease
        worked(0, "vol-a", PhotoStatus.OPEN, 5);
        worked(0, "vol-b", PhotoStatus.OPEN, 6);
        assertThat(queue.next("vol-d").orElseThrow().photo()).isEqualTo(photo(0));
        assertThat(queue.next("vol-e").orElseThrow().photo()).isEqualTo(photo(1));
        assertThat(queue.next("vol-f"))
                .as("photo 1: two leases; photo 0: one, all it needs")
                .isEmpty();
    }

    @Test
    void whatAPhotoStillNeedsIsKLessItsLargestAgreeingGroupAtMostMLessItsWork() {
        var wide = new WorkQueue(clock, Duration.ofMinutes(10), 3, 5, book, 16);
        recorded(0, "vol-a", PhotoStatus.OPEN, 5);
        var w = book.photo(photo(0)).orElseThrow();
        assertThat(wide.needed(w))
                .as("3 of 5, one transcription: two more agreeing")
                .isEqualTo(2);
        recorded(0, "vol-b", PhotoStatus.OPEN, 6);
        recorded(0, "vol-c", PhotoStatus.OPEN, 5);
        w = book.photo(photo(0)).orElseThrow();
        assertThat(wide.needed(w)).as("5, 6, 5: one more 5").isEqualTo(1);
        recorded(1, "vol-a", PhotoStatus.OPEN, 1);
        recorded(1, "vol-b", PhotoStatus.OPEN, 2);
        recorded(1, "vol-c", PhotoStatus.OPEN, 3);
        recorded(1, "vol-d", PhotoStatus.OPEN, 4);
        w = book.photo(photo(1)).orElseThrow();
        assertThat(wide.needed(w))
                .as("four different, m = 5: the fifth decides it (escalated)")
                .isEqualTo(1);
        assertThat(queue.needed(book.photo(photo(0)).orElseThrow()))
                .as("2 of 3 with three pieces: never below 1")
                .isEqualTo(1);
    }

    @Test
    void aPhotoDecidedByWorkTheQueueWasNotToldOfIsNotHandedOut() {
        queue.add(photo(0), "C1", "uploader");
        queue.add(photo(1), "C1", "uploader");
        // another instance of the cluster recorded an agreement; this one only follows the log (the book)
        recorded(0, "vol-a", PhotoStatus.OPEN, 5);
        recorded(0, "vol-b", PhotoStatus.AGREED, 5);
        assertThat(queue.next("vol-c").orElseThrow().photo()).isEqualTo(photo(1));
        assertThat(queue.openByWork()).containsExactly(1, 0, 0);
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
        assertThat(queue.next("vol-c"))
                .as("two leases: all the photo needs (2 of 3)")
                .isEmpty();
        clock.advance(Duration.ofMinutes(11));
        assertThat(queue.next("vol-c")).isPresent();
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
