package org.veritally.web.i18n;

import java.text.NumberFormat;

/**
 * Numbers and shares written the way a reader of the language expects ({@link NumberFormat} of its
 * locale): {@code 1,234,567} in English, {@code 1.234.567} in Spanish, Indonesian and Portuguese;
 * shares with one decimal ({@code 66.6%}, {@code 66,6 %}). Not thread-safe (NumberFormat is not):
 * make one per render.
 */
public final class Numbers {
  private final NumberFormat integer;
  private final NumberFormat percent;

  public Numbers(Lang lang) {
    integer = NumberFormat.getIntegerInstance(lang.locale());
    integer.setGroupingUsed(true);
    percent = NumberFormat.getPercentInstance(lang.locale());
    percent.setMinimumFractionDigits(1);
    percent.setMaximumFractionDigits(1);
  }

  public String count(long n) {
    return integer.format(n);
  }

  /** {@code part / whole} as a percentage; "–" when the whole is zero (nothing to divide). */
  public String share(long part, long whole) {
    if (whole <= 0) return "–";
    return percent.format((double) part / whole);
  }

  /** The share as a number for CSS widths and sorting, 0 when the whole is zero. */
  public static double ratio(long part, long whole) {
    return whole <= 0 ? 0 : (double) part / whole;
  }
}
