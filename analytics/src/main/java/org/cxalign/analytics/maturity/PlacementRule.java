package org.cxalign.analytics.maturity;

import org.cxalign.analytics.stat.Scale;

/**
 * The settings of {@link MaturityPlacement}.
 *
 * @param agreementCutOff a block (level, discipline, capability) counts as present when its mean
 *     agreement is at least this value on the answer scale
 * @param confidence the one-sided confidence of the block bounds (e.g. 0.95: the lower bound is a
 *     95% lower confidence bound)
 */
public record PlacementRule(double agreementCutOff, double confidence) {

  /** Validates the settings. */
  public PlacementRule {
    if (!Double.isFinite(agreementCutOff)) {
      throw new IllegalArgumentException("agreementCutOff must be finite, got " + agreementCutOff);
    }
    if (!(confidence > 0.5 && confidence < 1)) {
      throw new IllegalArgumentException("confidence must be in (0.5, 1), got " + confidence);
    }
  }

  /**
   * The default for a scale: the cut-off halfway between the neutral midpoint and the option above
   * it, min + 0.625·(max − min) (3.5 on 1–5: closer to "agree" than to "neutral"), and 95%
   * one-sided bounds.
   */
  public static PlacementRule defaultsFor(Scale scale) {
    return new PlacementRule(scale.min() + 0.625 * (scale.max() - scale.min()), 0.95);
  }
}
