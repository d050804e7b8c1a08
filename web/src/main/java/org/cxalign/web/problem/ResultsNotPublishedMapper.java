package org.cxalign.web.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.cxalign.survey.report.ResultsNotPublishedException;

/** A report of a draft, or of an open campaign for a department head: 409. */
@Provider
public class ResultsNotPublishedMapper implements ExceptionMapper<ResultsNotPublishedException> {

  @Override
  public Response toResponse(ResultsNotPublishedException e) {
    return new Problem(
            "urn:cx-align:problem:results-not-published",
            "Results not published",
            409,
            e.getMessage(),
            null)
        .toResponse();
  }
}
