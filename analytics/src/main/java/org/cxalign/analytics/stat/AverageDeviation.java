package org.cxalign.analytics.stat;

/**
 * The average deviation index AD_M and AD_M(J) (Burke, Finkelstein &amp; Dusig 1999, eq. 1 and 2).
 *
 * <p>For one item: AD_M = Σ|x_i − x̄|/n, the mean absolute deviation of the group's answers from
 * their mean (in R: {@code mean(abs(x - mean(x)))}). For a scale: AD_M(J) = mean of the item AD_M
 * values. Smaller is more agreement; Burke &amp; Dunlap (2002, p. 166) give A/6 as the practical
 * cut-off for A answer options ({@link #cutoff(Scale)}).
 *
 * <p>Special cases: no answers, or one answer, gives an undefined AD_M (agreement needs at least
 * two respondents; R would give NaN and 0); zero variance gives 0. Missing answers are left out.
 */
public final class AverageDeviation {

  private AverageDeviation() {}

  /**
   * AD_M of one item from its option counts.
   *
   * @param optionCounts count of answers per option, index 0 = {@code s.min()}; length A
   * @throws IllegalArgumentException if the length differs from the number of options or a count is
   *     negative
   */
  public static Estimate ofCounts(Scale s, long[] optionCounts) {
    if (optionCounts.length != s.options()) {
      throw new IllegalArgumentException(
          "expected "
              + s.options()
              + " option counts for scale "
              + s
              + ", got "
              + optionCounts.length);
    }
    long n = 0;
    double sum = 0;
    for (int k = 0; k < optionCounts.length; k++) {
      if (optionCounts[k] < 0) {
        throw new IllegalArgumentException(
            "option counts must be >= 0, got " + optionCounts[k] + " for option " + (s.min() + k));
      }
      n += optionCounts[k];
      sum += (double) optionCounts[k] * (s.min() + k);
    }
    if (n < 2) {
      return tooFew(n);
    }
    double mean = sum / n;
    double deviation = 0;
    for (int k = 0; k < optionCounts.length; k++) {
      deviation += optionCounts[k] * Math.abs(s.min() + k - mean);
    }
    return Estimate.of(deviation / n);
  }

  /**
   * AD_M of one item from its answers; NaN marks a missing answer and is left out.
   *
   * @throws IllegalArgumentException if a value is infinite
   */
  public static Estimate ofValues(double[] x) {
    int n = 0;
    double sum = 0;
    for (double v : x) {
      if (Double.isInfinite(v)) {
        throw new IllegalArgumentException("values must be finite or NaN (missing), got " + v);
      }
      if (!Double.isNaN(v)) {
        n++;
        sum += v;
      }
    }
    if (n < 2) {
      return tooFew(n);
    }
    double mean = sum / n;
    double deviation = 0;
    for (double v : x) {
      if (!Double.isNaN(v)) {
        deviation += Math.abs(v - mean);
      }
    }
    return Estimate.of(deviation / n);
  }

  /**
   * The practical cut-off A/6 (Burke &amp; Dunlap 2002); AD_M at or below it indicates agreement.
   */
  public static double cutoff(Scale s) {
    return s.options() / 6.0;
  }

  /** AD_M(J): the mean of the defined item AD_M values; undefined when no item is defined. */
  public static Estimate adMJ(Estimate... items) {
    double sum = 0;
    int defined = 0;
    for (Estimate item : items) {
      if (item.isDefined()) {
        sum += item.get();
        defined++;
      }
    }
    if (defined == 0) {
      return Estimate.undefined(items.length == 0 ? "no items" : "AD_M undefined for every item");
    }
    return Estimate.of(sum / defined);
  }

  private static Estimate tooFew(long n) {
    return Estimate.undefined("fewer than 2 answers (n = " + n + ")");
  }
}
