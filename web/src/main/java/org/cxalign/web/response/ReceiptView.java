package org.cxalign.web.response;

import java.time.LocalDate;
import org.cxalign.survey.campaign.Audience;
import org.cxalign.survey.response.Receipt;

/** The receipt of a stored submission (the same for a retry with the same Idempotency-Key). */
public record ReceiptView(long campaignId, Audience audience, LocalDate receivedOn) {

  public static ReceiptView of(Receipt r) {
    return new ReceiptView(r.campaignId(), r.audience(), r.receivedOn());
  }
}
