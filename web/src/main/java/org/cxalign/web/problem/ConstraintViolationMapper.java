package org.cxalign.web.problem;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.List;

/** Bean Validation failures of a request: 400, listing every field and its reason. */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

  @Override
  public Response toResponse(ConstraintViolationException e) {
    List<Problem.Violation> violations =
        e.getConstraintViolations().stream()
            .map(v -> new Problem.Violation(fieldOf(v), v.getMessage()))
            .sorted(Comparator.comparing(Problem.Violation::field))
            .toList();
    return new Problem(
            "urn:cx-align:problem:validation",
            "The request is not valid",
            Response.Status.BAD_REQUEST.getStatusCode(),
            violations.size() + " field(s) failed validation",
            violations)
        .toResponse();
  }

  /**
   * The request field: the property path without the method and parameter nodes, so {@code
   * create.request.name} becomes {@code name}; a missing body is {@code body}.
   */
  static String fieldOf(ConstraintViolation<?> v) {
    StringBuilder field = new StringBuilder();
    for (Path.Node node : v.getPropertyPath()) {
      if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER) {
        continue;
      }
      if (!field.isEmpty()) {
        field.append('.');
      }
      field.append(node.getName());
      if (node.getIndex() != null) {
        field.append('[').append(node.getIndex()).append(']');
      }
    }
    return field.isEmpty() ? "body" : field.toString();
  }
}
