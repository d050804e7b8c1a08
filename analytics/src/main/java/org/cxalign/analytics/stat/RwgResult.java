package org.cxalign.analytics.stat;

/**
 * Result of {@link Rwg}.
 *
 * @param rwg r_wg, undefined when fewer than two answers
 * @param n number of answers
 * @param variance the observed sample variance s² (stored as NaN internally when n &lt; 2: check
 *     {@link #hasVariance()}; the accessor then throws)
 * @param expectedVariance σ²_EU of the scale
 */
public record RwgResult(Estimate rwg, long n, double variance, double expectedVariance) {

  /** Whether the observed variance is defined (n ≥ 2). */
  public boolean hasVariance() {
    return n >= 2;
  }

  /**
   * The observed sample variance.
   *
   * @throws IllegalStateException when n &lt; 2
   */
  @Override
  public double variance() {
    if (n < 2) {
      throw new IllegalStateException("the variance needs n >= 2, got n = " + n);
    }
    return variance;
  }
}
