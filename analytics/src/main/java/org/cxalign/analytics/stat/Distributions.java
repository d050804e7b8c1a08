package org.cxalign.analytics.stat;

import org.apache.commons.math3.distribution.FDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Commons Math distributions with a tight inverse-CDF accuracy (the library default of 1e-9 is too
 * coarse for agreement with R to 1e-9) and no random generator (none of them is sampled).
 */
final class Distributions {

  static final double INVERSE_ACCURACY = 1e-14;

  private Distributions() {}

  static TDistribution t(double df) {
    return new TDistribution(null, df, INVERSE_ACCURACY);
  }

  static FDistribution f(double df1, double df2) {
    return new FDistribution(null, df1, df2, INVERSE_ACCURACY);
  }

  static NormalDistribution standardNormal() {
    return new NormalDistribution(null, 0, 1, INVERSE_ACCURACY);
  }

  /** Upper tail P(T > t) of Student's t, accurate also far in the tail. */
  static double tUpper(double t, double df) {
    // cdf(-t) avoids the cancellation of 1 - cdf(t) for large t.
    return t(df).cumulativeProbability(-t);
  }

  /** Upper tail P(F > f). */
  static double fUpper(double f, double df1, double df2) {
    if (f <= 0) {
      return 1;
    }
    // P(F > f) = I_{df2/(df2 + df1 f)}(df2/2, df1/2), without the cancellation of 1 - cdf.
    return org.apache.commons.math3.special.Beta.regularizedBeta(
        df2 / (df2 + df1 * f), df2 / 2, df1 / 2, 1e-15, Integer.MAX_VALUE);
  }
}
