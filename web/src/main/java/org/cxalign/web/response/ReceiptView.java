package org.cxalign.web.response;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import org.cxalign.survey.campaign.Audience;
import org.cxalign.survey.response.Receipt;

/** The receipt of a stored submission (the same for a retry with the same Idempotency-Key). */
public record ReceiptView(long campaignId, Audience audience, LocalDate receivedOn) {

  public static ReceiptView of(Receipt r) {
    return new ReceiptView(r.campaignId(), r.audience(), r.receivedOn());
  }

  /** The answer to a submission: 201 when it was stored now, 200 for a retry of a stored one. */
  public static Response response(Receipt r) {
    return Response.status(r.created() ? 201 : 200)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(of(r))
        .build();
  }
}
