package org.cxalign.survey.department;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * Brings departments in line with the directory's top-level groups: a group without a department
 * (by name, ignoring case) creates one; every matched department takes the group's member count as
 * its headcount. Departments without a group are left alone.
 */
@Stateless
public class DepartmentSync {

  @Inject KeycloakDirectory directory;
  @Inject DepartmentRepository repository;
  @Inject DepartmentService service;

  /** What a sync did, by department name. */
  public record Outcome(List<String> created, List<String> updated, List<String> unchanged) {}

  /**
   * @throws DirectoryUnavailableException if Keycloak cannot be asked
   */
  public Outcome sync() {
    List<String> created = new ArrayList<>();
    List<String> updated = new ArrayList<>();
    List<String> unchanged = new ArrayList<>();
    for (KeycloakDirectory.Group group : groups()) {
      String name;
      try {
        name = Department.normalise(group.name());
      } catch (IllegalArgumentException e) {
        continue; // a group name no department could carry (blank or too long)
      }
      Optional<Department> existing = repository.findByName(name);
      if (existing.isEmpty()) {
        created.add(service.create(name, group.members()).getName());
      } else if (existing.get().updateHeadcount(group.members())) {
        updated.add(existing.get().getName());
      } else {
        unchanged.add(existing.get().getName());
      }
    }
    return new Outcome(created, updated, unchanged);
  }

  private List<KeycloakDirectory.Group> groups() {
    try {
      return directory.groups();
    } catch (CircuitBreakerOpenException e) {
      throw new DirectoryUnavailableException(
          "Keycloak failed repeatedly; syncs are paused for "
              + KeycloakDirectory.PAUSE_MS / 1000
              + " s before it is asked again",
          e);
    } catch (TimeoutException e) {
      throw new DirectoryUnavailableException(
          "Keycloak did not answer within " + KeycloakDirectory.WHOLE_READ_MS / 1000 + " s", e);
    }
  }
}
