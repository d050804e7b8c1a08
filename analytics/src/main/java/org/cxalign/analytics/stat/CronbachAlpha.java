package org.cxalign.analytics.stat;

/**
 * Cronbach's coefficient α, the internal-consistency reliability of a sum (or mean) score (Cronbach
 * 1951, eq. 2).
 *
 * <p>α = k/(k − 1) · (1 − Σ s²_i / s²_X), with s²_i the item sample variances and s²_X = Σ_i Σ_j
 * s_ij the variance of the sum score, all over the complete cases. This is {@code
 * psych::alpha(x)$total$raw_alpha} for complete data; like psych::alpha, items without variance are
 * left out (and counted in {@link AlphaResult#constantItemsDropped()}), so k is the number of items
 * with variance. α can be negative.
 *
 * <p>Special cases (undefined α): fewer than two complete cases, fewer than two items with
 * variance, a sum score without variance.
 */
public final class CronbachAlpha {

  // An item variance this small relative to its second moment is rounding noise, i.e. zero.
  private static final double CONSTANT_TOLERANCE = 1e-13;

  private CronbachAlpha() {}

  /**
   * α from complete cases (rows = respondents, columns = items).
   *
   * @throws IllegalArgumentException if the rows are ragged or hold NaN or infinite values
   */
  public static AlphaResult ofCompleteCases(double[][] rows) {
    int k = Answers.requireRectangular(rows, "Cronbach's alpha");
    int n = rows.length;
    if (n < 2) {
      return new AlphaResult(tooFewCases(n), k, n, 0);
    }
    double[] means = new double[k];
    for (double[] row : rows) {
      for (int i = 0; i < k; i++) {
        means[i] += row[i];
      }
    }
    for (int i = 0; i < k; i++) {
      means[i] /= n;
    }
    double[][] cov = new double[k][k];
    double[] secondMoment = new double[k];
    for (double[] row : rows) {
      for (int i = 0; i < k; i++) {
        double di = row[i] - means[i];
        secondMoment[i] += row[i] * row[i];
        for (int j = i; j < k; j++) {
          cov[i][j] += di * (row[j] - means[j]);
        }
      }
    }
    for (int i = 0; i < k; i++) {
      for (int j = i; j < k; j++) {
        cov[i][j] /= n - 1;
        cov[j][i] = cov[i][j];
      }
    }
    return fromCovariance(cov, secondMoment, n);
  }

  /**
   * α from the complete cases' item variances and the variance of their sum score (which equals Σ_i
   * Σ_j s_ij, the sum of the covariance matrix, so the matrix itself is not needed). Meant for
   * variances computed exactly from integer sums: an item is constant when its variance is 0. A
   * constant item adds nothing to the sum score's variance, so leaving it out (as psych::alpha
   * does) needs only its variance.
   *
   * @param n number of complete cases
   * @param itemVariances sample variances (n − 1) of the items
   * @param scoreVariance sample variance (n − 1) of the sum score
   * @throws IllegalArgumentException for negative or non-finite variances or n &lt; 0
   */
  public static AlphaResult ofVariances(long n, double[] itemVariances, double scoreVariance) {
    int k = itemVariances.length;
    if (n < 0) {
      throw new IllegalArgumentException("n must be >= 0, got " + n);
    }
    if (n < 2) {
      return new AlphaResult(tooFewCases(n), k, n, 0);
    }
    if (!(scoreVariance >= 0) || Double.isInfinite(scoreVariance)) {
      throw new IllegalArgumentException(
          "the sum score's variance must be finite and >= 0, got " + scoreVariance);
    }
    double itemSum = 0;
    int kept = 0;
    for (int i = 0; i < k; i++) {
      double v = itemVariances[i];
      if (!(v >= 0) || Double.isInfinite(v)) {
        throw new IllegalArgumentException(
            "item variance " + (i + 1) + " must be finite and >= 0, got " + v);
      }
      if (v > 0) {
        kept++;
        itemSum += v;
      }
    }
    return alpha(k, kept, itemSum, scoreVariance, n);
  }

  private static AlphaResult fromCovariance(double[][] cov, double[] secondMoment, long n) {
    int k = cov.length;
    boolean[] keep = new boolean[k];
    int kept = 0;
    for (int i = 0; i < k; i++) {
      keep[i] = cov[i][i] > CONSTANT_TOLERANCE * secondMoment[i] / (n - 1);
      if (keep[i]) {
        kept++;
      }
    }
    double itemVariances = 0;
    double total = 0;
    for (int i = 0; i < k; i++) {
      if (!keep[i]) {
        continue;
      }
      itemVariances += cov[i][i];
      for (int j = 0; j < k; j++) {
        if (keep[j]) {
          total += cov[i][j];
        }
      }
    }
    return alpha(k, kept, itemVariances, total, n);
  }

  /** α of {@code kept} items with variance out of k, given Σ s²_i and s²_X over the kept items. */
  private static AlphaResult alpha(int k, int kept, double itemVariances, double total, long n) {
    int dropped = k - kept;
    if (kept < 2) {
      return new AlphaResult(
          Estimate.undefined("fewer than 2 items with variance (" + kept + " of " + k + ")"),
          k,
          n,
          dropped);
    }
    if (!(total > CONSTANT_TOLERANCE * itemVariances)) {
      return new AlphaResult(Estimate.undefined("the sum score has no variance"), k, n, dropped);
    }
    double alpha = kept / (kept - 1.0) * (1 - itemVariances / total);
    return new AlphaResult(Estimate.of(alpha), k, n, dropped);
  }

  private static Estimate tooFewCases(long n) {
    return Estimate.undefined("fewer than 2 complete cases (n = " + n + ")");
  }
}
