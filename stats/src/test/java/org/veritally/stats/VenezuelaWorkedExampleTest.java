package org.veritally.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.veritally.stats.announced.Irreversibility;
import org.veritally.stats.announced.IrreversibilityResult;
import org.veritally.stats.announced.RoundShares;
import org.veritally.stats.announced.RoundSharesResult;
import org.veritally.stats.digits.BootstrapSpec;
import org.veritally.stats.digits.DigitPairResult;
import org.veritally.stats.digits.LastDigitReport;
import org.veritally.stats.digits.LastDigitResult;
import org.veritally.stats.digits.LastDigits;
import org.veritally.stats.digits.SecondDigitBenford;
import org.veritally.stats.digits.SecondDigitResult;
import org.veritally.stats.fingerprint.ElectionFingerprint;
import org.veritally.stats.fingerprint.Fingerprint;
import org.veritally.stats.fingerprint.FingerprintSvg;
import org.veritally.stats.fingerprint.IntegerPeakOptions;
import org.veritally.stats.fingerprint.IntegerPercentPeaks;
import org.veritally.stats.fingerprint.IntegerPercentResult;
import org.veritally.stats.outliers.Outlier;
import org.veritally.stats.outliers.OutlierThresholds;
import org.veritally.stats.outliers.StationOutliers;
import org.veritally.stats.quickcount.CandidateEstimate;
import org.veritally.stats.quickcount.ConsistentSampler;
import org.veritally.stats.quickcount.FrameStation;
import org.veritally.stats.quickcount.QuickCount;
import org.veritally.stats.quickcount.QuickCountEstimate;
import org.veritally.stats.quickcount.SamplePlan;
import org.veritally.stats.quickcount.ShareComparison;

/**
 * Every method on the real Venezuelan file of 28 July 2024 (the 24,532 actas the opposition published),
 * with sanity invariants. Prints the worked example for the docs. Skipped, with a message, without the file.
 */
class VenezuelaWorkedExampleTest {
    static final CandidateSet CANDIDATES = new CandidateSet(
            List.of("EG", "NM", "LM", "JABE", "JOBR", "AE", "CF", "DC", "EM", "BERA"),
            List.of(
                    "Edmundo González",
                    "Nicolás Maduro",
                    "Luis Martínez",
                    "Javier Bertucci",
                    "José Brito",
                    "Antonio Ecarri",
                    "Claudio Fermín",
                    "Daniel Ceballos",
                    "Enrique Márquez",
                    "Benjamín Rausseo"));
    /** The CNE's second bulletin (2 August 2024), in CANDIDATES order; valid 12,335,884. */
    static final long[] CNE_SECOND = {
        5_326_104, 6_408_844, 152_360, 64_452, 84_231, 116_421, 40_902, 20_056, 29_611, 92_903
    };

    static final long CNE_REGISTERED = 21_321_805;

    private static List<StationCounts> stations;

    static Path file() {
        String shared = System.getProperty("veritally.shared", "../../shared");
        return Path.of(shared, "data", "ve-2024", "RESULTADOS_2024_CSV_V1.csv");
    }

    @BeforeAll
    static void load() throws IOException {
        Path file = file();
        if (!Files.isRegularFile(file)) {
            System.out.println("SKIPPED: Venezuelan file not found at " + file.toAbsolutePath());
            return;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String header = lines.get(0).replace("\uFEFF", "");
        assertThat(header)
                .startsWith("COD_EDO,EDO,COD_MUN,MUN,COD_PAR,PAR,CENTRO,MESA,RE,VOTOS_VALIDOS,VOTOS_NULOS,EG");
        stations = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            long[] votes = new long[10];
            for (int c = 0; c < 10; c++) {
                votes[c] = Long.parseLong(f[11 + c]);
            }
            long valid = Long.parseLong(f[9]);
            StationCounts s = new StationCounts(
                    f[6] + "." + f[7], f[6], f[0], Long.parseLong(f[8]), valid + Long.parseLong(f[10]), votes);
            assertThat(s.valid()).as("TS-SUM at %s", s.stationId()).isEqualTo(valid);
            stations.add(s);
        }
    }

    private static void requireFile() {
        assumeTrue(stations != null, "Venezuelan file absent at " + file().toAbsolutePath() + ": skipped");
    }

    private static void print(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }

    @Test
    void fileMatchesPublishedFacts() {
        requireFile();
        NationalTotals t = NationalTotals.of(stations, 10);
        assertThat(stations).hasSize(24_532);
        assertThat(new HashSet<>(stations.stream().map(StationCounts::centreId).toList()))
                .hasSize(12_817);
        assertThat(t.valid()).isEqualTo(10_659_128);
        assertThat(t.votes()[0]).isEqualTo(7_156_462);
        assertThat(t.votes()[1]).isEqualTo(3_241_461);
        assertThat(t.registered()).isEqualTo(17_745_239);
        print("VE totals: EG %.2f%%, NM %.2f%%, leader %s", 100 * t.share(0), 100 * t.share(1), t.leader());
    }

    @Test
    void ST_2BL_and_lastDigitTestsOnRealCounts() {
        requireFile();
        for (SecondDigitResult r : SecondDigitBenford.perCandidate(stations, CANDIDATES, BootstrapSpec.of(2024))) {
            assertThat(r.pValue()).isBetween(0.0, 1.0);
            assertThat(r.mean())
                    .isBetween(r.meanInterval().low() - 1e-9, r.meanInterval().high() + 1e-9);
            if (r.scope().equals("EG") || r.scope().equals("NM")) {
                print(
                        "ST-2BL %s: n=%d excluded=%d chi2=%.1f p=%.3g mean=%.3f CI95=[%.3f, %.3f] (2BL 4.187) seed=%d",
                        r.scope(),
                        r.counts(),
                        r.excluded(),
                        r.chiSquare(),
                        r.pValue(),
                        r.mean(),
                        r.meanInterval().low(),
                        r.meanInterval().high(),
                        r.meanInterval().spec().seed());
            }
        }
        LastDigitReport ld = LastDigits.perCandidate(stations, CANDIDATES, LastDigits.DEFAULT_MIN_COUNT);
        assertThat(ld.uniformity()).hasSize(11);
        for (int i : new int[] {0, 1, 10}) {
            LastDigitResult u = ld.uniformity().get(i);
            DigitPairResult rep = ld.repeats().get(i);
            DigitPairResult adj = ld.adjacent().get(i);
            assertThat(u.observed().stream().mapToLong(Long::longValue).sum()).isEqualTo(u.counts());
            print(
                    "ST-LD %s: n=%d unif chi2=%.1f p=%.3g; repeats %.4f (0.10) p=%.3g; adjacent %.4f (0.20) p=%.3g",
                    u.scope(),
                    u.counts(),
                    u.chiSquare(),
                    u.pValue(),
                    rep.share(),
                    rep.pValue(),
                    adj.share(),
                    adj.pValue());
        }
    }

    @Test
    void ST_FP_and_integerPercentagesOnRealCounts() {
        requireFile();
        Fingerprint fp = ElectionFingerprint.of(stations, CANDIDATES, 0, ElectionFingerprint.DEFAULT_BINS);
        assertThat(fp.stations() + fp.excludedNoVotes() + fp.excludedOver100()).isEqualTo(stations.size());
        String svg = FingerprintSvg.render(fp, "Venezuela 2024, opposition actas: turnout vs González share");
        assertThat(svg).startsWith("<svg").endsWith("</svg>\n");
        print(
                "ST-FP EG: %d stations placed, %d without votes, %d over 100%%, %d non-empty cells, "
                        + "fullest %d, SVG %d chars",
                fp.stations(),
                fp.excludedNoVotes(),
                fp.excludedOver100(),
                fp.table().size(),
                fp.maxCount(),
                svg.length());
        IntegerPeakOptions peaks = IntegerPeakOptions.defaults(1);
        IntegerPercentResult turnout = IntegerPercentPeaks.turnout(stations, peaks);
        IntegerPercentResult share = IntegerPercentPeaks.share(stations, 0, CANDIDATES.id(0), peaks);
        for (IntegerPercentResult r : List.of(turnout, share)) {
            assertThat(r.observed()).isLessThanOrEqualTo(r.stations());
            assertThat(r.pValue()).isBetween(0.0, 1.0);
            print(
                    "%s: %d stations, %d at whole percents vs %.1f ± %.1f by Monte Carlo (seed %d), z=%.2f p=%.3g",
                    r.rule().code(), r.stations(), r.observed(), r.expected(), r.sd(), r.seed(), r.z(), r.pValue());
        }
    }

    @Test
    void stationOutliersOnRealCounts() {
        requireFile();
        List<Outlier> all = StationOutliers.findAll(stations, CANDIDATES, OutlierThresholds.defaults());
        Map<RuleId, Long> counts = StationOutliers.countByRule(all);
        assertThat(counts.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(all.size());
        assertThat(counts.get(RuleId.ST_OUT_TURNOUT100)).isLessThan(stations.size() / 100);
        print("ST-OUT counts: %s", counts);
        for (RuleId rule : counts.keySet()) {
            all.stream()
                    .filter(o -> o.rule() == rule)
                    .findFirst()
                    .ifPresent(o -> print("  e.g. %s at %s: %s", rule.code(), o.stationId(), o.detail()));
        }
    }

    @Test
    void ST_ROUND_and_ST_IRREV_onCollectedTotals() {
        requireFile();
        NationalTotals t = NationalTotals.of(stations, 10);
        long[] v = t.votes();
        RoundSharesResult round = RoundShares.check(
                List.of("EG", "NM", "others"),
                new long[] {v[0], v[1], t.valid() - v[0] - v[1]},
                RoundShares.DEFAULT_MAX_DECIMALS,
                RoundShares.DEFAULT_ALPHA);
        assertThat(round.flagged()).isFalse();
        print(
                "ST-ROUND on the actas' totals: allRound=%s flagged=%s (exact %.4f%%, %.4f%%)",
                round.allRound(),
                round.flagged(),
                round.shares().get(0).exactPercent(),
                round.shares().get(1).exactPercent());
        long remaining = CNE_REGISTERED - t.registered();
        IrreversibilityResult irrev = Irreversibility.assess(CANDIDATES.ids(), v, remaining);
        assertThat(irrev.leader()).isEqualTo("EG");
        print(
                "ST-IRREV on the actas: EG leads NM by %d; registered voters in tables not collected %d;"
                        + " irreversible=%s",
                irrev.margins().get(0).margin(), remaining, irrev.irreversible());
    }

    @Test
    void ST_QC_quickCountFromTheActasAgainstTheCneSecondBulletin() {
        requireFile();
        List<FrameStation> frame = stations.stream()
                .map(s -> new FrameStation(s.stationId(), s.stratum()))
                .toList();
        SamplePlan plan = ConsistentSampler.plan("veritally worked example 2024-07-28", frame, 1000);
        Map<String, StationCounts> byId = new HashMap<>();
        stations.forEach(s -> byId.put(s.stationId(), s));
        QuickCount qc = new QuickCount(plan, CANDIDATES);
        // Sheets arrive in ticket order, i.e. at random across states.
        List<SamplePlan.SampledStation> sample = new ArrayList<>(plan.stations());
        sample.sort((x, y) -> x.ticket().compareTo(y.ticket()));
        for (int i = 0; i < sample.size(); i++) {
            qc.accept(byId.get(sample.get(i).stationId()));
            if (i == 499) {
                QuickCountEstimate half = qc.estimate(1.96);
                print(
                        "ST-QC at %d/%d sheets (%d/%d states): EG %.2f%% ± %.2f (95%%)",
                        half.received(),
                        half.planned(),
                        half.strataReceived(),
                        half.strata(),
                        100 * half.candidates().get(0).share(),
                        100 * 1.96 * half.candidates().get(0).standardError());
            }
        }
        QuickCountEstimate est = qc.estimate(2.58);
        NationalTotals t = NationalTotals.of(stations, 10);
        long cneValid = 0;
        for (long x : CNE_SECOND) {
            cneValid += x;
        }
        List<Double> cneShares = new ArrayList<>();
        for (long x : CNE_SECOND) {
            cneShares.add((double) x / cneValid);
        }
        List<ShareComparison> cmp = est.compare(cneShares);
        for (int c = 0; c < 2; c++) {
            CandidateEstimate e = est.candidates().get(c);
            assertThat(e.contains(t.share(c)))
                    .as("the actas' own share of %s", e.candidateId())
                    .isTrue();
            assertThat(cmp.get(c).inside())
                    .as("CNE share of %s", e.candidateId())
                    .isFalse();
            print(
                    "ST-QC %s (1,000 tables, 99%%): %.2f%% [%.2f, %.2f]; all actas %.2f%%; CNE %.2f%% (%.0f SE away)",
                    e.candidateId(),
                    100 * e.share(),
                    100 * e.low(),
                    100 * e.high(),
                    100 * t.share(c),
                    100 * cmp.get(c).announced(),
                    cmp.get(c).standardErrors());
        }
    }
}
