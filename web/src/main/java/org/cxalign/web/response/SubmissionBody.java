package org.cxalign.web.response;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cxalign.survey.campaign.FieldViolation;
import org.cxalign.survey.campaign.InvalidInputException;
import org.cxalign.web.json.JsonP;
import org.cxalign.web.problem.Problem;

/**
 * A submission body {@code {"answers": {"<item id>": <value>, ...}, "comment": "..."}}, read with a
 * size bound. Values are handed on as JSON saw them, so that the validator can name a value that is
 * not a number as such.
 *
 * @param answers item id → {@link java.math.BigDecimal} for numbers, null for JSON null, the JSON
 *     text otherwise; null when the body has no answers object
 * @param comment the free-text comment or null
 */
public record SubmissionBody(Map<String, Object> answers, String comment) {

  /** Largest body accepted, in bytes. */
  public static final int MAX_BYTES = 64 * 1024;

  private static final Set<String> MEMBERS = Set.of("answers", "comment");

  /** The body is larger than {@link #MAX_BYTES}: answered 413. */
  public static final class TooLarge extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TooLarge() {
      super("The body must be at most " + MAX_BYTES + " bytes");
    }

    public jakarta.ws.rs.core.Response toResponse() {
      return new Problem(
              "urn:cx-align:problem:too-large",
              "The request body is too large",
              413,
              getMessage(),
              List.of(new Problem.Violation("body", "must be at most " + MAX_BYTES + " bytes")))
          .toResponse();
    }
  }

  /**
   * Reads and checks the shape of a body.
   *
   * @throws TooLarge when over {@link #MAX_BYTES}
   * @throws InvalidInputException listing every shape error
   */
  public static SubmissionBody read(InputStream in) {
    byte[] bytes;
    try {
      bytes = in == null ? new byte[0] : in.readNBytes(MAX_BYTES + 1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (bytes.length > MAX_BYTES) {
      throw new TooLarge();
    }
    JsonValue root;
    try (var reader = JsonP.reader(new ByteArrayInputStream(bytes))) {
      root = reader.readValue();
    } catch (jakarta.json.JsonException e) {
      throw invalid(List.of(new FieldViolation("body", "must be a JSON object")));
    }
    if (root.getValueType() != JsonValue.ValueType.OBJECT) {
      throw invalid(List.of(new FieldViolation("body", "must be a JSON object")));
    }
    JsonObject o = root.asJsonObject();
    List<FieldViolation> violations = new ArrayList<>();
    for (String k : o.keySet()) {
      if (!MEMBERS.contains(k)) {
        violations.add(new FieldViolation(k, "is not a member of a submission"));
      }
    }
    Map<String, Object> answers = null;
    JsonValue a = o.get("answers");
    if (a != null && a.getValueType() == JsonValue.ValueType.OBJECT) {
      answers = new LinkedHashMap<>();
      for (Map.Entry<String, JsonValue> e : a.asJsonObject().entrySet()) {
        JsonValue v = e.getValue();
        answers.put(
            e.getKey(),
            switch (v.getValueType()) {
              case NUMBER -> ((JsonNumber) v).bigDecimalValue();
              case NULL -> null;
              default -> v.toString();
            });
      }
    } else if (a != null && a.getValueType() != JsonValue.ValueType.NULL) {
      violations.add(new FieldViolation("answers", "must be an object of item id to value"));
    }
    String comment = null;
    JsonValue c = o.get("comment");
    if (c instanceof JsonString s) {
      comment = s.getString();
    } else if (c != null && c.getValueType() != JsonValue.ValueType.NULL) {
      violations.add(new FieldViolation("comment", "must be a string"));
    }
    if (!violations.isEmpty()) {
      throw invalid(violations);
    }
    return new SubmissionBody(answers, comment);
  }

  private static InvalidInputException invalid(List<FieldViolation> violations) {
    return new InvalidInputException("The submission is not valid", violations);
  }
}
