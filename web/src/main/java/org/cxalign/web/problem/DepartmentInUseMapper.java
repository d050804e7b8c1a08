package org.cxalign.web.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.cxalign.survey.department.DepartmentInUseException;

/** Deleting a department that is still referred to: 409. */
@Provider
public class DepartmentInUseMapper implements ExceptionMapper<DepartmentInUseException> {

  @Override
  public Response toResponse(DepartmentInUseException e) {
    return new Problem(
            "urn:cx-align:problem:in-use",
            "The resource is in use",
            Response.Status.CONFLICT.getStatusCode(),
            e.getMessage(),
            null)
        .toResponse();
  }
}
