package org.cxalign.web.problem;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * An RFC 9457 problem detail.
 *
 * @param type a URI naming the kind of problem ({@code about:blank} when the status says it all)
 * @param title short, constant summary of the kind
 * @param status the HTTP status
 * @param detail what went wrong this time, safe to show to the caller
 * @param violations for validation problems: each field and the reason
 */
@JsonbPropertyOrder({"type", "title", "status", "detail", "violations"})
public record Problem(
    String type, String title, int status, String detail, List<Violation> violations) {

  public static final String MEDIA_TYPE = "application/problem+json";
  static final MediaType PROBLEM_JSON = MediaType.valueOf(MEDIA_TYPE);

  /** One invalid field: its path in the request and the reason. */
  public record Violation(String field, String message) {}

  public static Problem of(Response.Status status, String detail) {
    return new Problem(
        "about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, null);
  }

  public Response toResponse() {
    return Response.status(status).type(PROBLEM_JSON).entity(this).build();
  }
}
