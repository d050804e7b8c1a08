package org.cxalign.it.campaign;

import static org.cxalign.it.support.Api.get;
import static org.cxalign.it.support.Api.object;
import static org.cxalign.it.support.Api.postJson;
import static org.cxalign.it.support.Api.token;
import static org.cxalign.it.support.Surveys.answers;
import static org.cxalign.it.support.Surveys.send;
import static org.cxalign.it.support.Surveys.today;
import static org.cxalign.it.support.Surveys.violationFields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.cxalign.it.support.Api;
import org.cxalign.it.support.CxAlignEar;
import org.cxalign.it.support.KeycloakExtension;
import org.cxalign.it.support.Surveys;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Campaigns launched by the admin and answered by employees with real Keycloak tokens: once each,
 * validated whole, idempotent on retry, refused when closed, closed on time by the timer; response
 * rates for admins and department heads.
 */
@ExtendWith({KeycloakExtension.class, ArquillianExtension.class})
@RunAsClient
class EmployeeSurveyIT {

  private static String admin;
  private static Map<String, Long> departments;

  /** A copy of the built-in instrument whose first employee item is required. */
  private static long instrumentId;

  private static String requiredItem;
  private static String optionalItem;

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return CxAlignEar.built();
  }

  @BeforeAll
  static void instrumentWithARequiredItem() {
    admin = token("admin");
    departments = Surveys.departments(admin);
    long builtIn = Surveys.builtInInstrumentId(admin);
    HttpResponse<String> copy = postJson("/api/instruments/" + builtIn + "/copy", admin, "");
    assertEquals(201, copy.statusCode(), copy.body());
    JsonObject draft = object(copy);
    instrumentId = draft.getJsonNumber("id").longValue();
    JsonObject def = draft.getJsonObject("definition");
    JsonArray items = def.getJsonArray("items");
    var edited = Json.createArrayBuilder();
    boolean made = false;
    for (JsonValue v : items) {
      JsonObject item = v.asJsonObject();
      if (!made && item.getString("population").equals("employee")) {
        requiredItem = item.getString("id");
        edited.add(Json.createObjectBuilder(item).add("required", true));
        made = true;
      } else {
        if (optionalItem == null
            && made
            && item.getString("population").equals("employee")
            && !item.getString("model").equals("collaboration")) {
          optionalItem = item.getString("id");
        }
        edited.add(item);
      }
    }
    HttpResponse<String> put =
        send(
            "PUT",
            "/api/instruments/" + instrumentId,
            admin,
            Json.createObjectBuilder(def).add("items", edited).build().toString());
    assertEquals(200, put.statusCode(), put.body());
  }

  private static JsonObject openCampaign(String title, List<String> depts) {
    return Surveys.openCampaign(
        admin,
        Surveys.campaign(
            title + " " + UUID.randomUUID().toString().substring(0, 8),
            instrumentId,
            depts.stream().map(departments::get).toList(),
            List.of("EMPLOYEES"),
            today(),
            today().plusDays(14)));
  }

  private static HttpResponse<String> answer(long campaign, String user, String key, String body) {
    return key == null
        ? send("POST", "/api/campaigns/" + campaign + "/responses", token(user), body)
        : send(
            "POST",
            "/api/campaigns/" + campaign + "/responses",
            token(user),
            body,
            "Idempotency-Key",
            key);
  }

  private static String valid() {
    return answers(Map.of(requiredItem, 4, optionalItem, 2), "Works well with Finance");
  }

  private static long id(JsonObject o) {
    return o.getJsonNumber("id").longValue();
  }

  @Test
  void theAdminLaunchesACampaignWithItsSettings() {
    HttpResponse<String> r =
        postJson(
            "/api/campaigns",
            admin,
            Json.createObjectBuilder()
                .add("title", "Launch " + UUID.randomUUID())
                .add("instrumentId", Surveys.builtInInstrumentId(admin))
                .add("departmentIds", Json.createArrayBuilder().add(departments.get("Sales")))
                .add("audiences", Json.createArrayBuilder().add("EMPLOYEES").add("CUSTOMERS"))
                .add("opensOn", today().toString())
                .add("closesOn", today().plusDays(30).toString())
                .add("anonymityThreshold", 7)
                .add("transparency", "ALL_DEPARTMENTS")
                .add("wave", "2026-Q4")
                .build()
                .toString());
    assertEquals(201, r.statusCode(), r.body());
    JsonObject c = object(r);
    assertEquals("DRAFT", c.getString("status"));
    assertEquals(7, c.getInt("anonymityThreshold"));
    assertEquals("ALL_DEPARTMENTS", c.getString("transparency"));
    assertEquals("2026-Q4", c.getString("wave"));
    assertEquals(
        List.of("Sales"),
        c.getJsonArray("departments").getValuesAs(jakarta.json.JsonString.class).stream()
            .map(jakarta.json.JsonString::getString)
            .toList());
    assertTrue(
        r.headers().firstValue("Location").orElseThrow().endsWith("/api/campaigns/" + id(c)));

    JsonObject back = object(get("/api/campaigns/" + id(c), admin));
    assertEquals("DRAFT", back.getString("status"));
    assertEquals(
        "OPEN",
        object(postJson("/api/campaigns/" + id(c) + "/open", admin, "")).getString("status"));
    assertEquals(409, postJson("/api/campaigns/" + id(c) + "/open", admin, "").statusCode());
    assertEquals(
        "CLOSED",
        object(postJson("/api/campaigns/" + id(c) + "/close", admin, "")).getString("status"));
    assertTrue(
        Api.json(get("/api/campaigns", admin).body()).asJsonArray().stream()
            .anyMatch(v -> id(v.asJsonObject()) == id(c)));
  }

  @Test
  void theDefaultsAreKFiveAndOwnDepartmentOnly() {
    HttpResponse<String> r =
        postJson(
            "/api/campaigns",
            admin,
            Surveys.campaign(
                "Defaults",
                instrumentId,
                List.of(departments.get("Sales")),
                List.of("EMPLOYEES"),
                today(),
                today()));
    assertEquals(201, r.statusCode(), r.body());
    assertEquals(5, object(r).getInt("anonymityThreshold"));
    assertEquals("OWN_DEPARTMENT_ONLY", object(r).getString("transparency"));
  }

  @Test
  void anInvalidCampaignIs400ListingEveryField() {
    HttpResponse<String> empty = postJson("/api/campaigns", admin, "{}");
    assertEquals(400, empty.statusCode(), empty.body());
    assertEquals(
        List.of("audiences", "closesOn", "departmentIds", "instrumentId", "opensOn", "title"),
        violationFields(empty));

    HttpResponse<String> lowK =
        postJson(
            "/api/campaigns",
            admin,
            Json.createObjectBuilder(
                    Api.json(
                            Surveys.campaign(
                                "Low k",
                                instrumentId,
                                List.of(departments.get("Sales")),
                                List.of("EMPLOYEES"),
                                today(),
                                today()))
                        .asJsonObject())
                .add("anonymityThreshold", 2)
                .build()
                .toString());
    assertEquals(400, lowK.statusCode(), lowK.body());
    assertEquals(List.of("anonymityThreshold"), violationFields(lowK));

    HttpResponse<String> crossed =
        postJson(
            "/api/campaigns",
            admin,
            Surveys.campaign(
                "Crossed dates",
                987654321L,
                List.of(departments.get("Sales"), 987654321L),
                List.of("EMPLOYEES"),
                today(),
                today().minusDays(1)));
    assertEquals(400, crossed.statusCode(), crossed.body());
    assertEquals(List.of("instrumentId", "departmentIds", "closesOn"), violationFields(crossed));

    assertEquals(
        403,
        postJson("/api/campaigns", token("sales-head"), "{}").statusCode(),
        "only admins launch");
  }

  @Test
  void anEmployeeSeesTheOpenCampaignsOfTheirDepartmentWithTheForm() {
    JsonObject c = openCampaign("Visible", List.of("Sales", "Finance"));
    HttpResponse<String> r = get("/api/campaigns/open", token("sales-employee"));
    assertEquals(200, r.statusCode(), r.body());
    JsonObject mine =
        Api.json(r.body()).asJsonArray().stream()
            .map(JsonValue::asJsonObject)
            .filter(o -> id(o) == id(c))
            .findFirst()
            .orElseThrow(() -> new AssertionError("campaign " + id(c) + " not in " + r.body()));
    List<String> items =
        mine.getJsonArray("items").stream().map(i -> i.asJsonObject().getString("id")).toList();
    assertTrue(items.contains("collab.Finance"), items.toString());
    assertFalse(items.contains("collab.Sales"), items.toString());
    assertFalse(items.contains("gap.seamless.customer"), items.toString());
    assertTrue(
        Api.json(get("/api/campaigns/open", token("marketing-employee")).body())
            .asJsonArray()
            .stream()
            .noneMatch(o -> id(o.asJsonObject()) == id(c)));
    assertEquals(403, get("/api/campaigns/open", token("admin")).statusCode());
  }

  @Test
  void anEmployeeAnswersOnceARetryIsTheSameAndASecondAnswerIs409() {
    JsonObject c = openCampaign("Once", List.of("Sales", "Finance"));
    String key = UUID.randomUUID().toString();
    HttpResponse<String> first = answer(id(c), "sales-employee", key, valid());
    assertEquals(201, first.statusCode(), first.body());
    assertEquals(today().toString(), object(first).getString("receivedOn"));
    assertFalse(first.body().contains("sales-employee"));

    HttpResponse<String> retry = answer(id(c), "sales-employee", key, valid());
    assertEquals(200, retry.statusCode(), retry.body());
    assertEquals(object(first), object(retry));

    HttpResponse<String> second =
        answer(id(c), "sales-employee", UUID.randomUUID().toString(), valid());
    assertEquals(409, second.statusCode(), second.body());
    assertTrue(object(second).getString("detail").contains("already"), second.body());

    assertEquals(1, employeeResponses(id(c), "Sales"), "stored once");
  }

  private static long employeeResponses(long campaign, String dept) {
    HttpResponse<String> r = get("/api/campaigns/" + campaign + "/response-rates", admin);
    assertEquals(200, r.statusCode(), r.body());
    return Api.json(r.body()).asJsonArray().stream()
        .map(JsonValue::asJsonObject)
        .filter(o -> o.getString("audience").equals("EMPLOYEES"))
        .filter(o -> o.getString("department").equals(dept))
        .findFirst()
        .orElseThrow()
        .getJsonNumber("responses")
        .longValue();
  }

  @Test
  void eachKindOfBadSubmissionIs400ListingEveryViolationAndStoresNothing() {
    JsonObject c = openCampaign("Bad input", List.of("Finance", "Sales"));
    long id = id(c);
    String user = "finance-employee";
    String key = UUID.randomUUID().toString();

    HttpResponse<String> offScale = answer(id, user, key, answers(Map.of(requiredItem, 6), null));
    assertEquals(400, offScale.statusCode(), offScale.body());
    assertEquals(List.of("answers." + requiredItem), violationFields(offScale));

    HttpResponse<String> fraction = answer(id, user, key, answers(Map.of(requiredItem, 2.5), null));
    assertEquals(List.of("answers." + requiredItem), violationFields(fraction));

    HttpResponse<String> unknown =
        answer(id, user, key, answers(Map.of(requiredItem, 3, "no.such.item", 3), null));
    assertEquals(400, unknown.statusCode(), unknown.body());
    assertEquals(List.of("answers.no.such.item"), violationFields(unknown));

    HttpResponse<String> ownDepartment =
        answer(id, user, key, answers(Map.of(requiredItem, 3, "collab.Finance", 3), null));
    assertEquals(List.of("answers.collab.Finance"), violationFields(ownDepartment));

    HttpResponse<String> missing = answer(id, user, key, answers(Map.of(optionalItem, 3), null));
    assertEquals(400, missing.statusCode(), missing.body());
    assertEquals(List.of("answers." + requiredItem), violationFields(missing));

    HttpResponse<String> longComment =
        answer(id, user, key, answers(Map.of(requiredItem, 3), "x".repeat(2001)));
    assertEquals(List.of("comment"), violationFields(longComment));

    Map<String, Object> all = new LinkedHashMap<>();
    all.put(optionalItem, 0);
    all.put("zzz", 1);
    HttpResponse<String> everything = answer(id, user, key, answers(all, "y".repeat(2001)));
    assertEquals(400, everything.statusCode(), everything.body());
    assertEquals(
        List.of("answers." + requiredItem, "answers." + optionalItem, "answers.zzz", "comment"),
        violationFields(everything));

    HttpResponse<String> tooLarge =
        answer(id, user, key, answers(Map.of(requiredItem, 3), "z".repeat(70_000)));
    assertEquals(413, tooLarge.statusCode(), tooLarge.body());

    HttpResponse<String> notJson = answer(id, user, key, "{\"answers\":");
    assertEquals(400, notJson.statusCode(), notJson.body());
    assertEquals(List.of("body"), violationFields(notJson));

    HttpResponse<String> noKey = answer(id, user, null, valid());
    assertEquals(400, noKey.statusCode(), noKey.body());
    assertEquals(List.of("Idempotency-Key"), violationFields(noKey));

    assertEquals(0, employeeResponses(id, "Finance"), "nothing stored by a bad submission");
    HttpResponse<String> good = answer(id, user, key, valid());
    assertEquals(201, good.statusCode(), "no participation was recorded either: " + good.body());
    assertEquals(1, employeeResponses(id, "Finance"));
  }

  @Test
  void anEmployeeOfADepartmentNotInScopeIsRefused() {
    JsonObject c = openCampaign("Scope", List.of("Sales"));
    HttpResponse<String> r =
        answer(id(c), "marketing-employee", UUID.randomUUID().toString(), valid());
    assertEquals(403, r.statusCode(), r.body());
    assertEquals(403, answer(id(c), "admin", "k", valid()).statusCode());
    assertEquals(
        401, send("POST", "/api/campaigns/" + id(c) + "/responses", null, valid()).statusCode());
  }

  @Test
  void answeringAClosedCampaignIs409WithAClearMessage() {
    JsonObject c = openCampaign("Closed", List.of("Sales"));
    assertEquals(200, postJson("/api/campaigns/" + id(c) + "/close", admin, "").statusCode());
    HttpResponse<String> r = answer(id(c), "sales-employee", UUID.randomUUID().toString(), valid());
    assertEquals(409, r.statusCode(), r.body());
    assertTrue(
        object(r).getString("detail").endsWith("is closed; answers are no longer accepted"),
        r.body());
    assertEquals(404, answer(987654321L, "sales-employee", "k", valid()).statusCode());
  }

  @Test
  void theTimerClosesACampaignWhoseCloseDateHasPassed() throws InterruptedException {
    JsonObject c =
        Surveys.openCampaign(
            admin,
            Surveys.campaign(
                "Past " + UUID.randomUUID(),
                instrumentId,
                List.of(departments.get("Sales")),
                List.of("EMPLOYEES"),
                today().minusDays(10),
                today().minusDays(1)));
    JsonObject current = c;
    for (int i = 0; i < 60 && !current.getString("status").equals("CLOSED"); i++) {
      TimeUnit.SECONDS.sleep(1);
      current = object(get("/api/campaigns/" + id(c), admin));
    }
    assertEquals("CLOSED", current.getString("status"), "closed by the timer");
    JsonObject stillOpen = openCampaign("Not due", List.of("Sales"));
    assertEquals("OPEN", object(get("/api/campaigns/" + id(stillOpen), admin)).getString("status"));
  }

  @Test
  void responseRatesAreAllForAdminsAndTheirOwnForDepartmentHeads() {
    JsonObject c = openCampaign("Rates", List.of("Sales", "Finance", "Marketing"));
    assertEquals(
        201, answer(id(c), "sales-employee", UUID.randomUUID().toString(), valid()).statusCode());
    assertEquals(
        201, answer(id(c), "finance-employee", UUID.randomUUID().toString(), valid()).statusCode());

    HttpResponse<String> all = get("/api/campaigns/" + id(c) + "/response-rates", admin);
    assertEquals(200, all.statusCode(), all.body());
    List<JsonObject> rows =
        Api.json(all.body()).asJsonArray().stream().map(JsonValue::asJsonObject).toList();
    assertEquals(3, rows.size(), all.body());
    JsonObject sales =
        rows.stream().filter(o -> o.getString("department").equals("Sales")).findFirst().get();
    // the base is Sales's current headcount (120 as seeded, 2 after a sync from Keycloak groups)
    int salesHeadcount =
        Api.json(get("/api/departments", admin).body()).asJsonArray().stream()
            .map(JsonValue::asJsonObject)
            .filter(o -> o.getString("name").equals("Sales"))
            .findFirst()
            .get()
            .getInt("headcount");
    assertEquals(1, sales.getInt("responses"));
    assertEquals(salesHeadcount, sales.getInt("base"));
    assertEquals(1.0 / salesHeadcount, sales.getJsonNumber("rate").doubleValue(), 1e-12);
    JsonObject marketing =
        rows.stream().filter(o -> o.getString("department").equals("Marketing")).findFirst().get();
    assertEquals(0, marketing.getInt("responses"));

    HttpResponse<String> head =
        get("/api/campaigns/" + id(c) + "/response-rates", token("finance-head"));
    assertEquals(200, head.statusCode(), head.body());
    List<String> seen =
        Api.json(head.body()).asJsonArray().stream()
            .map(o -> o.asJsonObject().getString("department"))
            .toList();
    assertEquals(List.of("Finance"), seen);
    assertEquals(
        403,
        get("/api/campaigns/" + id(c) + "/response-rates", token("finance-employee")).statusCode());
  }
}
