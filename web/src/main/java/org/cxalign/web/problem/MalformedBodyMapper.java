package org.cxalign.web.problem;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A body that cannot be read as the expected JSON: 400, without the parser's internals. */
@Provider
public class MalformedBodyMapper implements ExceptionMapper<ProcessingException> {

  @Override
  public Response toResponse(ProcessingException e) {
    return new Problem(
            "urn:cx-align:problem:malformed-body",
            "The request body cannot be read",
            Response.Status.BAD_REQUEST.getStatusCode(),
            "The body is not valid JSON of the expected shape",
            null)
        .toResponse();
  }
}
