package org.cxalign.analytics.maturity;

import java.util.List;
import org.cxalign.analytics.instrument.Model;

/**
 * The placement on a ladder of cumulative levels (CX level, data level, pyramid).
 *
 * @param model the model
 * @param floor the level everyone starts at (CX 1, data 0, pyramid 0 = below "communication")
 * @param level the placed level: the floor plus the number of consecutive levels above it, from the
 *     bottom, whose block is {@link BlockScore.Status#CONFIRMED}; null when undefined
 * @param pointLevel the same rule applied to the block means instead of their lower bounds
 * @param upperLevel the highest level not ruled out: the floor plus the number of consecutive
 *     levels whose block is not {@link BlockScore.Status#REJECTED}; {@code level ≤ pointLevel ≤
 *     upperLevel}
 * @param blocks every block of the model, floor block included, bottom to top
 * @param undefinedReason why the placement is undefined, else null
 */
public record LadderPlacement(
    Model model,
    int floor,
    Integer level,
    Integer pointLevel,
    Integer upperLevel,
    List<BlockScore> blocks,
    String undefinedReason) {

  /** Copies the block list. */
  public LadderPlacement {
    blocks = List.copyOf(blocks);
  }

  /** Whether the placement is defined. */
  public boolean isDefined() {
    return level != null;
  }
}
