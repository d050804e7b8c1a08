package org.cxalign.survey.department;

import jakarta.ejb.ApplicationException;

/** The user directory (Keycloak) could not be reached or refused the sync client. */
@ApplicationException(rollback = true)
public class DirectoryUnavailableException extends RuntimeException {

  public DirectoryUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
