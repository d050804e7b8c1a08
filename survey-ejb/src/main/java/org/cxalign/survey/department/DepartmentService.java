package org.cxalign.survey.department;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

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
    try {
      return repository.add(department);
    } catch (PersistenceException e) {
      if (isUniqueViolation(e)) {
        throw new DuplicateDepartmentException(department.getName());
      }
      throw e;
    }
  }

  /** SQLState 23505 is the unique-key violation in both PostgreSQL and H2. */
  static boolean isUniqueViolation(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }
}
