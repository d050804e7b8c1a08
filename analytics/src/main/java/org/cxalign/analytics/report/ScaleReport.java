package org.cxalign.analytics.report;

import java.util.List;

/** Every statistic of one scale (all items, or one dimension of an instrument). */
public record ScaleReport(
    String scale,
    List<String> items,
    List<DepartmentStatistics> departments,
    BetweenDepartments betweenDepartments,
    Reliability reliability,
    Consensus consensus,
    PerceptionGap perceptionGap) {
  public ScaleReport {
    items = List.copyOf(items);
    departments = List.copyOf(departments);
  }
}
