package org.cxalign.analytics.accumulate;

import org.cxalign.analytics.stat.Moments;

/**
 * Moments from exact integer sums. With integer answers, n·Σxy − Σx·Σy is an integer; it is
 * evaluated in 128-bit arithmetic so that the only rounding is the final conversion to double.
 */
final class ExactSums {
  private static final double TWO_64 = 18446744073709551616.0;

  private ExactSums() {}

  /** n·Σxy − Σx·Σy, exactly up to the final rounding. */
  static double centeredProduct(long n, long sumXy, long sumX, long sumY) {
    long hi1 = Math.multiplyHigh(n, sumXy);
    long lo1 = n * sumXy;
    long hi2 = Math.multiplyHigh(sumX, sumY);
    long lo2 = sumX * sumY;
    long lo = lo1 - lo2;
    long borrow = Long.compareUnsigned(lo1, lo2) < 0 ? 1 : 0;
    long hi = hi1 - hi2 - borrow;
    double low = (lo >>> 1) * 2.0 + (lo & 1);
    return hi * TWO_64 + low;
  }

  /** Sample covariance (n − 1 denominator); requires n ≥ 2. */
  static double covariance(long n, long sumXy, long sumX, long sumY) {
    return centeredProduct(n, sumXy, sumX, sumY) / ((double) n * (n - 1));
  }

  /** Moments of n integer values with sum {@code s} and sum of squares {@code q}. */
  static Moments moments(long n, long s, long q) {
    if (n == 0) {
      return Moments.empty();
    }
    double mean = (double) s / n;
    if (n == 1) {
      return new Moments(1, mean, Double.NaN);
    }
    return new Moments(n, mean, Math.max(0, covariance(n, q, s, s)));
  }
}
