package org.cxalign.survey.report;

/**
 * Who reads a report: an administrator (sees every group that k allows) or a department head of
 * {@code department} (sees the organisation, their own department, and other departments only when
 * the campaign's transparency allows).
 */
public record Viewer(boolean admin, String department) {

  public static Viewer administrator() {
    return new Viewer(true, null);
  }

  public static Viewer headOf(String department) {
    if (department == null || department.isBlank()) {
      throw new IllegalArgumentException("a department head needs a department");
    }
    return new Viewer(false, department);
  }

  /** The {@code role} member of the envelope. */
  public String role() {
    return admin ? "cx-admin" : "department-head";
  }
}
