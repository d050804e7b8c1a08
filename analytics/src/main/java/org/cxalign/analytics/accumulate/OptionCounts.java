package org.cxalign.analytics.accumulate;

import org.cxalign.analytics.stat.Moments;
import org.cxalign.analytics.stat.Scale;

/** Statistics of one item from its answer-option counts ({@code counts[o]} answers of min + o). */
public final class OptionCounts {
  private OptionCounts() {}

  /**
   * n, mean and sample variance of the answers; exact sums, so the mean is correctly rounded and
   * the variance carries one rounding of n·Σx² − (Σx)².
   */
  public static Moments moments(Scale scale, long[] counts) {
    check(scale, counts);
    long n = 0;
    long s = 0;
    long q = 0;
    for (int o = 0; o < counts.length; o++) {
      long c = counts[o];
      long v = scale.min() + o;
      n += c;
      s += c * v;
      q += c * v * v;
    }
    return ExactSums.moments(n, s, q);
  }

  /** Total count. */
  public static long total(long[] counts) {
    long n = 0;
    for (long c : counts) {
      n += c;
    }
    return n;
  }

  /** Element-wise sum of option counts. */
  public static long[] add(long[] a, long[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("option counts of different lengths");
    }
    long[] r = new long[a.length];
    for (int i = 0; i < a.length; i++) {
      r[i] = a[i] + b[i];
    }
    return r;
  }

  static void check(Scale scale, long[] counts) {
    if (counts.length != scale.options()) {
      throw new IllegalArgumentException(
          "expected " + scale.options() + " option counts, got " + counts.length);
    }
    for (long c : counts) {
      if (c < 0) {
        throw new IllegalArgumentException("negative option count " + c);
      }
    }
  }
}
