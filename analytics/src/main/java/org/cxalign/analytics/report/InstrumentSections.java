package org.cxalign.analytics.report;

import java.util.List;
import java.util.Optional;
import org.cxalign.analytics.maturity.MaturityPlacement;
import org.cxalign.analytics.verdict.VerdictResult;

/**
 * What a report adds with an instrument: the perception gap per matched pair, the maturity
 * placements (organisation and each department) and the level-5 verdict (absent with a reason when
 * the data cannot support one, e.g. no collaboration columns or no "seamless" pair).
 */
public record InstrumentSections(
    String instrumentId,
    int instrumentVersion,
    List<ItemGap> perceptionGaps,
    MaturityPlacement.Placements maturity,
    Optional<VerdictResult> verdict,
    String verdictUndefinedReason) {
  public InstrumentSections {
    perceptionGaps = List.copyOf(perceptionGaps);
    if (verdict.isPresent() == (verdictUndefinedReason != null)) {
      throw new IllegalArgumentException("give either a verdict or the reason for none");
    }
  }
}
