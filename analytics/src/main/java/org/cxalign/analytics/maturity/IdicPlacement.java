package org.cxalign.analytics.maturity;

import java.util.Map;

/**
 * The IDIC quadrant with its uncertainty.
 *
 * @param interaction the interaction-capability block
 * @param customisation the customisation-capability block
 * @param quadrant the quadrant of the two block means (null when a mean is undefined)
 * @param probabilities the approximate probability of each quadrant (empty when a bound is
 *     undefined), see {@link MaturityPlacement}
 * @param undefinedReason why the quadrant is undefined, else null
 */
public record IdicPlacement(
    BlockScore interaction,
    BlockScore customisation,
    Quadrant quadrant,
    Map<Quadrant, Double> probabilities,
    String undefinedReason) {

  /** Copies the map. */
  public IdicPlacement {
    probabilities = Map.copyOf(probabilities);
  }
}
