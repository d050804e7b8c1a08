package org.cxalign.web.department;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.cxalign.survey.department.Department;
import org.cxalign.survey.department.DepartmentService;
import org.cxalign.web.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Departments of the organisation. */
@Path("departments")
@Produces(MediaType.APPLICATION_JSON)
public class DepartmentResource {

  @EJB DepartmentService departments;

  @GET
  @RolesAllowed({Roles.ADMIN, Roles.DEPARTMENT_HEAD, Roles.EMPLOYEE})
  @Operation(summary = "List the departments, by name")
  public List<DepartmentView> list() {
    return departments.list().stream().map(DepartmentView::of).toList();
  }

  @GET
  @Path("{id:[0-9]+}")
  @RolesAllowed({Roles.ADMIN, Roles.DEPARTMENT_HEAD, Roles.EMPLOYEE})
  @Operation(summary = "One department")
  @APIResponse(responseCode = "404", description = "No such department")
  public DepartmentView get(@PathParam("id") long id) {
    return departments
        .find(id)
        .map(DepartmentView::of)
        .orElseThrow(() -> new NotFoundException("No department with id " + id));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ADMIN)
  @Operation(summary = "Create a department")
  @APIResponse(responseCode = "201", description = "Created; Location names it")
  @APIResponse(responseCode = "400", description = "Blank or over-long name, bad headcount")
  @APIResponse(responseCode = "409", description = "The name is taken")
  public Response create(
      @NotNull(message = "a JSON body is required") @Valid DepartmentRequest request,
      @Context UriInfo uri) {
    Department created = departments.create(request.name(), request.headcount());
    return Response.created(
            uri.getAbsolutePathBuilder().path(String.valueOf(created.getId())).build())
        .entity(DepartmentView.of(created))
        .build();
  }

  @PUT
  @Path("{id:[0-9]+}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ADMIN)
  @Operation(summary = "Rename a department and set its headcount")
  @APIResponse(responseCode = "200", description = "The department as changed")
  @APIResponse(responseCode = "400", description = "Blank or over-long name, bad headcount")
  @APIResponse(responseCode = "404", description = "No such department")
  @APIResponse(responseCode = "409", description = "Another department has the name")
  public DepartmentView update(
      @PathParam("id") long id,
      @NotNull(message = "a JSON body is required") @Valid DepartmentRequest request) {
    return departments
        .update(id, request.name(), request.headcount())
        .map(DepartmentView::of)
        .orElseThrow(() -> new NotFoundException("No department with id " + id));
  }

  @DELETE
  @Path("{id:[0-9]+}")
  @RolesAllowed(Roles.ADMIN)
  @Operation(summary = "Delete a department that no campaign, answer or invitation refers to")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "404", description = "No such department")
  @APIResponse(responseCode = "409", description = "The department is in use")
  public Response delete(@PathParam("id") long id) {
    if (!departments.delete(id)) {
      throw new NotFoundException("No department with id " + id);
    }
    return Response.noContent().build();
  }
}
