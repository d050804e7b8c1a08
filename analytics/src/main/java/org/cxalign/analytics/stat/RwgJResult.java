package org.cxalign.analytics.stat;

/**
 * Result of {@link RwgJ}.
 *
 * @param rwgJ r_wg(J), undefined when fewer than two complete cases
 * @param j number of items J
 * @param n number of complete cases (respondents who answered every item)
 * @param meanVariance s̄², the mean of the item sample variances (stored as NaN internally when n
 *     &lt; 2: check {@link #hasMeanVariance()}; the accessor then throws)
 */
public record RwgJResult(Estimate rwgJ, int j, long n, double meanVariance) {

  /** Whether the mean item variance is defined (n ≥ 2). */
  public boolean hasMeanVariance() {
    return n >= 2;
  }

  /**
   * The mean of the item sample variances.
   *
   * @throws IllegalStateException when n &lt; 2
   */
  @Override
  public double meanVariance() {
    if (n < 2) {
      throw new IllegalStateException("the mean variance needs n >= 2, got n = " + n);
    }
    return meanVariance;
  }
}
