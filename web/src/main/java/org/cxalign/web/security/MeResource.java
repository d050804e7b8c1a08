package org.cxalign.web.security;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Who am I: the pages use it for role-aware navigation. */
@Path("me")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

  @Inject CurrentUser user;

  @GET
  @RolesAllowed({Roles.ADMIN, Roles.DEPARTMENT_HEAD, Roles.EMPLOYEE})
  @Operation(summary = "The signed-in user: name, roles and department claim")
  public MeView me() {
    return new MeView(user.username().orElse(null), user.roles(), user.department().orElse(null));
  }
}
