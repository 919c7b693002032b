package org.veritally.server.read;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.veritally.core.announce.AnnouncementCheck;
import org.veritally.core.announce.InHand;
import org.veritally.core.model.Announcement;
import org.veritally.core.model.Contest;
import org.veritally.core.model.Denominator;
import org.veritally.core.model.Election;
import org.veritally.core.model.SummaryCounts;
import org.veritally.core.tabulate.Tabulation;
import org.veritally.core.validation.ReadRule;
import org.veritally.server.state.ElectionState;
import org.veritally.stats.announced.Irreversibility;
import org.veritally.stats.announced.IrreversibilityResult;
import org.veritally.store.SheetQueries;
import org.veritally.store.Store;

/**
 * Use case: every announcement judged against the sheets in hand, in every view that has sheets
 * (official, consensus, each source), with the irreversibility of the announced lead at that point
 * of the count. The copies come from a {@link CopiesInHand} (live, or as of log size N). Thread-safe.
 */
public final class ReadAnnouncements {
    private final ElectionState state;
    private final CopiesInHand sheets;

    public ReadAnnouncements(ElectionState state, Store store) {
        this(state, new StoreCopies(store));
    }

    /**
     * The announcements {@code state} holds, judged against the copies {@code sheets} reads: as of log size N,
     * the announcements entered before N against the copies current at N.
     */
    public ReadAnnouncements(ElectionState state, CopiesInHand sheets) {
        this.state = state;
        this.sheets = sheets;
    }

    /** One announcement's report. */
    public record Report(
            long logIndex,
            Announcement announcement,
            List<AnnouncementCheck.Result> views,
            java.util.Optional<Lead> lead) {}

    /**
     * Whether the announced leader's margin could still be overturned by the voters not yet counted
     * according to the announcement itself ({@code unreportedRegistered}, and how it was derived).
     */
    public record Lead(
            String leader,
            long margin,
            String runnerUp,
            long unreportedRegistered,
            String basis,
            boolean irreversible,
            IrreversibilityResult detail) {}

    public List<Report> all() {
        Election e = state.election()
                .orElseThrow(() -> new UsageProblem(ReadRule.RD_ELECTION, "no election is defined yet"));
        List<Report> out = new ArrayList<>();
        Map<String, InHand> cache = new HashMap<>();
        for (var r : state.announcements()) {
            Announcement a = r.announcement();
            Contest c = e.contest(a.contest()).orElseThrow();
            List<AnnouncementCheck.Result> views = new ArrayList<>();
            for (String view : views()) {
                InHand h = cache.computeIfAbsent(c.id() + "|" + view, k -> inHand(c, view));
                views.add(AnnouncementCheck.check(a, c, h, Denominator.ofWhole(e, state.catalogue())));
            }
            out.add(new Report(r.index(), a, views, lead(a)));
        }
        return out;
    }

    private List<String> views() {
        List<String> v = new ArrayList<>();
        var tab = state.tabulation();
        if (tab.authority().isPresent()) v.add("official");
        v.add("consensus");
        for (var s : tab.sources()) v.add("source:" + s.id());
        return v;
    }

    InHand inHand(Contest c, String view) {
        var tab = state.tabulation();
        var cat = state.catalogue();
        int k = c.candidates().size();
        int[] candOf = c.candidateOfChoice();
        List<long[]> rows = new ArrayList<>();
        long[] registered = {0};
        java.util.function.Consumer<SheetQueries.SheetFigures> row = f -> {
            long[] v = new long[k + 3];
            String[] votes = f.votes().split(",");
            for (int i = 0; i < votes.length; i++) v[candOf[i]] += Long.parseLong(votes[i]);
            long valid = f.valid();
            long nulls = f.nulls();
            v[k] = valid;
            v[k + 1] = nulls;
            v[k + 2] = f.ballots() != SummaryCounts.ABSENT
                    ? f.ballots()
                    : valid + nulls + (f.blank() == SummaryCounts.ABSENT ? 0 : f.blank());
            rows.add(v);
            registered[0] += cat.station(cat.stationIndex(f.station())).registeredVoters();
        };
        if (view.equals("consensus")) {
            sheets.consensus(c.id(), row);
        } else {
            int src = tab.sourceOf(org.veritally.core.tabulate.View.parse(view));
            if (src < 0 || src == Tabulation.CONSENSUS) return new InHand(view, 0, 0, new long[k + 3][0]);
            sheets.ofSource(c.id(), tab.sources().get(src).id(), row);
        }
        long[][] per = new long[k + 3][rows.size()];
        for (int s = 0; s < rows.size(); s++) for (int f = 0; f < k + 3; f++) per[f][s] = rows.get(s)[f];
        return new InHand(view, rows.size(), registered[0], per);
    }

    /** Empty when the announcement lists fewer than two candidates (no lead to judge). */
    java.util.Optional<Lead> lead(Announcement a) {
        List<String> labels = new ArrayList<>(a.candidates().keySet());
        if (labels.size() < 2) return java.util.Optional.empty();
        long[] votes = labels.stream().mapToLong(a.candidates()::get).toArray();
        Denominator whole = Denominator.ofWhole(state.requireElection(), state.catalogue());
        long registered = Math.max(a.registered().orElse(0), whole.registered());
        long remaining;
        String basis;
        if (a.registered().isPresent() && a.registeredCounted().isPresent()) {
            remaining = Math.max(
                    0, a.registered().getAsLong() - a.registeredCounted().getAsLong());
            basis = "registered " + a.registered().getAsLong() + " − registered in the counted actas "
                    + a.registeredCounted().getAsLong();
        } else {
            long n = Math.max(whole.stations(), a.stationsTotal().orElse(0));
            double p = a.coverageFraction(n).orElse(1.0);
            remaining = Math.round((1 - p) * registered);
            basis = String.format(
                    "(1 − claimed coverage %.2f%%) × %d registered voters (%s)",
                    p * 100, registered, whole.declared() ? "the election's declared universe" : "the catalogue");
        }
        IrreversibilityResult r = Irreversibility.assess(labels, votes, remaining);
        int lead = 0;
        int second = -1;
        for (int i = 0; i < votes.length; i++) if (votes[i] > votes[lead]) lead = i;
        for (int i = 0; i < votes.length; i++) if (i != lead && (second < 0 || votes[i] > votes[second])) second = i;
        long margin = second < 0 ? votes[lead] : votes[lead] - votes[second];
        return java.util.Optional.of(
                new Lead(labels.get(lead), margin, labels.get(second), remaining, basis, r.irreversible(), r));
    }
}
