package org.veritally.bench;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.veritally.core.entry.TranscriptionWork;
import org.veritally.core.model.Candidate;
import org.veritally.core.model.Choice;
import org.veritally.core.model.Contest;
import org.veritally.core.model.Election;
import org.veritally.core.model.SummaryCounts;
import org.veritally.core.model.TallySheet;
import org.veritally.core.transcribe.Figures;
import org.veritally.core.transcribe.PhotoKey;
import org.veritally.core.transcribe.PhotoOutcome;
import org.veritally.core.transcribe.PhotoStatus;
import org.veritally.server.intake.Accepted;
import org.veritally.server.intake.Outcome;
import org.veritally.server.state.ElectionState;
import org.veritally.server.transcribe.CampaignConfig;
import org.veritally.server.transcribe.Task;
import org.veritally.server.transcribe.TranscriptionCampaign;

/**
 * The work queue's answer time ({@code TranscriptionCampaign.next}) with PHOTOS photos queued and
 * VOLUNTEERS volunteers working, each holding a lease while it types: at each step a random volunteer
 * submits the task it holds and asks for the next; every {@code next} is timed, p50/p99/max printed
 * ({@code bench/next-task.sh}). Submissions go to an in-memory stand-in for intake that applies them to
 * the book with the 2-of-3 outcome (the rulebook's and the database's costs are not what this measures).
 * Usage: {@code NextTaskTime [PHOTOS] [VOLUNTEERS] [NEXTS]} (default 1,000,000, 1,000, 300,000).
 */
public final class NextTaskTime {
    private NextTaskTime() {}

    public static void main(String[] args) {
        int photos = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int volunteers = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        int nexts = args.length > 2 ? Integer.parseInt(args[2]) : 300_000;
        var contest = new Contest(
                "C1",
                "C",
                List.of(new Choice("A", "A", "K1"), new Choice("B", "B", "K2")),
                List.of(new Candidate("K1", "K1"), new Candidate("K2", "K2")));
        ElectionState state = new ElectionState();
        state.define(new Election("e", "E", "R", List.of("country"), List.of(contest), 0));
        var book = state.transcriptions();
        long[] index = {0};
        TranscriptionCampaign.Intake intake = (entry, account, where) -> {
            TallySheet s = Figures.of(entry).orElseThrow();
            PhotoKey k = new PhotoKey(s.evidence().orElseThrow(), s.stationId(), s.sourceId());
            int work = book.photo(k).map(w -> w.work().size()).orElse(0) + 1;
            var status = work >= 2 ? PhotoStatus.AGREED : PhotoStatus.OPEN;
            long i = index[0]++;
            book.apply(i, (TranscriptionWork) entry, Optional.of(new PhotoOutcome(status, Optional.empty())));
            return new Outcome(List.of(new Accepted(where, i, new byte[0], false, List.of())), List.of(), i + 1, true);
        };
        var campaign = new TranscriptionCampaign(
                state,
                new CampaignConfig(Duration.ofMinutes(10), 1_000_000, 0, 5, 60),
                Clock.systemUTC(),
                intake,
                Map.of());
        long t0 = System.nanoTime();
        byte[] sha = new byte[32];
        for (int i = 0; i < photos; i++) {
            sha[28] = (byte) (i >> 24);
            sha[29] = (byte) (i >> 16);
            sha[30] = (byte) (i >> 8);
            sha[31] = (byte) i;
            campaign.add(new PhotoKey(HexFormat.of().formatHex(sha), "S" + i, "party-a"), "C1", "uploader");
        }
        System.out.printf("queued %,d photos in %.1f s%n", photos, (System.nanoTime() - t0) / 1e9);
        Task[] held = new Task[volunteers];
        SplittableRandom r = new SplittableRandom(14);
        long[] ns = new long[nexts];
        int warm = Math.min(nexts / 3, 100_000);
        for (int n = -warm; n < nexts; n++) {
            int v = r.nextInt(volunteers);
            String account = "vol-" + v;
            if (held[v] != null) {
                Task t = held[v];
                var typed = new TallySheet(
                                t.photo().stationId(),
                                "C1",
                                "party-a",
                                new SummaryCounts(-1, -1, 10, 0, -1),
                                new long[] {6, 4})
                        .citing(t.photo().sha256());
                campaign.submit(account, typed, List.of());
            }
            long a = System.nanoTime();
            var next = campaign.next(account);
            long b = System.nanoTime();
            held[v] = next.task().orElse(null);
            if (n >= 0) ns[n] = b - a;
        }
        Arrays.sort(ns);
        System.out.printf(
                "next task, %,d photos, %,d volunteers, %,d calls: p50 %.3f ms, p99 %.3f ms, max %.3f ms;"
                        + " open by work %s, agreed %,d%n",
                photos,
                volunteers,
                nexts,
                ns[nexts / 2] / 1e6,
                ns[(int) (nexts * 0.99)] / 1e6,
                ns[nexts - 1] / 1e6,
                Arrays.toString(campaign.status().openByWork()),
                campaign.status().byStatus().getOrDefault(PhotoStatus.AGREED, 0));
    }
}
