package org.cxalign.web.page;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The container's error answers (web.xml {@code error-page}: 403 from the security constraints, and
 * any exception that escapes below JAX-RS, such as one of the authentication mechanism), in place
 * of the container's own HTML page, which shows a stack trace to a caller on the same host.
 *
 * <p>elytron-oidc-client reads Keycloak's metadata on first use. While it has never been able to
 * (the server started while Keycloak was down), it refuses a signed-out page with 403 and fails a
 * bearer token with an exception; both become {@link SignInUnavailable}'s 503 when Keycloak does
 * not answer. Anything else: the status as a problem (API) or a short page of ours.
 */
@WebServlet(ErrorPageServlet.PATH)
public class ErrorPageServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  static final String PATH = "/error";

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse res) throws IOException {
    Object code = req.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    Object uri = req.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    Throwable error = (Throwable) req.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    int status = code instanceof Integer i ? i : 404; // asked for directly: nothing here
    String path = uri instanceof String s ? s : PATH;
    boolean api = path.equals("/api") || path.startsWith("/api/");
    boolean signInDown =
        error != null
            ? OidcFailures.becauseSignInIsDown(error)
            : status == 403
                && req.getUserPrincipal() == null
                && !SignInProvider.reachable(SignInProvider.REALM_URL);
    res.reset();
    if (signInDown) {
      if (api) {
        SignInUnavailable.sendProblem(res);
      } else {
        SignInUnavailable.sendPage(res);
      }
      return;
    }
    if (error != null) {
      status = 500;
    }
    res.setStatus(status);
    res.setHeader("Cache-Control", "no-store");
    SecurityHeadersFilter.HEADERS.forEach(res::setHeader);
    res.setCharacterEncoding("UTF-8");
    String title = title(status);
    if (api) {
      res.setContentType("application/problem+json");
      res.getOutputStream()
          .write(
              ("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + "}")
                  .getBytes(StandardCharsets.UTF_8));
    } else {
      res.setContentType("text/html;charset=UTF-8");
      res.getOutputStream().write(page(status, title).getBytes(StandardCharsets.UTF_8));
    }
  }

  static String title(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 503 -> "Service Unavailable";
      default -> status >= 500 ? "Internal Server Error" : "Error";
    };
  }

  private static String page(int status, String title) {
    String text =
        switch (status) {
          case 403 -> "You may not open this page.";
          case 404 -> "There is no such page.";
          default ->
              status >= 500
                  ? "Something went wrong on our side. Please try again."
                  : "The request could not be served.";
        };
    return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>%s - CX Align</title>
          <link rel="stylesheet" href="/assets/app.css">
        </head>
        <body>
        <header class="bar"><span class="brand">CX Align</span></header>
        <main id="main">
          <h1>%s</h1>
          <p>%s</p>
          <p><a href="/">Start page</a></p>
        </main>
        </body>
        </html>
        """
        .formatted(title, title, text);
  }
}
