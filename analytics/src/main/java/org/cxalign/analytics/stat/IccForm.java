package org.cxalign.analytics.stat;

/**
 * One of the six Shrout &amp; Fleiss (1979) intraclass correlations with its F test and confidence
 * interval (a row of {@code psych::ICC(x)$results}).
 *
 * @param name ICC1, ICC2, ICC3 (single rater) or ICC1k, ICC2k, ICC3k (mean of k raters)
 * @param value the ICC
 * @param lower lower confidence bound
 * @param upper upper confidence bound
 * @param f the F statistic testing ICC = 0
 * @param df1 numerator degrees of freedom
 * @param df2 denominator degrees of freedom
 * @param p P(F_{df1, df2} &gt; f)
 */
public record IccForm(
    String name,
    double value,
    double lower,
    double upper,
    double f,
    double df1,
    double df2,
    double p) {

  /** Validates that every number is finite. */
  public IccForm {
    for (double x : new double[] {value, lower, upper, f, df1, df2, p}) {
      if (!Double.isFinite(x)) {
        throw new IllegalArgumentException(name + ": every component must be finite, got " + x);
      }
    }
  }
}
