package org.cxalign.web.problem;

import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.cxalign.survey.campaign.FieldViolation;
import org.cxalign.survey.campaign.InvalidInputException;
import org.cxalign.web.json.JsonP;

/**
 * Every JSON request body is checked before it is bound: at most {@link #MAX_BYTES} (413), one JSON
 * value with nothing but white space after it, nested at most {@link #MAX_DEPTH} deep (400). JSON-B
 * alone reads the first value of a body and ignores what follows, so {@code {"name":"a"}
 * {"name":"b"}} or a value with trailing garbage was bound and stored; and it recurses without a
 * bound on deeply nested input. A body bound to a request record is then checked member by member
 * against it ({@link JsonShape}): unknown members and values of the wrong type are 400s naming the
 * field.
 */
@Provider
public class JsonBodyGuard implements ReaderInterceptor {

  /** Largest JSON body (the largest accepted is an instrument definition, 512 K characters). */
  public static final int MAX_BYTES = 2 * 1024 * 1024;

  /** Deepest nesting of arrays and objects (the instrument format needs fewer than ten). */
  public static final int MAX_DEPTH = 64;

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    MediaType type = context.getMediaType();
    if (type == null
        || !(type.isCompatible(MediaType.APPLICATION_JSON_TYPE)
            || type.getSubtype().endsWith("+json"))
        || context.getType() == InputStream.class) {
      // a resource that takes the body as a stream reads it itself, bounded, and makes the same
      // checks in its one pass (SubmissionBody, the submissions: a second parse here was 8% of
      // the request threads' samples under the ingestion load)
      return context.proceed();
    }
    InputStream in = context.getInputStream();
    byte[] bytes = in == null ? new byte[0] : in.readNBytes(MAX_BYTES + 1);
    if (bytes.length > MAX_BYTES) {
      throw problem(
          new Problem(
              "urn:cx-align:problem:too-large",
              "The request body is too large",
              413,
              "The body must be at most " + MAX_BYTES + " bytes",
              List.of(new Problem.Violation("body", "must be at most " + MAX_BYTES + " bytes"))));
    }
    if (bytes.length > 0) {
      String reason = isBlank(bytes) ? "must not be only white space" : check(bytes);
      if (reason != null) {
        throw problem(malformed(reason));
      }
    }
    if (context.getType().isRecord() && bytes.length > 0) {
      JsonValue value;
      try (JsonReader r = JsonP.reader(new ByteArrayInputStream(bytes))) {
        value = r.readValue();
      }
      if (value.getValueType() != JsonValue.ValueType.NULL) {
        List<FieldViolation> violations = JsonShape.check(value, context.getType());
        if (!violations.isEmpty()) {
          throw new InvalidInputException("The request is not valid", violations);
        }
      }
    }
    context.setInputStream(new ByteArrayInputStream(bytes));
    return context.proceed();
  }

  /**
   * The problem of a body that is not one JSON value within the bounds: 400, {@code
   * urn:cx-align:problem:malformed-body}, the violation of {@code body} with {@code reason}.
   */
  public static Problem malformed(String reason) {
    return new Problem(
        "urn:cx-align:problem:malformed-body",
        "The request body cannot be read",
        400,
        "The body is not valid JSON of the expected shape",
        List.of(new Problem.Violation("body", reason)));
  }

  /** Whether the bytes are empty or only JSON white space. */
  public static boolean isBlank(byte[] bytes) {
    for (byte b : bytes) {
      if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
        return false;
      }
    }
    return true;
  }

  /** The reason given for a body nested deeper than {@link #MAX_DEPTH}. */
  public static final String TOO_DEEP =
      "must not nest arrays and objects more than " + MAX_DEPTH + " deep";

  /** The reason given for a body with more after its one value. */
  public static final String MORE_AFTER = "must hold one JSON value and nothing after it";

  /** Null when the bytes are one JSON value within the depth bound, else the reason. */
  public static String check(byte[] bytes) {
    try (JsonParser p = JsonP.parser(new ByteArrayInputStream(bytes))) {
      if (!p.hasNext()) {
        return null;
      }
      String reason = skip(p, p.next(), 0);
      return reason != null ? reason : p.hasNext() ? MORE_AFTER : null;
    } catch (RuntimeException e) { // JsonParsingException, JsonException, number overflow
      return "must be valid JSON";
    }
  }

  /**
   * Passes over the value that {@code first} (the event just read) starts, which lies inside {@code
   * depth} arrays and objects: null, or {@link #TOO_DEEP} as soon as it nests deeper than {@link
   * #MAX_DEPTH}. Parse errors are the parser's exceptions.
   */
  public static String skip(JsonParser p, JsonParser.Event first, int depth) {
    if (first != JsonParser.Event.START_OBJECT && first != JsonParser.Event.START_ARRAY) {
      return null;
    }
    int d = depth + 1;
    if (d > MAX_DEPTH) {
      return TOO_DEEP;
    }
    while (d > depth) {
      switch (p.next()) {
        case START_ARRAY, START_OBJECT -> {
          if (++d > MAX_DEPTH) {
            return TOO_DEEP;
          }
        }
        case END_ARRAY, END_OBJECT -> d--;
        default -> {
          // a scalar or a key inside the value
        }
      }
    }
    return null;
  }

  private static WebApplicationException problem(Problem problem) {
    return new WebApplicationException(problem.toResponse());
  }
}
