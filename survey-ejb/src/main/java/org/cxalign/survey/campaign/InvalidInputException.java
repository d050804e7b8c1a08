package org.cxalign.survey.campaign;

import jakarta.ejb.ApplicationException;
import java.util.List;

/** A request that breaks domain rules; lists every violation. Nothing is stored. */
@ApplicationException(rollback = true)
public class InvalidInputException extends RuntimeException {

  private final transient List<FieldViolation> violations;

  public InvalidInputException(String message, List<FieldViolation> violations) {
    super(message);
    this.violations = List.copyOf(violations);
  }

  public List<FieldViolation> violations() {
    return violations;
  }
}
