package org.veritally.stats.fingerprint;

import java.util.Locale;

/**
 * Renders a {@link Fingerprint} as a self-contained SVG 1.1 string (pure string building, no I/O): one
 * rectangle per non-empty cell, coloured on a logarithmic scale from pale yellow (1 station) to dark purple
 * (the fullest cell), axes in percent, a colour bar, and a {@code <title>}/{@code <desc>} for screen readers.
 * The same numbers are available as a table from {@link Fingerprint#table()}. Stateless and thread-safe.
 */
public final class FingerprintSvg {
    private static final int LEFT = 70;
    private static final int TOP = 40;
    private static final int PLOT = 400;
    private static final int WIDTH = LEFT + PLOT + 110;
    private static final int HEIGHT = TOP + PLOT + 60;
    private static final int[] LOW = {255, 247, 188};
    private static final int[] HIGH = {63, 0, 125};

    private FingerprintSvg() {}

    /** The SVG document for {@code fingerprint}, titled {@code title} (escaped). */
    public static String render(Fingerprint fingerprint, String title) {
        StringBuilder svg = new StringBuilder(64 * 1024);
        String t = escape(title);
        svg.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
                        + " role=\"img\" font-family=\"sans-serif\" font-size=\"12\">%n",
                WIDTH,
                HEIGHT,
                WIDTH,
                HEIGHT));
        svg.append("<title>").append(t).append("</title>\n");
        svg.append(String.format(
                Locale.ROOT,
                "<desc>Election fingerprint (%s): %d stations by turnout (x) and %s's share of valid votes (y),"
                        + " %d bins per axis, colour on a log scale.</desc>%n",
                fingerprint.rule().code(),
                fingerprint.stations(),
                escape(fingerprint.candidateId()),
                fingerprint.bins()));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"24\" font-size=\"14\">%s</text>%n", LEFT, t));
        svg.append(String.format(
                Locale.ROOT,
                "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#ffffff\" stroke=\"#888888\"/>%n",
                LEFT,
                TOP,
                PLOT,
                PLOT));
        cells(svg, fingerprint);
        axes(svg, fingerprint.candidateId());
        colourBar(svg, fingerprint.maxCount());
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static void cells(StringBuilder svg, Fingerprint fp) {
        int bins = fp.bins();
        double size = (double) PLOT / bins;
        double logMax = Math.log1p(fp.maxCount());
        for (int tb = 0; tb < bins; tb++) {
            for (int sb = 0; sb < bins; sb++) {
                long n = fp.count(tb, sb);
                if (n == 0) {
                    continue;
                }
                double level = logMax <= Math.log(2) ? 1 : (Math.log1p(n) - Math.log(2)) / (logMax - Math.log(2));
                svg.append(String.format(
                        Locale.ROOT,
                        "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" "
                                + "fill=\"%s\"><title>%d</title></rect>%n",
                        LEFT + tb * size,
                        TOP + PLOT - (sb + 1) * size,
                        size,
                        size,
                        colour(level),
                        n));
            }
        }
    }

    private static void axes(StringBuilder svg, String candidateId) {
        for (int pct = 0; pct <= 100; pct += 20) {
            double x = LEFT + PLOT * pct / 100.0;
            double y = TOP + PLOT - PLOT * pct / 100.0;
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d</text>%n",
                    x,
                    TOP + PLOT + 16,
                    pct));
            svg.append(String.format(
                    Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%d</text>%n", LEFT - 6, y + 4, pct));
        }
        svg.append(String.format(
                Locale.ROOT,
                "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">Turnout (%%)</text>%n",
                LEFT + PLOT / 2,
                HEIGHT - 14));
        svg.append(String.format(
                Locale.ROOT,
                "<text x=\"18\" y=\"%d\" text-anchor=\"middle\" transform=\"rotate(-90 18 %d)\">%s share of valid"
                        + " votes (%%)</text>%n",
                TOP + PLOT / 2,
                TOP + PLOT / 2,
                escape(candidateId)));
    }

    private static void colourBar(StringBuilder svg, long max) {
        int x = LEFT + PLOT + 30;
        for (int i = 0; i < 20; i++) {
            svg.append(String.format(
                    Locale.ROOT,
                    "<rect x=\"%d\" y=\"%d\" width=\"16\" height=\"20\" fill=\"%s\"/>%n",
                    x,
                    TOP + PLOT - (i + 1) * 20,
                    colour(i / 19.0)));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%d</text>%n", x + 20, TOP + 10, max));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">1</text>%n", x + 20, TOP + PLOT));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">stations</text>%n", x - 4, TOP + PLOT + 16));
    }

    private static String colour(double level) {
        double l = Math.max(0, Math.min(1, level));
        int r = (int) Math.round(LOW[0] + (HIGH[0] - LOW[0]) * l);
        int g = (int) Math.round(LOW[1] + (HIGH[1] - LOW[1]) * l);
        int b = (int) Math.round(LOW[2] + (HIGH[2] - LOW[2]) * l);
        return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, b);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
