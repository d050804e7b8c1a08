package org.cxalign.web.page;

import io.undertow.server.HttpServerExchange;
import io.undertow.servlet.api.ExceptionHandler;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.util.logging.Logger;

/**
 * Failures of elytron-oidc-client for want of Keycloak. While the server has never read the
 * provider's metadata (it started while Keycloak was down), every bearer token makes the mechanism
 * throw ({@code ELY23015: No expected issuer given}); the container would log each with its stack
 * trace and answer 500. As the deployment's exception handler, this logs such a failure in one line
 * while Keycloak does not answer, and leaves the answer to the error page ({@link
 * ErrorPageServlet}: 503); every other exception goes to the container's handler as before.
 */
final class OidcFailures implements ExceptionHandler {

  private static final Logger LOG = Logger.getLogger(OidcFailures.class.getName());
  private static final String MECHANISM = "org.wildfly.security.http.oidc.";

  private final ExceptionHandler next;

  OidcFailures(ExceptionHandler next) {
    this.next = next;
  }

  @Override
  public boolean handleThrowable(
      HttpServerExchange exchange, ServletRequest request, ServletResponse response, Throwable t) {
    if (becauseSignInIsDown(t)) {
      LOG.warning(
          "Sign-in unavailable: Keycloak at "
              + SignInProvider.REALM_URL
              + " does not answer ("
              + exchange.getRequestMethod()
              + " "
              + exchange.getRequestPath()
              + ": "
              + t.getMessage()
              + ")");
      return false; // not handled: the error page answers
    }
    return next.handleThrowable(exchange, request, response, t);
  }

  /** An exception of the OIDC mechanism while the provider does not answer. */
  static boolean becauseSignInIsDown(Throwable t) {
    return isOidc(t) && !SignInProvider.reachable(SignInProvider.REALM_URL);
  }

  /** Whether the exception, or one of its causes, was thrown by the OIDC mechanism. */
  static boolean isOidc(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      StackTraceElement[] frames = c.getStackTrace();
      if (frames.length > 0 && frames[0].getClassName().startsWith(MECHANISM)) {
        return true;
      }
      for (StackTraceElement f : frames) {
        if (f.getClassName().startsWith(MECHANISM)) {
          return true;
        }
      }
    }
    return false;
  }
}
