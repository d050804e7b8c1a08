package org.cxalign.survey.department;

import jakarta.ejb.ApplicationException;

/** A department that campaigns, responses or invitations refer to cannot be deleted. */
@ApplicationException(rollback = true)
public class DepartmentInUseException extends RuntimeException {

  public DepartmentInUseException(String name) {
    super(
        "The department '"
            + name
            + "' is part of campaigns or has answers, so it cannot be deleted");
  }
}
