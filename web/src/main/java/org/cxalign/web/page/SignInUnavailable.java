package org.cxalign.web.page;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The answer while sign-in is impossible because the OpenID provider (Keycloak) cannot be reached:
 * 503 with {@code Retry-After}; for a page, a page of ours that says so and offers to try again
 * (the link is the page's own address: {@code href=""}); for the API, a problem.
 */
final class SignInUnavailable {

  static final int RETRY_AFTER_SECONDS = 10;

  static final String PROBLEM_TYPE = "urn:cx-align:problem:sign-in-unavailable";

  static final String PAGE =
      """
      <!DOCTYPE html>
      <html lang="en">
      <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Sign-in is unavailable - CX Align</title>
        <link rel="stylesheet" href="/assets/app.css">
      </head>
      <body>
      <header class="bar"><span class="brand">CX Align</span></header>
      <main id="main">
        <h1>Sign-in is unavailable right now</h1>
        <p>The sign-in service cannot be reached, so CX Align cannot check who you are. Nothing you
          sent before is lost. Please try again in a minute.</p>
        <p><a class="button" href="">Try again</a></p>
        <p><a href="/">Start page</a></p>
      </main>
      </body>
      </html>
      """;

  static final String PROBLEM =
      "{\"type\":\""
          + PROBLEM_TYPE
          + "\",\"title\":\"Sign-in is unavailable\",\"status\":503,\"detail\":\"The sign-in"
          + " service cannot be reached to check the credentials; try again shortly\"}";

  private SignInUnavailable() {}

  /** Answers an exchange whose response has not started (a default response listener). */
  static void send(HttpServerExchange ex) {
    ex.setStatusCode(503);
    ex.getResponseHeaders().remove(Headers.LOCATION);
    ex.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/html;charset=UTF-8");
    ex.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
    ex.getResponseHeaders().put(Headers.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
    SecurityHeadersFilter.HEADERS.forEach(
        (k, v) -> ex.getResponseHeaders().put(io.undertow.util.HttpString.tryFromString(k), v));
    ex.getResponseSender().send(PAGE, StandardCharsets.UTF_8);
  }

  /** Answers a page request through the servlet API (an error dispatch). */
  static void sendPage(HttpServletResponse res) throws IOException {
    write(res, "text/html;charset=UTF-8", PAGE);
  }

  /** Answers an API request through the servlet API (an error dispatch). */
  static void sendProblem(HttpServletResponse res) throws IOException {
    write(res, "application/problem+json", PROBLEM);
  }

  private static void write(HttpServletResponse res, String type, String body) throws IOException {
    res.setStatus(503);
    res.setHeader("Cache-Control", "no-store");
    res.setHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
    SecurityHeadersFilter.HEADERS.forEach(res::setHeader);
    res.setContentType(type);
    res.setCharacterEncoding("UTF-8");
    res.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
  }
}
