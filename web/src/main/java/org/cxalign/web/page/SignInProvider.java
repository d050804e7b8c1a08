package org.cxalign.web.page;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Whether the OpenID provider (Keycloak) answers, asked only when a browser would be sent to it or
 * when elytron-oidc-client failed for want of it. A browser sent to a provider that is down sees
 * only a connection error at the provider's address; this lets the pages say so themselves. An
 * answer is kept a moment ({@link #KEEP_UP}, {@link #KEEP_DOWN}) so that a crowd of signed-out
 * browsers costs few requests.
 */
final class SignInProvider {

  /**
   * The realm URL, as the server's OIDC configuration reads it ({@code OIDC_PROVIDER_URL} in
   * configure-server.cli, with the same default).
   */
  static final String REALM_URL =
      System.getenv().getOrDefault("OIDC_PROVIDER_URL", "http://127.0.0.1:8180/realms/cx-align");

  static final Duration KEEP_UP = Duration.ofSeconds(1);
  static final Duration KEEP_DOWN = Duration.ofSeconds(3);
  private static final Duration TIMEOUT = Duration.ofSeconds(2);
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .connectTimeout(TIMEOUT)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  private record Checked(String realm, boolean up, long at) {}

  private static volatile Checked last = new Checked("", false, 0);

  private SignInProvider() {}

  /** Whether the realm at {@code realmUrl} serves its OpenID configuration now. */
  static boolean reachable(String realmUrl) {
    Checked c = last;
    long now = System.nanoTime();
    long keep = (c.up() ? KEEP_UP : KEEP_DOWN).toNanos();
    if (c.realm().equals(realmUrl) && now - c.at() < keep) {
      return c.up();
    }
    boolean up = ask(realmUrl);
    last = new Checked(realmUrl, up, System.nanoTime());
    return up;
  }

  private static boolean ask(String realmUrl) {
    try {
      HttpResponse<Void> r =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(realmUrl + "/.well-known/openid-configuration"))
                  .timeout(TIMEOUT)
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      return r.statusCode() == 200;
    } catch (IOException | IllegalArgumentException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * The realm URL of a redirect to the provider's authorization endpoint ({@code
   * <realm>/protocol/openid-connect/auth?...}), or null when {@code location} is not one.
   */
  static String realmOfLogin(String location) {
    if (location == null) {
      return null;
    }
    URI u;
    try {
      u = new URI(location);
    } catch (Exception e) {
      return null;
    }
    String path = u.getRawPath();
    String suffix = "/protocol/openid-connect/auth";
    if (!u.isAbsolute() || u.getRawAuthority() == null || path == null || !path.endsWith(suffix)) {
      return null;
    }
    return u.getScheme()
        + "://"
        + u.getRawAuthority()
        + path.substring(0, path.length() - suffix.length());
  }
}
