package org.cxalign.web.campaign;

import jakarta.json.bind.annotation.JsonbNillable;
import org.cxalign.survey.campaign.Audience;
import org.cxalign.survey.response.ResponseRate;

/**
 * Responses of one audience in one department against its base (headcount or invitations).
 *
 * @param responses null when hidden from the caller (then {@code suppressed}, {@code rule}, {@code
 *     reason} say why)
 * @param rate responses / base, null when the base is unknown or zero or the count hidden (nulls
 *     are written out)
 */
@JsonbNillable
public record ResponseRateView(
    String department,
    Audience audience,
    Long responses,
    Long base,
    Double rate,
    boolean suppressed,
    String rule,
    String reason) {

  static ResponseRateView of(ResponseRate r, int k) {
    if (r.rule() == null) {
      return new ResponseRateView(
          r.department(), r.audience(), r.responses(), r.base(), r.rate(), false, null, null);
    }
    String reason =
        switch (r.rule()) {
          case MIN_K -> "fewer than k = " + k + " respondents";
          case SECONDARY ->
              "hidden although it has at least k = "
                  + k
                  + " respondents, so that a smaller hidden group cannot be derived (secondary"
                  + " suppression)";
          default -> r.rule().json();
        };
    return new ResponseRateView(
        r.department(), r.audience(), null, r.base(), null, true, r.rule().json(), reason);
  }
}
