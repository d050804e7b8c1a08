package org.cxalign.analytics.report;

import java.util.List;
import java.util.Optional;
import org.cxalign.analytics.stat.Scale;

/**
 * The whole report: respondents, the overall scale, per-dimension scales (with an instrument), the
 * collaboration network (when the data has {@code collab.} columns) and instrument-specific
 * sections rendered by the caller ({@code extra}, may be empty).
 */
public record AlignmentReport(
    Scale scale,
    long employees,
    long customers,
    ScaleReport overall,
    List<ScaleReport> dimensions,
    Optional<CollaborationNetwork> network) {
  public AlignmentReport {
    dimensions = List.copyOf(dimensions);
  }
}
