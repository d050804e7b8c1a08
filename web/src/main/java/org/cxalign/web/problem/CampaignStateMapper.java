package org.cxalign.web.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.cxalign.survey.campaign.CampaignStateException;

/** An operation the campaign's state forbids (answering a closed campaign, opening twice): 409. */
@Provider
public class CampaignStateMapper implements ExceptionMapper<CampaignStateException> {

  @Override
  public Response toResponse(CampaignStateException e) {
    return new Problem(
            "urn:cx-align:problem:campaign-state",
            "The campaign does not allow this now",
            409,
            e.getMessage(),
            null)
        .toResponse();
  }
}
