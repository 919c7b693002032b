package org.veritally.web.i18n;

import java.text.NumberFormat;

/**
 * Numbers and shares written the way a reader of the language expects ({@link NumberFormat} of its
 * locale): {@code 1,234,567} in English, {@code 1.234.567} in Spanish, Indonesian and Portuguese;
 * shares with one decimal ({@code 66.6%}, {@code 66,6 %}); small probabilities in scientific form
 * ({@code 8.3 × 10⁻²¹}, {@code 8,3 × 10⁻²¹}). Not thread-safe (NumberFormat is not): make one per
 * render.
 */
public final class Numbers {
    private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";
    private final NumberFormat integer;
    private final NumberFormat percent;
    private final NumberFormat decimal;
    private final NumberFormat percentN;

    public Numbers(Lang lang) {
        integer = NumberFormat.getIntegerInstance(lang.locale());
        integer.setGroupingUsed(true);
        percent = NumberFormat.getPercentInstance(lang.locale());
        percent.setMinimumFractionDigits(1);
        percent.setMaximumFractionDigits(1);
        decimal = NumberFormat.getNumberInstance(lang.locale());
        decimal.setGroupingUsed(true);
        percentN = NumberFormat.getPercentInstance(lang.locale());
    }

    public String count(long n) {
        return integer.format(n);
    }

    /** {@code part / whole} as a percentage; "–" when the whole is zero (nothing to divide). */
    public String share(long part, long whole) {
        if (whole <= 0) return "–";
        return percent.format((double) part / whole);
    }

    /** A ratio (0.512) as a percentage with exactly {@code digits} decimals; "–" when not a number. */
    public String percent(double ratio, int digits) {
        if (!Double.isFinite(ratio)) return "–";
        percentN.setMinimumFractionDigits(digits);
        percentN.setMaximumFractionDigits(digits);
        return percentN.format(ratio);
    }

    /** A number with exactly {@code digits} decimals ({@code 4.187}, {@code 4,187}); "–" when not a number. */
    public String decimal(double x, int digits) {
        if (!Double.isFinite(x)) return "–";
        decimal.setMinimumFractionDigits(digits);
        decimal.setMaximumFractionDigits(digits);
        return decimal.format(x);
    }

    /**
     * A probability: two significant digits ({@code 0.51}, {@code 0.0012}) down to 0.001, then
     * scientific ({@code 3.5 × 10⁻⁹}); {@code < 10⁻³⁰⁰} for an underflow to 0.
     */
    public String probability(double p) {
        if (!Double.isFinite(p)) return "–";
        if (p >= 1) return decimal(1, 0);
        if (p <= 0) return "< 10" + superscript(-300);
        if (p >= 0.001) {
            int digits = Math.max(2, 1 - (int) Math.floor(Math.log10(p)));
            return decimal(p, digits);
        }
        int exp = (int) Math.floor(Math.log10(p));
        double mantissa = p / Math.pow(10, exp);
        if (mantissa >= 9.95) {
            mantissa /= 10;
            exp++;
        }
        return decimal(mantissa, 1) + " × 10" + superscript(exp);
    }

    static String superscript(int exp) {
        StringBuilder b = new StringBuilder();
        if (exp < 0) b.append('⁻');
        for (char ch : Integer.toString(Math.abs(exp)).toCharArray()) b.append(SUPERSCRIPTS.charAt(ch - '0'));
        return b.toString();
    }

    /** The share as a number for CSS widths and sorting, 0 when the whole is zero. */
    public static double ratio(long part, long whole) {
        return whole <= 0 ? 0 : (double) part / whole;
    }
}
