package org.cxalign.it.department;

import static org.cxalign.it.support.Api.get;
import static org.cxalign.it.support.Api.object;
import static org.cxalign.it.support.Api.post;
import static org.cxalign.it.support.Api.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.cxalign.it.support.Api;
import org.cxalign.it.support.CxAlignEar;
import org.cxalign.it.support.KeycloakExtension;
import org.cxalign.it.support.Surveys;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Department sync from the realm's top-level groups through Keycloak's admin API, with the real
 * Keycloak: the demo groups (head and employee each) set the demo headcounts, a new group creates a
 * department.
 */
@ExtendWith({KeycloakExtension.class, ArquillianExtension.class})
@RunAsClient
class DepartmentSyncIT {

  private static final String REALM_ADMIN = KeycloakExtension.BASE + "/admin/realms/cx-align";

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return CxAlignEar.built();
  }

  private static HttpResponse<String> sync(String token) {
    return post("/api/departments/sync", token, "application/json", "");
  }

  private static List<String> strings(JsonObject o, String key) {
    return o.getJsonArray(key).getValuesAs(JsonString.class).stream()
        .map(JsonString::getString)
        .toList();
  }

  private static Map<String, JsonObject> departments() {
    return Api.json(get("/api/departments", token("admin")).body()).asJsonArray().stream()
        .map(JsonValue::asJsonObject)
        .collect(Collectors.toMap(o -> o.getString("name"), o -> o));
  }

  /** A token of Keycloak's bootstrap admin (master realm), set by the KeycloakExtension. */
  private static String keycloakAdmin() {
    HttpResponse<String> r =
        Api.send(
            HttpRequest.newBuilder(
                    URI.create(
                        KeycloakExtension.BASE + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "grant_type=password&client_id=admin-cli&username=kc-admin"
                            + "&password=kc-admin")));
    assertEquals(200, r.statusCode(), r.body());
    return object(r).getString("access_token");
  }

  private static HttpResponse<String> keycloak(String method, String path, String kc, String body) {
    return Api.send(
        HttpRequest.newBuilder(URI.create(REALM_ADMIN + path))
            .header("Authorization", "Bearer " + kc)
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body)));
  }

  /** Creates a top-level group with the given demo users as members. */
  private static void group(String name, String... members) {
    String kc = keycloakAdmin();
    HttpResponse<String> created = keycloak("POST", "/groups", kc, "{\"name\":\"" + name + "\"}");
    assertEquals(201, created.statusCode(), created.body());
    String location = created.headers().firstValue("Location").orElseThrow();
    String groupId = location.substring(location.lastIndexOf('/') + 1);
    for (String member : members) {
      HttpResponse<String> users =
          keycloak(
              "GET",
              "/users?exact=true&username=" + URLEncoder.encode(member, StandardCharsets.UTF_8),
              kc,
              null);
      String userId = Api.json(users.body()).asJsonArray().getJsonObject(0).getString("id");
      HttpResponse<String> joined =
          keycloak("PUT", "/users/" + userId + "/groups/" + groupId, kc, null);
      assertEquals(204, joined.statusCode(), joined.body());
    }
  }

  @Test
  void syncCreatesDepartmentsForNewGroupsAndSetsHeadcountsFromMembers() {
    String name = "Legal " + UUID.randomUUID().toString().substring(0, 8);
    group(name, "sales-employee", "finance-employee", "admin");

    HttpResponse<String> r = sync(token("admin"));
    assertEquals(200, r.statusCode(), r.body());
    JsonObject outcome = object(r);
    assertEquals(List.of(name), strings(outcome, "created"));
    Map<String, JsonObject> all = departments();
    assertEquals(3, all.get(name).getInt("headcount"));
    // each demo group holds the department's head and employee
    for (String demo : Surveys.DEMO_DEPARTMENTS) {
      assertEquals(2, all.get(demo).getInt("headcount"), demo);
      assertTrue(
          strings(outcome, "updated").contains(demo)
              || strings(outcome, "unchanged").contains(demo),
          demo);
    }

    HttpResponse<String> again = sync(token("admin"));
    assertEquals(200, again.statusCode(), again.body());
    assertEquals(List.of(), strings(object(again), "created"));
    assertEquals(List.of(), strings(object(again), "updated"));
    assertTrue(strings(object(again), "unchanged").containsAll(List.of(name, "Sales")));
  }

  @Test
  void onlyAnAdminSyncs() {
    assertEquals(403, sync(token("sales-employee")).statusCode());
    assertEquals(403, sync(token("sales-head")).statusCode());
    assertEquals(401, sync(null).statusCode());
  }
}
