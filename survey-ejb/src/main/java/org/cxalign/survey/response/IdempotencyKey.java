package org.cxalign.survey.response;

import java.util.List;
import org.cxalign.survey.campaign.FieldViolation;
import org.cxalign.survey.campaign.InvalidInputException;

/**
 * The {@code Idempotency-Key} of a submission: required, so that a retried request is recognised
 * and stored once. Only its SHA-256 is kept.
 */
public final class IdempotencyKey {

  /** Longest key accepted. */
  public static final int MAX_LENGTH = 200;

  private IdempotencyKey() {}

  /**
   * Checks presence and length.
   *
   * @throws InvalidInputException naming the header
   */
  public static void require(String key) {
    if (key == null || key.isBlank()) {
      throw new InvalidInputException(
          "An Idempotency-Key header is required",
          List.of(
              new FieldViolation(
                  "Idempotency-Key", "header is required (a unique value per submission)")));
    }
    if (key.length() > MAX_LENGTH) {
      throw new InvalidInputException(
          "The Idempotency-Key header is too long",
          List.of(
              new FieldViolation(
                  "Idempotency-Key", "must be at most " + MAX_LENGTH + " characters")));
    }
  }
}
