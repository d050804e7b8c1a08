package org.cxalign.analytics.stat;

import java.util.List;
import org.apache.commons.math3.distribution.FDistribution;

/**
 * The six intraclass correlations of Shrout &amp; Fleiss (1979, Table 1 and eq. 2–4) for n targets
 * each rated by the same k raters, with the confidence intervals of McGraw &amp; Wong (1996, Table
 * 7), as {@code psych::ICC(x, lmer = FALSE)}.
 *
 * <p>From the two-way ANOVA of the n × k matrix: MSB (targets, df n − 1), MSJ (raters, df k − 1),
 * MSE (residual, df (n − 1)(k − 1)) and MSW = (SS_J + SS_E)/(n(k − 1)) (within targets):
 *
 * <pre>
 *   ICC1  = (MSB − MSW)/(MSB + (k − 1)MSW)                       ICC1k = (MSB − MSW)/MSB
 *   ICC2  = (MSB − MSE)/(MSB + (k − 1)MSE + k(MSJ − MSE)/n)      ICC2k = (MSB − MSE)/(MSB + (MSJ − MSE)/n)
 *   ICC3  = (MSB − MSE)/(MSB + (k − 1)MSE)                       ICC3k = (MSB − MSE)/MSB
 * </pre>
 *
 * <p>F tests: ICC1/ICC1k use F = MSB/MSW on (n − 1, n(k − 1)) df, the others F = MSB/MSE on (n − 1,
 * (n − 1)(k − 1)) df. Intervals: for ICC1 and ICC3, F_L = F/F_{1−α/2}(df1, df2), F_U =
 * F·F_{1−α/2}(df2, df1), bounds (F_L − 1)/(F_L + k − 1) and (F_U − 1)/(F_U + k − 1), and 1 − 1/F_L,
 * 1 − 1/F_U for the average forms; for ICC2 the Satterthwaite-type df ν of McGraw &amp; Wong (Table
 * 7, case 2A) as psych computes it. psych's default ({@code lmer = TRUE}) estimates the same mean
 * squares through lme4 and agrees to about 1e-6 when no variance component is truncated at 0.
 *
 * <p>Special cases: complete data only (NaN is rejected); fewer than two targets or raters is an
 * error; no residual variance (MSE = 0) or no variance between targets (MSB = 0) gives an undefined
 * result with the reason.
 */
public final class IntraclassCorrelation {

  private IntraclassCorrelation() {}

  /** The six ICCs with 95% confidence intervals. */
  public static IccResult of(double[][] targetsByRaters) {
    return of(targetsByRaters, 0.95);
  }

  /**
   * The six ICCs with intervals at the given confidence.
   *
   * @throws IllegalArgumentException if the matrix is ragged, holds a non-finite value, has fewer
   *     than 2 targets or 2 raters, or the confidence is not in (0, 1)
   */
  public static IccResult of(double[][] targetsByRaters, double confidence) {
    MeanInterval.requireConfidence(confidence);
    int k = Answers.requireRectangular(targetsByRaters, "ICC");
    int n = targetsByRaters.length;
    if (n < 2 || k < 2) {
      throw new IllegalArgumentException(
          "ICC needs at least 2 targets and 2 raters, got " + n + " x " + k);
    }
    double[] rowMean = new double[n];
    double[] colMean = new double[k];
    double grand = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < k; j++) {
        double x = targetsByRaters[i][j];
        rowMean[i] += x / k;
        colMean[j] += x / n;
        grand += x;
      }
    }
    grand /= (double) n * k;
    double ssb = 0;
    for (double m : rowMean) {
      ssb += k * (m - grand) * (m - grand);
    }
    double ssj = 0;
    for (double m : colMean) {
      ssj += n * (m - grand) * (m - grand);
    }
    double sse = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < k; j++) {
        double e = targetsByRaters[i][j] - rowMean[i] - colMean[j] + grand;
        sse += e * e;
      }
    }
    double dfB = n - 1;
    double dfJ = k - 1;
    double dfE = dfB * dfJ;
    double msb = ssb / dfB;
    double msj = ssj / dfJ;
    double mse = sse / dfE;
    double msw = (ssj + sse) / (n * dfJ);
    if (mse <= 1e-14 * (msb + msj)) {
      return undefined("no residual variance (MSE = 0)", n, k, confidence);
    }
    if (msb <= 1e-14 * (mse + msj)) {
      return undefined("no variance between targets (MSB = 0)", n, k, confidence);
    }

    double icc1 = (msb - msw) / (msb + (k - 1) * msw);
    double icc2 = (msb - mse) / (msb + (k - 1) * mse + k * (msj - mse) / n);
    double icc3 = (msb - mse) / (msb + (k - 1) * mse);
    double icc1k = (msb - msw) / msb;
    double icc2k = (msb - mse) / (msb + (msj - mse) / n);
    double icc3k = (msb - mse) / msb;

    double q = 1 - (1 - confidence) / 2;
    double df11d = n * dfJ;
    double f11 = msb / msw;
    double p11 = Distributions.fUpper(f11, dfB, df11d);
    double f21 = msb / mse;
    double p21 = Distributions.fUpper(f21, dfB, dfE);

    double f1l = f11 / quantile(q, dfB, df11d);
    double f1u = f11 * quantile(q, df11d, dfB);
    double f3l = f21 / quantile(q, dfB, dfE);
    double f3u = f21 * quantile(q, dfE, dfB);

    // McGraw & Wong (1996) case 2A: approximate df of the ICC2 interval
    double fj = msj / mse;
    double a = k * icc2 * fj + n * (1 + (k - 1) * icc2) - k * icc2;
    double vn = dfJ * dfB * a * a;
    double b = n * (1 + (k - 1) * icc2) - k * icc2;
    double vd = dfB * k * k * icc2 * icc2 * fj * fj + b * b;
    double v = vn / vd;
    double fu2 = quantile(q, dfB, v);
    double fl2 = quantile(q, v, dfB);
    double rest = k * msj + (k * n - k - n) * mse;
    double l2 = n * (msb - fu2 * mse) / (fu2 * rest + n * msb);
    double u2 = n * (fl2 * msb - mse) / (rest + n * fl2 * msb);

    try {
      List<IccForm> forms =
          List.of(
              new IccForm(
                  "ICC1",
                  icc1,
                  (f1l - 1) / (f1l + k - 1),
                  (f1u - 1) / (f1u + k - 1),
                  f11,
                  dfB,
                  df11d,
                  p11),
              new IccForm("ICC2", icc2, l2, u2, f21, dfB, dfE, p21),
              new IccForm(
                  "ICC3",
                  icc3,
                  (f3l - 1) / (f3l + k - 1),
                  (f3u - 1) / (f3u + k - 1),
                  f21,
                  dfB,
                  dfE,
                  p21),
              new IccForm("ICC1k", icc1k, 1 - 1 / f1l, 1 - 1 / f1u, f11, dfB, df11d, p11),
              new IccForm(
                  "ICC2k",
                  icc2k,
                  l2 * k / (1 + l2 * (k - 1)),
                  u2 * k / (1 + u2 * (k - 1)),
                  f21,
                  dfB,
                  dfE,
                  p21),
              new IccForm("ICC3k", icc3k, 1 - 1 / f3l, 1 - 1 / f3u, f21, dfB, dfE, p21));
      return new IccResult(forms, n, k, confidence, null);
    } catch (IllegalArgumentException degenerate) {
      return undefined(
          "degenerate variance components (" + degenerate.getMessage() + ")", n, k, confidence);
    }
  }

  private static double quantile(double p, double df1, double df2) {
    if (!(df1 > 0) || !(df2 > 0) || !Double.isFinite(df1) || !Double.isFinite(df2)) {
      return Double.NaN;
    }
    FDistribution f = Distributions.f(df1, df2);
    return f.inverseCumulativeProbability(p);
  }

  private static IccResult undefined(String reason, int n, int k, double confidence) {
    return new IccResult(List.of(), n, k, confidence, reason);
  }
}
