package org.cxalign.it.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import org.cxalign.it.support.Api;
import org.cxalign.it.support.CxAlignEar;
import org.cxalign.it.support.KeycloakExtension;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Health with the database in readiness, the OpenAPI document, pages and their headers. */
@ExtendWith({KeycloakExtension.class, ArquillianExtension.class})
@RunAsClient
class PlatformIT {

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return CxAlignEar.built();
  }

  @Test
  void readinessIncludesTheMigratedDatabase() {
    HttpResponse<String> r = Api.management("/health/ready");
    assertEquals(200, r.statusCode(), r.body());
    JsonObject health = Api.object(r);
    assertEquals("UP", health.getString("status"));
    JsonObject db =
        health.getJsonArray("checks").stream()
            .map(v -> v.asJsonObject())
            .filter(c -> c.getString("name").equals("cx-align-database"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no database check in " + r.body()));
    assertEquals("UP", db.getString("status"));
    JsonObject data = db.getJsonObject("data");
    assertTrue(Integer.parseInt(data.getString("schemaVersion")) >= 1, r.body());
    String expected = "postgresql".equals(System.getenv("CXALIGN_DB")) ? "PostgreSQL" : "H2";
    assertEquals(expected, data.getString("database"));
  }

  @Test
  void theOpenApiDocumentDescribesTheApi() {
    HttpResponse<String> r = Api.raw(Api.BASE + "/openapi?format=JSON");
    assertEquals(200, r.statusCode(), r.body());
    JsonObject paths = Api.object(r).getJsonObject("paths");
    assertTrue(paths.containsKey("/api/departments"), paths.keySet().toString());
    assertTrue(paths.containsKey("/api/me"), paths.keySet().toString());
  }

  @Test
  void pagesCarryAContentSecurityPolicyWithoutInlineScript() {
    HttpResponse<String> r = Api.raw(Api.BASE + "/");
    assertEquals(200, r.statusCode());
    String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
    assertTrue(csp.contains("script-src 'self'"), csp);
    assertTrue(!csp.contains("unsafe-inline"), csp);
    assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""));
  }

  @Test
  void theSignedInPagesRedirectABrowserToKeycloak() {
    HttpResponse<String> r =
        Api.send(
            java.net.http.HttpRequest.newBuilder(java.net.URI.create(Api.BASE + "/app/"))
                .header("Accept", "text/html"));
    assertEquals(302, r.statusCode());
    String location = r.headers().firstValue("Location").orElse("");
    assertTrue(
        location.startsWith(KeycloakExtension.REALM_URL + "/protocol/openid-connect/auth"),
        location);
    assertTrue(location.contains("client_id=cx-align-web"), location);
  }

  @Test
  void swaggerUiIsServedFromTheWebJar() {
    HttpResponse<String> page = Api.raw(Api.BASE + "/api-docs/");
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("swagger-ui-bundle.js"));
    String script =
        page.body().replaceAll("(?s).*src=\"(/webjars/[^\"]*swagger-ui-bundle\\.js)\".*", "$1");
    assertEquals(200, Api.raw(Api.BASE + script).statusCode(), script);
  }
}
