package org.cxalign.analytics.stat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.special.Gamma;

/**
 * Kendall's coefficient of concordance W with the correction for ties (Kendall &amp; Babington
 * Smith 1939; Kendall 1948, eq. 6.19), through Friedman's (1937) χ².
 *
 * <p>Each of m judges (rows) ranks the n objects (columns), tied values receiving mid-ranks. With
 * R_j the rank sum of object j and T = Σ (t³ − t) over all tie groups of all judges:
 *
 * <pre>
 *   χ² = 12 Σ_j (R_j − m(n + 1)/2)² / (m n (n + 1) − T/(n − 1)),   df = n − 1,
 *   W  = χ² / (m (n − 1)),
 * </pre>
 *
 * <p>as R's {@code friedman.test(y)} (rows = blocks = judges) with W = statistic/(m(n − 1)). The
 * p-value is P(χ²_{n−1} &gt; χ²).
 *
 * <p>Missing values: as friedman.test, a judge (row) with a missing value (NaN) is left out.
 * Special cases (undefined W): fewer than two judges with complete rankings (all missing included),
 * fewer than two objects, every judge tying all objects. Values are compared exactly: round
 * department means to the answer precision first if near-ties should count as ties.
 */
public final class KendallW {

  private KendallW() {}

  /**
   * W from a judges × objects matrix of scores (higher score = higher rank).
   *
   * @throws IllegalArgumentException if the rows are ragged or hold an infinite value
   */
  public static KendallResult of(double[][] judgesByObjects) {
    int n = judgesByObjects.length == 0 ? 0 : judgesByObjects[0].length;
    List<double[]> complete = new ArrayList<>();
    for (int i = 0; i < judgesByObjects.length; i++) {
      double[] row = judgesByObjects[i];
      if (row.length != n) {
        throw new IllegalArgumentException(
            "Kendall's W: judge " + i + " scores " + row.length + " objects, judge 0 " + n);
      }
      boolean missing = false;
      for (double v : row) {
        if (Double.isInfinite(v)) {
          throw new IllegalArgumentException("Kendall's W: judge " + i + " gives " + v);
        }
        missing |= Double.isNaN(v);
      }
      if (!missing) {
        complete.add(row);
      }
    }
    int m = complete.size();
    int df = Math.max(n - 1, 0);
    if (m < 2) {
      return undefined("fewer than 2 judges with complete rankings (m = " + m + ")", df, m, n);
    }
    if (n < 2) {
      return undefined("fewer than 2 objects (n = " + n + ")", df, m, n);
    }
    double[] rankSums = new double[n];
    double ties = 0;
    for (double[] row : complete) {
      ties += addMidRanks(row, rankSums);
    }
    double expected = m * (n + 1) / 2.0;
    double squares = 0;
    for (double r : rankSums) {
      squares += (r - expected) * (r - expected);
    }
    double denominator = (double) m * n * (n + 1) - ties / (n - 1);
    if (!(denominator > 0)) {
      return undefined("every judge ties all objects", df, m, n);
    }
    double chiSquare = 12 * squares / denominator;
    double w = chiSquare / ((double) m * (n - 1));
    double p = Gamma.regularizedGammaQ(df / 2.0, chiSquare / 2);
    return new KendallResult(Estimate.of(w), chiSquare, df, p, m, n);
  }

  private static KendallResult undefined(String reason, int df, int m, int n) {
    return new KendallResult(Estimate.undefined(reason), Double.NaN, df, Double.NaN, m, n);
  }

  /**
   * Adds the mid-ranks of {@code row} (finite values) to {@code rankSums}; returns Σ(t³ − t) of its
   * ties. Ranks come from a sorted copy: a value's mid-rank is the mean of the first and last
   * positions of its run, found by binary search (no boxed indices, no comparator).
   */
  private static double addMidRanks(double[] row, double[] rankSums) {
    int n = row.length;
    double[] sorted = row.clone();
    Arrays.sort(sorted);
    double ties = 0;
    int start = 0;
    while (start < n) {
      int end = start;
      while (end + 1 < n && sorted[end + 1] == sorted[start]) {
        end++;
      }
      double t = end - start + 1;
      ties += t * t * t - t;
      start = end + 1;
    }
    for (int j = 0; j < n; j++) {
      int first = firstAtLeast(sorted, row[j]);
      int last = firstAtLeast(sorted, Math.nextUp(row[j])) - 1;
      rankSums[j] += (first + last) / 2.0 + 1;
    }
    return ties;
  }

  /** The first index of sorted holding a value ≥ x (sorted.length if none). */
  private static int firstAtLeast(double[] sorted, double x) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
