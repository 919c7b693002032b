package org.veritally.stats.quickcount;

import org.veritally.stats.StationCounts;

/**
 * Exact running sums of one stratum's received sheets, with x = valid votes and y_c = candidate c's votes:
 * n, Σx, Σx², Σy_c, Σy_c², Σx·y_c. Long arithmetic is exact for any real election (Σx² stays below 2^63
 * for a million stations of up to a million valid votes each). Mutable; confined to its {@link QuickCount}.
 */
final class StratumSums {
    final long population;
    int n;
    long sumX;
    long sumX2;
    final long[] sumY;
    final long[] sumY2;
    final long[] sumXy;

    StratumSums(long population, int candidates) {
        this.population = population;
        this.sumY = new long[candidates];
        this.sumY2 = new long[candidates];
        this.sumXy = new long[candidates];
    }

    void add(StationCounts sheet) {
        long x = sheet.valid();
        n++;
        sumX += x;
        sumX2 += x * x;
        for (int c = 0; c < sumY.length; c++) {
            long y = sheet.votes(c);
            sumY[c] += y;
            sumY2[c] += y * y;
            sumXy[c] += x * y;
        }
    }

    /** N_h / n_h, the expansion weight. */
    double weight() {
        return (double) population / n;
    }

    /**
     * N_h² (1 - n_h/N_h) s²_d / n_h for the residuals d = y_c - r x (Cochran 1977, eq. 6.50 applied per
     * stratum); 0 when n_h &lt; 2.
     */
    double varianceTerm(int c, double r) {
        if (n < 2) {
            return 0;
        }
        double sumD = sumY[c] - r * sumX;
        double sumD2 = sumY2[c] - 2 * r * sumXy[c] + r * r * sumX2;
        double s2 = Math.max(0, (sumD2 - sumD * sumD / n) / (n - 1));
        double fpc = 1 - (double) n / population;
        return (double) population * population * fpc * s2 / n;
    }
}
