package org.cxalign.survey.department;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * The few calls of Keycloak's token endpoint and admin REST API that the department sync needs, as
 * a MicroProfile Rest Client interface; the base URI is Keycloak's root (for example {@code
 * http://127.0.0.1:8180}).
 */
@Produces(MediaType.APPLICATION_JSON)
public interface KeycloakAdminApi {

  /** A client-credentials grant for the sync client's service account. */
  @POST
  @Path("realms/{realm}/protocol/openid-connect/token")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  TokenResponse token(
      @PathParam("realm") String realm,
      @FormParam("grant_type") String grantType,
      @FormParam("client_id") String clientId,
      @FormParam("client_secret") String clientSecret);

  /** Top-level groups of the realm, one page. */
  @GET
  @Path("admin/realms/{realm}/groups")
  List<GroupRepresentation> groups(
      @HeaderParam("Authorization") String bearer,
      @PathParam("realm") String realm,
      @QueryParam("first") int first,
      @QueryParam("max") int max,
      @QueryParam("briefRepresentation") boolean brief);

  /** Direct members of a group, one page. */
  @GET
  @Path("admin/realms/{realm}/groups/{id}/members")
  List<MemberRepresentation> members(
      @HeaderParam("Authorization") String bearer,
      @PathParam("realm") String realm,
      @PathParam("id") String groupId,
      @QueryParam("first") int first,
      @QueryParam("max") int max,
      @QueryParam("briefRepresentation") boolean brief);

  /** The part of the token response used. */
  record TokenResponse(@JsonbProperty("access_token") String accessToken) {}

  /** The part of a group used. */
  record GroupRepresentation(String id, String name) {}

  /** The part of a user used. */
  record MemberRepresentation(String id, Boolean enabled) {}
}
