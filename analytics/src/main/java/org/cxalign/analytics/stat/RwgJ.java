package org.cxalign.analytics.stat;

/**
 * Within-group agreement on a scale of J parallel items, r_wg(J) (James, Demaree &amp; Wolf 1984,
 * eq. 6).
 *
 * <p>r_wg(J) = J(1 − s̄²/σ²_EU) / (J(1 − s̄²/σ²_EU) + s̄²/σ²_EU), with s̄² the mean of the J item
 * sample variances and σ²_EU = (A² − 1)/12 (see {@link Scale#uniformNullVariance()}). As in {@code
 * multilevel::rwg.j}, the variances are taken over the respondents who answered every item
 * (listwise deletion) and s̄² is truncated at σ²_EU, so r_wg(J) = 0 when s̄² ≥ σ²_EU.
 *
 * <p>Special cases: fewer than two complete cases gives an undefined r_wg(J) (R: NA or the group
 * dropped); s̄² = 0 gives 1.
 */
public final class RwgJ {

  private RwgJ() {}

  /**
   * r_wg(J) from the item variances over the complete cases.
   *
   * @param itemVariancesOfCompleteCases the J item sample variances (ignored when n &lt; 2)
   * @param nCompleteCases number of respondents who answered every item
   * @throws IllegalArgumentException if no item is given, n &lt; 0, or a variance is negative or
   *     not finite
   */
  public static RwgJResult of(Scale s, double[] itemVariancesOfCompleteCases, long nCompleteCases) {
    int j = itemVariancesOfCompleteCases.length;
    if (j == 0) {
      throw new IllegalArgumentException("r_wg(J) needs at least one item");
    }
    if (nCompleteCases < 0) {
      throw new IllegalArgumentException("nCompleteCases must be >= 0, got " + nCompleteCases);
    }
    if (nCompleteCases < 2) {
      return new RwgJResult(
          Estimate.undefined("fewer than 2 complete cases (n = " + nCompleteCases + ")"),
          j,
          nCompleteCases,
          Double.NaN);
    }
    double sum = 0;
    for (double v : itemVariancesOfCompleteCases) {
      if (!(v >= 0) || !Double.isFinite(v)) {
        throw new IllegalArgumentException("item variances must be finite and >= 0, got " + v);
      }
      sum += v;
    }
    double meanVariance = sum / j;
    double ratio = Math.min(meanVariance, s.uniformNullVariance()) / s.uniformNullVariance();
    double agreement = j * (1 - ratio);
    double rwgJ = agreement / (agreement + ratio);
    return new RwgJResult(Estimate.of(rwgJ), j, nCompleteCases, meanVariance);
  }

  /**
   * r_wg(J) from the answers of the complete cases (rows = respondents, columns = items).
   *
   * @throws IllegalArgumentException if the rows are ragged, have no items, or hold a value that is
   *     not an option of the scale (including NaN: pass complete cases only)
   */
  public static RwgJResult of(Scale s, double[][] completeCaseRows) {
    if (completeCaseRows.length == 0) {
      throw new IllegalArgumentException(
          "no rows: the number of items is unknown; use of(scale, variances, 0) instead");
    }
    int j = Answers.requireRectangular(completeCaseRows, "r_wg(J)");
    double[] variances = new double[j];
    double[] column = new double[completeCaseRows.length];
    for (int item = 0; item < j; item++) {
      for (int r = 0; r < completeCaseRows.length; r++) {
        s.require(completeCaseRows[r][item]);
        column[r] = completeCaseRows[r][item];
      }
      Moments m = Moments.of(column);
      variances[item] = m.hasVariance() ? m.variance() : 0;
    }
    return of(s, variances, completeCaseRows.length);
  }
}
