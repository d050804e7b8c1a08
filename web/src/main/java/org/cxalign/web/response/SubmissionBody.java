package org.cxalign.web.response;

import jakarta.json.stream.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cxalign.survey.campaign.FieldViolation;
import org.cxalign.survey.campaign.InvalidInputException;
import org.cxalign.web.json.JsonP;
import org.cxalign.web.problem.JsonBodyGuard;
import org.cxalign.web.problem.Problem;

/**
 * A submission body {@code {"answers": {"<item id>": <value>, ...}, "comment": "..."}}, read with a
 * size bound. Values are handed on as JSON saw them, so that the validator can name a value that is
 * not a number as such.
 *
 * @param answers item id → {@link java.math.BigDecimal} for numbers, null for JSON null, for any
 *     other value the name of its kind (e.g. {@code VALUE_STRING}, {@code START_ARRAY}), which the
 *     validator refuses as not a number; null when the body has no answers object
 * @param comment the free-text comment or null
 */
public record SubmissionBody(Map<String, Object> answers, String comment) {

  /** Largest body accepted, in bytes. */
  public static final int MAX_BYTES = 64 * 1024;

  /** A body that is not read: the resource answers {@link #toResponse()}. */
  public abstract static class Unreadable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unreadable(String message) {
      super(message);
    }

    public abstract jakarta.ws.rs.core.Response toResponse();
  }

  /** The body is larger than {@link #MAX_BYTES}: answered 413. */
  public static final class TooLarge extends Unreadable {
    private static final long serialVersionUID = 1L;

    public TooLarge() {
      super("The body must be at most " + MAX_BYTES + " bytes");
    }

    @Override
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
   * The body is not one JSON value within the bounds of {@link JsonBodyGuard}: answered 400 as the
   * guard answers it ({@link JsonBodyGuard#malformed}).
   */
  public static final class Malformed extends Unreadable {
    private static final long serialVersionUID = 1L;

    /** Why, as the violation of {@code body} says it. */
    public final String reason;

    Malformed(String reason) {
      super("The body " + reason);
      this.reason = reason;
    }

    @Override
    public jakarta.ws.rs.core.Response toResponse() {
      return JsonBodyGuard.malformed(reason).toResponse();
    }
  }

  /**
   * Reads and checks a body in one pass of a streaming parser: the checks of {@link JsonBodyGuard}
   * (one JSON value, nothing after it, nested at most {@link JsonBodyGuard#MAX_DEPTH} deep), which
   * skips a body read as a stream, and the submission's shape. A body that is not such a JSON value
   * is answered as the guard answers it, whatever else is wrong with it.
   *
   * @throws TooLarge when over {@link #MAX_BYTES}
   * @throws Malformed when the body is only white space, not valid JSON, nested too deep or
   *     followed by more
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
    if (bytes.length > 0 && JsonBodyGuard.isBlank(bytes)) {
      throw new Malformed("must not be only white space");
    }
    Reading r = new Reading();
    if (bytes.length > 0) {
      String malformed;
      try (JsonParser p = JsonP.parser(new ByteArrayInputStream(bytes))) {
        malformed = r.root(p);
      } catch (RuntimeException e) { // JsonParsingException, JsonException, number overflow
        malformed = "must be valid JSON";
      }
      if (malformed != null) {
        throw new Malformed(malformed);
      }
    }
    if (!r.object) {
      throw invalid(List.of(new FieldViolation("body", "must be a JSON object")));
    }
    if (!r.violations.isEmpty()) {
      throw invalid(new ArrayList<>(r.violations.values()));
    }
    return new SubmissionBody(r.answers, r.comment);
  }

  /** What one pass over a body found. */
  private static final class Reading {
    boolean object;
    Map<String, Object> answers;
    String comment;
    // by field: a member given twice counts as JSON readers take it, the last one
    final Map<String, FieldViolation> violations = new LinkedHashMap<>();
    private int depth;

    /** Reads the whole body; null, or why it is not one JSON value within the bounds. */
    String root(JsonParser p) {
      if (!p.hasNext()) {
        return "must be valid JSON";
      }
      JsonParser.Event first = p.next();
      String reason;
      if (first == JsonParser.Event.START_OBJECT) {
        object = true;
        reason = enter() ? members(p) : tooDeep();
      } else {
        reason = skipValue(p, first);
      }
      if (reason == null && p.hasNext()) {
        reason = JsonBodyGuard.MORE_AFTER;
      }
      return reason;
    }

    /** The members of the body's object, up to and with its end. */
    private String members(JsonParser p) {
      while (true) {
        JsonParser.Event e = p.next();
        if (e == JsonParser.Event.END_OBJECT) {
          depth--;
          return null;
        }
        String key = p.getString();
        JsonParser.Event v = p.next();
        String reason =
            switch (key) {
              case "answers" -> answers(p, v);
              case "comment" -> comment(p, v);
              default -> {
                violations.put(key, new FieldViolation(key, "is not a member of a submission"));
                yield skipValue(p, v);
              }
            };
        if (reason != null) {
          return reason;
        }
      }
    }

    private String answers(JsonParser p, JsonParser.Event v) {
      violations.remove("answers");
      if (v == JsonParser.Event.VALUE_NULL) {
        answers = null;
        return null;
      }
      if (v != JsonParser.Event.START_OBJECT) {
        violations.put(
            "answers", new FieldViolation("answers", "must be an object of item id to value"));
        answers = null;
        return skipValue(p, v);
      }
      if (!enter()) {
        return tooDeep();
      }
      Map<String, Object> found = new LinkedHashMap<>();
      while (true) {
        JsonParser.Event e = p.next();
        if (e == JsonParser.Event.END_OBJECT) {
          depth--;
          answers = found;
          return null;
        }
        String item = p.getString();
        JsonParser.Event a = p.next();
        switch (a) {
          case VALUE_NUMBER -> found.put(item, p.getBigDecimal());
          case VALUE_NULL -> found.put(item, null);
          default -> {
            // not a number: the validator names it as such; what it was does not matter
            found.put(item, a.name());
            String reason = skipValue(p, a);
            if (reason != null) {
              return reason;
            }
          }
        }
      }
    }

    private String comment(JsonParser p, JsonParser.Event v) {
      violations.remove("comment");
      switch (v) {
        case VALUE_STRING -> comment = p.getString();
        case VALUE_NULL -> comment = null;
        default -> {
          violations.put("comment", new FieldViolation("comment", "must be a string"));
          comment = null;
          return skipValue(p, v);
        }
      }
      return null;
    }

    private String skipValue(JsonParser p, JsonParser.Event first) {
      return JsonBodyGuard.skip(p, first, depth);
    }

    private boolean enter() {
      return ++depth <= JsonBodyGuard.MAX_DEPTH;
    }

    private static String tooDeep() {
      return JsonBodyGuard.TOO_DEEP;
    }
  }

  private static InvalidInputException invalid(List<FieldViolation> violations) {
    return new InvalidInputException("The submission is not valid", violations);
  }
}
