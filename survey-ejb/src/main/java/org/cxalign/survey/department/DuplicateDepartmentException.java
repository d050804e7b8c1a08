package org.cxalign.survey.department;

import jakarta.ejb.ApplicationException;

/** A department with the same name (ignoring case) exists already. */
@ApplicationException(rollback = true)
public class DuplicateDepartmentException extends RuntimeException {

  private final String name;

  public DuplicateDepartmentException(String name) {
    super("A department named '" + name + "' exists already");
    this.name = name;
  }

  public String getName() {
    return name;
  }
}
