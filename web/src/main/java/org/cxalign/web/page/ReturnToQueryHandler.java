package org.cxalign.web.page;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.Cookie;
import io.undertow.server.handlers.CookieImpl;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Keeps a page's query string across the sign-in round trip through Keycloak.
 *
 * <p>elytron-oidc-client sends Keycloak the page's path without its query as {@code redirect_uri}
 * and, after the code exchange, redirects the browser to that bare path: {@code
 * /app/dashboard/?campaign=12} came back as {@code /app/dashboard/}. This handler runs before the
 * security handlers (an initial handler of the deployment, see {@link PageHandlersExtension}):
 *
 * <ol>
 *   <li>a GET of a page under {@code /app/} with a query that the server answers with a redirect to
 *       the login page gets a short-lived cookie holding the path and the query;
 *   <li>the OIDC callback on that same path ({@code code} and {@code state}), when elytron answers
 *       it with its redirect to the bare path, gets that redirect's location extended by the saved
 *       query, and the cookie is cleared.
 * </ol>
 *
 * The saved query is only ever appended to the path it was saved for (the callback's own path, on
 * this server), so the cookie cannot redirect anywhere else; a query with characters outside RFC
 * 3986's query set is not saved.
 */
final class ReturnToQueryHandler implements HttpHandler {

  /** The cookie's name. */
  static final String COOKIE = "cxalign-return";

  /** How long a saved query waits for its sign-in (seconds). */
  static final int MAX_AGE = 900;

  private static final String SCOPE = "/app/";
  private static final Pattern QUERY = Pattern.compile("[A-Za-z0-9\\-._~%!$&'()*+,;=:@/?]{1,2000}");
  private static final Pattern CALLBACK = Pattern.compile("(^|&)(code|state|error)=");

  private final HttpHandler next;

  ReturnToQueryHandler(HttpHandler next) {
    this.next = next;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    String path = exchange.getRequestPath();
    String query = exchange.getQueryString();
    if (Methods.GET.equals(exchange.getRequestMethod())
        && path.startsWith(SCOPE)
        && query != null
        && !query.isEmpty()) {
      if (CALLBACK.matcher(query).find()) {
        Cookie saved = exchange.getRequestCookie(COOKIE);
        String savedQuery = saved == null ? null : savedQueryFor(saved.getValue(), path);
        if (savedQuery != null) {
          exchange.addResponseCommitListener(ex -> restore(ex, path, savedQuery));
        }
      } else if (QUERY.matcher(query).matches()) {
        exchange.addResponseCommitListener(ex -> save(ex, path, query));
      }
    }
    next.handleRequest(exchange);
  }

  /** Sets the cookie when the answer sends the browser away to sign in (not on this server). */
  private static void save(HttpServerExchange ex, String path, String query) {
    if (!isRedirect(ex)) {
      return;
    }
    String location = ex.getResponseHeaders().getFirst(Headers.LOCATION);
    URI target = parse(location);
    if (target == null || target.getRawPath() == null || !target.isAbsolute()) {
      return;
    }
    if (sameOrigin(ex, target)) {
      return; // not the login redirect
    }
    ex.setResponseCookie(
        cookie(URLEncoder.encode(path + "?" + query, StandardCharsets.UTF_8), MAX_AGE));
  }

  /** Extends elytron's redirect to the bare path by the saved query, and clears the cookie. */
  private static void restore(HttpServerExchange ex, String path, String savedQuery) {
    if (!isRedirect(ex)) {
      return;
    }
    URI target = parse(ex.getResponseHeaders().getFirst(Headers.LOCATION));
    if (target == null
        || target.getRawQuery() != null
        || !path.equals(target.getRawPath())
        || (target.isAbsolute() && !sameOrigin(ex, target))) {
      return;
    }
    ex.getResponseHeaders().put(Headers.LOCATION, target.toString() + "?" + savedQuery);
    ex.setResponseCookie(cookie("", 0));
  }

  /** The saved query when the cookie was saved for {@code path}, else null. */
  static String savedQueryFor(String cookieValue, String path) {
    String saved;
    try {
      saved = URLDecoder.decode(cookieValue, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    int q = saved.indexOf('?');
    if (q < 0 || !saved.substring(0, q).equals(path)) {
      return null;
    }
    String query = saved.substring(q + 1);
    return QUERY.matcher(query).matches() ? query : null;
  }

  private static boolean isRedirect(HttpServerExchange ex) {
    int s = ex.getStatusCode();
    return (s == 302 || s == 303 || s == 307) && ex.getResponseHeaders().contains(Headers.LOCATION);
  }

  private static boolean sameOrigin(HttpServerExchange ex, URI target) {
    return ex.getHostName().equalsIgnoreCase(target.getHost())
        && ex.getHostPort() == (target.getPort() < 0 ? defaultPort(target) : target.getPort());
  }

  private static int defaultPort(URI u) {
    return "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
  }

  private static URI parse(String location) {
    if (location == null) {
      return null;
    }
    try {
      return new URI(location);
    } catch (Exception e) {
      return null;
    }
  }

  private static Cookie cookie(String value, int maxAge) {
    return new CookieImpl(COOKIE, value)
        .setPath(SCOPE)
        .setHttpOnly(true)
        .setSameSiteMode("Lax")
        .setMaxAge(maxAge);
  }
}
