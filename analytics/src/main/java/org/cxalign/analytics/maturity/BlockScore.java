package org.cxalign.analytics.maturity;

import org.cxalign.analytics.stat.Estimate;

/**
 * The score of one block of items (a dimension): the mean of its item means with one-sided
 * confidence bounds, and how it stands against the agreement cut-off.
 *
 * @param dimensionId the dimension
 * @param facet the dimension's facet (level number, discipline, capability)
 * @param items the number of items with at least one answer
 * @param minN the smallest number of answers of those items (0 when none)
 * @param mean the block mean (undefined without answers)
 * @param lower the one-sided lower confidence bound (undefined when an item has fewer than 2
 *     answers)
 * @param upper the one-sided upper confidence bound
 * @param status the comparison with the cut-off
 */
public record BlockScore(
    String dimensionId,
    String facet,
    int items,
    long minN,
    Estimate mean,
    Estimate lower,
    Estimate upper,
    Status status) {

  /** How a block stands against the agreement cut-off. */
  public enum Status {
    /** The lower bound is at or above the cut-off. */
    CONFIRMED,
    /** The upper bound is below the cut-off. */
    REJECTED,
    /** The interval contains the cut-off. */
    UNDECIDED,
    /** No bounds (no answers, or an item with fewer than 2 answers). */
    NO_DATA
  }
}
