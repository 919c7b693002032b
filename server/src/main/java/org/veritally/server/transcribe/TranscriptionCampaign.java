package org.veritally.server.transcribe;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.veritally.core.entry.Entry;
import org.veritally.core.entry.TranscriberPauseEntry;
import org.veritally.core.entry.TranscriptionReportEntry;
import org.veritally.core.model.TallySheet;
import org.veritally.core.transcribe.FlagReason;
import org.veritally.core.transcribe.PhotoKey;
import org.veritally.core.transcribe.PhotoStatus;
import org.veritally.core.transcribe.PhotoWork;
import org.veritally.core.transcribe.ReportReason;
import org.veritally.core.transcribe.TranscriptionRule;
import org.veritally.core.validation.Problem;
import org.veritally.core.validation.Rule;
import org.veritally.server.intake.Outcome;
import org.veritally.server.ops.ServerRule;
import org.veritally.server.state.ElectionState;

/**
 * Use cases of a transcription campaign (docs/transcription.md): {@link #next} (a photo to transcribe,
 * leased), {@link #submit} (its figures), {@link #flag}, a moderator's {@link #settle}, {@link #reject} and
 * {@link #pause}, and {@link #status}. Every piece of work is an entry written through intake (the
 * rulebook decides it, so the agreed copy is derived there); the queue only hands out photos. Gold tasks:
 * one task in {@code goldEvery} is a photo whose figures the campaign knows; its answer is scored, not
 * written, and an account whose agreement with them falls under the threshold is paused by a
 * {@code transcriber-pause} entry ({@code by} "server"), so that from then on its open work no longer
 * counts, as the rulebook derives. Quotas: at most {@code tasksPerHour} tasks per account, a token bucket
 * on the injected clock (SRV-RATE). Thread-safe.
 */
public final class TranscriptionCampaign {
    /** Where entries go: {@code Instance::submitWork} (durable in the log when it returns). */
    @FunctionalInterface
    public interface Intake {
        Outcome submit(Entry entry, String account, String location);
    }

    /** The answer to {@link #next}: a task, or nothing to do, or why not (SRV-RATE, TR-PAUSED). */
    public record Next(Optional<Task> task, List<Problem> problems) {}

    private final ElectionState state;
    private volatile CampaignConfig config;
    private final Clock clock;
    private final Intake intake;
    private final WorkQueue queue;
    private volatile Map<PhotoKey, TallySheet> gold;
    private volatile List<PhotoKey> goldOrder;
    private final GoldScores scores = new GoldScores();
    private final Map<String, double[]> buckets = new HashMap<>(); // tokens, last refill (ms)
    private final Map<String, Integer> handed = new HashMap<>();
    private final Map<String, Task> goldHeld = new HashMap<>();
    private final Map<String, java.util.Set<PhotoKey>> goldDone = new HashMap<>();

    public TranscriptionCampaign(
            ElectionState state, CampaignConfig config, Clock clock, Intake intake, Map<PhotoKey, TallySheet> gold) {
        this.state = state;
        this.config = config;
        this.clock = clock;
        this.intake = intake;
        var policy = state.requireElection().transcription();
        this.queue =
                new WorkQueue(clock, config.lease(), policy.agree(), policy.most(), state.transcriptions(), 1 << 16);
        configure(config, gold);
    }

    /**
     * Sets the gold photos and their figures, and the gold rate and thresholds of {@code config} (its lease
     * and quota stay those the campaign was made with). Gold photos leave the queue: volunteers get them only as
     * gold tasks, whose answers are scored and never written. Scores so far are kept.
     */
    public synchronized void configure(CampaignConfig config, Map<PhotoKey, TallySheet> gold) {
        this.config = new CampaignConfig(
                this.config == null ? config.lease() : this.config.lease(),
                this.config == null ? config.tasksPerHour() : this.config.tasksPerHour(),
                config.goldEvery(),
                config.goldMinimum(),
                config.pauseBelowPercent());
        List<PhotoKey> order = new ArrayList<>(gold.keySet());
        order.sort(java.util.Comparator.comparing(PhotoKey::sha256).thenComparing(PhotoKey::stationId));
        this.gold = Map.copyOf(gold);
        this.goldOrder = List.copyOf(order);
        for (PhotoKey k : order) queue.withhold(k);
    }

    /** The campaign's configuration now. */
    public CampaignConfig config() {
        return config;
    }

    /** How many gold photos the campaign holds (their figures are never shown). */
    public int goldPhotos() {
        return gold.size();
    }

    /**
     * Adds a photo filed as evidence (by {@code uploader}, for {@code contestId}: empty where the filer named
     * none, then the election's contest if it has only one) to the queue.
     */
    public void add(PhotoKey photo, String contestId, String uploader) {
        var contests = state.requireElection().contests();
        String contest =
                contestId.isEmpty() && contests.size() == 1 ? contests.get(0).id() : contestId;
        queue.add(photo, contest, uploader);
        if (gold.containsKey(photo)) queue.withhold(photo);
    }

    /** Leases the next task for {@code account}, within its quota. */
    public Next next(String account) {
        if (state.transcriptions().paused(account))
            return new Next(
                    Optional.empty(),
                    List.of(new Problem(
                            TranscriptionRule.TR_PAUSED, "account", "account '" + account + "' is paused")));
        synchronized (this) {
            Task g = goldHeld.get(account);
            if (g != null && g.leasedUntil().isAfter(clock.instant())) return new Next(Optional.of(g), List.of());
        }
        Optional<Task> held = queue.holding(account);
        if (held.isPresent()) return new Next(held, List.of());
        if (!take(account))
            return new Next(
                    Optional.empty(),
                    List.of(new Problem(
                            ServerRule.SRV_RATE,
                            "account",
                            "account '" + account + "' took " + config.tasksPerHour() + " tasks this hour")));
        Optional<Task> goldTask = goldFor(account);
        if (goldTask.isPresent()) return new Next(goldTask, List.of());
        return new Next(queue.next(account), List.of());
    }

    private synchronized boolean take(String account) {
        double perMs = config.tasksPerHour() / 3_600_000.0;
        long now = clock.millis();
        double[] b = buckets.computeIfAbsent(account, k -> new double[] {config.tasksPerHour(), now});
        b[0] = Math.min(config.tasksPerHour(), b[0] + (now - b[1]) * perMs);
        b[1] = now;
        if (b[0] < 1) return false;
        b[0] -= 1;
        return true;
    }

    private synchronized Optional<Task> goldFor(String account) {
        int n = handed.merge(account, 1, Integer::sum);
        if (config.goldEvery() == 0 || goldOrder.isEmpty() || n % config.goldEvery() != 1 % config.goldEvery())
            return Optional.empty();
        var done = goldDone.computeIfAbsent(account, k -> new java.util.HashSet<>());
        int start = Math.floorMod(account.hashCode() + n, goldOrder.size());
        for (int i = 0; i < goldOrder.size(); i++) {
            PhotoKey k = goldOrder.get((start + i) % goldOrder.size());
            if (done.contains(k)) continue;
            Task t = new Task(k, gold.get(k).contestId(), clock.instant().plus(config.lease()));
            goldHeld.put(account, t);
            return Optional.of(t);
        }
        return Optional.empty();
    }

    /** Submits {@code account}'s figures for a photo ({@link TallySheet#evidence} names it), unsigned. */
    public Submitted submit(String account, TallySheet typed, List<String> confirmed) {
        return submit(account, typed, confirmed, Optional.empty());
    }

    /**
     * Submits {@code account}'s figures with its signature, if any, over the entry without it ({@link
     * WorkEntries}; TR-SIGN: an account with a key must sign, gold answers included).
     */
    public Submitted submit(String account, TallySheet typed, List<String> confirmed, Optional<byte[]> signature) {
        PhotoKey key = new PhotoKey(typed.evidence().orElseThrow(), typed.stationId(), typed.sourceId());
        var entry = WorkEntries.transcription(account, typed, confirmed, false, signature);
        Optional<Submitted> scored = scoreGold(account, key, Optional.of(typed), entry);
        if (scored.isPresent()) return scored.get();
        Submitted s = write(entry, account, "transcription");
        queue.release(account, key);
        queue.refresh(key);
        return s;
    }

    /** Flags a photo as {@code account}, unsigned. */
    public Submitted flag(String account, PhotoKey key, FlagReason reason) {
        return flag(account, key, reason, Optional.empty());
    }

    /** Flags a photo as {@code account}, with its signature, if any (TR-SIGN). */
    public Submitted flag(String account, PhotoKey key, FlagReason reason, Optional<byte[]> signature) {
        var entry = WorkEntries.flag(account, key, reason, false, signature);
        Optional<Submitted> scored = scoreGold(account, key, Optional.empty(), entry);
        if (scored.isPresent()) return scored.get();
        Submitted s = write(entry, account, "transcription-flag");
        queue.release(account, key);
        queue.refresh(key);
        return s;
    }

    /** A moderator's figures for an escalated photo: its copy (TR-SETTLE), unsigned. */
    public Submitted settle(String moderator, TallySheet figures, List<String> confirmed) {
        return settle(moderator, figures, confirmed, Optional.empty());
    }

    /** A moderator's figures for an escalated photo, with its signature, if any (TR-SIGN). */
    public Submitted settle(String moderator, TallySheet figures, List<String> confirmed, Optional<byte[]> signature) {
        PhotoKey key = new PhotoKey(figures.evidence().orElseThrow(), figures.stationId(), figures.sourceId());
        Submitted s =
                write(WorkEntries.transcription(moderator, figures, confirmed, true, signature), moderator, "settle");
        queue.refresh(key);
        return s;
    }

    /** A moderator's decision that an escalated photo yields no copy, unsigned. */
    public Submitted reject(String moderator, PhotoKey key, FlagReason reason) {
        return reject(moderator, key, reason, Optional.empty());
    }

    /** A moderator's rejection, with its signature, if any (TR-SIGN). */
    public Submitted reject(String moderator, PhotoKey key, FlagReason reason, Optional<byte[]> signature) {
        Submitted s = write(WorkEntries.flag(moderator, key, reason, true, signature), moderator, "reject");
        queue.refresh(key);
        return s;
    }

    /**
     * {@code account}'s report on a photo (any account may report; docs/transcription.md#reports-on-photos).
     * A second report by the same account is folded into its first: nothing is written and the answer carries
     * the first one's index. Reports of the election's {@code reportThreshold} accounts take the photo out of
     * the queue (TR-REPORT).
     */
    public Submitted report(String account, PhotoKey key, ReportReason reason, String text) {
        return report(account, key, reason, text, Optional.empty());
    }

    /** {@code account}'s report, with its signature, if any (TR-SIGN). */
    public Submitted report(
            String account, PhotoKey key, ReportReason reason, String text, Optional<byte[]> signature) {
        Optional<Problem> bad = reportShape(reason, text);
        if (bad.isPresent()) return new Submitted(List.of(bad.get()), List.of(), OptionalLong.empty());
        Submitted s = write(
                WorkEntries.report(account, key, reason, text, false, signature), account, "transcription-report");
        queue.refresh(key);
        return s;
    }

    /** A moderator's decision to return a reported photo to the queue (TR-RETURN), unsigned. */
    public Submitted returnToQueue(String moderator, PhotoKey key, String text) {
        return returnToQueue(moderator, key, text, Optional.empty());
    }

    /** A moderator's return, with its signature, if any (TR-SIGN). */
    public Submitted returnToQueue(String moderator, PhotoKey key, String text, Optional<byte[]> signature) {
        Optional<Problem> bad = reportShape(ReportReason.OTHER, text.isBlank() ? WorkEntries.RETURNED : text);
        if (bad.isPresent()) return new Submitted(List.of(bad.get()), List.of(), OptionalLong.empty());
        Submitted s = write(
                WorkEntries.report(moderator, key, ReportReason.OTHER, text, true, signature), moderator, "return");
        queue.refresh(key);
        return s;
    }

    private static Optional<Problem> reportShape(ReportReason reason, String text) {
        if (reason == ReportReason.OTHER && text.isBlank())
            return Optional.of(new Problem(Rule.IN_FIELD, "$.text", "a report for another reason says which"));
        if (text.strip().length() > TranscriptionReportEntry.MAX_TEXT)
            return Optional.of(new Problem(
                    Rule.IN_FIELD, "$.text", "at most " + TranscriptionReportEntry.MAX_TEXT + " characters"));
        return Optional.empty();
    }

    /**
     * A moderator lifts {@code account}'s pause (TR-LIFT if it is not paused): its work from now on counts,
     * its work from before the pause does not; its gold score starts afresh.
     */
    public Submitted lift(String moderator, String account, String reason) {
        Submitted s = write(new TranscriberPauseEntry(account, moderator, reason, true), moderator, "lift");
        if (s.accepted()) scores.reset(account);
        queue.refreshAll();
        return s;
    }

    /** Pauses {@code account} (a moderator's decision, or the server's on gold tasks). */
    public Submitted pause(String by, String account, String reason) {
        Submitted s = write(new TranscriberPauseEntry(account, by, reason), by, "pause");
        queue.refreshAll();
        return s;
    }

    private Optional<Submitted> scoreGold(
            String account, PhotoKey key, Optional<TallySheet> typed, org.veritally.core.entry.TranscriptionWork work) {
        TallySheet truth = gold.get(key);
        if (truth == null) return Optional.empty();
        int[] s;
        synchronized (this) {
            Task held = goldHeld.get(account);
            if (held == null || !held.photo().equals(key)) return Optional.empty(); // not handed: the log decides
            // a gold answer is refused as written work would be (TR-SIGN), else it would tell a gold task apart
            Optional<Problem> unsigned = state.rulebook().workSignature(state.keys(), work, "request");
            if (unsigned.isPresent())
                return Optional.of(new Submitted(List.of(unsigned.get()), List.of(), OptionalLong.empty()));
            goldHeld.remove(account);
            goldDone.computeIfAbsent(account, k -> new java.util.HashSet<>()).add(key);
            s = scores.record(account, typed.isPresent() && typed.get().sameCountsAs(truth));
        }
        if (GoldScores.under(s, config.goldMinimum(), config.pauseBelowPercent())
                && !state.transcriptions().paused(account)) {
            pause(
                    "server",
                    account,
                    "agreement with gold tasks " + s[1] + "/" + s[0] + " is under " + config.pauseBelowPercent()
                            + " %");
        }
        return Optional.of(new Submitted(List.of(), List.of(), OptionalLong.empty()));
    }

    private Submitted write(Entry e, String account, String location) {
        Outcome o = intake.submit(e, account, location);
        if (!o.rejected().isEmpty()) return new Submitted(o.rejected(), List.of(), OptionalLong.empty());
        var a = o.accepted().get(0);
        return new Submitted(List.of(), a.flags(), OptionalLong.of(a.index()), Optional.of(a));
    }

    /** The campaign's progress and each volunteer's agreement (docs/transcription.md#progress). */
    public CampaignStatus status() {
        int[] open = queue.openByWork();
        Map<PhotoStatus, Integer> byStatus = new java.util.EnumMap<>(PhotoStatus.class);
        Map<String, int[]> peer = new HashMap<>(); // account → [transcriptions on decided photos, agreeing]
        for (PhotoWork w : state.transcriptions().photos()) {
            byStatus.merge(w.status(), 1, Integer::sum);
            Optional<TallySheet> decided = decided(w);
            for (PhotoWork.Work x : w.work()) {
                if (x.settles() || decided.isEmpty() || x.sheet().isEmpty()) continue;
                int[] p = peer.computeIfAbsent(x.account(), k -> new int[2]);
                p[0]++;
                if (x.sheet().get().sameCountsAs(decided.get())) p[1]++;
            }
        }
        return new CampaignStatus(
                queue.size(),
                open,
                byStatus,
                peer,
                scores.all(),
                pausedOf(peer.keySet()),
                org.veritally.core.transcribe.FoldedReports.of(state.transcriptions()),
                Instant.now(clock));
    }

    private List<String> pausedOf(java.util.Set<String> accounts) {
        List<String> out = new ArrayList<>();
        for (String a : accounts) if (state.transcriptions().paused(a)) out.add(a);
        for (String a : scores.all().keySet())
            if (!out.contains(a) && state.transcriptions().paused(a)) out.add(a);
        java.util.Collections.sort(out);
        return out;
    }

    /** The figures an agreed or settled photo stands on: those of its last transcription. */
    static Optional<TallySheet> decided(PhotoWork w) {
        if (w.status() != PhotoStatus.AGREED && w.status() != PhotoStatus.SETTLED) return Optional.empty();
        for (int i = w.work().size() - 1; i >= 0; i--)
            if (w.work().get(i).sheet().isPresent()) return w.work().get(i).sheet();
        return Optional.empty();
    }
}
