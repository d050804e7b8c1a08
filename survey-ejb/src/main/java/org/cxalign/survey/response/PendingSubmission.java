package org.cxalign.survey.response;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.cxalign.survey.campaign.Audience;

/**
 * A submission waiting in {@link SubmissionIntake}'s queue for a batch. Exactly one of the writer
 * ({@link #take}) and the waiting request ({@link #abandon}, after its wait ran out) owns it; the
 * outcome is a receipt when the batch stored it and committed, or null when the request must store
 * it itself through the one-transaction path (which also gives every refusal its error).
 */
public final class PendingSubmission {

  private static final int QUEUED = 0;
  private static final int TAKEN = 1;
  private static final int ABANDONED = 2;

  final Audience audience;

  /** The campaign of an employee's submission; unknown (0) for a customer's until the batch. */
  final long campaignId;

  /** The employee's subject (Keycloak user id) and department name; null for customers. */
  final String subject;

  final String department;

  /** The SHA-256 of a customer's token; null for employees. */
  final String tokenHash;

  final String idempotencyHash;
  final Map<String, Object> answers;
  final String comment;

  private final AtomicInteger state = new AtomicInteger(QUEUED);
  final CompletableFuture<Receipt> outcome = new CompletableFuture<>();

  private PendingSubmission(
      Audience audience,
      long campaignId,
      String subject,
      String department,
      String tokenHash,
      String idempotencyHash,
      Map<String, Object> answers,
      String comment) {
    this.audience = audience;
    this.campaignId = campaignId;
    this.subject = subject;
    this.department = department;
    this.tokenHash = tokenHash;
    this.idempotencyHash = idempotencyHash;
    this.answers = answers;
    this.comment = comment;
  }

  static PendingSubmission employee(
      long campaignId,
      String subject,
      String department,
      String idempotencyHash,
      Map<String, Object> answers,
      String comment) {
    return new PendingSubmission(
        Audience.EMPLOYEES,
        campaignId,
        subject,
        department,
        null,
        idempotencyHash,
        answers,
        comment);
  }

  static PendingSubmission customer(
      String tokenHash, String idempotencyHash, Map<String, Object> answers, String comment) {
    return new PendingSubmission(
        Audience.CUSTOMERS, 0, null, null, tokenHash, idempotencyHash, answers, comment);
  }

  /** A hash of who answers: the link, or the employee in the campaign. */
  int respondent() {
    return audience == Audience.CUSTOMERS
        ? tokenHash.hashCode()
        : 31 * Long.hashCode(campaignId) + subject.hashCode();
  }

  /** The writer takes it for a batch; false when the request gave up waiting first. */
  boolean take() {
    return state.compareAndSet(QUEUED, TAKEN);
  }

  /** The request gives up waiting; false when a writer has it already (then wait for it). */
  boolean abandon() {
    return state.compareAndSet(QUEUED, ABANDONED);
  }

  /** Stored by a committed batch. */
  void stored(Receipt receipt) {
    outcome.complete(receipt);
  }

  /** Not stored by the batch: the request stores it (or refuses it) itself. */
  void fallBack() {
    outcome.complete(null);
  }
}
