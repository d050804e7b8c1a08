package org.cxalign.web.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cxalign.survey.department.DirectoryUnavailableException;

/** Keycloak could not be asked for the groups: 503, saying why. */
@Provider
public class DirectoryUnavailableMapper implements ExceptionMapper<DirectoryUnavailableException> {

  private static final Logger LOG = Logger.getLogger(DirectoryUnavailableMapper.class.getName());

  @Override
  public Response toResponse(DirectoryUnavailableException e) {
    // an outage of Keycloak, not a defect: one line (the message names Keycloak and the reason);
    // the stack trace only at FINE
    LOG.warning(e.getMessage());
    LOG.log(Level.FINE, e.getMessage(), e.getCause());
    return new Problem(
            "urn:cx-align:problem:directory-unavailable",
            "The user directory is unavailable",
            Response.Status.SERVICE_UNAVAILABLE.getStatusCode(),
            e.getMessage(),
            null)
        .toResponse();
  }
}
