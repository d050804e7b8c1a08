package org.cxalign.it.aggregate;

import static org.cxalign.it.support.Api.get;
import static org.cxalign.it.support.Api.object;
import static org.cxalign.it.support.Api.post;
import static org.cxalign.it.support.Api.postJson;
import static org.cxalign.it.support.Api.token;
import static org.cxalign.it.support.Surveys.answers;
import static org.cxalign.it.support.Surveys.send;
import static org.cxalign.it.support.Surveys.today;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
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
 * Live aggregates: every stored response (employee answer, customer link, import) is counted by the
 * next read, without waiting; a rebuild from the raw responses equals the live state cell for cell
 * (the state digest) and gives the same report; refused answers are not counted.
 */
@ExtendWith({KeycloakExtension.class, ArquillianExtension.class})
@RunAsClient
class AggregateIT {

  private static String admin;
  private static Map<String, Long> departments;
  private static long instrumentId;
  private static final List<String> employeeItems = new ArrayList<>();
  private static final List<String> customerItems = new ArrayList<>();

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return CxAlignEar.built();
  }

  @BeforeAll
  static void builtInInstrument() {
    admin = token("admin");
    departments = Surveys.departments(admin);
    instrumentId = Surveys.builtInInstrumentId(admin);
    JsonObject def =
        object(get("/api/instruments/" + instrumentId, admin)).getJsonObject("definition");
    for (JsonValue v : def.getJsonArray("items")) {
      JsonObject item = v.asJsonObject();
      if (item.getString("model").equals("collaboration")) {
        continue;
      }
      String population = item.getString("population");
      if (!population.equals("customer")) {
        employeeItems.add(item.getString("id"));
      }
      if (!population.equals("employee")) {
        customerItems.add(item.getString("id"));
      }
    }
  }

  private static long campaign(String title, List<String> depts) {
    return Surveys.openCampaign(
            admin,
            Surveys.campaign(
                title + " " + UUID.randomUUID().toString().substring(0, 8),
                instrumentId,
                depts.stream().map(departments::get).toList(),
                List.of("EMPLOYEES", "CUSTOMERS"),
                today(),
                today().plusDays(14)))
        .getJsonNumber("id")
        .longValue();
  }

  static JsonObject figures(long campaign) {
    HttpResponse<String> r = get("/api/campaigns/" + campaign + "/aggregates", admin);
    assertEquals(200, r.statusCode(), r.body());
    return object(r);
  }

  private static long departmentCount(JsonObject figures, String name, String population) {
    return figures.getJsonArray("departments").stream()
        .map(JsonValue::asJsonObject)
        .filter(d -> d.getString("name").equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError(name + " in " + figures))
        .getJsonNumber(population)
        .longValue();
  }

  private static Map<String, Object> employeeAnswers(
      SplittableRandom r, String own, List<String> scope) {
    Map<String, Object> a = new LinkedHashMap<>();
    for (String item : employeeItems) {
      a.put(item, 1 + r.nextInt(5));
    }
    for (String d : scope) {
      if (!d.equals(own)) {
        a.put("collab." + d, 1 + r.nextInt(5));
      }
    }
    return a;
  }

  private static HttpResponse<String> answerAs(String user, long campaign, String body) {
    return send(
        "POST",
        "/api/campaigns/" + campaign + "/responses",
        token(user),
        body,
        "Idempotency-Key",
        UUID.randomUUID().toString());
  }

  @Test
  void everyEmployeeAndCustomerResponseIsCountedByTheNextRead() {
    List<String> scope = List.of("Sales", "Marketing", "Finance");
    long c = campaign("Live", scope);
    JsonObject f0 = figures(c);
    assertEquals(0, f0.getJsonNumber("employees").longValue());
    assertEquals(0, f0.getJsonNumber("customers").longValue());
    assertEquals(3, f0.getJsonArray("departments").size());
    SplittableRandom r = new SplittableRandom(1);

    HttpResponse<String> sales =
        answerAs("sales-employee", c, answers(employeeAnswers(r, "Sales", scope), null));
    assertEquals(201, sales.statusCode(), sales.body());
    JsonObject f1 = figures(c);
    assertEquals(1, f1.getJsonNumber("employees").longValue(), f1.toString());
    assertEquals(1, departmentCount(f1, "Sales", "employees"));
    assertEquals(0, departmentCount(f1, "Marketing", "employees"));
    assertEquals(0, f1.getJsonNumber("pendingOutboxRows").longValue());
    assertTrue(f1.getJsonNumber("version").longValue() > f0.getJsonNumber("version").longValue());

    HttpResponse<String> marketing =
        answerAs("marketing-employee", c, answers(employeeAnswers(r, "Marketing", scope), null));
    assertEquals(201, marketing.statusCode(), marketing.body());
    JsonObject f2 = figures(c);
    assertEquals(2, f2.getJsonNumber("employees").longValue());
    assertEquals(1, departmentCount(f2, "Marketing", "employees"));

    // refused answers change nothing: a second answer (409) and an invalid one (400)
    assertEquals(
        409,
        answerAs("sales-employee", c, answers(employeeAnswers(r, "Sales", scope), null))
            .statusCode());
    assertEquals(
        400,
        answerAs("finance-employee", c, answers(Map.of(employeeItems.get(0), 9), null))
            .statusCode());
    JsonObject f3 = figures(c);
    assertEquals(2, f3.getJsonNumber("employees").longValue());
    assertEquals(f2.getString("digest"), f3.getString("digest"));
    assertEquals(f2.getJsonNumber("version"), f3.getJsonNumber("version"));

    // a customer through an anonymous link
    HttpResponse<String> links =
        postJson("/api/campaigns/" + c + "/invitations", admin, "{\"anonymousLinks\": 1}");
    assertEquals(201, links.statusCode(), links.body());
    String link = URI.create(object(links).getJsonArray("links").getString(0)).getPath();
    Map<String, Object> customer = new LinkedHashMap<>();
    for (String item : customerItems) {
      customer.put(item, 1 + r.nextInt(5));
    }
    HttpResponse<String> answered =
        send(
            "POST",
            link,
            null,
            answers(customer, null),
            "Idempotency-Key",
            "k-" + UUID.randomUUID());
    assertEquals(201, answered.statusCode(), answered.body());
    JsonObject f4 = figures(c);
    assertEquals(1, f4.getJsonNumber("customers").longValue());
    assertEquals(1, f4.getJsonNumber("customersWithoutDepartment").longValue());
    assertEquals(2, f4.getJsonNumber("employees").longValue());
  }

  /** A CSV of {@code n} random rows over the scope (employees in departments, some customers). */
  private static String csv(SplittableRandom r, List<String> scope, int n) {
    List<String> header = new ArrayList<>(List.of("respondent_id", "population", "department"));
    List<String> items = new ArrayList<>(employeeItems);
    for (String c : customerItems) {
      if (!items.contains(c)) {
        items.add(c);
      }
    }
    header.addAll(items);
    for (String d : scope) {
      header.add("collab." + d);
    }
    StringBuilder sb = new StringBuilder(String.join(",", header)).append("\r\n");
    for (int i = 0; i < n; i++) {
      boolean employee = r.nextInt(4) != 0;
      String dept = employee || r.nextBoolean() ? scope.get(r.nextInt(scope.size())) : "";
      sb.append("r").append(i).append(',').append(employee ? "employee" : "customer").append(',');
      sb.append(dept);
      for (String item : items) {
        boolean asked = employee ? employeeItems.contains(item) : customerItems.contains(item);
        sb.append(',');
        if (asked && r.nextInt(10) != 0) {
          sb.append(1 + r.nextInt(5));
        }
      }
      for (String d : scope) {
        sb.append(',');
        if (employee && !d.equals(dept) && r.nextInt(6) != 0) {
          sb.append(1 + r.nextInt(5));
        }
      }
      sb.append("\r\n");
    }
    return sb.toString();
  }

  static JsonObject waitFor(String statusPath, String key) throws InterruptedException {
    JsonObject s = null;
    for (int i = 0; i < 240; i++) {
      s = object(get(statusPath, admin));
      String state = s.getString(key);
      if (state.equals("COMPLETED") || state.equals("FAILED") || state.equals("STOPPED")) {
        return s;
      }
      TimeUnit.MILLISECONDS.sleep(250);
    }
    throw new AssertionError("not finished: " + s);
  }

  @Test
  void aRebuildFromTheRawResponsesEqualsTheLiveState() throws InterruptedException {
    List<String> scope = List.of("Sales", "Operations", "Product", "People & Culture");
    long c = campaign("Rebuild", scope);
    HttpResponse<String> imported =
        post(
            "/api/campaigns/" + c + "/imports?mode=REJECT_ALL",
            admin,
            "text/csv",
            csv(new SplittableRandom(42), scope, 400));
    assertEquals(202, imported.statusCode(), imported.body());
    JsonObject done =
        waitFor(
            URI.create(imported.headers().firstValue("Location").orElseThrow()).getPath(),
            "status");
    assertEquals("COMPLETED", done.getString("status"), done.toString());
    // one employee answer through the API as well
    assertEquals(
        201,
        answerAs(
                "operations-employee",
                c,
                answers(employeeAnswers(new SplittableRandom(3), "Operations", scope), null))
            .statusCode());

    JsonObject live = figures(c);
    assertEquals(
        401,
        live.getJsonNumber("employees").longValue() + live.getJsonNumber("customers").longValue());
    HttpResponse<String> liveReport = get("/api/campaigns/" + c + "/report", admin);

    HttpResponse<String> started =
        post("/api/campaigns/" + c + "/aggregates/rebuild", admin, "application/json", "");
    assertEquals(202, started.statusCode(), started.body());
    String status = URI.create(started.headers().firstValue("Location").orElseThrow()).getPath();
    JsonObject finished = waitFor(status, "state");
    assertEquals("COMPLETED", finished.getString("state"), finished.toString());
    assertEquals(401, finished.getJsonNumber("total").longValue());
    assertEquals(401, finished.getJsonNumber("read").longValue());
    assertEquals(0, finished.getJsonNumber("unplacedAnswers").longValue());

    JsonObject rebuilt = figures(c);
    assertEquals(live.getString("digest"), rebuilt.getString("digest"), "every cell equal");
    assertEquals(live.getJsonArray("departments"), rebuilt.getJsonArray("departments"));
    assertEquals(live.getJsonNumber("employees"), rebuilt.getJsonNumber("employees"));
    assertEquals(live.getJsonNumber("customers"), rebuilt.getJsonNumber("customers"));
    assertNotEquals(live.getJsonNumber("version"), rebuilt.getJsonNumber("version"));
    assertTrue(!rebuilt.containsKey("rebuildExecution") || rebuilt.isNull("rebuildExecution"));
    if (liveReport.statusCode() == 200) {
      HttpResponse<String> rebuiltReport = get("/api/campaigns/" + c + "/report", admin);
      assertEquals(200, rebuiltReport.statusCode(), rebuiltReport.body());
      assertEquals(object(liveReport), object(rebuiltReport), "the report is the same");
    }

    // a response after the rebuild is counted live on top of the rebuilt state
    assertEquals(
        201,
        answerAs(
                "sales-employee",
                c,
                answers(employeeAnswers(new SplittableRandom(4), "Sales", scope), null))
            .statusCode());
    assertEquals(
        402,
        figures(c).getJsonNumber("employees").longValue()
            + figures(c).getJsonNumber("customers").longValue());
  }

  /**
   * On PostgreSQL: a deferred trigger fails the commit of one employee answer after the response
   * and its outbox row were inserted; it is not counted, and the employee may answer again.
   */
  @Test
  void aResponseWhoseTransactionFailsIsNotCounted() throws SQLException {
    assumeTrue("postgresql".equals(System.getenv("CXALIGN_DB")), "needs PostgreSQL (CXALIGN_DB)");
    List<String> scope = List.of("Engineering", "Finance");
    long c = campaign("Failing", scope);
    SplittableRandom r = new SplittableRandom(9);
    assertEquals(
        201,
        answerAs("finance-employee", c, answers(employeeAnswers(r, "Finance", scope), null))
            .statusCode());
    JsonObject before = figures(c);
    String marker = "IT fails this commit " + UUID.randomUUID();
    try (Connection db =
            DriverManager.getConnection(
                System.getenv("CXALIGN_DB_URL"),
                System.getenv("CXALIGN_DB_USER"),
                System.getenv("CXALIGN_DB_PASSWORD"));
        Statement st = db.createStatement()) {
      st.execute(
          "CREATE OR REPLACE FUNCTION cxalign_it_fail() RETURNS trigger AS $$ BEGIN"
              + " IF NEW.comment_text = '"
              + marker
              + "' THEN RAISE EXCEPTION 'failing on purpose'; END IF; RETURN NEW; END $$"
              + " LANGUAGE plpgsql");
      st.execute("DROP TRIGGER IF EXISTS cxalign_it_fail ON survey_response");
      st.execute(
          "CREATE CONSTRAINT TRIGGER cxalign_it_fail AFTER INSERT ON survey_response"
              + " DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cxalign_it_fail()");
      try {
        HttpResponse<String> failed =
            answerAs(
                "engineering-employee",
                c,
                answers(employeeAnswers(r, "Engineering", scope), marker));
        assertEquals(500, failed.statusCode(), failed.body());
      } finally {
        st.execute("DROP TRIGGER IF EXISTS cxalign_it_fail ON survey_response");
        st.execute("DROP FUNCTION IF EXISTS cxalign_it_fail()");
      }
    }
    JsonObject after = figures(c);
    assertEquals(1, after.getJsonNumber("employees").longValue(), after.toString());
    assertEquals(before.getString("digest"), after.getString("digest"));
    assertEquals(0, after.getJsonNumber("pendingOutboxRows").longValue());
    assertEquals(
        201,
        answerAs("engineering-employee", c, answers(employeeAnswers(r, "Engineering", scope), null))
            .statusCode());
    assertEquals(2, figures(c).getJsonNumber("employees").longValue());
  }

  @Test
  void unknownCampaignsAre404AndOnlyAdminsMayAsk() {
    HttpResponse<String> figures = get("/api/campaigns/987654321/aggregates", admin);
    assertEquals(404, figures.statusCode(), figures.body());
    assertTrue(
        figures
            .headers()
            .firstValue("Content-Type")
            .orElseThrow()
            .startsWith("application/problem+json"));
    assertEquals(
        404,
        post("/api/campaigns/987654321/aggregates/rebuild", admin, "application/json", "")
            .statusCode());
    long c = campaign("Access", List.of("Sales"));
    assertEquals(
        404, get("/api/campaigns/" + c + "/aggregates/rebuild/987654321", admin).statusCode());
    assertEquals(403, get("/api/campaigns/" + c + "/aggregates", token("sales-head")).statusCode());
    assertEquals(
        403,
        post(
                "/api/campaigns/" + c + "/aggregates/rebuild",
                token("sales-employee"),
                "application/json",
                "")
            .statusCode());
    assertEquals(401, get("/api/campaigns/" + c + "/aggregates", null).statusCode());
  }
}
