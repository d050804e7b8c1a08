package org.cxalign.web.aggregate;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.cxalign.survey.aggregate.RebuildRunningException;
import org.cxalign.web.problem.Problem;

/** A rebuild is already running for the campaign: 409. */
@Provider
public class RebuildRunningMapper implements ExceptionMapper<RebuildRunningException> {

  @Override
  public Response toResponse(RebuildRunningException e) {
    return new Problem(
            "urn:cx-align:problem:rebuild-running",
            "A rebuild is running",
            409,
            e.getMessage(),
            null)
        .toResponse();
  }
}
