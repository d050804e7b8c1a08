package org.cxalign.web.page;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.Methods;

/**
 * Keeps a signed-out browser on our own page while Keycloak is down. elytron-oidc-client answers a
 * signed-out page request with a redirect to Keycloak's login page; it needs no connection for that
 * once it has read the provider's metadata, so the browser is sent to an address that does not
 * answer. This initial handler of the WAR (ahead of the security handlers, see {@link
 * PageHandlersExtension}) looks at that redirect before it is sent: when its target's realm does
 * not answer ({@link SignInProvider}), the browser gets {@link SignInUnavailable}'s page with 503
 * at the address it asked for. (When elytron never read the metadata, it refuses the page with 403
 * instead; {@link ErrorPageServlet} handles that one.)
 */
final class SignInUnavailableHandler implements HttpHandler {

  private final HttpHandler next;

  SignInUnavailableHandler(HttpHandler next) {
    this.next = next;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    if ((Methods.GET.equals(exchange.getRequestMethod())
            || Methods.HEAD.equals(exchange.getRequestMethod()))
        && exchange.getRequestPath().startsWith("/app/")) {
      // called when the exchange ends without a response body: elytron's redirect
      exchange.addDefaultResponseListener(SignInUnavailableHandler::loginWhileDown);
    }
    next.handleRequest(exchange);
  }

  private static boolean loginWhileDown(HttpServerExchange ex) {
    int s = ex.getStatusCode();
    if (s != 302 && s != 303) {
      return false;
    }
    String realm = SignInProvider.realmOfLogin(ex.getResponseHeaders().getFirst(Headers.LOCATION));
    if (realm == null || SignInProvider.reachable(realm)) {
      return false;
    }
    SignInUnavailable.send(ex);
    return true;
  }
}
