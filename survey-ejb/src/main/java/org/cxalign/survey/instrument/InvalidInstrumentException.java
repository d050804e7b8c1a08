package org.cxalign.survey.instrument;

import jakarta.ejb.ApplicationException;

/** An instrument definition that {@code InstrumentJson} or the instrument's rules reject. */
@ApplicationException(rollback = true)
public class InvalidInstrumentException extends RuntimeException {

  public InvalidInstrumentException(String message) {
    super(message);
  }
}
