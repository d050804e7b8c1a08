package org.cxalign.analytics.stat;

/**
 * The t-based confidence interval of a mean.
 *
 * <p>x̄ ± t_{(1+c)/2, n−1} · s/√n (Student 1908; as R's {@code t.test(x)$conf.int}). The one-sided
 * lower bound {@link #lowerBound(Moments, double)} is x̄ − t_{c, n−1} · s/√n ({@code t.test(x,
 * alternative = "greater")}).
 *
 * <p>Special cases: n &lt; 2 gives undefined bounds (no variance). Zero variance gives the
 * degenerate interval [x̄, x̄] (R's {@code t.test} refuses "essentially constant" data; here the
 * interval is reported because every observed answer is the same).
 */
public final class MeanInterval {

  private MeanInterval() {}

  /**
   * The two-sided interval with the given confidence.
   *
   * @param confidence in (0, 1), for example 0.95
   * @throws IllegalArgumentException if {@code confidence} is not in (0, 1)
   */
  public static Interval of(Moments m, double confidence) {
    requireConfidence(confidence);
    if (!m.hasVariance()) {
      return Interval.undefined("fewer than 2 values (n = " + m.n() + ")");
    }
    double se = Math.sqrt(m.variance() / m.n());
    double q = TQuantiles.quantile(m.n() - 1, (1 + confidence) / 2);
    return new Interval(Estimate.of(m.mean() - q * se), Estimate.of(m.mean() + q * se));
  }

  /**
   * The one-sided lower confidence bound x̄ − t_{c, n−1} s/√n.
   *
   * @param confidence in (0, 1), for example 0.95
   */
  public static Estimate lowerBound(Moments m, double confidence) {
    requireConfidence(confidence);
    if (!m.hasVariance()) {
      return Estimate.undefined("fewer than 2 values (n = " + m.n() + ")");
    }
    double se = Math.sqrt(m.variance() / m.n());
    double q = TQuantiles.quantile(m.n() - 1, confidence);
    return Estimate.of(m.mean() - q * se);
  }

  static void requireConfidence(double confidence) {
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
    }
  }
}
