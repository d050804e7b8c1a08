package org.cxalign.analytics.accumulate;

import java.util.Arrays;

/**
 * Sufficient statistics of a scale's complete cases (respondents who answered every item): n, Σx_j
 * and Σx_i·x_j (upper triangle, i ≤ j), all exact integers. Feeds r_wg(J) (item variances) and
 * Cronbach's α (covariance matrix). Immutable snapshot.
 */
public final class CompleteCases {
  private final int items;
  private final long n;
  private final long[] sums;
  private final long[] cross; // row-major upper triangle

  CompleteCases(int items, long n, long[] sums, long[] cross) {
    this.items = items;
    this.n = n;
    this.sums = sums;
    this.cross = cross;
  }

  static int triangleSize(int j) {
    return j * (j + 1) / 2;
  }

  /** Index of (i, j), i ≤ j, in the row-major upper triangle of a j×j matrix. */
  static int triangleIndex(int size, int i, int j) {
    return i * size - i * (i - 1) / 2 + (j - i);
  }

  public int items() {
    return items;
  }

  public long n() {
    return n;
  }

  /** Σx_j over complete cases. */
  public double[] sums() {
    double[] r = new double[items];
    for (int j = 0; j < items; j++) {
      r[j] = sums[j];
    }
    return r;
  }

  /** Σx_i·x_j over complete cases, full symmetric matrix. */
  public double[][] crossProducts() {
    double[][] r = new double[items][items];
    for (int i = 0; i < items; i++) {
      for (int j = i; j < items; j++) {
        double v = cross[triangleIndex(items, i, j)];
        r[i][j] = v;
        r[j][i] = v;
      }
    }
    return r;
  }

  /** Sample variance (n − 1) of each item over complete cases; requires n ≥ 2. */
  public double[] itemVariances() {
    requireTwo();
    double[] r = new double[items];
    for (int j = 0; j < items; j++) {
      r[j] =
          Math.max(0, ExactSums.covariance(n, cross[triangleIndex(items, j, j)], sums[j], sums[j]));
    }
    return r;
  }

  /** Sample covariance matrix (n − 1) over complete cases; requires n ≥ 2. */
  public double[][] covariance() {
    requireTwo();
    double[][] r = new double[items][items];
    for (int i = 0; i < items; i++) {
      for (int j = i; j < items; j++) {
        double v = ExactSums.covariance(n, cross[triangleIndex(items, i, j)], sums[i], sums[j]);
        r[i][j] = v;
        r[j][i] = v;
      }
    }
    return r;
  }

  /** The complete cases of both. */
  public CompleteCases merge(CompleteCases o) {
    if (o.items != items) {
      throw new IllegalArgumentException("complete cases of different scales");
    }
    long[] s = sums.clone();
    long[] c = cross.clone();
    for (int j = 0; j < s.length; j++) {
      s[j] += o.sums[j];
    }
    for (int j = 0; j < c.length; j++) {
      c[j] += o.cross[j];
    }
    return new CompleteCases(items, n + o.n, s, c);
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
        && Arrays.equals(c.sums, sums)
        && Arrays.equals(c.cross, cross);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(n) * 31 + Arrays.hashCode(sums);
  }
}
