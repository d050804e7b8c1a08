package org.cxalign.analytics.accumulate;

import java.util.Arrays;

/**
 * Sufficient statistics of a scale's complete cases (respondents who answered every item), all
 * exact integers: n, Σx_j and Σx_j² per item, and Σ T and Σ T² of the sum score T = Σ_j x_j. Feeds
 * r_wg(J) (the item variances) and Cronbach's α (item variances and the variance of the sum score,
 * which is the sum of all item covariances, so the covariance matrix itself is not needed).
 * Immutable snapshot.
 */
public final class CompleteCases {
  private final int items;
  private final long n;
  private final long[] sums;
  private final long[] squares;
  private final long scoreSum;
  private final long scoreSquares;

  CompleteCases(int items, long n, long[] sums, long[] squares, long scoreSum, long scoreSquares) {
    if (sums.length != items || squares.length != items) {
      throw new IllegalArgumentException(
          "complete cases of " + items + " items need " + items + " sums and squares");
    }
    this.items = items;
    this.n = n;
    this.sums = sums;
    this.squares = squares;
    this.scoreSum = scoreSum;
    this.scoreSquares = scoreSquares;
  }

  /** No complete cases of a scale of {@code items} items. */
  static CompleteCases none(int items) {
    return new CompleteCases(items, 0, new long[items], new long[items], 0, 0);
  }

  public int items() {
    return items;
  }

  public long n() {
    return n;
  }

  /** Σx_j over complete cases. */
  public long[] sums() {
    return sums.clone();
  }

  /** Σx_j² over complete cases. */
  public long[] squares() {
    return squares.clone();
  }

  /** Σ T over complete cases, T = Σ_j x_j the respondent's sum score. */
  public long scoreSum() {
    return scoreSum;
  }

  /** Σ T² over complete cases. */
  public long scoreSquares() {
    return scoreSquares;
  }

  /** Sample variance (n − 1) of each item over complete cases; requires n ≥ 2. */
  public double[] itemVariances() {
    requireTwo();
    double[] r = new double[items];
    for (int j = 0; j < items; j++) {
      r[j] = Math.max(0, ExactSums.covariance(n, squares[j], sums[j], sums[j]));
    }
    return r;
  }

  /**
   * Sample variance (n − 1) of the sum score over complete cases (= Σ_i Σ_j s_ij); requires n ≥ 2.
   */
  public double scoreVariance() {
    requireTwo();
    return Math.max(0, ExactSums.covariance(n, scoreSquares, scoreSum, scoreSum));
  }

  /** The complete cases of both. */
  public CompleteCases merge(CompleteCases o) {
    if (o.items != items) {
      throw new IllegalArgumentException("complete cases of different scales");
    }
    long[] s = sums.clone();
    long[] q = squares.clone();
    for (int j = 0; j < items; j++) {
      s[j] += o.sums[j];
      q[j] += o.squares[j];
    }
    return new CompleteCases(
        items, n + o.n, s, q, scoreSum + o.scoreSum, scoreSquares + o.scoreSquares);
  }

  private void requireTwo() {
    if (n < 2) {
      throw new IllegalStateException("variances need at least 2 complete cases, got " + n);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CompleteCases c
        && c.items == items
        && c.n == n
        && c.scoreSum == scoreSum
        && c.scoreSquares == scoreSquares
        && Arrays.equals(c.sums, sums)
        && Arrays.equals(c.squares, squares);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(n) * 31 + Arrays.hashCode(sums);
  }

  @Override
  public String toString() {
    return "CompleteCases[n="
        + n
        + ", items="
        + items
        + ", T="
        + scoreSum
        + ", T2="
        + scoreSquares
        + "]";
  }
}
