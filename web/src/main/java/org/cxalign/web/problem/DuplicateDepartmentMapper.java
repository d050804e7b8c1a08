package org.cxalign.web.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.cxalign.survey.department.DuplicateDepartmentException;

/** A department name that is taken: 409. */
@Provider
public class DuplicateDepartmentMapper implements ExceptionMapper<DuplicateDepartmentException> {

  @Override
  public Response toResponse(DuplicateDepartmentException e) {
    return new Problem(
            "urn:cx-align:problem:duplicate",
            "Conflict with an existing resource",
            Response.Status.CONFLICT.getStatusCode(),
            e.getMessage(),
            java.util.List.of(new Problem.Violation("name", "is taken")))
        .toResponse();
  }
}
