package org.cxalign.analytics.stat;

/**
 * Result of {@link MannWhitney}.
 *
 * @param w R's W: the rank sum of group a minus n_a(n_a + 1)/2 (the number of pairs in which a is
 *     larger, ties counting one half)
 * @param z the continuity-corrected, tie-corrected normal score of W (positive when a tends to be
 *     larger)
 * @param pValue two-sided p-value of the normal approximation
 */
public record MannWhitneyResult(double w, Estimate z, Estimate pValue) {}
