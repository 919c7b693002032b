package org.veritally.image.qr.corpus;

/**
 * A plane projective map, fitted to four point pairs: how a flat sheet photographed at an angle maps to the
 * photo. {@code map(x, y)} gives {@code ((h0 x + h1 y + h2) / d, (h3 x + h4 y + h5) / d)} with
 * {@code d = h6 x + h7 y + 1}. Immutable.
 */
final class Homography {
    private final double[] h;

    private Homography(double[] h) {
        this.h = h;
    }

    /** The map taking {@code from[i]} to {@code to[i]}, each an array of four {x, y} points. */
    static Homography fit(double[][] from, double[][] to) {
        double[][] a = new double[8][9];
        for (int i = 0; i < 4; i++) {
            double x = from[i][0], y = from[i][1], u = to[i][0], v = to[i][1];
            a[2 * i] = new double[] {x, y, 1, 0, 0, 0, -u * x, -u * y, u};
            a[2 * i + 1] = new double[] {0, 0, 0, x, y, 1, -v * x, -v * y, v};
        }
        return new Homography(solve(a));
    }

    /** Gaussian elimination with partial pivoting on an 8×9 augmented matrix. */
    private static double[] solve(double[][] a) {
        int n = 8;
        for (int c = 0; c < n; c++) {
            int p = c;
            for (int r = c + 1; r < n; r++) if (Math.abs(a[r][c]) > Math.abs(a[p][c])) p = r;
            if (Math.abs(a[p][c]) < 1e-12) throw new IllegalArgumentException("degenerate quadrilateral");
            double[] t = a[c];
            a[c] = a[p];
            a[p] = t;
            for (int r = 0; r < n; r++) {
                if (r == c) continue;
                double f = a[r][c] / a[c][c];
                for (int k = c; k <= n; k++) a[r][k] -= f * a[c][k];
            }
        }
        double[] h = new double[8];
        for (int i = 0; i < n; i++) h[i] = a[i][n] / a[i][i];
        return h;
    }

    double x(double x, double y) {
        return (h[0] * x + h[1] * y + h[2]) / (h[6] * x + h[7] * y + 1);
    }

    double y(double x, double y) {
        return (h[3] * x + h[4] * y + h[5]) / (h[6] * x + h[7] * y + 1);
    }

    /** The coefficients h0..h7, for the warp's inner loop. */
    double[] coefficients() {
        return h.clone();
    }
}
