package org.cxalign.web.department;

import org.cxalign.survey.department.Department;

/** A department as the API shows it. */
public record DepartmentView(long id, String name, Integer headcount) {

  static DepartmentView of(Department d) {
    return new DepartmentView(d.getId(), d.getName(), d.getHeadcount());
  }
}
