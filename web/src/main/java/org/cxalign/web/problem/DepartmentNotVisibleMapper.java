package org.cxalign.web.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.cxalign.survey.report.DepartmentNotVisibleException;

/** Another department's report page that the campaign's transparency hides from a head: 403. */
@Provider
public class DepartmentNotVisibleMapper implements ExceptionMapper<DepartmentNotVisibleException> {

  @Override
  public Response toResponse(DepartmentNotVisibleException e) {
    return new Problem(
            "urn:cx-align:problem:department-not-visible",
            "Department not visible",
            403,
            e.getMessage(),
            null)
        .toResponse();
  }
}
