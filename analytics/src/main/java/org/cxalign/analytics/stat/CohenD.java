package org.cxalign.analytics.stat;

/**
 * Cohen's d, the standardised mean difference with the pooled standard deviation (Cohen 1988, eq.
 * 2.2.1 and 2.5.2).
 *
 * <p>d = (x̄_a − x̄_b)/s_p with s_p = √(((n_a − 1)s²_a + (n_b − 1)s²_b)/(n_a + n_b − 2)); in R:
 * {@code (mean(a) - mean(b)) / sqrt(((na-1)*var(a) + (nb-1)*var(b)) / (na+nb-2))}.
 *
 * <p>Special cases (undefined): an empty group, n_a + n_b &lt; 3, s_p = 0 (no variance in either
 * group). A group of one contributes no within-group variance but its mean still counts.
 */
public final class CohenD {

  private CohenD() {}

  /** Cohen's d of group a against group b. */
  public static Estimate of(Moments a, Moments b) {
    if (!a.hasMean() || !b.hasMean()) {
      return Estimate.undefined("a group has no values (n_a = " + a.n() + ", n_b = " + b.n() + ")");
    }
    long df = a.n() + b.n() - 2;
    if (df < 1) {
      return Estimate.undefined("fewer than 3 values in total");
    }
    double pooled = (a.sumOfSquaredDeviations() + b.sumOfSquaredDeviations()) / df;
    if (pooled == 0) {
      return Estimate.undefined("no variance within the groups (pooled SD = 0)");
    }
    return Estimate.of((a.mean() - b.mean()) / Math.sqrt(pooled));
  }
}
