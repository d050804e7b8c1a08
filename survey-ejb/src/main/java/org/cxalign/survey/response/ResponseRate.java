package org.cxalign.survey.response;

import org.cxalign.survey.campaign.Audience;

/**
 * Responses of one audience in one department, against its base: the department headcount for
 * employees, the invitations sent for customers.
 *
 * @param department the department name, null for customers invited without one
 * @param base headcount or invitations; null when unknown (no headcount recorded)
 * @param rate responses / base, null when the base is unknown or zero
 */
public record ResponseRate(
    String department, Audience audience, long responses, Long base, Double rate) {

  static ResponseRate of(String department, Audience audience, long responses, Long base) {
    Double rate = base == null || base == 0 ? null : (double) responses / base;
    return new ResponseRate(department, audience, responses, base, rate);
  }
}
