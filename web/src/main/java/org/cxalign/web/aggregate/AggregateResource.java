package org.cxalign.web.aggregate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.cxalign.survey.aggregate.AggregateFigures;
import org.cxalign.survey.aggregate.AggregateRebuilds;
import org.cxalign.survey.aggregate.CampaignAggregates;
import org.cxalign.survey.aggregate.RebuildStatus;
import org.cxalign.web.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** A campaign's live aggregate: its figures, and the rebuild from the raw responses. */
@Path("campaigns/{id:[0-9]+}/aggregates")
@Produces(MediaType.APPLICATION_JSON)
public class AggregateResource {

  @EJB CampaignAggregates aggregates;
  @EJB AggregateRebuilds rebuilds;

  @GET
  @RolesAllowed(Roles.ADMIN)
  @Operation(summary = "The aggregate's version, responses counted per population and department")
  @APIResponse(responseCode = "404", description = "No such campaign")
  public AggregateFigures figures(@PathParam("id") long id) {
    return aggregates.figures(id);
  }

  @POST
  @Path("rebuild")
  @RolesAllowed(Roles.ADMIN)
  @Operation(summary = "Rebuild the aggregate from the raw responses (Jakarta Batch)")
  @APIResponse(responseCode = "202", description = "Started; Location names its status")
  @APIResponse(responseCode = "404", description = "No such campaign")
  @APIResponse(responseCode = "409", description = "A rebuild is running")
  public Response rebuild(@PathParam("id") long id, @Context UriInfo uri) {
    long execution = rebuilds.start(id);
    RebuildStatus status =
        rebuilds
            .status(id, execution)
            .orElse(new RebuildStatus(execution, id, "STARTING", 0, 0, 0, null));
    return Response.accepted(status)
        .location(uri.getAbsolutePathBuilder().path(String.valueOf(execution)).build())
        .build();
  }

  @GET
  @Path("rebuild/{execution:[0-9]+}")
  @RolesAllowed(Roles.ADMIN)
  @Operation(summary = "Progress of a rebuild: state, responses read, total")
  @APIResponse(responseCode = "404", description = "No such campaign or rebuild")
  public RebuildStatus status(@PathParam("id") long id, @PathParam("execution") long execution) {
    return rebuilds
        .status(id, execution)
        .orElseThrow(() -> new NotFoundException("No rebuild " + execution + " of campaign " + id));
  }
}
