package org.cxalign.survey.response;

import org.cxalign.survey.campaign.Audience;
import org.cxalign.survey.report.Suppression.Rule;

/**
 * Responses of one audience in one department, against its base: the department headcount for
 * employees, the invitations sent for customers.
 *
 * @param department the department name, null for customers invited without one
 * @param responses the number of responses, null when hidden from the viewer ({@code rule})
 * @param base headcount or invitations; null when unknown (no headcount recorded)
 * @param rate responses / base, null when the base is unknown or zero or the count is hidden
 * @param rule why the count is hidden from the viewer (k-anonymity), null when shown
 */
public record ResponseRate(
    String department, Audience audience, Long responses, Long base, Double rate, Rule rule) {

  static ResponseRate of(String department, Audience audience, long responses, Long base) {
    Double rate = base == null || base == 0 ? null : (double) responses / base;
    return new ResponseRate(department, audience, responses, base, rate, null);
  }

  /** The same row with its count hidden by {@code why}. */
  ResponseRate hidden(Rule why) {
    return new ResponseRate(department, audience, null, base, null, why);
  }
}
