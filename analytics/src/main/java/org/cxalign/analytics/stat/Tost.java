package org.cxalign.analytics.stat;

/**
 * Two one-sided tests (TOST) of equivalence of two means within ±δ, Welch-based (Schuirmann 1987;
 * Welch–Satterthwaite df as in {@link WelchTTest}).
 *
 * <p>With d = x̄_a − x̄_b, SE and ν from Welch's test: p_lower = P(T_ν &gt; (d + δ)/SE) tests H0: d
 * ≤ −δ, p_upper = P(T_ν &lt; (d − δ)/SE) tests H0: d ≥ δ, and p = max(p_lower, p_upper).
 * Equivalence is declared at level α when p &lt; α, which is the same as the (1 − 2α) interval d ±
 * t_{1−α, ν} SE lying inside (−δ, δ). In R: {@code t.test(a, b, mu = -delta, alternative =
 * "greater")}, {@code t.test(a, b, mu = delta, alternative = "less")} and {@code t.test(a, b,
 * conf.level = 1 - 2 * alpha)$conf.int}.
 *
 * <p>Special cases: a group with fewer than two values, or no variance in either group, gives
 * undefined p-values and interval and {@code equivalent = false}. An empty group is an error.
 */
public final class Tost {

  private Tost() {}

  /**
   * TOST of group a against group b.
   *
   * @param delta the equivalence margin δ &gt; 0
   * @param alpha the level, in (0, 0.5)
   * @throws IllegalArgumentException if δ or α is out of range, or a group is empty
   */
  public static TostResult of(Moments a, Moments b, double delta, double alpha) {
    if (!(delta > 0) || !Double.isFinite(delta)) {
      throw new IllegalArgumentException("delta must be finite and > 0, got " + delta);
    }
    if (!(alpha > 0 && alpha < 0.5)) {
      throw new IllegalArgumentException("alpha must be in (0, 0.5), got " + alpha);
    }
    double d = WelchTTest.meanDifference(a, b);
    WelchTTest.Welch w = WelchTTest.Welch.of(a, b);
    if (w.undefinedReason != null) {
      Estimate u = Estimate.undefined(w.undefinedReason);
      return new TostResult(d, u, u, u, u, u, false);
    }
    double pLower = Distributions.tUpper((d + delta) / w.se, w.df);
    double pUpper = Distributions.tUpper(-(d - delta) / w.se, w.df);
    double p = Math.max(pLower, pUpper);
    double q = TQuantiles.quantile(w.df, 1 - alpha);
    return new TostResult(
        d,
        Estimate.of(pLower),
        Estimate.of(pUpper),
        Estimate.of(p),
        Estimate.of(d - q * w.se),
        Estimate.of(d + q * w.se),
        p < alpha);
  }
}
