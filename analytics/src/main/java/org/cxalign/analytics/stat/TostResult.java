package org.cxalign.analytics.stat;

/**
 * Result of {@link Tost}.
 *
 * @param difference x̄_a − x̄_b
 * @param pLower p-value of the test of H0: difference ≤ −δ
 * @param pUpper p-value of the test of H0: difference ≥ +δ
 * @param p the TOST p-value, max(pLower, pUpper)
 * @param lower lower bound of the (1 − 2α) confidence interval of the difference
 * @param upper upper bound of the (1 − 2α) confidence interval of the difference
 * @param equivalent whether p &lt; α (equivalently: the (1 − 2α) interval lies inside (−δ, δ));
 *     false when p is undefined
 */
public record TostResult(
    double difference,
    Estimate pLower,
    Estimate pUpper,
    Estimate p,
    Estimate lower,
    Estimate upper,
    boolean equivalent) {}
