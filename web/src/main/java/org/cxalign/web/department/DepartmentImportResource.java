package org.cxalign.web.department;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.cxalign.survey.department.DepartmentImport;
import org.cxalign.web.problem.Problem;
import org.cxalign.web.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Department list import from CSV, all or nothing. */
@Path("departments/import")
public class DepartmentImportResource {

  /** Largest file accepted, in bytes. */
  static final int MAX_BYTES = 1024 * 1024;

  @EJB DepartmentImport importer;

  @POST
  @Consumes("text/csv")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ADMIN)
  @Operation(
      summary = "Import departments from CSV (header name[,headcount])",
      description =
          "All or nothing: any bad line rejects the file (400 listing every line). Names that"
              + " exist already are left unchanged and reported as existing.")
  @APIResponse(responseCode = "200", description = "Imported: the names created and existing")
  @APIResponse(responseCode = "400", description = "Every bad line listed; nothing imported")
  public Response importCsv(InputStream body) {
    byte[] bytes;
    try {
      bytes = body == null ? new byte[0] : body.readNBytes(MAX_BYTES + 1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (bytes.length > MAX_BYTES) {
      return new Problem(
              "urn:cx-align:problem:too-large",
              "The request body is too large",
              413,
              "The file must be at most " + MAX_BYTES + " bytes",
              List.of(new Problem.Violation("body", "must be at most " + MAX_BYTES + " bytes")))
          .toResponse();
    }
    DepartmentImport.Outcome outcome =
        importer.importCsv(new String(bytes, StandardCharsets.UTF_8));
    return Response.ok(outcome, MediaType.APPLICATION_JSON_TYPE).build();
  }
}
