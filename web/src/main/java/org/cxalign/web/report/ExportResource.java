package org.cxalign.web.report;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.cxalign.survey.report.ReportService;
import org.cxalign.survey.report.Viewer;
import org.cxalign.web.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Administrators' exports of a campaign: the anonymised responses (CSV in the {@code cx-align
 * report} format, streamed), their codebook and the whole report as JSON — all k-anonymous.
 */
@Path("campaigns/{id:[0-9]+}/export")
@APIResponse(responseCode = "401", description = "No or invalid token")
@APIResponse(responseCode = "403", description = "Not an administrator")
@APIResponse(responseCode = "404", description = "No such campaign")
@APIResponse(responseCode = "409", description = "A draft campaign")
public class ExportResource {

  @EJB ReportService reports;

  private void requireCampaign(long id) {
    if (!reports.readable(id, Viewer.administrator())) {
      throw new NotFoundException("No campaign with id " + id);
    }
  }

  @GET
  @Path("responses.csv")
  @Produces("text/csv")
  @RolesAllowed(Roles.ADMIN)
  @Operation(
      summary = "Anonymised responses, cx-align report format",
      description =
          "respondent_id (random per export), population, department ('(pooled)' for departments"
              + " hidden by k or secondary suppression), item columns, collab.<Department>;"
              + " random row order; no comments. Streamed.")
  public Response responses(@PathParam("id") long id) {
    requireCampaign(id);
    StreamingOutput body =
        out -> {
          Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
          reports.exportCsv(id, w);
          w.flush();
        };
    return Response.ok(body, "text/csv; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"campaign-" + id + "-responses.csv\"")
        .build();
  }

  @GET
  @Path("codebook.json")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ADMIN)
  @Operation(summary = "The codebook of responses.csv: columns, wording, scale, dimension")
  public String codebook(@PathParam("id") long id) {
    requireCampaign(id);
    return reports.codebook(id);
  }

  @GET
  @Path("report.json")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ADMIN)
  @Operation(summary = "Every report section in one document (the administrator's view)")
  public String report(@PathParam("id") long id) {
    requireCampaign(id);
    return reports.reportExport(id);
  }
}
