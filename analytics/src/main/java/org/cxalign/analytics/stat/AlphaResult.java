package org.cxalign.analytics.stat;

/**
 * Result of {@link CronbachAlpha}.
 *
 * @param alpha Cronbach's α over the items with variance, undefined when it cannot be computed
 * @param items number of items given
 * @param n number of complete cases
 * @param constantItemsDropped items left out because they had no variance (as psych::alpha does)
 */
public record AlphaResult(Estimate alpha, int items, long n, int constantItemsDropped) {}
