package org.cxalign.web.survey;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import org.cxalign.survey.invitation.InvitationService;
import org.cxalign.survey.response.Receipt;
import org.cxalign.survey.response.ResponseService;
import org.cxalign.survey.response.SubmissionIntake;
import org.cxalign.web.campaign.ItemView;
import org.cxalign.web.response.ReceiptView;
import org.cxalign.web.response.SubmissionBody;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Customers answer through their one-time link; no account, the token is the credential. */
// One instance for the application: per request (the JAX-RS default) Weld built the resource,
// injected its EJB references and had RESTEasy validate it on every submission, 15% of the request
// threads' samples under the ingestion load (JFR, 2026-12-03). It holds no per-request state.
@ApplicationScoped
@Path("survey/{token}")
@Produces(MediaType.APPLICATION_JSON)
public class SurveyResource {

  private static final String UNKNOWN = "No survey for this link; check that it was copied whole";

  @EJB InvitationService invitations;
  @EJB ResponseService responses;
  @EJB SubmissionIntake intake;

  @GET
  @PermitAll
  @Operation(summary = "The survey behind a one-time link: title and customer items")
  @APIResponse(responseCode = "410", description = "The link was used or has expired")
  public CustomerFormView form(@PathParam("token") String token) {
    InvitationService.Usable u =
        invitations.open(token).orElseThrow(() -> new NotFoundException(UNKNOWN));
    return new CustomerFormView(
        u.campaign().getTitle(),
        responses.customerForm(u.campaign()).stream().map(ItemView::of).toList());
  }

  @POST
  @PermitAll
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Answer through a one-time link (header Idempotency-Key)")
  @APIResponse(responseCode = "201", description = "Stored; the link is used up")
  @APIResponse(responseCode = "400", description = "Every violation listed; nothing stored")
  @APIResponse(responseCode = "410", description = "The link was used or has expired")
  public Response answer(
      @PathParam("token") String token,
      @HeaderParam("Idempotency-Key") String idempotencyKey,
      InputStream body) {
    SubmissionBody submission;
    try {
      submission = SubmissionBody.read(body);
    } catch (SubmissionBody.Unreadable e) {
      return e.toResponse();
    }
    // stored in a batch with others (group commit) when it can be; otherwise, and for every
    // refusal, alone in its own transaction
    Receipt receipt =
        intake
            .customer(token, idempotencyKey, submission.answers(), submission.comment())
            .or(
                () ->
                    invitations.submit(
                        token, idempotencyKey, submission.answers(), submission.comment()))
            .orElseThrow(() -> new NotFoundException(UNKNOWN));
    return ReceiptView.response(receipt);
  }
}
