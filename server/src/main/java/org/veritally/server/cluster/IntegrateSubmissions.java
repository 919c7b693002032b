package org.veritally.server.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.veritally.core.entry.SheetEntry;
import org.veritally.core.validation.Problem;
import org.veritally.formats.csv.SheetRow;
import org.veritally.server.Instance;
import org.veritally.store.Submissions;

/**
 * Use case, on the sequencer: integrate the sheets other instances queued. Takes up to
 * {@value #MAX_BATCH} pending submissions in id order, catches up with the log, hands them to the
 * sequencer as one batch, and records each one's answer in the transaction that appends the
 * entries (see {@code Sequencer#submit(List, List, java.util.function.Function)}): a crash leaves
 * each submission either pending (to be integrated by the next sequencer) or answered with its entry
 * in the log, never answered without it. Not thread-safe: the cluster node's thread calls it.
 */
final class IntegrateSubmissions {
  static final int MAX_BATCH = 1000;
  private final Instance instance;
  private final Submissions queue;

  IntegrateSubmissions(Instance instance) {
    this.instance = instance;
    this.queue = new Submissions(instance.store());
  }

  /** Integrates one batch; returns how many submissions it answered (0 when none was pending). */
  int once() {
    List<Submissions.Pending> pending = queue.pending(MAX_BATCH);
    if (pending.isEmpty()) return 0;
    instance.catchUp();
    var codec = instance.state().codec();
    List<SheetRow> rows = new ArrayList<>(pending.size());
    List<String> accounts = new ArrayList<>(pending.size());
    for (Submissions.Pending p : pending) {
      String token = token(p.id());
      List<Problem> problems = new ArrayList<>();
      var entry = codec.decode(p.payload(), "", problems);
      if (entry.isPresent() && entry.get() instanceof SheetEntry se) {
        rows.add(new SheetRow(token, Optional.of(se.sheet()), List.of(), se.signature()));
      } else {
        if (problems.isEmpty()) problems.add(new Problem(org.veritally.core.validation.Rule.IN_FIELD, "", "a queued submission must be a sheet entry"));
        rows.add(new SheetRow(token, Optional.empty(), problems.stream().map(x -> x.at(token)).toList()));
      }
      accounts.add(p.account());
    }
    long now = System.currentTimeMillis();
    instance.sequencer().submit(rows, accounts, outcome -> tx -> {
      for (Submissions.Pending p : pending) tx.finishSubmission(p.id(), OutcomeJson.slice(outcome, token(p.id())), now);
    });
    return pending.size();
  }

  static String token(long id) {
    return "submission#" + id;
  }
}
