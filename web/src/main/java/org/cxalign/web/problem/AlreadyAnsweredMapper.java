package org.cxalign.web.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.cxalign.survey.participation.AlreadyAnsweredException;

/** A second answer to the same campaign: 409. */
@Provider
public class AlreadyAnsweredMapper implements ExceptionMapper<AlreadyAnsweredException> {

  @Override
  public Response toResponse(AlreadyAnsweredException e) {
    return new Problem(
            "urn:cx-align:problem:already-answered", "Answered already", 409, e.getMessage(), null)
        .toResponse();
  }
}
