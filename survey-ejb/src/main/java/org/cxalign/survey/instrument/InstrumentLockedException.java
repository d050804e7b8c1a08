package org.cxalign.survey.instrument;

import jakarta.ejb.ApplicationException;

/** A published instrument (built in, or used by a campaign) cannot be changed: copy it instead. */
@ApplicationException(rollback = true)
public class InstrumentLockedException extends RuntimeException {

  public InstrumentLockedException(Long id) {
    super(
        "Instrument "
            + id
            + " is published (built in or used by a campaign) and cannot be changed; copy it into"
            + " a draft");
  }
}
