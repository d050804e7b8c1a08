package org.cxalign.web.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.cxalign.survey.invitation.TokenGoneException;

/** A used or expired survey link: 410 Gone. */
@Provider
public class TokenGoneMapper implements ExceptionMapper<TokenGoneException> {

  @Override
  public Response toResponse(TokenGoneException e) {
    return new Problem(
            "urn:cx-align:problem:link-gone",
            "The survey link cannot be used",
            410,
            e.getMessage(),
            null)
        .toResponse();
  }
}
