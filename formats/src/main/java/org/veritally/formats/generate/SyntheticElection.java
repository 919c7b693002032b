package org.veritally.formats.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.veritally.core.model.Candidate;
import org.veritally.core.model.Choice;
import org.veritally.core.model.Contest;
import org.veritally.core.model.Election;
import org.veritally.core.model.Source;
import org.veritally.core.model.SourceKind;
import org.veritally.core.model.Station;
import org.veritally.core.model.SummaryCounts;
import org.veritally.core.model.TallySheet;
import org.veritally.core.model.Unit;
import org.veritally.formats.Definition;

/**
 * Synthetic but realistic elections for demos, tests and benchmarks, fully determined by the seed.
 * Hierarchy: country → region → district → subdistrict → village (5 levels), about 6 stations a village,
 * numbered in contiguous blocks (stations of one village are consecutive, as in real catalogues),
 * 200–800 registered voters a station. Turnout and each candidate's strength vary by region and by
 * district, with station noise; null ≈ 1–3% and blank ≈ 0–2% of ballots. The first candidate stands
 * on two ballot lines when a contest has five or more choices, so choices and candidates differ.
 * Every source receives an identical copy of every sheet. Stateless apart from the seed it is given.
 */
public final class SyntheticElection {
    private final int stations;
    private final int contests;
    private final int choices;
    private final int sources;
    private final long seed;

    public SyntheticElection(int stations, int contests, int choices, int sources, long seed) {
        if (stations < 1
                || contests < 1
                || choices < 2
                || sources < 1
                || contests > 99
                || choices > 60
                || sources > 20) {
            throw new IllegalArgumentException("need stations ≥ 1, 1–99 contests, 2–60 choices, 1–20 sources");
        }
        this.stations = stations;
        this.contests = contests;
        this.choices = choices;
        this.sources = sources;
        this.seed = seed;
    }

    public Definition definition() {
        SplittableRandom r = new SplittableRandom(seed);
        List<Contest> cs = new ArrayList<>();
        String[] offices = {"President", "Senate", "House", "Governor", "Council"};
        for (int c = 0; c < contests; c++) {
            String cid = "C" + (c + 1);
            List<Candidate> cands = new ArrayList<>();
            List<Choice> chs = new ArrayList<>();
            int nCand = choices >= 5 ? choices - 1 : choices;
            for (int k = 0; k < nCand; k++)
                cands.add(new Candidate(
                        cid + "-K" + (k + 1), "Candidate " + (char) ('A' + k % 26) + (k >= 26 ? k / 26 : "")));
            for (int k = 0; k < choices; k++) {
                int cand = choices >= 5 ? Math.max(0, k - 1) : k;
                chs.add(new Choice(
                        cid + "-L" + (k + 1),
                        "Line " + (k + 1) + " (" + cands.get(cand).name() + ")",
                        cands.get(cand).id()));
            }
            cs.add(new Contest(
                    cid, offices[c % offices.length] + (c >= offices.length ? " " + (c + 1) : ""), chs, cands));
        }
        Election e = new Election(
                "synthetic-" + seed,
                "Synthetic election (seed " + seed + ")",
                "N",
                List.of("country", "region", "district", "subdistrict", "village"),
                cs,
                0);
        List<Unit> units = new ArrayList<>();
        List<Station> sts = new ArrayList<>();
        units.add(new Unit("N", "Nation", 0, ""));
        int villages = Math.max(1, stations / 6);
        int subs = Math.max(1, villages / 8);
        int districts = Math.max(1, subs / 10);
        int regions = Math.max(1, Math.min(40, districts / 5));
        for (int i = 0; i < regions; i++) units.add(new Unit("R" + i, "Region " + i, 1, "N"));
        for (int i = 0; i < districts; i++)
            units.add(new Unit("D" + i, "District " + i, 2, "R" + block(i, districts, regions)));
        for (int i = 0; i < subs; i++)
            units.add(new Unit("S" + i, "Subdistrict " + i, 3, "D" + block(i, subs, districts)));
        for (int i = 0; i < villages; i++)
            units.add(new Unit("V" + i, "Village " + i, 4, "S" + block(i, villages, subs)));
        for (int i = 0; i < stations; i++) {
            sts.add(new Station("P" + i, "Station " + i, "V" + block(i, stations, villages), 200 + r.nextInt(601)));
        }
        List<Source> srcs = new ArrayList<>();
        srcs.add(new Source("authority", "Electoral authority", SourceKind.AUTHORITY));
        for (int s = 1; s < sources; s++) {
            srcs.add(
                    s % 2 == 1
                            ? new Source(
                                    "party-" + (char) ('a' + s / 2),
                                    "Witnesses of party " + (char) ('A' + s / 2),
                                    SourceKind.WITNESS)
                            : new Source("observer-" + s / 2, "Observer mission " + s / 2, SourceKind.OBSERVER));
        }
        return new Definition(e, units, sts, srcs);
    }

    /** Emits every sheet (station-major, then contest, then source) to {@code out}. */
    public void sheets(Definition d, Consumer<TallySheet> out) {
        SplittableRandom r = new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L);
        int regions = (int) d.units().stream().filter(u -> u.level() == 1).count();
        int districts = (int) d.units().stream().filter(u -> u.level() == 2).count();
        double[] regionTurnout = new double[regions];
        double[][][] strength = new double[contests][districts][];
        for (int i = 0; i < regions; i++) regionTurnout[i] = clamp(0.62 + 0.08 * gauss(r), 0.35, 0.9);
        for (int c = 0; c < contests; c++) {
            int k = d.election().contests().get(c).choices().size();
            double[][] regional = new double[regions][k];
            for (int i = 0; i < regions; i++)
                for (int j = 0; j < k; j++) regional[i][j] = Math.exp(0.6 * gauss(r) - 0.35 * j);
            for (int di = 0; di < districts; di++) {
                strength[c][di] = new double[k];
                for (int j = 0; j < k; j++) strength[c][di][j] = regional[di % regions][j] * Math.exp(0.25 * gauss(r));
            }
        }
        int villages = (int) d.units().stream().filter(u -> u.level() == 4).count();
        int subs = Math.max(1, villages / 8);
        for (int i = 0; i < d.stations().size(); i++) {
            Station st = d.stations().get(i);
            int village = block(i, d.stations().size(), villages);
            int district = block(block(village, villages, subs), subs, districts);
            int region = block(district, districts, regions);
            for (int c = 0; c < contests; c++) {
                Contest contest = d.election().contests().get(c);
                double t = clamp(regionTurnout[region] + 0.06 * gauss(r), 0.2, 0.97);
                long ballots = Math.round(st.registeredVoters() * t);
                long nulls = Math.round(ballots * (0.01 + 0.02 * r.nextDouble()));
                long blank = Math.round(ballots * 0.02 * r.nextDouble());
                long valid = ballots - nulls - blank;
                long[] votes = split(valid, noisy(strength[c][district], r), r);
                for (Source s : d.sources()) {
                    out.accept(new TallySheet(
                            st.id(),
                            contest.id(),
                            s.id(),
                            new SummaryCounts(st.registeredVoters(), ballots, valid, nulls, blank),
                            votes));
                }
            }
        }
    }

    /** The parent of child {@code i} of {@code n} when they are split into {@code parents} contiguous blocks. */
    static int block(int i, int n, int parents) {
        return (int) ((long) i * parents / n);
    }

    private static double[] noisy(double[] base, SplittableRandom r) {
        double[] w = new double[base.length];
        for (int j = 0; j < w.length; j++) w[j] = base[j] * Math.exp(0.15 * gauss(r));
        return w;
    }

    /** Splits {@code total} by weights with the largest-remainder method, so the parts add up exactly. */
    static long[] split(long total, double[] w, SplittableRandom r) {
        double sum = 0;
        for (double x : w) sum += x;
        long[] out = new long[w.length];
        double[] rem = new double[w.length];
        long given = 0;
        for (int j = 0; j < w.length; j++) {
            double exact = total * w[j] / sum;
            out[j] = (long) Math.floor(exact);
            rem[j] = exact - out[j] + 1e-9 * r.nextDouble();
            given += out[j];
        }
        for (long left = total - given; left > 0; left--) {
            int best = 0;
            for (int j = 1; j < w.length; j++) if (rem[j] > rem[best]) best = j;
            out[best]++;
            rem[best] = -1;
        }
        return out;
    }

    private static double gauss(SplittableRandom r) {
        double u = Math.max(1e-12, r.nextDouble());
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    private static double clamp(double x, double lo, double hi) {
        return Math.max(lo, Math.min(hi, x));
    }
}
