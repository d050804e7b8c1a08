package org.cxalign.analytics.stat;

/**
 * Welch's two-sample t-test for a difference in means without assuming equal variances (Welch 1947;
 * Satterthwaite 1946).
 *
 * <p>t = (x̄_a − x̄_b)/SE with SE² = s²_a/n_a + s²_b/n_b; ν = SE⁴ / ((s²_a/n_a)²/(n_a − 1) +
 * (s²_b/n_b)²/(n_b − 1)); two-sided p = 2 P(T_ν &gt; |t|); the 95% interval is (x̄_a − x̄_b) ±
 * t_{.975, ν} SE. As R's {@code t.test(a, b)} (var.equal = FALSE).
 *
 * <p>Special cases: a group with fewer than two values, or SE = 0 (both groups constant), gives
 * undefined t, ν, p and interval; the mean difference is still reported. An empty group is an
 * error.
 */
public final class WelchTTest {

  private WelchTTest() {}

  /**
   * The test from the moments of the two groups.
   *
   * @throws IllegalArgumentException if a group has no values
   */
  public static WelchResult of(Moments a, Moments b) {
    double difference = meanDifference(a, b);
    Welch w = Welch.of(a, b);
    if (w.undefinedReason != null) {
      Estimate u = Estimate.undefined(w.undefinedReason);
      return new WelchResult(u, u, u, difference, u, u);
    }
    double t = difference / w.se;
    double p = twoSidedP(t, w.df);
    double q = TQuantiles.quantile(w.df, 0.975);
    return new WelchResult(
        Estimate.of(t),
        Estimate.of(w.df),
        Estimate.of(p),
        difference,
        Estimate.of(difference - q * w.se),
        Estimate.of(difference + q * w.se));
  }

  /**
   * The two-sided p-value of {@link #of} alone, the same double (or the same undefined reason),
   * without the interval: its t quantile at a fractional ν is the costly part of the test (a solver
   * over the t CDF), and a caller that shows only p (the heatmap's Benjamini–Hochberg flags) need
   * not pay for it.
   *
   * @throws IllegalArgumentException if a group has no values
   */
  public static Estimate pValue(Moments a, Moments b) {
    double difference = meanDifference(a, b);
    Welch w = Welch.of(a, b);
    if (w.undefinedReason != null) {
      return Estimate.undefined(w.undefinedReason);
    }
    return Estimate.of(twoSidedP(difference / w.se, w.df));
  }

  private static double twoSidedP(double t, double df) {
    return Math.min(1, 2 * Distributions.tUpper(Math.abs(t), df));
  }

  static double meanDifference(Moments a, Moments b) {
    if (!a.hasMean() || !b.hasMean()) {
      throw new IllegalArgumentException(
          "both groups need at least one value, got n_a = " + a.n() + ", n_b = " + b.n());
    }
    return a.mean() - b.mean();
  }

  /** Standard error and Welch–Satterthwaite df, or why they are undefined. */
  static final class Welch {
    final double se;
    final double df;
    final String undefinedReason;

    private Welch(double se, double df, String undefinedReason) {
      this.se = se;
      this.df = df;
      this.undefinedReason = undefinedReason;
    }

    static Welch of(Moments a, Moments b) {
      if (!a.hasVariance() || !b.hasVariance()) {
        return new Welch(
            0, 0, "each group needs at least 2 values, got n_a = " + a.n() + ", n_b = " + b.n());
      }
      double va = a.variance() / a.n();
      double vb = b.variance() / b.n();
      double se2 = va + vb;
      if (se2 == 0) {
        return new Welch(0, 0, "no variance in either group");
      }
      double df = se2 * se2 / (va * va / (a.n() - 1) + vb * vb / (b.n() - 1));
      return new Welch(Math.sqrt(se2), df, null);
    }
  }
}
