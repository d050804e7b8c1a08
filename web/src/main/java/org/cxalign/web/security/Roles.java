package org.cxalign.web.security;

/** Realm roles of the cx-align Keycloak realm. */
public final class Roles {
  public static final String ADMIN = "cx-admin";
  public static final String DEPARTMENT_HEAD = "department-head";
  public static final String EMPLOYEE = "employee";

  private Roles() {}
}
