package org.cxalign.survey.platform;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Logger;
import org.cxalign.survey.department.DepartmentRepository;
import org.cxalign.survey.department.DepartmentService;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Seeds the demo organisation (eight departments, matching the demo users of the realm) on first
 * start when {@code cxalign.demo.seed} is true. Does nothing once any department exists.
 */
@Startup
@Singleton
@DependsOn("DatabaseMigration")
public class DemoOrganisation {

  private static final Logger LOG = Logger.getLogger(DemoOrganisation.class.getName());

  /** Department name and headcount; names match the {@code department} attribute of demo users. */
  static final List<DemoDepartment> DEPARTMENTS =
      List.of(
          new DemoDepartment("Sales", 120),
          new DemoDepartment("Marketing", 45),
          new DemoDepartment("Customer Service", 210),
          new DemoDepartment("Product", 60),
          new DemoDepartment("Engineering", 180),
          new DemoDepartment("Operations", 95),
          new DemoDepartment("Finance", 40),
          new DemoDepartment("People & Culture", 30));

  record DemoDepartment(String name, int headcount) {}

  @Inject
  @ConfigProperty(name = "cxalign.demo.seed", defaultValue = "false")
  boolean seed;

  @Inject DepartmentRepository departments;
  @Inject DepartmentService service;

  @PostConstruct
  void seedIfEmpty() {
    if (!seed || departments.count() > 0) {
      return;
    }
    for (DemoDepartment d : DEPARTMENTS) {
      service.create(d.name(), d.headcount());
    }
    LOG.info(() -> "Seeded the demo organisation with " + DEPARTMENTS.size() + " departments");
  }
}
