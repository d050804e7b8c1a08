package org.cxalign.analytics.stat;

/**
 * Count, mean and sample variance of a set of values.
 *
 * <p>Sample variance s² = Σ(x − x̄)²/(n − 1), as R's {@code var}. The mean is undefined for n = 0
 * and the variance for n &lt; 2: {@link #hasMean()} and {@link #hasVariance()} are then false and
 * {@link #mean()} and {@link #variance()} throw {@link IllegalStateException} (never NaN).
 *
 * <p>Three ways to obtain it give the same numbers: from raw values ({@link #of(double[])},
 * two-pass), from running sums ({@link #ofSums(long, double, double)}), and by combining two
 * disjoint sets ({@link #merge(Moments, Moments)}, the pairwise update of Chan, Golub &amp; LeVeque
 * 1983, eq. 2.1b).
 *
 * @param n number of values, ≥ 0
 * @param mean the arithmetic mean (stored as NaN internally when n = 0; the accessor throws)
 * @param variance the sample variance (stored as NaN internally when n &lt; 2; the accessor throws)
 */
public record Moments(long n, double mean, double variance) {

  /** Validates the components; for n = 0 (n &lt; 2) the given mean (variance) is ignored. */
  public Moments {
    if (n < 0) {
      throw new IllegalArgumentException("n must be >= 0, got " + n);
    }
    if (n == 0) {
      mean = Double.NaN;
    } else if (!Double.isFinite(mean)) {
      throw new IllegalArgumentException("mean must be finite, got " + mean);
    }
    if (n < 2) {
      variance = Double.NaN;
    } else if (!(variance >= 0) || !Double.isFinite(variance)) {
      throw new IllegalArgumentException("variance must be finite and >= 0, got " + variance);
    }
  }

  /** The moments of no values. */
  public static Moments empty() {
    return new Moments(0, Double.NaN, Double.NaN);
  }

  /**
   * The moments of {@code x} (two-pass algorithm with the correction term of Chan, Golub &amp;
   * LeVeque 1983, eq. 1.7).
   *
   * @throws IllegalArgumentException if a value is NaN or infinite
   */
  public static Moments of(double[] x) {
    int n = x.length;
    double sum = 0;
    for (double v : x) {
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("values must be finite, got " + v);
      }
      sum += v;
    }
    if (n == 0) {
      return empty();
    }
    double mean = sum / n;
    double ss = 0;
    double correction = 0;
    for (double v : x) {
      double d = v - mean;
      ss += d * d;
      correction += d;
    }
    mean += correction / n;
    double variance =
        n < 2 ? Double.NaN : Math.max(0, (ss - correction * correction / n) / (n - 1));
    return new Moments(n, mean, variance);
  }

  /**
   * The moments from running sums: n, Σx and Σx².
   *
   * <p>s² = (Σx² − (Σx)²/n)/(n − 1), written as (Σx² − Σx·x̄)/(n − 1) and clamped at 0 so that
   * rounding cannot make it negative. Adequate for bounded answer scales, where Σx² and (Σx)²/n are
   * of the same magnitude as the data; for unbounded data with a large mean prefer {@link
   * #of(double[])} or {@link #merge(Moments, Moments)}.
   *
   * @throws IllegalArgumentException if n &lt; 0, a sum is not finite, Σx² &lt; 0, or n = 0 with
   *     non-zero sums
   */
  public static Moments ofSums(long n, double sum, double sumOfSquares) {
    if (n < 0) {
      throw new IllegalArgumentException("n must be >= 0, got " + n);
    }
    if (!Double.isFinite(sum) || !Double.isFinite(sumOfSquares) || sumOfSquares < 0) {
      throw new IllegalArgumentException(
          "sums must be finite and the sum of squares >= 0, got sum="
              + sum
              + ", sumOfSquares="
              + sumOfSquares);
    }
    if (n == 0) {
      if (sum != 0 || sumOfSquares != 0) {
        throw new IllegalArgumentException("n = 0 but the sums are not 0");
      }
      return empty();
    }
    double mean = sum / n;
    if (n == 1) {
      return new Moments(1, mean, Double.NaN);
    }
    double ss = Math.max(0, sumOfSquares - sum * mean);
    return new Moments(n, mean, ss / (n - 1));
  }

  /** The moments of the union of two disjoint sets of values. */
  public static Moments merge(Moments a, Moments b) {
    if (a.n == 0) {
      return b;
    }
    if (b.n == 0) {
      return a;
    }
    long n = a.n + b.n;
    double delta = b.mean - a.mean;
    double mean = a.mean + delta * ((double) b.n / n);
    double ss =
        a.sumOfSquaredDeviations()
            + b.sumOfSquaredDeviations()
            + delta * delta * ((double) a.n * b.n / n);
    return new Moments(n, mean, ss / (n - 1));
  }

  /** Whether the mean is defined (n ≥ 1). */
  public boolean hasMean() {
    return n >= 1;
  }

  /** Whether the sample variance is defined (n ≥ 2). */
  public boolean hasVariance() {
    return n >= 2;
  }

  /**
   * The mean.
   *
   * @throws IllegalStateException if n = 0
   */
  @Override
  public double mean() {
    if (n == 0) {
      throw new IllegalStateException("the mean of no values is undefined");
    }
    return mean;
  }

  /**
   * The sample variance (n − 1 denominator).
   *
   * @throws IllegalStateException if n &lt; 2
   */
  @Override
  public double variance() {
    if (n < 2) {
      throw new IllegalStateException("the sample variance needs n >= 2, got n = " + n);
    }
    return variance;
  }

  /** The sample standard deviation, see {@link #variance()}. */
  public double standardDeviation() {
    return Math.sqrt(variance());
  }

  /** Σx = n·x̄ (0 when n = 0). */
  public double sum() {
    return n == 0 ? 0 : n * mean;
  }

  /** Σ(x − x̄)² = (n − 1)s² (0 when n &lt; 2). */
  public double sumOfSquaredDeviations() {
    return n < 2 ? 0 : (n - 1) * variance;
  }

  /** The mean as an {@link Estimate}, undefined when n = 0. */
  public Estimate meanEstimate() {
    return n == 0 ? Estimate.undefined("no values") : Estimate.of(mean);
  }

  /** The sample variance as an {@link Estimate}, undefined when n &lt; 2. */
  public Estimate varianceEstimate() {
    return n < 2
        ? Estimate.undefined("fewer than 2 values (n = " + n + ")")
        : Estimate.of(variance);
  }

  @Override
  public String toString() {
    return "Moments[n="
        + n
        + ", mean="
        + (n == 0 ? "undefined" : mean)
        + ", variance="
        + (n < 2 ? "undefined" : variance)
        + "]";
  }
}
