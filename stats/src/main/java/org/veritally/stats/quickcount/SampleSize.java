package org.veritally.stats.quickcount;

import java.util.OptionalLong;
import org.veritally.stats.RuleId;

/**
 * {@code ST-QC-SIZE}: the number of voters a quick count needs for a margin of error E at confidence z
 * (Estok, Nevitte &amp; Cowan 2002, The Quick Count and Election Observation, NDI, ch. 5; Cochran 1977,
 * eq. 4.2 with the finite population correction): n0 = z² p (1 - p) / E², n = n0 / (1 + (n0 - 1) / N),
 * rounded up; and stations = ⌈n / average station size⌉.
 *
 * <p>Golden: the handbook's Peru 2001 example, N = 14,570,774, p = 0.5, E = 0.0032, z = 2.58, gives n0 =
 * 162,509.77 and n = 160,717.28, so 160,718 voters once rounded up. (The handbook prints 163,185 because it
 * rounds E² = 0.00001024 to 0.000010 along the way.) Stateless and thread-safe.
 */
public final class SampleSize {
    private SampleSize() {}

    /**
     * The number of voters.
     *
     * @throws IllegalArgumentException if N &lt; 1, p not in (0, 1), E not in (0, 1) or z &le; 0
     */
    public static SampleSizeResult voters(long population, double p, double margin, double z) {
        return compute(population, p, margin, z, 0);
    }

    /**
     * The number of voters and of stations of {@code averageStationSize} voters.
     *
     * @throws IllegalArgumentException as {@link #voters}, or if averageStationSize is not positive
     */
    public static SampleSizeResult stations(
            long population, double p, double margin, double z, double averageStationSize) {
        if (!(averageStationSize > 0)) {
            throw new IllegalArgumentException("average station size must be positive");
        }
        return compute(population, p, margin, z, averageStationSize);
    }

    private static SampleSizeResult compute(long n, double p, double e, double z, double stationSize) {
        if (n < 1 || !(p > 0 && p < 1) || !(e > 0 && e < 1) || !(z > 0)) {
            throw new IllegalArgumentException("need N >= 1, 0 < p < 1, 0 < E < 1 and z > 0");
        }
        double n0 = z * z * p * (1 - p) / (e * e);
        double exact = n0 / (1 + (n0 - 1) / n);
        // A tiny tolerance keeps an exact integer that floating point lands just above from rounding up.
        long voters = (long) Math.ceil(exact - 1e-9);
        OptionalLong stations =
                stationSize > 0 ? OptionalLong.of((long) Math.ceil(voters / stationSize - 1e-9)) : OptionalLong.empty();
        return new SampleSizeResult(
                RuleId.ST_QC_SIZE, n, p, e, z, n0, exact, voters, stations, RuleId.ST_QC_SIZE.caveat());
    }
}
