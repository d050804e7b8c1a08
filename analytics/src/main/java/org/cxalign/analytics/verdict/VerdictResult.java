package org.cxalign.analytics.verdict;

import java.util.List;

/**
 * The level-5 verdict.
 *
 * @param outcome the verdict
 * @param criteria the four criteria, in the order of DESIGN.md
 * @param requiredSampleSize for an {@link Outcome#INCONCLUSIVE} verdict, the sample size that would
 *     decide it; null otherwise
 */
public record VerdictResult(
    Outcome outcome, List<CriterionResult> criteria, RequiredSampleSize requiredSampleSize) {

  /** Copies the criteria. */
  public VerdictResult {
    criteria = List.copyOf(criteria);
  }

  /** The verdict on the level-5 claim. */
  public enum Outcome {
    /** All four criteria pass. */
    SUPPORTED,
    /** At least one criterion fails with significance. */
    NOT_SUPPORTED,
    /** Otherwise. */
    INCONCLUSIVE
  }
}
