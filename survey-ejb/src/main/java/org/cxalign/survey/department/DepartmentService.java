package org.cxalign.survey.department;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.cxalign.survey.platform.SqlStates;

/** Use cases on departments. */
@Stateless
public class DepartmentService {

  @Inject DepartmentRepository repository;

  public List<Department> list() {
    return repository.findAll();
  }

  public Optional<Department> find(long id) {
    return repository.findById(id);
  }

  /**
   * Creates a department.
   *
   * @throws IllegalArgumentException if the name is blank or too long
   * @throws DuplicateDepartmentException if the name is taken (also when a concurrent request won
   *     the race: the unique key decides)
   */
  public Department create(String name, Integer headcount) {
    Department department = new Department(name, headcount, LocalDate.now(ZoneOffset.UTC));
    if (repository.findByName(department.getName()).isPresent()) {
      throw new DuplicateDepartmentException(department.getName());
    }
    return write(department, repository::add);
  }

  /**
   * Renames a department and sets its headcount.
   *
   * @return the department, or empty if there is none with this id
   * @throws IllegalArgumentException if the name is blank or too long, or the headcount negative
   * @throws DuplicateDepartmentException if another department has the name
   */
  public Optional<Department> update(long id, String name, Integer headcount) {
    Optional<Department> found = repository.findById(id);
    if (found.isEmpty()) {
      return found;
    }
    Department department = found.get();
    repository
        .findByName(name)
        .filter(other -> !other.getId().equals(department.getId()))
        .ifPresent(
            other -> {
              throw new DuplicateDepartmentException(other.getName());
            });
    department.change(name, headcount);
    write(department, d -> repository.flush());
    return found;
  }

  /**
   * Writes a new or changed department; a unique-key violation (a concurrent request took the name
   * between the check and the write) becomes {@link DuplicateDepartmentException}.
   */
  private static Department write(Department department, Consumer<Department> write) {
    try {
      write.accept(department);
      return department;
    } catch (PersistenceException e) {
      if (SqlStates.causedBy(e, SqlStates.UNIQUE_VIOLATION)) {
        throw new DuplicateDepartmentException(department.getName());
      }
      throw e;
    }
  }

  /**
   * Deletes a department that nothing refers to.
   *
   * @return false if there is no department with this id
   * @throws DepartmentInUseException if campaigns, responses or invitations refer to it
   */
  public boolean delete(long id) {
    Optional<Department> found = repository.findById(id);
    if (found.isEmpty()) {
      return false;
    }
    try {
      repository.remove(found.get());
    } catch (PersistenceException e) {
      if (SqlStates.causedBy(e, SqlStates.FOREIGN_KEY_VIOLATION)) {
        throw new DepartmentInUseException(found.get().getName());
      }
      throw e;
    }
    return true;
  }
}
