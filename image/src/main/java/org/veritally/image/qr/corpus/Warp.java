package org.veritally.image.qr.corpus;

/**
 * The camera's inner loop: for every photo pixel, where it falls on the sheet (a projective map), the sheet's
 * bilinear value there, or the table's outside it, times the light at that pixel.
 */
final class Warp {
    private Warp() {}

    static void run(Homography toSheet, byte[] src, int sw, int sh, byte[] out, int fw, int fh, Distortion d) {
        double[] h = toSheet.coefficients();
        double phi = Math.toRadians(d.lightAngleDegrees());
        double lx = Math.cos(phi);
        double ly = Math.sin(phi);
        double half = Math.hypot(fw, fh) / 2;
        double[] tableX = new double[fw];
        for (int x = 0; x < fw; x++) tableX[x] = 25 * Math.sin(x * 0.013);
        for (int y = 0; y < fh; y++) {
            double tableY = Math.cos(y * 0.011);
            double nu = h[1] * y + h[2];
            double nv = h[4] * y + h[5];
            double dn = h[7] * y + 1;
            double lightRow = ly * (y - fh / 2.0);
            for (int x = 0; x < fw; x++) {
                double w = h[6] * x + dn;
                double u = (h[0] * x + nu) / w;
                double v = (h[3] * x + nv) / w;
                double value;
                if (u >= 0 && v >= 0 && u < sw - 1 && v < sh - 1) {
                    int iu = (int) u;
                    int iv = (int) v;
                    double fu = u - iu;
                    double fv = v - iv;
                    int i = iv * sw + iu;
                    double top = (src[i] & 0xff) * (1 - fu) + (src[i + 1] & 0xff) * fu;
                    double bottom = (src[i + sw] & 0xff) * (1 - fu) + (src[i + sw + 1] & 0xff) * fu;
                    value = top * (1 - fv) + bottom * fv;
                } else {
                    value = 75 + tableX[x] * tableY; // a table, darker than the paper
                }
                double t = ((lx * (x - fw / 2.0) + lightRow) / half + 1) / 2; // 0..1 along the light
                out[y * fw + x] = (byte) Math.max(0, Math.min(255, (int) (value * (1 - d.lightDepth() * t))));
            }
        }
    }
}
