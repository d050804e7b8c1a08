package org.cxalign.analytics.verdict;

import java.util.List;
import org.cxalign.analytics.stat.Estimate;

/**
 * The evidence for one criterion of the level-5 verdict.
 *
 * @param name short name ({@code within_department_agreement}, {@code cross_department_alignment},
 *     {@code collaboration_network}, {@code customers_feel_it})
 * @param statistic the criterion's main statistic (see {@link Level5Verdict} for each)
 * @param lower its lower bound
 * @param upper its upper bound
 * @param threshold the threshold it is compared with
 * @param n the sample size behind it (departments for criterion 1, respondents otherwise)
 * @param status pass, fail (with significance) or inconclusive
 * @param explanation one sentence on why
 * @param details the per-department, per-link or per-part results behind the decision
 */
public record CriterionResult(
    String name,
    Estimate statistic,
    Estimate lower,
    Estimate upper,
    double threshold,
    long n,
    Status status,
    String explanation,
    List<Detail> details) {

  /** Copies the details. */
  public CriterionResult {
    details = List.copyOf(details);
  }

  /** The decision on a criterion. */
  public enum Status {
    /** The criterion holds with significance. */
    PASS,
    /** The criterion is violated with significance. */
    FAIL,
    /** Neither could be shown at this sample size. */
    INCONCLUSIVE
  }

  /**
   * One test behind a criterion.
   *
   * @param subject what was tested (a department, a link, "organisation", "gap")
   * @param statistic its statistic
   * @param lower lower bound
   * @param upper upper bound
   * @param p the p-value that decided it (adjusted where stated), undefined if untestable
   * @param status the decision for this subject
   * @param note how to read it
   */
  public record Detail(
      String subject,
      Estimate statistic,
      Estimate lower,
      Estimate upper,
      Estimate p,
      Status status,
      String note) {}
}
