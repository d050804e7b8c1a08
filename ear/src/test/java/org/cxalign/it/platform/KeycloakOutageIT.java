package org.cxalign.it.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.cxalign.it.support.Api;
import org.cxalign.it.support.CxAlignEar;
import org.cxalign.it.support.KeycloakExtension;
import org.cxalign.it.support.ServerLog;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Keycloak stopped (the real one of the tests, SIGTERM), then started again. Two states of the
 * server are met: one that has read Keycloak's metadata and keys before the outage, and one
 * deployed while Keycloak is down, which never could (the EAR is deployed by the test for that). In
 * both, a signed-out browser gets our own 503 page at the address it asked for, the API never
 * answers 500, and no stack trace reaches the server's log.
 */
@ExtendWith({KeycloakExtension.class, ArquillianExtension.class})
@RunAsClient
class KeycloakOutageIT {

  private static final String PAGE = "/app/dashboard/?campaign=1";

  @Deployment(name = "app", managed = false, testable = false)
  static EnterpriseArchive ear() {
    return CxAlignEar.built();
  }

  @ArquillianResource Deployer deployer;

  @Test
  void whileKeycloakIsDownPagesSaySoAndTheApiNeverFails() throws Exception {
    assumeTrue(
        KeycloakExtension.startedHere(),
        "Keycloak on the port was not started by the tests (the demo's?): not stopping it");
    deployer.deploy("app");
    try {
      String admin = Api.token("admin");
      String employee = Api.token("sales-employee");
      // the server reads the provider's metadata and keys
      HttpResponse<String> login = page(PAGE);
      assertEquals(302, login.statusCode(), login.body());
      assertTrue(
          login.headers().firstValue("Location").orElse("").startsWith(KeycloakExtension.BASE),
          login.headers().toString());
      assertEquals(200, Api.get("/api/departments", admin).statusCode());

      ServerLog log = ServerLog.ofTestServer();
      try (KeycloakExtension.Outage outage = KeycloakExtension.outage()) {
        Thread.sleep(1500); // the server keeps its last "Keycloak answers" for a second
        // ---- the metadata was read before: elytron would redirect to a Keycloak that is down
        assertSignInUnavailable(page(PAGE));
        assertSignInUnavailable(page("/app/"));
        // still-valid tokens go on working (the keys are kept)
        assertEquals(200, Api.get("/api/departments", admin).statusCode());
        HttpResponse<String> me = Api.get("/api/me", employee);
        assertEquals(200, me.statusCode(), me.body());
        // what needs Keycloak says so
        assertProblem(
            Api.postJson("/api/departments/sync", admin, ""),
            503,
            "urn:cx-align:problem:directory-unavailable");
        assertProblem(Api.get("/api/departments", null), 401, "about:blank");
        assertEquals(200, Api.raw(Api.BASE + "/").statusCode());

        // ---- deployed while Keycloak is down: the metadata was never read
        deployer.undeploy("app");
        deployer.deploy("app");
        assertSignInUnavailable(page(PAGE));
        HttpResponse<String> api = Api.get("/api/departments", admin);
        assertProblem(api, 503, "urn:cx-align:problem:sign-in-unavailable");
        assertEquals("10", api.headers().firstValue("Retry-After").orElse(""));
        assertProblem(
            Api.get("/api/me", employee), 503, "urn:cx-align:problem:sign-in-unavailable");
        assertProblem(Api.get("/api/departments", null), 401, "about:blank");
        assertEquals(200, Api.raw(Api.BASE + "/").statusCode());
      }
      List<String> traces = log.stackTraces();
      assertTrue(traces.isEmpty(), "stack traces in the server log: " + traces);

      // ---- Keycloak is back (a new one, new keys): sign-in and fresh tokens work again
      HttpResponse<String> back = page(PAGE);
      assertEquals(302, back.statusCode(), back.body());
      assertTrue(
          back.headers().firstValue("Location").orElse("").startsWith(KeycloakExtension.BASE));
      HttpResponse<String> fresh = Api.get("/api/departments", Api.token("admin"));
      assertEquals(200, fresh.statusCode(), fresh.body());
    } finally {
      deployer.undeploy("app");
    }
  }

  /** A browser's request for a page, without a session. */
  private static HttpResponse<String> page(String path) {
    return Api.send(
        HttpRequest.newBuilder(URI.create(Api.BASE + path))
            .header("Accept", "text/html,application/xhtml+xml")
            .GET());
  }

  private static void assertSignInUnavailable(HttpResponse<String> r) {
    assertEquals(503, r.statusCode(), r.body());
    assertTrue(
        r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"),
        r.headers().toString());
    assertTrue(r.body().contains("<h1>Sign-in is unavailable right now</h1>"), r.body());
    // the retry link is the page's own address
    assertTrue(r.body().contains("href=\"\">Try again</a>"), r.body());
    assertEquals("10", r.headers().firstValue("Retry-After").orElse(""));
    assertFalse(r.headers().firstValue("Location").isPresent(), r.headers().toString());
    assertTrue(
        r.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"));
    assertFalse(r.body().contains("Exception"), r.body());
  }

  private static void assertProblem(HttpResponse<String> r, int status, String type) {
    assertEquals(status, r.statusCode(), r.body());
    assertTrue(
        r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
        r.headers().toString());
    assertEquals(type, Api.object(r).getString("type"), r.body());
    assertEquals(status, Api.object(r).getInt("status"), r.body());
  }
}
