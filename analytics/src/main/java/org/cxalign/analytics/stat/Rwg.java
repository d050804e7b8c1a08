package org.cxalign.analytics.stat;

/**
 * Within-group agreement on a single item, r_wg (James, Demaree &amp; Wolf 1984, eq. 1).
 *
 * <p>r_wg = 1 − s²/σ²_EU, with s² the sample variance of the group's answers to the item and σ²_EU
 * = (A² − 1)/12 the variance of the uniform null distribution over the A options of the {@link
 * Scale}. As in {@code multilevel::rwg} (Bliese), s² is truncated at σ²_EU, so r_wg = 0 when the
 * answers vary more than uniformly random answers would.
 *
 * <p>Special cases: fewer than two answers gives an undefined r_wg (R: NA); zero variance gives
 * r_wg = 1.
 */
public final class Rwg {

  private Rwg() {}

  /**
   * r_wg from the moments of one item's answers in one group (missing answers left out).
   *
   * @throws IllegalArgumentException if the mean lies outside the scale
   */
  public static RwgResult of(Scale s, Moments itemMoments) {
    double expected = s.uniformNullVariance();
    if (!itemMoments.hasVariance()) {
      return new RwgResult(
          Estimate.undefined("fewer than 2 answers (n = " + itemMoments.n() + ")"),
          itemMoments.n(),
          Double.NaN,
          expected);
    }
    double mean = itemMoments.mean();
    if (mean < s.min() || mean > s.max()) {
      throw new IllegalArgumentException("mean " + mean + " lies outside the scale " + s);
    }
    double variance = itemMoments.variance();
    double rwg = 1 - Math.min(variance, expected) / expected;
    return new RwgResult(Estimate.of(rwg), itemMoments.n(), variance, expected);
  }

  /**
   * r_wg from one item's answers in one group; NaN marks a missing answer and is left out.
   *
   * @throws IllegalArgumentException if an answer is not an option of the scale
   */
  public static RwgResult of(Scale s, double[] answers) {
    return of(s, Moments.of(Answers.present(s, answers)));
  }
}
