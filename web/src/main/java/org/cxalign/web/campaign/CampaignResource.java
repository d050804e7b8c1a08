package org.cxalign.web.campaign;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.cxalign.survey.campaign.Campaign;
import org.cxalign.survey.campaign.CampaignService;
import org.cxalign.survey.campaign.NewCampaign;
import org.cxalign.survey.campaign.Transparency;
import org.cxalign.survey.invitation.InvitationService;
import org.cxalign.survey.invitation.Invitations;
import org.cxalign.survey.invitation.Invitee;
import org.cxalign.survey.response.ResponseService;
import org.cxalign.web.security.CurrentUser;
import org.cxalign.web.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Campaigns: create, open, close, list; the employee's open campaigns; response rates. */
@Path("campaigns")
@Produces(MediaType.APPLICATION_JSON)
public class CampaignResource {

  @EJB CampaignService campaigns;
  @EJB ResponseService responses;
  @EJB InvitationService invitations;
  @Inject CurrentUser user;

  @GET
  @RolesAllowed({Roles.ADMIN, Roles.DEPARTMENT_HEAD})
  @Operation(summary = "List the campaigns")
  public List<CampaignView> list() {
    return campaigns.list().stream().map(CampaignView::of).toList();
  }

  @GET
  @Path("{id:[0-9]+}")
  @RolesAllowed({Roles.ADMIN, Roles.DEPARTMENT_HEAD})
  @Operation(summary = "One campaign")
  @APIResponse(responseCode = "404", description = "No such campaign")
  public CampaignView get(@PathParam("id") long id) {
    return CampaignView.of(found(id));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ADMIN)
  @Operation(summary = "Create a draft campaign")
  @APIResponse(responseCode = "201", description = "Created; Location names it")
  @APIResponse(responseCode = "400", description = "Every invalid field listed")
  public Response create(
      @NotNull(message = "a JSON body is required") @Valid CreateCampaignRequest request,
      @Context UriInfo uri) {
    Campaign c =
        campaigns.create(
            new NewCampaign(
                request.title(),
                request.instrumentId(),
                request.departmentIds(),
                EnumSet.copyOf(request.audiences()),
                request.opensOn(),
                request.closesOn(),
                request.anonymityThreshold() == null
                    ? Campaign.DEFAULT_K
                    : request.anonymityThreshold(),
                Objects.requireNonNullElse(
                    request.transparency(), Transparency.OWN_DEPARTMENT_ONLY),
                request.wave()));
    return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(c.getId())).build())
        .entity(CampaignView.of(c))
        .build();
  }

  @POST
  @Path("{id:[0-9]+}/open")
  @RolesAllowed(Roles.ADMIN)
  @Operation(summary = "Open a draft campaign")
  @APIResponse(responseCode = "409", description = "Not a draft")
  public CampaignView open(@PathParam("id") long id) {
    return CampaignView.of(
        campaigns.open(id).orElseThrow(() -> new NotFoundException("No campaign with id " + id)));
  }

  @POST
  @Path("{id:[0-9]+}/close")
  @RolesAllowed(Roles.ADMIN)
  @Operation(summary = "Close an open campaign")
  @APIResponse(responseCode = "409", description = "Not open")
  public CampaignView close(@PathParam("id") long id) {
    return CampaignView.of(
        campaigns.close(id).orElseThrow(() -> new NotFoundException("No campaign with id " + id)));
  }

  @GET
  @Path("open")
  @RolesAllowed(Roles.EMPLOYEE)
  @Operation(summary = "The open campaigns the caller's department is asked in, with their forms")
  public List<OpenCampaignView> openForMe() {
    String department = user.department().orElse(null);
    if (department == null) {
      return List.of();
    }
    return campaigns.openForEmployees(department, LocalDate.now(ZoneOffset.UTC)).stream()
        .map(
            c ->
                new OpenCampaignView(
                    c.getId(),
                    c.getTitle(),
                    c.getWave(),
                    c.getClosesOn(),
                    responses.employeeForm(c, department).stream().map(ItemView::of).toList()))
        .toList();
  }

  @GET
  @Path("{id:[0-9]+}/response-rates")
  @RolesAllowed({Roles.ADMIN, Roles.DEPARTMENT_HEAD})
  @Operation(
      summary = "Responses per department and audience against headcount / invitations",
      description =
          "Admins see every department. A department head sees their own department, and every"
              + " department only under the transparency ALL_DEPARTMENTS; counts of groups the"
              + " reports hide under the campaign's k (fewer than k, or secondary suppression)"
              + " read null with suppressed, rule and reason.")
  public List<ResponseRateView> responseRates(
      @PathParam("id") long id, @Context SecurityContext security) {
    Campaign c = found(id);
    boolean admin = security.isUserInRole(Roles.ADMIN);
    String own = user.department().orElse(null);
    if (!admin && own == null) {
      throw new ForbiddenException();
    }
    return responses.rates(c, admin ? null : own).stream()
        .map(r -> ResponseRateView.of(r, c.getAnonymityThreshold()))
        .toList();
  }

  @POST
  @Path("{id:[0-9]+}/invitations")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ADMIN)
  @Operation(summary = "Invite customers by e-mail and/or create anonymous one-time links")
  @APIResponse(responseCode = "201", description = "Sent; anonymous links in the body")
  public Response invite(
      @PathParam("id") long id,
      @NotNull(message = "a JSON body is required") @Valid InvitationRequest request) {
    List<Invitee> invitees =
        request.emails() == null
            ? List.of()
            : request.emails().stream()
                .map(e -> new Invitee(e.email().strip(), e.departmentId()))
                .toList();
    int anonymous = request.anonymousLinks() == null ? 0 : request.anonymousLinks();
    if (invitees.isEmpty() && anonymous == 0) {
      throw new org.cxalign.survey.campaign.InvalidInputException(
          "Nothing to create",
          List.of(
              new org.cxalign.survey.campaign.FieldViolation(
                  "emails", "give e-mails or a number of anonymousLinks")));
    }
    Invitations done =
        invitations
            .invite(id, invitees, anonymous, request.validDays())
            .orElseThrow(() -> new NotFoundException("No campaign with id " + id));
    return Response.status(Response.Status.CREATED)
        .entity(Map.of("emailed", done.emailed(), "links", done.links()))
        .build();
  }

  @POST
  @Path("{id:[0-9]+}/invitations/reminders")
  @RolesAllowed(Roles.ADMIN)
  @Operation(
      summary = "Remind every customer whose e-mailed link is unused and unexpired",
      description =
          "Each reminder carries a new link; the old link stops working (tokens are stored"
              + " hashed). Only while the campaign is open.")
  @APIResponse(responseCode = "200", description = "The number of reminders sent")
  @APIResponse(responseCode = "409", description = "The campaign is not open")
  public Map<String, Integer> remind(@PathParam("id") long id) {
    int sent =
        invitations
            .remind(id)
            .orElseThrow(() -> new NotFoundException("No campaign with id " + id));
    return Map.of("reminded", sent);
  }

  private Campaign found(long id) {
    return campaigns.find(id).orElseThrow(() -> new NotFoundException("No campaign with id " + id));
  }
}
