package org.cxalign.web.aggregate;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.cxalign.survey.aggregate.UnknownCampaignException;
import org.cxalign.web.problem.Problem;

/** An unknown campaign id: 404. */
@Provider
public class UnknownCampaignMapper implements ExceptionMapper<UnknownCampaignException> {

  @Override
  public Response toResponse(UnknownCampaignException e) {
    return new Problem(
            "urn:cx-align:problem:unknown-campaign", "No such campaign", 404, e.getMessage(), null)
        .toResponse();
  }
}
