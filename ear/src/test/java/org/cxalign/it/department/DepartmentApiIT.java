package org.cxalign.it.department;

import static org.cxalign.it.support.Api.get;
import static org.cxalign.it.support.Api.object;
import static org.cxalign.it.support.Api.postJson;
import static org.cxalign.it.support.Api.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The department API on the real EAR and WildFly, with tokens from the real Keycloak. */
@ExtendWith({KeycloakExtension.class, ArquillianExtension.class})
@RunAsClient
class DepartmentApiIT {

  private static final List<String> DEMO =
      List.of(
          "Customer Service",
          "Engineering",
          "Finance",
          "Marketing",
          "Operations",
          "People & Culture",
          "Product",
          "Sales");

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return CxAlignEar.built();
  }

  private static String unique(String prefix) {
    return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
  }

  private static void assertProblem(HttpResponse<String> r, int status) {
    assertEquals(status, r.statusCode(), r.body());
    assertEquals(
        "application/problem+json",
        r.headers().firstValue("Content-Type").orElse("").split(";")[0]);
    JsonObject problem = object(r);
    assertEquals(status, problem.getInt("status"));
    assertFalse(problem.getString("title").isBlank());
    assertFalse(r.body().contains("Exception"), "no internals in " + r.body());
  }

  @Test
  void theDemoOrganisationIsSeededWithItsEightDepartments() {
    HttpResponse<String> r = get("/api/departments", token("admin"));
    assertEquals(200, r.statusCode(), r.body());
    List<String> names =
        Api.json(r.body()).asJsonArray().stream()
            .map(v -> v.asJsonObject().getString("name"))
            .toList();
    assertTrue(names.containsAll(DEMO), "demo departments in " + names);
  }

  @ParameterizedTest
  @ValueSource(strings = {"admin", "sales-head", "finance-employee"})
  void everySignedInRoleMayListDepartments(String user) {
    HttpResponse<String> r = get("/api/departments", token(user));
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(Api.json(r.body()).asJsonArray().size() >= DEMO.size());
  }

  @Test
  void withoutATokenTheAnswerIs401() {
    HttpResponse<String> r = get("/api/departments", null);
    assertProblem(r, 401);
    assertTrue(r.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
  }

  @Test
  void aForgedTokenIsNotAccepted() {
    String real = token("admin");
    String[] parts = real.split("\\.");
    String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
    HttpResponse<String> r = get("/api/departments", forged);
    assertEquals(401, r.statusCode(), r.body());
  }

  @ParameterizedTest
  @ValueSource(strings = {"sales-head", "finance-employee"})
  void onlyAnAdminMayCreate(String user) {
    HttpResponse<String> r =
        postJson("/api/departments", token(user), "{\"name\":\"" + unique("Denied") + "\"}");
    assertProblem(r, 403);
  }

  @Test
  void anAdminCreatesADepartmentThatCanBeReadBack() {
    String name = unique("Partnerships");
    HttpResponse<String> r =
        postJson(
            "/api/departments", token("admin"), "{\"name\":\"" + name + "\",\"headcount\":12}");
    assertEquals(201, r.statusCode(), r.body());
    String location = r.headers().firstValue("Location").orElseThrow();
    JsonObject created = object(r);
    assertEquals(name, created.getString("name"));
    assertEquals(12, created.getInt("headcount"));
    assertTrue(location.endsWith("/api/departments/" + created.getJsonNumber("id").longValue()));

    HttpResponse<String> back = get(URI.create(location).getPath(), token("sales-employee"));
    assertEquals(200, back.statusCode(), back.body());
    assertEquals(name, object(back).getString("name"));
  }

  @Test
  void aDuplicateNameIgnoringCaseIs409AndStoresNothing() {
    String name = unique("Legal");
    String admin = token("admin");
    assertEquals(
        201, postJson("/api/departments", admin, "{\"name\":\"" + name + "\"}").statusCode());
    int before = Api.json(get("/api/departments", admin).body()).asJsonArray().size();

    HttpResponse<String> r =
        postJson("/api/departments", admin, "{\"name\":\"  " + name.toUpperCase() + " \"}");
    assertProblem(r, 409);
    assertEquals(before, Api.json(get("/api/departments", admin).body()).asJsonArray().size());
  }

  @Test
  void aBlankNameIs400NamingTheField() {
    HttpResponse<String> r = postJson("/api/departments", token("admin"), "{\"name\":\"   \"}");
    assertProblem(r, 400);
    JsonArray violations = object(r).getJsonArray("violations");
    assertEquals(1, violations.size(), r.body());
    assertEquals("name", violations.getJsonObject(0).getString("field"));
    assertEquals("must not be blank", violations.getJsonObject(0).getString("message"));
  }

  @Test
  void anOverLongNameAndANegativeHeadcountAreBothListed() {
    String longName = "x".repeat(101);
    HttpResponse<String> r =
        postJson(
            "/api/departments", token("admin"), "{\"name\":\"" + longName + "\",\"headcount\":-1}");
    assertProblem(r, 400);
    List<String> fields = Surveys.violationFields(r);
    assertEquals(List.of("headcount", "name"), fields);
    assertTrue(
        Api.json(get("/api/departments", token("admin")).body()).asJsonArray().stream()
            .noneMatch(v -> v.asJsonObject().getString("name").equals(longName)));
  }

  @Test
  void aMissingOrMalformedBodyIs400() {
    String admin = token("admin");
    assertProblem(postJson("/api/departments", admin, ""), 400);
    assertProblem(postJson("/api/departments", admin, "{\"name\":"), 400);
    assertProblem(postJson("/api/departments", admin, "[1,2]"), 400);
  }

  @Test
  void aWrongContentTypeIs415() {
    assertProblem(Api.post("/api/departments", token("admin"), "text/plain", "name=Sales"), 415);
  }

  @Test
  void anUnknownDepartmentIs404() {
    HttpResponse<String> r = get("/api/departments/987654321", token("admin"));
    assertProblem(r, 404);
    assertEquals("No department with id 987654321", object(r).getString("detail"));
  }

  @Test
  void theDepartmentClaimReachesTheApplication() {
    HttpResponse<String> r = get("/api/me", token("service-head"));
    assertEquals(200, r.statusCode(), r.body());
    JsonObject me = object(r);
    assertEquals("service-head", me.getString("username"));
    assertEquals("Customer Service", me.getString("department"));
    assertEquals(
        List.of("department-head"),
        me.getJsonArray("roles").getValuesAs(JsonString.class).stream()
            .map(JsonString::getString)
            .toList());
    JsonObject admin = object(get("/api/me", token("admin")));
    assertNotNull(admin);
    assertTrue(!admin.containsKey("department") || admin.isNull("department"), admin.toString());
  }

  private static long create(String admin, String name) {
    HttpResponse<String> r =
        postJson("/api/departments", admin, "{\"name\":\"" + name + "\",\"headcount\":7}");
    assertEquals(201, r.statusCode(), r.body());
    return object(r).getJsonNumber("id").longValue();
  }

  @Test
  void anAdminRenamesADepartmentAndSetsItsHeadcount() {
    String admin = token("admin");
    long id = create(admin, unique("Field Sales"));
    String renamed = unique("Inside Sales");
    HttpResponse<String> r =
        Api.putJson(
            "/api/departments/" + id, admin, "{\"name\":\"" + renamed + "\",\"headcount\":40}");
    assertEquals(200, r.statusCode(), r.body());
    JsonObject back = object(get("/api/departments/" + id, admin));
    assertEquals(renamed, back.getString("name"));
    assertEquals(40, back.getInt("headcount"));
  }

  @Test
  void renamingOntoAnotherDepartmentsNameIs409AndChangesNothing() {
    String admin = token("admin");
    String first = unique("Billing");
    create(admin, first);
    String second = unique("Collections");
    long id = create(admin, second);
    HttpResponse<String> r =
        Api.putJson("/api/departments/" + id, admin, "{\"name\":\"" + first.toLowerCase() + "\"}");
    assertProblem(r, 409);
    JsonObject back = object(get("/api/departments/" + id, admin));
    assertEquals(second, back.getString("name"));
    assertEquals(7, back.getInt("headcount"));
  }

  @Test
  void aBadUpdateIs400AndChangesNothing() {
    String admin = token("admin");
    String name = unique("Logistics");
    long id = create(admin, name);
    HttpResponse<String> r =
        Api.putJson("/api/departments/" + id, admin, "{\"name\":\"\",\"headcount\":-3}");
    assertProblem(r, 400);
    List<String> fields = Surveys.violationFields(r);
    assertEquals(List.of("headcount", "name"), fields);
    assertEquals(name, object(get("/api/departments/" + id, admin)).getString("name"));
  }

  @Test
  void changingOrDeletingAnUnknownDepartmentIs404() {
    String admin = token("admin");
    assertProblem(Api.putJson("/api/departments/987654321", admin, "{\"name\":\"Nobody\"}"), 404);
    assertProblem(Api.delete("/api/departments/987654321", admin), 404);
  }

  @Test
  void onlyAnAdminMayChangeOrDelete() {
    long id = create(token("admin"), unique("Procurement"));
    assertProblem(
        Api.putJson("/api/departments/" + id, token("sales-head"), "{\"name\":\"Taken over\"}"),
        403);
    assertProblem(Api.delete("/api/departments/" + id, token("finance-employee")), 403);
    assertEquals(200, get("/api/departments/" + id, token("admin")).statusCode());
  }

  @Test
  void anUnusedDepartmentIsDeleted() {
    String admin = token("admin");
    long id = create(admin, unique("Temporary"));
    HttpResponse<String> r = Api.delete("/api/departments/" + id, admin);
    assertEquals(204, r.statusCode(), r.body());
    assertProblem(get("/api/departments/" + id, admin), 404);
  }

  @Test
  void aDepartmentInACampaignIsNotDeleted() {
    String admin = token("admin");
    String name = unique("Claims");
    long id = create(admin, name);
    HttpResponse<String> campaign =
        postJson(
            "/api/campaigns",
            admin,
            Surveys.campaign(
                unique("Deletion guard"),
                Surveys.builtInInstrumentId(admin),
                List.of(id),
                List.of("EMPLOYEES"),
                Surveys.today(),
                Surveys.today().plusDays(7)));
    assertEquals(201, campaign.statusCode(), campaign.body());

    HttpResponse<String> r = Api.delete("/api/departments/" + id, admin);
    assertProblem(r, 409);
    assertTrue(object(r).getString("detail").contains(name), r.body());
    assertEquals(name, object(get("/api/departments/" + id, admin)).getString("name"));
  }
}
