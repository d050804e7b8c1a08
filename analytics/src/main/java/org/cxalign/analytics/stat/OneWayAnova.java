package org.cxalign.analytics.stat;

import java.util.ArrayList;
import java.util.List;

/**
 * One-way analysis of variance with the group-level reliability indices ICC(1) and ICC(2).
 *
 * <p>With G groups of sizes n_g, N = Σ n_g: SSB = Σ n_g(ȳ_g − ȳ)², SSW = Σ(n_g − 1)s²_g, MSB =
 * SSB/(G − 1), MSW = SSW/(N − G), F = MSB/MSW with p = P(F_{G−1,N−G} &gt; F) (Fisher; R's {@code
 * summary(aov(y ~ g))}), η² = SSB/(SSB + SSW).
 *
 * <p>ICC(1) = (MSB − MSW)/(MSB + (k − 1)MSW) and ICC(2) = (MSB − MSW)/MSB (Bliese 2000, eq. 1 and
 * 3), with k = N/G the mean group size, as {@code multilevel::ICC1} and {@code multilevel::ICC2}.
 * ICC(1) can be negative.
 *
 * <p>Special cases (reported as undefined estimates): fewer than two non-empty groups (no MSB),
 * every group of size one (no MSW), MSW = 0 (no F), MSB = 0 (no ICC(2)), no variation at all (no
 * η², no ICC(1)). Empty groups are ignored; no observations at all gives sums of squares of 0 and
 * every estimate undefined.
 */
public final class OneWayAnova {

  private OneWayAnova() {}

  /**
   * ANOVA from per-group sufficient statistics: size, Σy and Σy².
   *
   * @throws IllegalArgumentException if the arrays differ in length, or a group's statistics are
   *     invalid (see {@link Moments#ofSums(long, double, double)})
   */
  public static AnovaResult of(long[] n, double[] sum, double[] sumOfSquares) {
    if (n.length != sum.length || n.length != sumOfSquares.length) {
      throw new IllegalArgumentException(
          "n, sum and sumOfSquares must have the same length, got "
              + n.length
              + ", "
              + sum.length
              + ", "
              + sumOfSquares.length);
    }
    List<Moments> groups = new ArrayList<>(n.length);
    for (int g = 0; g < n.length; g++) {
      groups.add(Moments.ofSums(n[g], sum[g], sumOfSquares[g]));
    }
    return of(groups);
  }

  /**
   * ANOVA from the observations of each group.
   *
   * @throws IllegalArgumentException if a value is NaN or infinite
   */
  public static AnovaResult of(double[][] groups) {
    List<Moments> moments = new ArrayList<>(groups.length);
    for (double[] group : groups) {
      moments.add(Moments.of(group));
    }
    return of(moments);
  }

  /** ANOVA from the moments of each group. */
  public static AnovaResult of(List<Moments> groups) {
    long total = 0;
    int g = 0;
    double grandSum = 0;
    double ssWithin = 0;
    for (Moments m : groups) {
      if (m.n() > 0) {
        g++;
        total += m.n();
        grandSum += m.sum();
        ssWithin += m.sumOfSquaredDeviations();
      }
    }
    if (total == 0) {
      Estimate none = Estimate.undefined("no observations");
      return new AnovaResult(0, 0, 0, 0, none, none, none, none, none, none, none, 0, 0);
    }
    double grandMean = grandSum / total;
    double ssBetween = 0;
    for (Moments m : groups) {
      if (m.n() > 0) {
        double d = m.mean() - grandMean;
        ssBetween += m.n() * d * d;
      }
    }
    double dfBetween = g - 1;
    double dfWithin = total - g;
    Estimate msb =
        g < 2
            ? Estimate.undefined("fewer than 2 groups (G = " + g + ")")
            : Estimate.of(ssBetween / dfBetween);
    Estimate msw =
        dfWithin == 0
            ? Estimate.undefined("every group has a single observation")
            : Estimate.of(ssWithin / dfWithin);
    Estimate f;
    Estimate p;
    if (!msb.isDefined() || !msw.isDefined()) {
      f = Estimate.undefined(!msb.isDefined() ? msb.undefinedReason() : msw.undefinedReason());
      p = f;
    } else if (msw.get() == 0) {
      f = Estimate.undefined("no variance within groups (MSW = 0)");
      p = f;
    } else {
      double fValue = msb.get() / msw.get();
      f = Estimate.of(fValue);
      p = Estimate.of(Distributions.fUpper(fValue, dfBetween, dfWithin));
    }
    double ssTotal = ssBetween + ssWithin;
    Estimate eta =
        ssTotal == 0
            ? Estimate.undefined("no variation (total sum of squares = 0)")
            : Estimate.of(ssBetween / ssTotal);
    Estimate icc1;
    Estimate icc2;
    if (!msb.isDefined() || !msw.isDefined()) {
      icc1 = f;
      icc2 = f;
    } else {
      double b = msb.get();
      double w = msw.get();
      double k = (double) total / g;
      double denominator1 = b + (k - 1) * w;
      icc1 =
          denominator1 == 0
              ? Estimate.undefined("no variation (MSB = MSW = 0)")
              : Estimate.of((b - w) / denominator1);
      icc2 =
          b == 0
              ? Estimate.undefined("no variance between groups (MSB = 0)")
              : Estimate.of((b - w) / b);
    }
    return new AnovaResult(
        ssBetween, ssWithin, dfBetween, dfWithin, msb, msw, f, p, eta, icc1, icc2, g, total);
  }
}
