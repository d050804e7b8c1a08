package org.cxalign.survey.report;

import jakarta.ejb.ApplicationException;

/** A report asked for before it may be read (a draft; an open campaign for department heads). */
@ApplicationException(rollback = true)
public class ResultsNotPublishedException extends RuntimeException {

  public ResultsNotPublishedException(String message) {
    super(message);
  }
}
