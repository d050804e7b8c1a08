package org.cxalign.survey.participation;

import jakarta.ejb.ApplicationException;

/** The respondent has answered this campaign already. */
@ApplicationException(rollback = true)
public class AlreadyAnsweredException extends RuntimeException {

  public AlreadyAnsweredException(String message) {
    super(message);
  }
}
