package org.cxalign.analytics.maturity;

import java.util.List;

/**
 * The placement of one group (a department or the organisation) on every maturity model.
 *
 * @param cxLevel the self-reported CX level 1–6
 * @param dataLevel the data level 0–3
 * @param disciplines the discipline profile, in the instrument's order
 * @param idic the interact × customise quadrant
 * @param pyramid the pyramid level 0–5 (0 = below "communication")
 */
public record MaturityProfile(
    LadderPlacement cxLevel,
    LadderPlacement dataLevel,
    List<BlockScore> disciplines,
    IdicPlacement idic,
    LadderPlacement pyramid) {

  /** Copies the list. */
  public MaturityProfile {
    disciplines = List.copyOf(disciplines);
  }
}
