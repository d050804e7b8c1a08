package org.cxalign.web.problem;

import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * HTTP errors raised by JAX-RS or by resources (404, 403, 405, 415, ...), rendered as problems. The
 * runtime's own messages name internals, so only messages of our own 404s are passed on.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

  @Context SecurityContext security;

  @Override
  public Response toResponse(WebApplicationException e) {
    if (e instanceof ForbiddenException
        && (security == null || security.getUserPrincipal() == null)) {
      // No token (or an invalid one) was presented: that is 401, not 403.
      return Response.fromResponse(
              Problem.of(Response.Status.UNAUTHORIZED, "A valid bearer token is required")
                  .toResponse())
          .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"cx-align\"")
          .build();
    }
    if (e.getResponse().getEntity() instanceof Problem) {
      return e.getResponse(); // already a problem of ours (JsonBodyGuard)
    }
    Response.StatusType status = e.getResponse().getStatusInfo();
    String detail = status.getReasonPhrase();
    if (e instanceof NotFoundException
        && e.getMessage() != null
        && e.getMessage().startsWith("No ")) {
      detail = e.getMessage();
    }
    Response.Status known = Response.Status.fromStatusCode(status.getStatusCode());
    if (known == null) {
      known = Response.Status.BAD_REQUEST;
    }
    Response response = Problem.of(known, detail).toResponse();
    if (e.getResponse().getHeaderString("Allow") != null) {
      return Response.fromResponse(response)
          .header("Allow", e.getResponse().getHeaderString("Allow"))
          .build();
    }
    return response;
  }
}
