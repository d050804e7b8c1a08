package org.cxalign.web.response;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.Optional;
import org.cxalign.survey.participation.AlreadyAnsweredException;
import org.cxalign.survey.response.Receipt;
import org.cxalign.survey.response.ResponseService;
import org.cxalign.survey.response.SubmissionIntake;
import org.cxalign.web.security.CurrentUser;
import org.cxalign.web.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.wildfly.security.http.oidc.OidcPrincipal;

/** An employee's answers to a campaign. */
// One instance for the application: per request (the JAX-RS default) Weld built the resource,
// injected its EJB references and had RESTEasy validate it on every submission, 15% of the request
// threads' samples under the ingestion load (JFR, 2026-12-03). It holds no per-request state.
@ApplicationScoped
@Path("campaigns/{id:[0-9]+}/responses")
public class ResponseResource {

  @EJB ResponseService responses;
  @EJB SubmissionIntake intake;
  @Inject CurrentUser user;
  @Inject HttpServletRequest request;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.EMPLOYEE)
  @Operation(
      summary = "Answer a campaign once",
      description =
          "Body {answers: {itemId: value}, comment?}; header Idempotency-Key. The response is"
              + " stored without identity; a retry with the same key returns the same receipt.")
  @APIResponse(responseCode = "201", description = "Stored")
  @APIResponse(responseCode = "200", description = "A retry of a stored submission")
  @APIResponse(responseCode = "400", description = "Every violation listed; nothing stored")
  @APIResponse(responseCode = "409", description = "Answered already, or the campaign is closed")
  @APIResponse(responseCode = "413", description = "Body too large")
  public Response answer(
      @PathParam("id") long id,
      @HeaderParam("Idempotency-Key") String idempotencyKey,
      InputStream body) {
    SubmissionBody submission;
    try {
      submission = SubmissionBody.read(body);
    } catch (SubmissionBody.Unreadable e) {
      return e.toResponse();
    }
    String subject = subject();
    String department = user.department().orElse(null);
    // stored in a batch with others (group commit) when it can be; otherwise, and for every
    // refusal, alone in its own transaction
    Optional<Receipt> batched =
        intake.employee(
            id, subject, department, idempotencyKey, submission.answers(), submission.comment());
    if (batched.isPresent()) {
      return ReceiptView.response(batched.get());
    }
    Receipt receipt;
    try {
      receipt =
          responses
              .submitEmployee(
                  id,
                  subject,
                  department,
                  idempotencyKey,
                  submission.answers(),
                  submission.comment())
              .orElseThrow(() -> new NotFoundException("No campaign with id " + id));
    } catch (AlreadyAnsweredException e) {
      // a retry that ran while its first attempt was still being stored: the same submission
      receipt = responses.earlierSubmission(id, subject, idempotencyKey).orElseThrow(() -> e);
    }
    return ReceiptView.response(receipt);
  }

  /** The token's subject (Keycloak user id), the input of the participation HMAC. */
  private String subject() {
    if (request.getUserPrincipal() instanceof OidcPrincipal<?> oidc
        && oidc.getOidcSecurityContext() != null
        && oidc.getOidcSecurityContext().getToken() != null
        && oidc.getOidcSecurityContext().getToken().getSubject() != null) {
      return oidc.getOidcSecurityContext().getToken().getSubject();
    }
    throw new ForbiddenException();
  }
}
