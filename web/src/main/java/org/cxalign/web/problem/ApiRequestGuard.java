package org.cxalign.web.problem;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Refuses, as problems, what would otherwise fail below JAX-RS with the container's HTML error
 * page, a 500 or a stack trace in the log: a path or query with a broken percent-encoding (400
 * naming the path or the parameter, see {@link PercentEncoding}), a declared body over {@link
 * #MAX_BYTES} (413; the server stops reading at its own limit), a Content-Type that is not a media
 * type, or a charset the server does not know (415), an Accept header that is not a list of media
 * types (406).
 */
@WebFilter(urlPatterns = "/api/*")
public class ApiRequestGuard extends HttpFilter {

  private static final long serialVersionUID = 1L;

  /**
   * Largest body any API call takes: a response import (512 MiB) and some slack; as Undertow's
   * max-post-size.
   */
  public static final long MAX_BYTES = 512L * 1024 * 1024 + 64 * 1024;

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    // getRequestURI and getQueryString are the raw, still encoded request line
    List<Problem.Violation> encoding =
        PercentEncoding.violations(req.getRequestURI(), req.getQueryString());
    if (!encoding.isEmpty()) {
      invalidEncoding(res, encoding);
      return;
    }
    if (req.getContentLengthLong() > MAX_BYTES) {
      problem(
          res,
          413,
          "urn:cx-align:problem:too-large",
          "The request body is too large",
          "The body must be at most " + MAX_BYTES + " bytes");
      return;
    }
    String type = req.getHeader("Content-Type");
    if (type != null) {
      String reason = null;
      try {
        MediaType m = MediaType.valueOf(type);
        String charset = m.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset != null && !supported(charset)) {
          reason = "The charset " + quote(charset) + " is not supported; send UTF-8";
        }
      } catch (IllegalArgumentException e) {
        reason = "The Content-Type header is not a media type";
      }
      if (reason != null) {
        problem(res, 415, "about:blank", "Unsupported Media Type", reason);
        return;
      }
    }
    String accept = req.getHeader("Accept");
    if (accept != null) {
      try {
        for (String a : accept.split(",")) {
          if (!a.isBlank()) {
            MediaType.valueOf(a.strip());
          }
        }
      } catch (IllegalArgumentException e) {
        problem(
            res,
            406,
            "about:blank",
            "Not Acceptable",
            "The Accept header is not a list of media types");
        return;
      }
    }
    chain.doFilter(req, res);
  }

  private static boolean supported(String charset) {
    try {
      return Charset.isSupported(charset);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** A short, JSON-safe echo of the caller's value. */
  private static String quote(String s) {
    String t = s.length() > 40 ? s.substring(0, 40) + "..." : s;
    return "'" + t.replaceAll("[^A-Za-z0-9._:-]", "?") + "'";
  }

  private static void invalidEncoding(HttpServletResponse res, List<Problem.Violation> violations)
      throws IOException {
    JsonArrayBuilder list = Json.createArrayBuilder();
    violations.forEach(
        v ->
            list.add(
                Json.createObjectBuilder().add("field", v.field()).add("message", v.message())));
    JsonObject problem =
        Json.createObjectBuilder()
            .add("type", "urn:cx-align:problem:validation")
            .add("title", "The request is not valid")
            .add("status", 400)
            .add("detail", "The request's address is not validly percent-encoded")
            .add("violations", list)
            .build();
    res.setStatus(400);
    res.setContentType(Problem.MEDIA_TYPE);
    res.setCharacterEncoding("UTF-8");
    res.getOutputStream().write(problem.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static void problem(
      HttpServletResponse res, int status, String type, String title, String detail)
      throws IOException {
    res.setStatus(status);
    res.setContentType(Problem.MEDIA_TYPE);
    res.setCharacterEncoding("UTF-8");
    String json =
        "{\"type\":\""
            + type
            + "\",\"title\":\""
            + title
            + "\",\"status\":"
            + status
            + ",\"detail\":\""
            + detail
            + "\"}";
    res.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
  }
}
