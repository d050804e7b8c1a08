package org.cxalign.survey.campaign;

/** What a department head may see of other departments' results in a campaign. */
public enum Transparency {
  /** Their own department and the organisation as a whole. */
  OWN_DEPARTMENT_ONLY,
  /** Every department (each still subject to the anonymity threshold). */
  ALL_DEPARTMENTS
}
