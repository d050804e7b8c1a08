package org.cxalign.analytics.stat;

/**
 * Result of {@link WelchTTest}.
 *
 * @param t Welch's t statistic
 * @param df Welch–Satterthwaite degrees of freedom
 * @param pValue two-sided p-value
 * @param meanDifference x̄_a − x̄_b
 * @param lower95 lower bound of the 95% confidence interval of the difference
 * @param upper95 upper bound of the 95% confidence interval of the difference
 */
public record WelchResult(
    Estimate t,
    Estimate df,
    Estimate pValue,
    double meanDifference,
    Estimate lower95,
    Estimate upper95) {}
