package org.cxalign.web.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.cxalign.survey.department.DirectoryUnavailableException;

/** Keycloak could not be asked for the groups: 503, saying why. */
@Provider
public class DirectoryUnavailableMapper implements ExceptionMapper<DirectoryUnavailableException> {

  @Override
  public Response toResponse(DirectoryUnavailableException e) {
    return new Problem(
            "urn:cx-align:problem:directory-unavailable",
            "The user directory is unavailable",
            Response.Status.SERVICE_UNAVAILABLE.getStatusCode(),
            e.getMessage(),
            null)
        .toResponse();
  }
}
