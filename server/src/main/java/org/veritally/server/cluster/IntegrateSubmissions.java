package org.veritally.server.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.veritally.core.entry.Entry;
import org.veritally.core.entry.SheetEntry;
import org.veritally.core.entry.TranscriptionWork;
import org.veritally.core.validation.Problem;
import org.veritally.core.validation.Rule;
import org.veritally.formats.csv.SheetRow;
import org.veritally.server.Instance;
import org.veritally.server.intake.RecordEntry;
import org.veritally.server.intake.RecordTranscription;
import org.veritally.store.Submissions;

/**
 * Use case, on the sequencer: integrate the writes other instances queued. Takes up to
 * {@value #MAX_BATCH} pending submissions in id order and catches up with the log. Each run of
 * consecutive sheets goes to the sequencer as one batch, each run of consecutive transcription work to
 * {@link RecordTranscription} as one batch (one transaction, as a single instance's group commit does); each
 * announcement or key registration goes to its use case ({@link RecordEntry}), in queue order. Every answer
 * is recorded in the transaction that appends the entries (see {@code Sequencer#submit(List, List,
 * java.util.function.Function)} and {@link RecordEntry#record(Entry, String, String,
 * java.util.function.Function)}): a crash leaves
 * each submission either pending (to be integrated by the next sequencer) or answered with its entry
 * in the log, never answered without it. A payload that does not decode, or is of a kind not taken
 * online, is answered with its problem. Not thread-safe: the cluster node's thread calls it.
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
        List<Submissions.Pending> run = new ArrayList<>();
        List<SheetRow> rows = new ArrayList<>();
        List<Submissions.Pending> workRun = new ArrayList<>();
        List<RecordTranscription.Work> works = new ArrayList<>();
        for (Submissions.Pending p : pending) {
            String token = token(p.id());
            List<Problem> problems = new ArrayList<>();
            Optional<Entry> entry = codec.decode(p.payload(), "", problems);
            var work = entry.flatMap(TranscriptionWork::of);
            if (work.isPresent()) {
                sequence(run, rows);
                workRun.add(p);
                works.add(new RecordTranscription.Work(work.get(), p.account(), token));
                continue;
            }
            record(workRun, works);
            if (entry.isPresent() && RecordEntry.records(entry.get())) {
                sequence(run, rows);
                long now = System.currentTimeMillis();
                instance.entries()
                        .record(
                                entry.get(),
                                p.account(),
                                token,
                                outcome -> tx -> tx.finishSubmission(p.id(), OutcomeJson.slice(outcome, token), now));
                continue;
            }
            if (entry.isPresent() && entry.get() instanceof SheetEntry se) {
                rows.add(new SheetRow(token, Optional.of(se.sheet()), List.of(), se.signature()));
            } else {
                if (problems.isEmpty())
                    problems.add(new Problem(
                            Rule.IN_FIELD, "", "a queued submission must be a sheet, an announcement or a key entry"));
                rows.add(new SheetRow(
                        token,
                        Optional.empty(),
                        problems.stream().map(x -> x.at(token)).toList()));
            }
            run.add(p);
        }
        sequence(run, rows);
        record(workRun, works);
        return pending.size();
    }

    /**
     * Hands a run of queued transcription work to its use case as one batch (one transaction, as a single instance's
     * group commit does), answering each in that transaction; empties the run.
     */
    private void record(List<Submissions.Pending> run, List<RecordTranscription.Work> works) {
        if (run.isEmpty()) return;
        List<Submissions.Pending> batch = List.copyOf(run);
        long now = System.currentTimeMillis();
        instance.transcriptionRecorder().record(List.copyOf(works), Optional.of(outcome -> tx -> {
            var answers = OutcomeJson.slices(outcome);
            for (Submissions.Pending p : batch) {
                String t = token(p.id());
                String answer = answers.get(t);
                tx.finishSubmission(p.id(), answer != null ? answer : OutcomeJson.slice(outcome, t), now);
            }
        }));
        run.clear();
        works.clear();
    }

    /**
     * Hands a run of queued sheets to the sequencer as one batch, answering each in its transaction; empties the run.
     */
    private void sequence(List<Submissions.Pending> run, List<SheetRow> rows) {
        if (run.isEmpty()) return;
        List<Submissions.Pending> batch = List.copyOf(run);
        List<String> accounts = batch.stream().map(Submissions.Pending::account).toList();
        long now = System.currentTimeMillis();
        instance.sequencer().submit(List.copyOf(rows), accounts, outcome -> tx -> {
            var answers = OutcomeJson.slices(outcome);
            for (Submissions.Pending p : batch) {
                String t = token(p.id());
                String answer = answers.get(t);
                tx.finishSubmission(p.id(), answer != null ? answer : OutcomeJson.slice(outcome, t), now);
            }
        });
        run.clear();
        rows.clear();
    }

    static String token(long id) {
        return "submission#" + id;
    }
}
