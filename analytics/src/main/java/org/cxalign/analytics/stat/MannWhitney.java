package org.cxalign.analytics.stat;

import java.util.Arrays;

/**
 * The Wilcoxon rank-sum / Mann–Whitney U test (Mann &amp; Whitney 1947) with the normal
 * approximation, tie correction and continuity correction, as R's {@code wilcox.test(a, b, exact =
 * FALSE, correct = TRUE)}.
 *
 * <p>W = R_a − n_a(n_a + 1)/2 with R_a the sum of the mid-ranks of a in the pooled sample. Under
 * H0, E[W] = n_a n_b/2 and Var[W] = (n_a n_b/12)·((N + 1) − Σ(t³ − t)/(N(N − 1))), t the sizes of
 * the tie groups (Lehmann 1975, eq. 1.56). z = (W − E[W] − ½ sign(W − E[W]))/√Var[W]; p = 2
 * min(Φ(z), 1 − Φ(z)).
 *
 * <p>Special cases: an empty group is an error; all values equal (Var[W] = 0) gives undefined z and
 * p. The count-based factory and the raw-value factory give identical results.
 */
public final class MannWhitney {

  private MannWhitney() {}

  /**
   * The test from raw values.
   *
   * @throws IllegalArgumentException if a group is empty or a value is NaN or infinite
   */
  public static MannWhitneyResult of(double[] a, double[] b) {
    double[] pooled = new double[a.length + b.length];
    System.arraycopy(a, 0, pooled, 0, a.length);
    System.arraycopy(b, 0, pooled, a.length, b.length);
    for (double v : pooled) {
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("values must be finite, got " + v);
      }
    }
    double[] distinct = Arrays.stream(pooled).sorted().distinct().toArray();
    return ofCounts(distinct, count(distinct, a), count(distinct, b));
  }

  /**
   * The test from frequency tables over the distinct values of the pooled sample.
   *
   * @param sortedDistinctValues strictly increasing values
   * @param countsA how often group a holds each value
   * @param countsB how often group b holds each value
   * @throws IllegalArgumentException if the lengths differ, the values are not strictly increasing,
   *     a count is negative, or a group is empty
   */
  public static MannWhitneyResult ofCounts(
      double[] sortedDistinctValues, long[] countsA, long[] countsB) {
    int k = sortedDistinctValues.length;
    if (countsA.length != k || countsB.length != k) {
      throw new IllegalArgumentException(
          "values and counts must have the same length, got "
              + k
              + ", "
              + countsA.length
              + ", "
              + countsB.length);
    }
    long na = 0;
    long nb = 0;
    for (int i = 0; i < k; i++) {
      if (!Double.isFinite(sortedDistinctValues[i])
          || (i > 0 && !(sortedDistinctValues[i] > sortedDistinctValues[i - 1]))) {
        throw new IllegalArgumentException(
            "values must be finite and strictly increasing, got "
                + Arrays.toString(sortedDistinctValues));
      }
      if (countsA[i] < 0 || countsB[i] < 0) {
        throw new IllegalArgumentException(
            "counts must be >= 0, got " + countsA[i] + " and " + countsB[i] + " at index " + i);
      }
      na += countsA[i];
      nb += countsB[i];
    }
    if (na == 0 || nb == 0) {
      throw new IllegalArgumentException(
          "both groups need at least one value, got n_a = " + na + ", n_b = " + nb);
    }
    double n = (double) na + nb;
    double rankSumA = 0;
    double ties = 0;
    double below = 0;
    for (int i = 0; i < k; i++) {
      double t = (double) countsA[i] + countsB[i];
      double midRank = below + (t + 1) / 2;
      rankSumA += countsA[i] * midRank;
      ties += t * t * t - t;
      below += t;
    }
    double w = rankSumA - na * (na + 1.0) / 2;
    double centred = w - (double) na * nb / 2;
    double variance = ((double) na * nb / 12) * ((n + 1) - ties / (n * (n - 1)));
    if (!(variance > 0)) {
      Estimate u = Estimate.undefined("all values are equal (no rank variance)");
      return new MannWhitneyResult(w, u, u);
    }
    double z = (centred - 0.5 * Math.signum(centred)) / Math.sqrt(variance);
    double p = Math.min(1, 2 * Distributions.standardNormal().cumulativeProbability(-Math.abs(z)));
    return new MannWhitneyResult(w, Estimate.of(z), Estimate.of(p));
  }

  private static long[] count(double[] distinct, double[] x) {
    long[] counts = new long[distinct.length];
    for (double v : x) {
      counts[Arrays.binarySearch(distinct, v)]++;
    }
    return counts;
  }
}
