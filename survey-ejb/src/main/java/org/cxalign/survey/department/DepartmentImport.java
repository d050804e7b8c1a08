package org.cxalign.survey.department;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.cxalign.survey.campaign.FieldViolation;
import org.cxalign.survey.campaign.InvalidInputException;

/**
 * Imports a department list (CSV, {@link DepartmentCsv}) all or nothing: any bad line rejects the
 * whole file, listing every line; departments that exist already (by name, ignoring case) are left
 * as they are.
 */
@Stateless
public class DepartmentImport {

  @Inject DepartmentRepository repository;
  @Inject DepartmentService service;

  /** What an import did. */
  public record Outcome(List<String> created, List<String> existing) {}

  /**
   * @throws InvalidInputException listing each bad line as field {@code line <n>}
   * @throws DuplicateDepartmentException when a concurrent request created one of the names
   */
  public Outcome importCsv(String csv) {
    DepartmentCsv.Result parsed = DepartmentCsv.parse(csv);
    if (!parsed.errors().isEmpty()) {
      throw new InvalidInputException(
          "The file has " + parsed.errors().size() + " error(s); nothing was imported",
          parsed.errors().stream()
              .map(
                  e -> new FieldViolation(e.line() == 0 ? "file" : "line " + e.line(), e.message()))
              .toList());
    }
    List<String> created = new ArrayList<>();
    List<String> existing = new ArrayList<>();
    for (DepartmentCsv.Row row : parsed.rows()) {
      if (repository.findByName(row.name()).isPresent()) {
        existing.add(row.name());
      } else {
        created.add(service.create(row.name(), row.headcount()).getName());
      }
    }
    return new Outcome(created, existing);
  }
}
