package org.cxalign.analytics.report;

import java.util.List;
import java.util.Optional;
import org.cxalign.analytics.stat.Scale;

/**
 * The whole report: respondents, the overall scale, per-dimension scales (with an instrument), the
 * collaboration network (when the data has {@code collab.} columns) and, with an instrument, the
 * perception gap per matched pair, the maturity placements and the level-5 verdict.
 */
public record AlignmentReport(
    Scale scale,
    long employees,
    long customers,
    ScaleReport overall,
    List<ScaleReport> dimensions,
    Optional<CollaborationNetwork> network,
    Optional<InstrumentSections> instrument) {
  public AlignmentReport {
    dimensions = List.copyOf(dimensions);
  }
}
