package org.cxalign.web.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.cxalign.survey.campaign.NotInScopeException;

/** An employee whose department the campaign does not ask: 403. */
@Provider
public class NotInScopeMapper implements ExceptionMapper<NotInScopeException> {

  @Override
  public Response toResponse(NotInScopeException e) {
    return new Problem(
            "urn:cx-align:problem:not-in-scope",
            "Not asked in this campaign",
            403,
            e.getMessage(),
            null)
        .toResponse();
  }
}
