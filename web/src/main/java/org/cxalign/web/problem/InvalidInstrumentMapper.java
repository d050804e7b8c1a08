package org.cxalign.web.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.cxalign.survey.instrument.InvalidInstrumentException;

/** An instrument definition that does not validate: 400 with the reason. */
@Provider
public class InvalidInstrumentMapper implements ExceptionMapper<InvalidInstrumentException> {

  @Override
  public Response toResponse(InvalidInstrumentException e) {
    return new Problem(
            "urn:cx-align:problem:validation",
            "The instrument is not valid",
            400,
            e.getMessage(),
            java.util.List.of(new Problem.Violation("body", e.getMessage())))
        .toResponse();
  }
}
