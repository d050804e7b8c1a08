package org.cxalign.web.campaign;

import jakarta.json.bind.annotation.JsonbNillable;
import org.cxalign.survey.campaign.Audience;
import org.cxalign.survey.response.ResponseRate;

/**
 * Responses of one audience in one department against its base (headcount or invitations).
 *
 * @param rate responses / base, null when the base is unknown or zero (nulls are written out)
 */
@JsonbNillable
public record ResponseRateView(
    String department, Audience audience, long responses, Long base, Double rate) {

  static ResponseRateView of(ResponseRate r) {
    return new ResponseRateView(r.department(), r.audience(), r.responses(), r.base(), r.rate());
  }
}
