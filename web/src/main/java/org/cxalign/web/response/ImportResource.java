package org.cxalign.web.response;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.cxalign.survey.campaign.FieldViolation;
import org.cxalign.survey.campaign.InvalidInputException;
import org.cxalign.survey.response.ImportMode;
import org.cxalign.survey.response.ImportService;
import org.cxalign.survey.response.ImportStatus;
import org.cxalign.web.problem.Problem;
import org.cxalign.web.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Import of an existing survey export (analytics CSV format) into a campaign, as a batch job. */
@Path("campaigns/{id:[0-9]+}/imports")
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {

  @EJB ImportService imports;

  @POST
  @Consumes("text/csv")
  @RolesAllowed(Roles.ADMIN)
  @Operation(
      summary = "Start importing a response file (respondent_id,population,department,<items>)",
      description =
          "mode=REJECT_ALL (default: any bad row rejects the file) or SKIP_INVALID (bad rows are"
              + " reported and left out). Optional column mapping: one map=<file column>=<target>"
              + " per renamed column (targets: respondent_id, population, department or an item"
              + " id; an unknown target is a 400 naming the column). Answers 202 with the status"
              + " URL.")
  @APIResponse(responseCode = "202", description = "Started; Location is the status")
  public Response start(
      @PathParam("id") long id,
      @QueryParam("mode") @DefaultValue("REJECT_ALL") String mode,
      @QueryParam("map") List<String> mapping,
      InputStream body,
      @Context UriInfo uri) {
    ImportMode m;
    try {
      m = ImportMode.valueOf(mode);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(
          "Unknown mode",
          List.of(new FieldViolation("mode", "must be REJECT_ALL or SKIP_INVALID")));
    }
    long execution;
    try {
      execution =
          imports
              .start(id, body, m, mapping)
              .orElseThrow(() -> new NotFoundException("No campaign with id " + id));
    } catch (ImportService.TooLarge e) {
      return new Problem(
              "urn:cx-align:problem:too-large",
              "The request body is too large",
              413,
              e.getMessage(),
              null)
          .toResponse();
    }
    return Response.accepted(Map.of("executionId", execution))
        .location(uri.getAbsolutePathBuilder().path(String.valueOf(execution)).build())
        .build();
  }

  @GET
  @Path("{execution:[0-9]+}")
  @RolesAllowed(Roles.ADMIN)
  @Operation(summary = "Progress of an import: status, rows checked and imported, bad rows")
  public ImportStatus status(@PathParam("id") long id, @PathParam("execution") long execution) {
    return imports
        .status(id, execution)
        .orElseThrow(() -> new NotFoundException("No import " + execution + " of campaign " + id));
  }
}
