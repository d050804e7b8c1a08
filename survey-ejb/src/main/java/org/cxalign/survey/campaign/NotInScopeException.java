package org.cxalign.survey.campaign;

import jakarta.ejb.ApplicationException;

/** The caller's department is not one the campaign asks. */
@ApplicationException(rollback = true)
public class NotInScopeException extends RuntimeException {

  public NotInScopeException(String message) {
    super(message);
  }
}
