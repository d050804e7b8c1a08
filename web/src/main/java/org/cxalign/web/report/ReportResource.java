package org.cxalign.web.report;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.cxalign.survey.campaign.FieldViolation;
import org.cxalign.survey.campaign.InvalidInputException;
import org.cxalign.survey.report.ReportService;
import org.cxalign.survey.report.ReportViews;
import org.cxalign.survey.report.Viewer;
import org.cxalign.web.security.CurrentUser;
import org.cxalign.web.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The report of a campaign for the caller: administrators see every group k allows (live while the
 * campaign is open); department heads the organisation and their own department (others as the
 * campaign's transparency allows) once the campaign is closed. Shapes: docs/report-api.md;
 * suppressed rows and cells read {@code "suppressed": true, "rule", "reason"}.
 */
@Path("campaigns/{id:[0-9]+}/report")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No or invalid token")
@APIResponse(responseCode = "403", description = "Employees; a head without a department claim")
@APIResponse(responseCode = "404", description = "No such campaign")
@APIResponse(
    responseCode = "409",
    description = "A draft; for department heads, a campaign that is not closed yet")
public class ReportResource {

  @EJB ReportService reports;
  @Inject CurrentUser user;
  @Context SecurityContext security;

  private Viewer viewer() {
    if (security.isUserInRole(Roles.ADMIN)) {
      return Viewer.administrator();
    }
    return Viewer.headOf(
        user.department()
            .orElseThrow(() -> new ForbiddenException("Your account has no department")));
  }

  private String view(long id, Function<ReportViews, String> section) {
    return reports
        .views(id, viewer())
        .map(section)
        .orElseThrow(() -> new NotFoundException("No campaign with id " + id));
  }

  private void requireCampaign(long id, Viewer v) {
    if (!reports.readable(id, v)) {
      throw new NotFoundException("No campaign with id " + id);
    }
  }

  @GET
  @RolesAllowed({Roles.ADMIN, Roles.DEPARTMENT_HEAD})
  @Operation(summary = "Organisation summary: respondents, scales, dimensions, department list")
  public String summary(@PathParam("id") long id) {
    return view(id, ReportViews::summary);
  }

  @GET
  @Path("departments")
  @RolesAllowed({Roles.ADMIN, Roles.DEPARTMENT_HEAD})
  @Operation(summary = "Every department: per scale mean with 95% interval, SD, r_wg(J), AD")
  public String departments(@PathParam("id") long id) {
    return view(id, ReportViews::departments);
  }

  @GET
  @Path("departments/{departmentId:[0-9]+}")
  @RolesAllowed({Roles.ADMIN, Roles.DEPARTMENT_HEAD})
  @Operation(summary = "One department in full: scales with items, maturity, gap, links")
  @APIResponse(
      responseCode = "403",
      description = "Another department that the campaign's transparency hides from a head")
  @APIResponse(responseCode = "404", description = "No such campaign, or department not in it")
  public String department(@PathParam("id") long id, @PathParam("departmentId") long departmentId) {
    Viewer v = viewer();
    requireCampaign(id, v);
    String name =
        reports
            .visibleDepartment(id, departmentId, v)
            .orElseThrow(
                () ->
                    new NotFoundException(
                        "Department " + departmentId + " is not in campaign " + id));
    return view(id, views -> views.department(name));
  }

  @GET
  @Path("heatmap")
  @RolesAllowed({Roles.ADMIN, Roles.DEPARTMENT_HEAD})
  @Operation(summary = "Departments × dimensions against the rest, Benjamini–Hochberg flags")
  public String heatmap(@PathParam("id") long id) {
    return view(id, ReportViews::heatmap);
  }

  @GET
  @Path("network")
  @RolesAllowed({Roles.ADMIN, Roles.DEPARTMENT_HEAD})
  @Operation(summary = "The collaboration network: nodes, directed weighted links, isolated")
  public String network(@PathParam("id") long id) {
    return view(id, ReportViews::network);
  }

  @GET
  @Path("gap")
  @RolesAllowed({Roles.ADMIN, Roles.DEPARTMENT_HEAD})
  @Operation(summary = "Employee–customer gap per matched item, organisation and departments")
  public String gap(@PathParam("id") long id) {
    return view(id, ReportViews::gap);
  }

  @GET
  @Path("maturity")
  @RolesAllowed({Roles.ADMIN, Roles.DEPARTMENT_HEAD})
  @Operation(summary = "Placement on each maturity model, organisation and departments")
  public String maturity(@PathParam("id") long id) {
    return view(id, ReportViews::maturity);
  }

  @GET
  @Path("verdict")
  @RolesAllowed({Roles.ADMIN, Roles.DEPARTMENT_HEAD})
  @Operation(summary = "The level-5 verdict with its four criteria and evidence")
  public String verdict(@PathParam("id") long id) {
    return view(id, ReportViews::verdict);
  }

  @GET
  @Path("trend")
  @RolesAllowed({Roles.ADMIN, Roles.DEPARTMENT_HEAD})
  @Operation(
      summary = "Against the previous wave (Welch per dimension and department)",
      description =
          "Previous wave: the latest closed campaign with the same instrument key that opened"
              + " earlier (same day: lower id).")
  public String trend(@PathParam("id") long id) {
    Viewer v = viewer();
    requireCampaign(id, v);
    return reports.trend(id, v);
  }

  @GET
  @Path("comments")
  @RolesAllowed({Roles.ADMIN, Roles.DEPARTMENT_HEAD})
  @Operation(
      summary = "Free-text comments of groups with at least k respondents, alone, a page at a time",
      description =
          "A page holds up to `limit` comments (default 100, at most 500) stored after the cursor"
              + " `after` (0 or absent: the first page), grouped and sorted alphabetically within"
              + " the page; `page.next` is the cursor of the following page, null on the last.")
  @APIResponse(responseCode = "400", description = "`after` or `limit` out of range")
  public String comments(
      @PathParam("id") long id,
      @QueryParam("after") String after,
      @QueryParam("limit") String limit) {
    List<FieldViolation> bad = new ArrayList<>();
    long cursor = number(after, "after", 0, Long.MAX_VALUE, 0, bad);
    long size =
        number(limit, "limit", 1, ReportService.COMMENT_PAGE_MAX, ReportService.COMMENT_PAGE, bad);
    if (!bad.isEmpty()) {
      throw new InvalidInputException("Invalid page of comments", bad);
    }
    Viewer v = viewer();
    requireCampaign(id, v);
    return reports.comments(id, v, cursor, (int) size);
  }

  /** A whole number query parameter within [min, max], the default when absent. */
  private static long number(
      String raw, String field, long min, long max, long absent, List<FieldViolation> bad) {
    if (raw == null || raw.isEmpty()) {
      return absent;
    }
    String why = "must be a whole number from " + min + " to " + max;
    if (!raw.matches("[0-9]{1,19}")) {
      bad.add(new FieldViolation(field, why));
      return absent;
    }
    try {
      long v = Long.parseLong(raw);
      if (v >= min && v <= max) {
        return v;
      }
    } catch (NumberFormatException e) {
      // over Long.MAX_VALUE
    }
    bad.add(new FieldViolation(field, why));
    return absent;
  }
}
