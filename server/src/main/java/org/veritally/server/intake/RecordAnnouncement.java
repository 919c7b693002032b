package org.veritally.server.intake;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.veritally.core.entry.AnnouncementEntry;
import org.veritally.core.model.Announcement;
import org.veritally.core.validation.Problem;
import org.veritally.core.validation.Rule;
import org.veritally.server.state.ElectionState;
import org.veritally.store.Store;
import org.veritally.store.Tx;

/**
 * Use case: record an announcement of the authority as a log entry (AN-CONTEST, AN-CANDIDATE,
 * AN-DUP). Recording the same announcement again is idempotent. Thread-safe (synchronized on the
 * sequencer, the single writer).
 */
public final class RecordAnnouncement {
  private final Store store;
  private final ElectionState state;
  private final LogAppender appender;
  private final Object writeLock;

  public RecordAnnouncement(Store store, ElectionState state, LogAppender appender, Object writeLock) {
    this.store = store;
    this.state = state;
    this.appender = appender;
    this.writeLock = writeLock;
  }

  /** Problems (empty when recorded or already present), and the log index of the entry. */
  public EntryResult record(Announcement a, String account, String where) {
    return record(a, account, where, Optional.empty());
  }

  /**
   * As {@link #record(Announcement, String, String)}, and commits the writes {@code alongside}
   * derives from the result in the transaction that appends the entry (in one of their own when
   * nothing is appended): the sequencer's answer to a queued announcement then exists exactly when
   * its entry is durably in the log.
   */
  public EntryResult record(Announcement a, String account, String where, Function<EntryResult, Consumer<Tx>> alongside) {
    return record(a, account, where, Optional.of(alongside));
  }

  EntryResult record(Announcement a, String account, String where, Optional<Function<EntryResult, Consumer<Tx>>> alongside) {
    synchronized (writeLock) {
      List<Problem> problems = new ArrayList<>();
      var e = state.requireElection();
      var contest = e.contest(a.contest());
      if (contest.isEmpty()) problems.add(new Problem(Rule.AN_CONTEST, where + " contest", "unknown contest '" + a.contest() + "'"));
      else for (String c : a.candidates().keySet()) {
        if (contest.get().candidateIndex(c) < 0) problems.add(new Problem(Rule.AN_CANDIDATE, where + " candidates." + c, "not a candidate of " + a.contest()));
      }
      byte[] bytes = state.codec().encode(new AnnouncementEntry(a));
      for (var existing : state.announcements()) {
        if (existing.announcement().id().equals(a.id())) {
          if (existing.announcement().equals(a)) return new EntryResult(List.of(), existing.index(), true).commitAlone(store, alongside);
          problems.add(new Problem(Rule.AN_DUP, where + " id", "announcement '" + a.id() + "' is already in the log (index " + existing.index() + ") with other figures"));
        }
      }
      if (!problems.isEmpty()) return EntryResult.rejected(problems).commitAlone(store, alongside);
      long idx = state.logSize();
      EntryResult recorded = new EntryResult(List.of(), idx, false);
      var appended = store.write(tx -> {
        var r = appender.append(tx, state, List.of(new LogAppender.NewEntry("announcement", bytes, account)));
        tx.putAnnouncement(a.id(), idx, new String(bytes, StandardCharsets.UTF_8));
        alongside.ifPresent(x -> x.apply(recorded).accept(tx));
        return r;
      });
      appender.committed(state, appended);
      state.addAnnouncement(new ElectionState.Recorded(idx, a));
      return recorded;
    }
  }
}
