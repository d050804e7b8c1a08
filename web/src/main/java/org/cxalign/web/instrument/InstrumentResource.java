package org.cxalign.web.instrument;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
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
import org.cxalign.survey.instrument.InstrumentService;
import org.cxalign.survey.instrument.StoredInstrument;
import org.cxalign.web.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Survey instruments: the built-in one and drafts copied from it. Admins only. */
@Path("instruments")
@Produces(MediaType.APPLICATION_JSON)
public class InstrumentResource {

  /** Largest instrument definition accepted, in characters. */
  static final int MAX_DEFINITION = 512 * 1024;

  @EJB InstrumentService instruments;

  @GET
  @RolesAllowed(Roles.ADMIN)
  @Operation(summary = "List the stored instrument versions")
  public List<InstrumentSummaryView> list() {
    return instruments.list().stream().map(InstrumentSummaryView::of).toList();
  }

  @GET
  @Path("{id:[0-9]+}")
  @RolesAllowed(Roles.ADMIN)
  @Operation(summary = "One instrument version with its dimensions and items")
  @APIResponse(responseCode = "404", description = "No such instrument")
  public InstrumentView get(@PathParam("id") long id) {
    return InstrumentView.of(found(instruments.find(id).orElse(null), id));
  }

  @POST
  @Path("{id:[0-9]+}/copy")
  @RolesAllowed(Roles.ADMIN)
  @Operation(summary = "Copy an instrument into a new draft version (same key, next version)")
  @APIResponse(responseCode = "201", description = "The draft; Location names it")
  public Response copy(@PathParam("id") long id, @Context UriInfo uri) {
    StoredInstrument draft = found(instruments.copy(id).orElse(null), id);
    return Response.created(
            uri.getBaseUriBuilder().path("instruments").path(String.valueOf(draft.getId())).build())
        .entity(InstrumentView.of(draft))
        .build();
  }

  @PUT
  @Path("{id:[0-9]+}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ADMIN)
  @Operation(summary = "Replace a draft's definition (the instrument JSON; id and version kept)")
  @APIResponse(responseCode = "400", description = "The definition does not validate")
  @APIResponse(responseCode = "409", description = "The instrument is published")
  public InstrumentView update(@PathParam("id") long id, String definition) {
    if (definition == null || definition.isBlank()) {
      throw new org.cxalign.survey.instrument.InvalidInstrumentException(
          "a JSON instrument definition is required");
    }
    if (definition.length() > MAX_DEFINITION) {
      throw new org.cxalign.survey.instrument.InvalidInstrumentException(
          "the definition must be at most " + MAX_DEFINITION + " characters");
    }
    return InstrumentView.of(found(instruments.update(id, definition).orElse(null), id));
  }

  private static StoredInstrument found(StoredInstrument i, long id) {
    if (i == null) {
      throw new NotFoundException("No instrument with id " + id);
    }
    return i;
  }
}
