package org.cxalign.analytics.stat;

/**
 * Result of {@link KendallW}.
 *
 * @param w Kendall's W (tie-corrected), undefined when it cannot be computed
 * @param chiSquare Friedman's χ² (stored as NaN internally when W is undefined: check {@link
 *     #hasChiSquare()}; the accessor then throws)
 * @param df degrees of freedom, objects − 1
 * @param pValue P(χ²_df &gt; chiSquare) (same convention as chiSquare)
 * @param judges number of judges with a complete ranking (rows used)
 * @param objects number of objects ranked
 */
public record KendallResult(
    Estimate w, double chiSquare, int df, double pValue, int judges, int objects) {

  /** Whether χ² and its p-value are defined (exactly when W is). */
  public boolean hasChiSquare() {
    return w.isDefined();
  }

  /**
   * Friedman's χ².
   *
   * @throws IllegalStateException when W is undefined
   */
  @Override
  public double chiSquare() {
    requireDefined();
    return chiSquare;
  }

  /**
   * The p-value of Friedman's test.
   *
   * @throws IllegalStateException when W is undefined
   */
  @Override
  public double pValue() {
    requireDefined();
    return pValue;
  }

  private void requireDefined() {
    if (!w.isDefined()) {
      throw new IllegalStateException("undefined: " + w.undefinedReason());
    }
  }
}
