package org.cxalign.web.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.cxalign.survey.campaign.InvalidInputException;

/**
 * A request that breaks the domain's rules (a submission off its instrument, ...): 400 listing
 * every violation.
 */
@Provider
public class InvalidInputMapper implements ExceptionMapper<InvalidInputException> {

  @Override
  public Response toResponse(InvalidInputException e) {
    return new Problem(
            "urn:cx-align:problem:validation",
            "The request is not valid",
            400,
            e.getMessage(),
            e.violations().stream()
                .map(v -> new Problem.Violation(v.field(), v.message()))
                .toList())
        .toResponse();
  }
}
