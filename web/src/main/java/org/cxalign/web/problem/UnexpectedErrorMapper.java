package org.cxalign.web.problem;

import jakarta.ejb.EJBException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.Providers;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Anything else. An {@link EJBException} is unwrapped and its cause mapped as if thrown directly; a
 * failure caused by an unreachable database is a 503 with Retry-After ({@link
 * DatabaseUnavailable}); what remains is a 500 that carries only an incident id, the details going
 * to the server log.
 */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class.getName());

  @Context Providers providers;

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Response toResponse(Throwable e) {
    if (e instanceof EJBException && e.getCause() != null && providers != null) {
      Throwable cause = e.getCause();
      ExceptionMapper mapper = providers.getExceptionMapper(cause.getClass());
      if (mapper != null && mapper != this) {
        return mapper.toResponse(cause);
      }
    }
    if (DatabaseUnavailable.isCause(e)) {
      LOG.log(Level.WARNING, "The database is unavailable: {0}", String.valueOf(e));
      return DatabaseUnavailable.response();
    }
    String incident = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, "Unexpected error, incident " + incident, e);
    return Problem.of(
            Response.Status.INTERNAL_SERVER_ERROR,
            "An unexpected error occurred; incident " + incident + " is in the server log")
        .toResponse();
  }
}
