package org.cxalign.survey.report;

import jakarta.ejb.ApplicationException;

/** A department head asked for another department that the campaign's transparency hides. */
@ApplicationException(rollback = true)
public class DepartmentNotVisibleException extends RuntimeException {

  public DepartmentNotVisibleException(String message) {
    super(message);
  }
}
