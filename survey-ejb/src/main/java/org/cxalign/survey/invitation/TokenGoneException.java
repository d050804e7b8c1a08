package org.cxalign.survey.invitation;

import jakarta.ejb.ApplicationException;

/** A survey link that has been used already or has expired. */
@ApplicationException(rollback = true)
public class TokenGoneException extends RuntimeException {

  public TokenGoneException(String message) {
    super(message);
  }
}
