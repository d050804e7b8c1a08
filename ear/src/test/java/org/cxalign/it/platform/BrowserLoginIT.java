package org.cxalign.it.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.cxalign.it.support.Api;
import org.cxalign.it.support.CxAlignEar;
import org.cxalign.it.support.KeycloakExtension;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The authorization code flow as a browser goes through it, at the HTTP level: the page redirects
 * to Keycloak's login form, the form is posted, Keycloak redirects back with a code, the server
 * exchanges it and keeps a session, and the API then answers for that session.
 */
@ExtendWith({KeycloakExtension.class, ArquillianExtension.class})
@RunAsClient
class BrowserLoginIT {

  private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*action=\"([^\"]+)\"");

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return CxAlignEar.built();
  }

  private final HttpClient browser =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  /**
   * The cookie jar of a browser on 127.0.0.1. Browsers treat loopback as a secure context and send
   * {@code Secure} cookies to it over plain HTTP (Keycloak sets them so); java.net.CookieManager
   * does not, so the jar is kept here: by name, for the one host.
   */
  private final Map<String, String> cookies = new LinkedHashMap<>();

  private void remember(HttpResponse<?> r) {
    for (String header : r.headers().allValues("Set-Cookie")) {
      String pair = header.split(";", 2)[0];
      int eq = pair.indexOf('=');
      String name = pair.substring(0, eq).trim();
      String value = pair.substring(eq + 1).trim();
      boolean expired = header.toLowerCase(Locale.ROOT).contains("max-age=0");
      if (value.isEmpty() || expired) {
        cookies.remove(name);
      } else {
        cookies.put(name, value);
      }
    }
  }

  private HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    if (!cookies.isEmpty()) {
      request.header(
          "Cookie",
          cookies.entrySet().stream()
              .map(c -> c.getKey() + "=" + c.getValue())
              .collect(Collectors.joining("; ")));
    }
    HttpResponse<String> r =
        browser.send(
            request
                .header("Accept", "text/html,application/json")
                .timeout(Duration.ofSeconds(30))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    remember(r);
    return r;
  }

  /** Follows redirects by hand (so that every hop's cookies are kept) until a non-redirect. */
  private HttpResponse<String> follow(HttpResponse<String> r)
      throws IOException, InterruptedException {
    for (int hops = 0; hops < 10 && r.statusCode() / 100 == 3; hops++) {
      URI next = r.uri().resolve(r.headers().firstValue("Location").orElseThrow());
      r = send(HttpRequest.newBuilder(next).GET());
    }
    return r;
  }

  @Test
  void aDepartmentHeadSignsInThroughKeycloakAndTheSessionReachesTheApi() throws Exception {
    HttpResponse<String> login =
        follow(send(HttpRequest.newBuilder(URI.create(Api.BASE + "/app/")).GET()));
    assertEquals(200, login.statusCode());
    assertTrue(
        login.uri().toString().startsWith(KeycloakExtension.REALM_URL), login.uri().toString());
    Matcher action = FORM_ACTION.matcher(login.body());
    assertTrue(action.find(), "a login form on Keycloak's page");
    String postTo = action.group(1).replace("&amp;", "&");

    String form =
        "username="
            + URLEncoder.encode("marketing-head", StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode("marketing-head", StandardCharsets.UTF_8)
            + "&credentialId=";
    HttpResponse<String> page =
        follow(
            send(
                HttpRequest.newBuilder(URI.create(postTo))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form))));
    assertEquals(200, page.statusCode(), page.body());
    assertEquals(Api.BASE + "/app/", page.uri().toString());
    assertTrue(page.body().contains("<title>CX Align"), page.body());

    HttpResponse<String> me = send(HttpRequest.newBuilder(URI.create(Api.BASE + "/api/me")).GET());
    assertEquals(200, me.statusCode(), me.body());
    assertEquals("marketing-head", Api.object(me).getString("username"));
    assertEquals("Marketing", Api.object(me).getString("department"));
  }

  @Test
  void aWrongPasswordStaysOnKeycloaksPage() throws Exception {
    HttpResponse<String> login =
        follow(send(HttpRequest.newBuilder(URI.create(Api.BASE + "/app/")).GET()));
    Matcher action = FORM_ACTION.matcher(login.body());
    assertTrue(action.find());
    HttpResponse<String> again =
        send(
            HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=wrong")));
    assertEquals(200, again.statusCode());
    assertTrue(again.uri().toString().startsWith(KeycloakExtension.REALM_URL));
    HttpResponse<String> me = send(HttpRequest.newBuilder(URI.create(Api.BASE + "/api/me")).GET());
    assertEquals(401, me.statusCode());
  }
}
