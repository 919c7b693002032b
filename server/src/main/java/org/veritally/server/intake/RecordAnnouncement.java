package org.veritally.server.intake;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.veritally.core.entry.AnnouncementEntry;
import org.veritally.core.model.Announcement;
import org.veritally.core.validation.Problem;
import org.veritally.core.validation.Rule;
import org.veritally.server.state.ElectionState;
import org.veritally.store.Store;

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
  public record Result(List<Problem> problems, long index, boolean idempotent) {}

  public Result record(Announcement a, String account, String where) {
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
          if (existing.announcement().equals(a)) return new Result(List.of(), existing.index(), true);
          problems.add(new Problem(Rule.AN_DUP, where + " id", "announcement '" + a.id() + "' is already in the log (index " + existing.index() + ") with other figures"));
        }
      }
      if (!problems.isEmpty()) return new Result(problems, -1, false);
      long idx = state.logSize();
      var appended = store.write(tx -> {
        var r = appender.append(tx, state, List.of(new LogAppender.NewEntry("announcement", bytes, account)));
        tx.putAnnouncement(a.id(), idx, new String(bytes, StandardCharsets.UTF_8));
        return r;
      });
      appender.committed(state, appended);
      state.addAnnouncement(new ElectionState.Recorded(idx, a));
      return new Result(List.of(), idx, false);
    }
  }
}
