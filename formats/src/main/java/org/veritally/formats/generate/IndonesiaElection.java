package org.veritally.formats.generate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.veritally.core.model.Contest;
import org.veritally.core.model.Election;
import org.veritally.core.model.Source;
import org.veritally.core.model.SourceKind;
import org.veritally.core.model.Station;
import org.veritally.core.model.SummaryCounts;
import org.veritally.core.model.TallySheet;
import org.veritally.core.model.Unit;
import org.veritally.formats.generate.IdVillages.Village;

/**
 * Generated votes on Indonesia's real 2024 geography (issue 15): country → 38 provinces → 514 regencies →
 * 7,277 districts → 83,731 villages → 820,161 TPS, read from {@code villages.csv} ({@link IdVillages}), and
 * the first {@code contests} of the five ballots of {@link IdBallots}. Each TPS has about 250 registered voters
 * (normal, sd 30, 80 to 300, the legal maximum; special TPS 50 to 300), a turnout drawn around 82 % by
 * province with TPS noise, the same voters casting all five ballots, a share of invalid ballots by contest,
 * and party strengths that vary by province, regency and TPS. Source {@code kpu} (the authority's Sirekap
 * uploads) is followed by {@code kawalpemilu} (observers) and party witnesses; each copies the KPU's sheet,
 * except, about once in {@value #DISAGREE_ONE_IN} copies, a disagreement: some votes moved from the leading
 * line to another (the sums still add up, as a misread form would).
 *
 * <p>Ids: the country is {@code ID}; a unit's id is its KPU code (2, 4, 6 and 10 digits); a TPS is {@code
 * <village code>.<number, 3 digits>} ({@code 1101012001.001}, special TPS from {@code .901}). Sheets are
 * streamed village by village, each village from its own generator derived from the seed and its position,
 * so the output is fully determined by the seed and holds no more than one village in memory. Immutable
 * after construction; {@link #sheets} may be called from one thread at a time.
 */
public final class IndonesiaElection {
    /** One disagreeing copy in about this many copies of a sheet by a second source. */
    public static final int DISAGREE_ONE_IN = 40_000;

    private final List<Village> villages;
    private final int contests;
    private final int sources;
    private final long seed;
    private final Election election;
    private final List<Source> sourceList;
    private final Map<String, Integer> province = new HashMap<>();
    private final Map<String, Integer> regency = new HashMap<>();
    private final double[] provinceTurnout;
    private final double[][][] provinceWeights;
    private final double[][][] regencyFactor;

    /** What {@link #sheets} emits, besides the sheets: the village and TPS they belong to. */
    public interface SheetSink {
        void accept(Village village, Station station, TallySheet sheet);
    }

    public IndonesiaElection(List<Village> villages, int contests, int sources, long seed) {
        if (villages.isEmpty() || contests < 1 || contests > IdBallots.CONTESTS.size() || sources < 1 || sources > 20) {
            throw new IllegalArgumentException("need villages, 1–5 contests and 1–20 sources");
        }
        this.villages = List.copyOf(villages);
        this.contests = contests;
        this.sources = sources;
        this.seed = seed;
        List<Contest> cs = new ArrayList<>();
        for (int c = 0; c < contests; c++) cs.add(IdBallots.contest(c));
        this.election = new Election(
                "id-2024",
                "Pemilu 2024, Indonesia: real geography, generated votes (seed " + seed + ")",
                "ID",
                List.of("country", "province", "regency", "district", "village"),
                cs,
                0);
        List<Source> src = new ArrayList<>();
        src.add(new Source("kpu", "KPU (Sirekap uploads of the C1 forms)", SourceKind.AUTHORITY));
        if (sources > 1) src.add(new Source("kawalpemilu", "KawalPemilu volunteers", SourceKind.OBSERVER));
        for (int s = 2; s < sources; s++)
            src.add(new Source("saksi-" + (s - 1), "Party witnesses " + (s - 1), SourceKind.WITNESS));
        this.sourceList = List.copyOf(src);
        for (Village v : villages) {
            province.putIfAbsent(v.provinceCode(), province.size());
            regency.putIfAbsent(v.regencyCode(), regency.size());
        }
        SplittableRandom r = new SplittableRandom(seed);
        provinceTurnout = new double[province.size()];
        for (int p = 0; p < provinceTurnout.length; p++) provinceTurnout[p] = clamp(0.82 + 0.035 * gauss(r), 0.6, 0.95);
        provinceWeights = new double[contests][province.size()][];
        regencyFactor = new double[contests][regency.size()][];
        for (int c = 0; c < contests; c++) {
            double spread = IdBallots.CONTESTS.get(c).equals("DPD") ? 0.8 : 0.45;
            for (var e : province.entrySet()) {
                double[] w = IdBallots.weights(c, e.getKey().equals(IdBallots.ACEH));
                for (int j = 0; j < w.length; j++) w[j] *= Math.exp(spread * gauss(r));
                provinceWeights[c][e.getValue()] = w;
            }
            int k = IdBallots.weights(c, true).length;
            for (int g = 0; g < regency.size(); g++) {
                double[] f = new double[k];
                for (int j = 0; j < k; j++) f[j] = Math.exp(0.25 * gauss(r));
                regencyFactor[c][g] = f;
            }
        }
    }

    public Election election() {
        return election;
    }

    public List<Source> sources() {
        return sourceList;
    }

    /** The root, then provinces, regencies, districts and villages, each parent before its children. */
    public List<Unit> units() {
        List<Unit> out = new ArrayList<>(92_000);
        out.add(new Unit("ID", "Indonesia", 0, ""));
        List<Unit> regencies = new ArrayList<>();
        List<Unit> districts = new ArrayList<>();
        List<Unit> vs = new ArrayList<>();
        java.util.Set<String> seenP = new java.util.HashSet<>();
        java.util.Set<String> seenR = new java.util.HashSet<>();
        java.util.Set<String> seenD = new java.util.HashSet<>();
        for (Village v : villages) {
            if (seenP.add(v.provinceCode())) out.add(new Unit(v.provinceCode(), v.province(), 1, "ID"));
            if (seenR.add(v.regencyCode())) regencies.add(new Unit(v.regencyCode(), v.regency(), 2, v.provinceCode()));
            if (seenD.add(v.districtCode()))
                districts.add(new Unit(v.districtCode(), v.district(), 3, v.regencyCode()));
            vs.add(new Unit(v.code(), v.name(), 4, v.districtCode()));
        }
        out.addAll(regencies);
        out.addAll(districts);
        out.addAll(vs);
        return out;
    }

    /** How many TPS the geography has. */
    public long stationCount() {
        long n = 0;
        for (Village v : villages) n += v.stations();
        return n;
    }

    /**
     * Emits every sheet: village by village in file order, then TPS, contest, source. Deterministic for the
     * seed.
     */
    public void sheets(SheetSink out) {
        for (int vi = 0; vi < villages.size(); vi++) {
            Village v = villages.get(vi);
            SplittableRandom r = new SplittableRandom(mix(seed, vi));
            SplittableRandom reg = new SplittableRandom(mix(~seed, vi));
            int p = province.get(v.provinceCode());
            int g = regency.get(v.regencyCode());
            for (int i = 0; i < v.stations(); i++) {
                Station st = station(v, i, reg);
                long registered = st.registeredVoters();
                double t = clamp(provinceTurnout[p] + 0.05 * gauss(r), 0.45, 0.99);
                long ballots = Math.round(registered * t);
                for (int c = 0; c < contests; c++) {
                    Contest contest = election.contests().get(c);
                    long invalid = Math.round(ballots * IdBallots.invalidShare(c) * (0.5 + r.nextDouble()));
                    long valid = ballots - invalid;
                    double[] w = provinceWeights[c][p].clone();
                    for (int j = 0; j < w.length; j++) w[j] *= regencyFactor[c][g][j] * Math.exp(0.15 * gauss(r));
                    long[] votes = split(valid, w, r);
                    SummaryCounts counts = new SummaryCounts(registered, ballots, valid, invalid, SummaryCounts.ABSENT);
                    out.accept(
                            v,
                            st,
                            new TallySheet(
                                    st.id(), contest.id(), sourceList.get(0).id(), counts, votes));
                    for (int s = 1; s < sourceList.size(); s++) {
                        long[] copy = votes;
                        if (r.nextInt(DISAGREE_ONE_IN) == 0) copy = disagree(votes, w, r);
                        out.accept(
                                v,
                                st,
                                new TallySheet(
                                        st.id(), contest.id(), sourceList.get(s).id(), counts, copy));
                    }
                }
            }
        }
    }

    /** Emits every TPS, in the order of {@link #sheets}, without drawing any votes. */
    public void stations(java.util.function.BiConsumer<Village, Station> out) {
        for (int vi = 0; vi < villages.size(); vi++) {
            Village v = villages.get(vi);
            SplittableRandom reg = new SplittableRandom(mix(~seed, vi));
            for (int i = 0; i < v.stations(); i++) out.accept(v, station(v, i, reg));
        }
    }

    /** The village's {@code i}-th TPS, its registered voters drawn from {@code reg} (the village's own). */
    private static Station station(Village v, int i, SplittableRandom reg) {
        int number = v.number(i);
        long registered = i >= v.tps() ? 50 + reg.nextInt(251) : Math.round(clamp(250 + 30 * gauss(reg), 80, 300));
        return new Station(
                v.code() + "." + (number < 10 ? "00" : number < 100 ? "0" : "") + number,
                "TPS " + number,
                v.code(),
                registered);
    }

    /** The votes with up to 20 moved from the leading line to another that stands here. */
    private static long[] disagree(long[] votes, double[] w, SplittableRandom r) {
        int lead = 0;
        for (int j = 1; j < votes.length; j++) if (votes[j] > votes[lead]) lead = j;
        int to = r.nextInt(votes.length);
        if (votes[lead] == 0 || to == lead || w[to] == 0) to = lead == 0 ? 1 : 0;
        long[] copy = votes.clone();
        long moved = 1 + r.nextLong(Math.max(1, Math.min(20, votes[lead])));
        moved = Math.min(moved, votes[lead]);
        copy[lead] -= moved;
        copy[to] += moved;
        return copy;
    }

    /** Splits {@code total} by weights (largest remainder); a line of weight 0 gets nothing. */
    static long[] split(long total, double[] w, SplittableRandom r) {
        double sum = 0;
        for (double x : w) sum += x;
        long[] out = new long[w.length];
        double[] rem = new double[w.length];
        long given = 0;
        for (int j = 0; j < w.length; j++) {
            double exact = total * w[j] / sum;
            out[j] = (long) Math.floor(exact);
            rem[j] = w[j] == 0 ? -1 : exact - out[j] + 1e-9 * r.nextDouble();
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

    /** A seed for village {@code i}: SplitMix64's finaliser over the seed and the position. */
    private static long mix(long seed, long i) {
        long z = seed + (i + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static double gauss(SplittableRandom r) {
        double u = Math.max(1e-12, r.nextDouble());
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    private static double clamp(double x, double lo, double hi) {
        return Math.max(lo, Math.min(hi, x));
    }
}
