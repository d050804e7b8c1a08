package org.cxalign.analytics.report;

import java.util.List;
import org.cxalign.analytics.stat.Estimate;

/**
 * One department's employees on one scale.
 *
 * @param respondents employee responses in the department
 * @param scored respondents with a scale score (at least one item answered)
 * @param mean mean scale score
 * @param sd standard deviation of the scale scores
 * @param rwgJ r_wg(J) over the complete cases
 * @param completeCases respondents who answered every item of the scale
 * @param adMJ AD_M(J): mean over items of the item AD_M
 */
public record DepartmentStatistics(
    String department,
    long respondents,
    long scored,
    Estimate mean,
    Estimate sd,
    Estimate rwgJ,
    long completeCases,
    Estimate adMJ,
    List<ItemStatistics> items) {
  public DepartmentStatistics {
    items = List.copyOf(items);
  }
}
