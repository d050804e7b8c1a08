package org.cxalign.web.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.cxalign.survey.instrument.InstrumentLockedException;

/** Editing a published instrument: 409. */
@Provider
public class InstrumentLockedMapper implements ExceptionMapper<InstrumentLockedException> {

  @Override
  public Response toResponse(InstrumentLockedException e) {
    return new Problem(
            "urn:cx-align:problem:instrument-locked",
            "The instrument cannot be changed",
            409,
            e.getMessage(),
            null)
        .toResponse();
  }
}
