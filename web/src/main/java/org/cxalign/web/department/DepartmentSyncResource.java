package org.cxalign.web.department;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.cxalign.survey.department.DepartmentSync;
import org.cxalign.web.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Department sync from the Keycloak realm's top-level groups. */
@Path("departments/sync")
public class DepartmentSyncResource {

  @EJB DepartmentSync sync;

  @POST
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ADMIN)
  @Operation(
      summary = "Sync departments from Keycloak groups",
      description =
          "Creates a department for each top-level group that has none and sets every matched"
              + " department's headcount to the group's member count.")
  @APIResponse(responseCode = "200", description = "Names created, updated and unchanged")
  @APIResponse(responseCode = "503", description = "Keycloak could not be asked")
  public DepartmentSync.Outcome sync() {
    return sync.sync();
  }
}
