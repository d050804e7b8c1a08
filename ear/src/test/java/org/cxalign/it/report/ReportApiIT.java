package org.cxalign.it.report;

import static org.cxalign.it.support.Api.get;
import static org.cxalign.it.support.Api.object;
import static org.cxalign.it.support.Api.post;
import static org.cxalign.it.support.Api.token;
import static org.cxalign.it.support.Surveys.today;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.commons.math3.stat.inference.TTest;
import org.cxalign.analytics.cli.Main;
import org.cxalign.analytics.instrument.Instrument;
import org.cxalign.analytics.instrument.Instruments;
import org.cxalign.analytics.instrument.Item;
import org.cxalign.analytics.instrument.Model;
import org.cxalign.analytics.instrument.Population;
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
 * The report API with real tokens: every role × endpoint, the k-anonymity and differencing attacks
 * (a department below k, its secondary partner, transparency, comments, open campaigns), the report
 * against {@code cx-align report} run in-process on the exported CSV, and the trend between waves.
 *
 * <p>One campaign (built once for the class): Sales 12 + 1 real answer, Marketing 8 + 1, Customer
 * Service 9, Finance 2 + 1 real answer (3 &lt; k = 5), Product 6 (hidden with Finance by secondary
 * suppression); 10 customers without a department and 7 for Sales; OWN_DEPARTMENT_ONLY.
 */
@ExtendWith({KeycloakExtension.class, ArquillianExtension.class})
@RunAsClient
class ReportApiIT {

  static final Instrument BUILT_IN = Instruments.builtIn();
  static final List<String> DEPARTMENTS =
      List.of("Customer Service", "Finance", "Marketing", "Product", "Sales");
  static final String FINANCE_SECRET = "finance comment " + UUID.randomUUID();
  static final String SALES_COMMENT = "sales comment " + UUID.randomUUID();

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return CxAlignEar.built();
  }

  record Fixture(long campaign, long wave2, Map<String, Long> departments, long otherDepartment) {}

  private static Fixture fixture;

  static synchronized Fixture fixture() throws Exception {
    if (fixture == null) {
      String admin = token("admin");
      Map<String, Long> all = Surveys.departments(admin);
      Map<String, Long> ids = new LinkedHashMap<>();
      DEPARTMENTS.forEach(d -> ids.put(d, all.get(d)));
      long a = campaign(admin, ids, "wave A");
      answer("sales-employee", a, SALES_COMMENT);
      answer("finance-employee", a, FINANCE_SECRET);
      answer("marketing-employee", a, null);
      importRows(
          admin,
          a,
          csv(
              1,
              Map.of(
                  "Sales", 12, "Marketing", 8, "Customer Service", 9, "Finance", 2, "Product", 6),
              Map.of("", 10, "Sales", 7)));
      // while open: administrators read live, heads wait for the close
      assertEquals(200, get("/api/campaigns/" + a + "/report", admin).statusCode());
      HttpResponse<String> early = get("/api/campaigns/" + a + "/report", token("sales-head"));
      assertEquals(409, early.statusCode(), early.body());
      assertEquals("urn:cx-align:problem:results-not-published", object(early).getString("type"));
      close(admin, a);
      long b = campaign(admin, ids, "wave B");
      importRows(
          admin,
          b,
          csv(
              2,
              Map.of(
                  "Sales", 10, "Marketing", 9, "Customer Service", 7, "Finance", 6, "Product", 5),
              Map.of("", 8)));
      close(admin, b);
      fixture = new Fixture(a, b, ids, all.get("People & Culture"));
    }
    return fixture;
  }

  static long campaign(String admin, Map<String, Long> departments, String wave) {
    return campaign(admin, departments, wave, "OWN_DEPARTMENT_ONLY");
  }

  static long campaign(
      String admin, Map<String, Long> departments, String wave, String transparency) {
    JsonArrayBuilder d = Json.createArrayBuilder();
    departments.values().forEach(d::add);
    String body =
        Json.createObjectBuilder()
            .add("title", "Report " + wave + " " + UUID.randomUUID())
            .add("instrumentId", Surveys.builtInInstrumentId(admin))
            .add("departmentIds", d)
            .add("audiences", Json.createArrayBuilder().add("EMPLOYEES").add("CUSTOMERS"))
            .add("opensOn", today().toString())
            .add("closesOn", today().plusDays(7).toString())
            .add("anonymityThreshold", 5)
            .add("transparency", transparency)
            .add("wave", wave)
            .build()
            .toString();
    return Surveys.openCampaign(admin, body).getJsonNumber("id").longValue();
  }

  static void close(String admin, long id) {
    HttpResponse<String> r = Api.postJson("/api/campaigns/" + id + "/close", admin, "");
    assertEquals(200, r.statusCode(), r.body());
  }

  static void answer(String user, long campaign, String comment) {
    Map<String, Integer> a = new HashMap<>();
    for (Item it : employeeItems()) {
      a.put(it.id(), 4);
    }
    HttpResponse<String> r =
        Surveys.send(
            "POST",
            "/api/campaigns/" + campaign + "/responses",
            token(user),
            Surveys.answers(a, comment),
            "Idempotency-Key",
            UUID.randomUUID().toString());
    assertEquals(201, r.statusCode(), r.body());
  }

  static List<Item> employeeItems() {
    return BUILT_IN.items().stream()
        .filter(
            i -> i.model() != Model.COLLABORATION && i.population().includes(Population.EMPLOYEE))
        .toList();
  }

  static String csv(long seed, Map<String, Integer> employees, Map<String, Integer> customers) {
    Random rnd = new Random(seed);
    List<String> items =
        BUILT_IN.items().stream()
            .filter(i -> i.model() != Model.COLLABORATION)
            .map(Item::id)
            .toList();
    StringBuilder sb = new StringBuilder("respondent_id,population,department");
    items.forEach(i -> sb.append(',').append(i));
    DEPARTMENTS.forEach(d -> sb.append(",collab.").append(d));
    sb.append('\n');
    int row = 0;
    int level = 0;
    for (String dept : DEPARTMENTS) {
      level++;
      for (int i = 0; i < employees.getOrDefault(dept, 0); i++) {
        sb.append("e").append(row++).append(",employee,").append(dept);
        for (String item : items) {
          boolean employeeItem =
              BUILT_IN.item(item).orElseThrow().population().includes(Population.EMPLOYEE);
          sb.append(',');
          if (employeeItem && rnd.nextInt(20) > 0) {
            sb.append(value(rnd, 1 + level % 4));
          }
        }
        for (String target : DEPARTMENTS) {
          sb.append(',');
          if (!target.equals(dept)) {
            sb.append(value(rnd, 1 + level % 4));
          }
        }
        sb.append('\n');
      }
    }
    for (Map.Entry<String, Integer> c : customers.entrySet()) {
      for (int i = 0; i < c.getValue(); i++) {
        sb.append("c").append(row++).append(",customer,").append(c.getKey());
        for (String item : items) {
          sb.append(',');
          if (BUILT_IN.item(item).orElseThrow().population() == Population.CUSTOMER) {
            sb.append(value(rnd, 2));
          }
        }
        DEPARTMENTS.forEach(d -> sb.append(','));
        sb.append('\n');
      }
    }
    return sb.toString();
  }

  static int value(Random rnd, int level) {
    return Math.max(1, Math.min(5, level + rnd.nextInt(3)));
  }

  static void importRows(String admin, long campaign, String csv) throws InterruptedException {
    HttpResponse<String> started =
        post("/api/campaigns/" + campaign + "/imports?mode=REJECT_ALL", admin, "text/csv", csv);
    assertEquals(202, started.statusCode(), started.body());
    String status = URI.create(started.headers().firstValue("Location").orElseThrow()).getPath();
    for (int i = 0; i < 240; i++) {
      JsonObject s = object(get(status, admin));
      String batch = s.getString("status");
      if (batch.equals("COMPLETED")) {
        assertEquals("COMPLETED", s.getString("exitStatus"), s.toString());
        return;
      }
      if (batch.equals("FAILED") || batch.equals("STOPPED")) {
        throw new AssertionError("import failed: " + s);
      }
      TimeUnit.MILLISECONDS.sleep(250);
    }
    throw new AssertionError("import did not finish");
  }

  static HttpResponse<String> getAs(String path, String token, String accept) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(Api.BASE + path)).GET().header("Accept", accept);
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return Api.send(b);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> parse(String body) {
    return (Map<String, Object>) org.cxalign.analytics.json.Json.parse(body);
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> list(Object o) {
    return (List<Map<String, Object>>) o;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  // ---- role × endpoint ----

  @Test
  void everyRoleOnEveryEndpoint() throws Exception {
    Fixture f = fixture();
    String base = "/api/campaigns/" + f.campaign();
    long sales = f.departments().get("Sales");
    long marketing = f.departments().get("Marketing");
    List<String> report =
        List.of(
            "/report",
            "/report/departments",
            "/report/heatmap",
            "/report/network",
            "/report/gap",
            "/report/maturity",
            "/report/verdict",
            "/report/trend",
            "/report/comments");
    List<String> exports =
        List.of("/export/responses.csv", "/export/codebook.json", "/export/report.json");
    Map<String, String> tokens = new LinkedHashMap<>();
    tokens.put("admin", token("admin"));
    tokens.put("sales-head", token("sales-head"));
    tokens.put("marketing-head", token("marketing-head"));
    tokens.put("sales-employee", token("sales-employee"));
    tokens.put("none", null);
    List<String> failures = new ArrayList<>();
    for (Map.Entry<String, String> t : tokens.entrySet()) {
      String who = t.getKey();
      Map<String, Integer> expected = new LinkedHashMap<>();
      boolean head = who.endsWith("-head");
      int reportStatus = who.equals("none") ? 401 : who.equals("sales-employee") ? 403 : 200;
      report.forEach(p -> expected.put(p, reportStatus));
      expected.put(
          "/report/departments/" + sales, head && !who.equals("sales-head") ? 403 : reportStatus);
      expected.put(
          "/report/departments/" + marketing,
          head && !who.equals("marketing-head") ? 403 : reportStatus);
      int exportStatus = who.equals("none") ? 401 : who.equals("admin") ? 200 : 403;
      exports.forEach(p -> expected.put(p, exportStatus));
      expected.put("/response-rates", reportStatus);
      for (Map.Entry<String, Integer> e : expected.entrySet()) {
        String accept = e.getKey().endsWith(".csv") ? "text/csv" : "application/json";
        HttpResponse<String> r = getAs(base + e.getKey(), t.getValue(), accept);
        if (r.statusCode() != e.getValue()) {
          failures.add(who + " " + e.getKey() + ": " + r.statusCode() + " " + r.body());
        } else if (r.statusCode() >= 400) {
          String type = r.headers().firstValue("Content-Type").orElse("");
          if (!type.startsWith("application/problem+json")) {
            failures.add(who + " " + e.getKey() + ": not problem+json but " + type);
          }
        }
      }
    }
    assertEquals(List.of(), failures);
    // the 403 for another department names the transparency
    HttpResponse<String> other =
        get(base + "/report/departments/" + marketing, tokens.get("sales-head"));
    assertEquals("urn:cx-align:problem:department-not-visible", object(other).getString("type"));
    // 404s
    String admin = tokens.get("admin");
    assertEquals(404, get("/api/campaigns/987654321/report", admin).statusCode());
    assertEquals(404, get("/api/campaigns/987654321/report/heatmap", admin).statusCode());
    assertEquals(404, get(base + "/report/departments/" + f.otherDepartment(), admin).statusCode());
  }

  // ---- attacks ----

  @Test
  void differencingTheOrganisationAndTheVisibleDepartmentsGivesOnlyThePool() throws Exception {
    Fixture f = fixture();
    String admin = token("admin");
    Map<String, Object> summary =
        parse(get("/api/campaigns/" + f.campaign() + "/report", admin).body());
    Map<String, Object> departments =
        parse(get("/api/campaigns/" + f.campaign() + "/report/departments", admin).body());
    Map<String, String> rules = new HashMap<>();
    double visibleN = 0;
    double visibleSum = 0;
    double poolN = 0;
    for (Map<String, Object> d : list(departments.get("departments"))) {
      if (d.containsKey("suppressed")) {
        rules.put((String) d.get("department"), (String) d.get("rule"));
        assertFalse(d.containsKey("n"), d.toString());
        continue;
      }
      Map<String, Object> s = list(d.get("scales")).get(0);
      if (Boolean.TRUE.equals(d.get("pooled"))) {
        poolN = (Double) s.get("n_scored");
        assertEquals(List.of("Finance", "Product"), d.get("members"));
        continue;
      }
      visibleN += (Double) s.get("n_scored");
      visibleSum += (Double) s.get("n_scored") * (Double) s.get("mean");
    }
    assertEquals(Map.of("Finance", "min_k", "Product", "secondary"), rules);
    Map<String, Object> org = map(summary.get("organisation"));
    double residual = (Double) org.get("n") - visibleN;
    // what the attacker gets is the pool: 9 respondents of two departments, never Finance alone
    assertEquals(9, residual, 1e-9);
    assertEquals(poolN, residual, 1e-9);
    assertTrue(residual >= 5);
    assertTrue(((Double) org.get("n") * (Double) org.get("mean") - visibleSum) / residual > 0);
    // no view shows Finance or Product figures
    for (String view : List.of("heatmap", "network", "maturity", "gap", "comments")) {
      String body = get("/api/campaigns/" + f.campaign() + "/report/" + view, admin).body();
      for (Map<String, Object> row : rows(parse(body))) {
        if ("Finance".equals(row.get("department")) || "Product".equals(row.get("department"))) {
          assertEquals(true, row.get("suppressed"), view + ": " + row);
        }
      }
    }
    // comments: the Finance employee's comment is not under Finance (3 < k) but only in the pool
    // of 9 respondents from two departments; the Sales one under Sales
    String comments = get("/api/campaigns/" + f.campaign() + "/report/comments", admin).body();
    for (Map<String, Object> g : list(parse(comments).get("groups"))) {
      String text = String.valueOf(g.get("comments"));
      if ("Finance".equals(g.get("department"))) {
        assertEquals("min_k", g.get("rule"));
        assertNull(g.get("comments"));
      } else if (Boolean.TRUE.equals(g.get("pooled"))) {
        assertTrue(text.contains(FINANCE_SECRET), g.toString());
        assertEquals(9.0, g.get("n"));
      } else {
        assertFalse(text.contains(FINANCE_SECRET), g.toString());
      }
      assertEquals("Sales".equals(g.get("department")), text.contains(SALES_COMMENT), g.toString());
    }
    String headComments =
        get("/api/campaigns/" + f.campaign() + "/report/comments", token("sales-head")).body();
    assertTrue(headComments.contains(SALES_COMMENT));
    String marketingComments =
        get("/api/campaigns/" + f.campaign() + "/report/comments", token("marketing-head")).body();
    assertFalse(marketingComments.contains(SALES_COMMENT));
  }

  static List<Map<String, Object>> rows(Map<String, Object> doc) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (String k : List.of("rows", "nodes", "departments", "groups")) {
      if (doc.get(k) instanceof List<?>) {
        out.addAll(list(doc.get(k)));
      }
    }
    if (doc.get("items") instanceof List<?>) {
      for (Map<String, Object> item : list(doc.get("items"))) {
        out.addAll(list(item.get("departments")));
      }
    }
    return out;
  }

  @Test
  void aHeadSeesTheOrganisationAndOnlyTheirOwnDepartment() throws Exception {
    Fixture f = fixture();
    String head = token("sales-head");
    String base = "/api/campaigns/" + f.campaign() + "/report";
    Map<String, Object> summary = parse(get(base, head).body());
    assertTrue(map(summary.get("organisation")).containsKey("mean"));
    assertEquals("department-head", map(summary.get("viewer")).get("role"));
    for (String view : List.of("/departments", "/heatmap", "/network", "/maturity", "/gap")) {
      for (Map<String, Object> row : rows(parse(get(base + view, head).body()))) {
        if (row.get("department") != null && !row.get("department").equals("Sales")) {
          assertEquals("transparency", row.get("rule"), view + ": " + row);
        }
      }
    }
    for (Map<String, Object> l : list(parse(get(base + "/network", head).body()).get("links"))) {
      if (!l.get("from").equals("Sales")) {
        assertEquals(true, l.get("suppressed"), l.toString());
      }
    }
    Map<String, Object> own =
        parse(get(base + "/departments/" + f.departments().get("Sales"), head).body());
    assertEquals("Sales", map(own.get("department")).get("department"));
    assertTrue(map(own.get("department")).containsKey("scales"));
    // response rates are counts, not answers; a head sees their own department's only
    HttpResponse<String> rates = get("/api/campaigns/" + f.campaign() + "/response-rates", head);
    assertEquals(200, rates.statusCode());
    assertFalse(rates.body().contains("Finance"));
  }

  // ---- comments a page at a time ----

  @Test
  void commentsComeAPageAtATimeAndOnlyFromVisibleGroups() throws Exception {
    Fixture f = fixture();
    String base = "/api/campaigns/" + f.campaign() + "/report/comments";
    String admin = token("admin");
    // the admin: Sales's comment under Sales, Finance's only in the pool, one per page (limit 1)
    List<String> pages = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    String after = "0";
    for (int i = 0; i < 10 && after != null; i++) {
      Map<String, Object> doc = parse(get(base + "?limit=1&after=" + after, admin).body());
      pages.add(String.valueOf(doc.get("groups")));
      int onPage = 0;
      for (Map<String, Object> g : list(doc.get("groups"))) {
        if (g.get("comments") instanceof List<?> c) {
          onPage += c.size();
          c.forEach(x -> seen.add(g.get("department") + ": " + x));
        }
      }
      Map<String, Object> page = map(doc.get("page"));
      assertEquals(1.0, page.get("limit"));
      assertEquals(Double.parseDouble(after), page.get("after"));
      after =
          page.get("next") == null ? null : String.valueOf(((Double) page.get("next")).longValue());
      assertTrue(onPage == 1 || (onPage == 0 && after == null), "page " + i + ": " + doc);
    }
    assertEquals(
        Set.of("Sales: " + SALES_COMMENT, "(pooled): " + FINANCE_SECRET), Set.copyOf(seen));
    assertEquals(2, seen.size(), seen.toString());
    // the default page holds both, with n per group and a null cursor
    Map<String, Object> whole = parse(get(base, admin).body());
    assertNull(map(whole.get("page")).get("next"));
    assertEquals(100.0, map(whole.get("page")).get("limit"));
    // the head of Sales (own department only): every page holds Sales's comment and nothing else
    String head = token("sales-head");
    for (String q : List.of("?limit=1", "?limit=500", "")) {
      String body = get(base + q, head).body();
      assertTrue(body.contains(SALES_COMMENT), body);
      assertFalse(body.contains(FINANCE_SECRET), body);
    }
    // a page after the last comment is empty; Marketing's head sees no comment at all
    String last = get(base + "?after=" + Long.MAX_VALUE, admin).body();
    assertFalse(last.contains(SALES_COMMENT) || last.contains(FINANCE_SECRET), last);
    String marketing = get(base + "?limit=1", token("marketing-head")).body();
    assertFalse(marketing.contains(SALES_COMMENT) || marketing.contains(FINANCE_SECRET));
    // bad cursors and limits: 400 problem+json naming the parameter
    Map<String, String> bad =
        Map.of(
            "?limit=0", "limit",
            "?limit=501", "limit",
            "?limit=abc", "limit",
            "?after=-1", "after",
            "?after=99999999999999999999", "after");
    for (Map.Entry<String, String> b : bad.entrySet()) {
      HttpResponse<String> r = get(base + b.getKey(), admin);
      assertEquals(400, r.statusCode(), b.getKey() + " " + r.body());
      assertTrue(
          r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
      assertTrue(r.body().contains("\"" + b.getValue() + "\""), b.getKey() + " " + r.body());
    }
  }

  // ---- response rates under k ----

  @Test
  void responseRatesHideCountsBelowKFromHeadsAsTheReportsDo() throws Exception {
    Fixture f = fixture();
    String admin = token("admin");
    // OWN_DEPARTMENT_ONLY: Finance (3 < k) and Product (6, secondary) are hidden from their heads
    assertEquals(3, rate(f.campaign(), admin, "Finance", "EMPLOYEES").getInt("responses"));
    JsonObject finance = rate(f.campaign(), token("finance-head"), "Finance", "EMPLOYEES");
    assertTrue(finance.isNull("responses") && finance.isNull("rate"), finance.toString());
    assertEquals("min_k", finance.getString("rule"));
    JsonObject product = rate(f.campaign(), token("product-head"), "Product", "EMPLOYEES");
    assertTrue(product.isNull("responses"), product.toString());
    assertEquals("secondary", product.getString("rule"));
    JsonObject sales = rate(f.campaign(), token("sales-head"), "Sales", "EMPLOYEES");
    assertEquals(13, sales.getInt("responses"));
    assertFalse(sales.getBoolean("suppressed"));
    assertEquals(
        7, rate(f.campaign(), token("sales-head"), "Sales", "CUSTOMERS").getInt("responses"));

    // ALL_DEPARTMENTS: a head sees every department, each under k as the reports hide it
    long c = campaign(admin, f.departments(), "rates", "ALL_DEPARTMENTS");
    importRows(
        admin,
        c,
        csv(3, Map.of("Sales", 6, "Marketing", 5, "Finance", 2, "Product", 7), Map.of("", 3)));
    close(admin, c);
    String head = token("sales-head");
    HttpResponse<String> r = get("/api/campaigns/" + c + "/response-rates", head);
    assertEquals(200, r.statusCode(), r.body());
    Map<String, Object> departments =
        parse(get("/api/campaigns/" + c + "/report/departments", head).body());
    Map<String, Object> reportRules = new HashMap<>();
    for (Map<String, Object> d : list(departments.get("departments"))) {
      reportRules.put((String) d.get("department"), d.get("rule"));
    }
    Map<String, Object> rateRules = new HashMap<>();
    for (JsonObject o : rateRows(r.body())) {
      if (o.getString("audience").equals("EMPLOYEES")) {
        rateRules.put(o.getString("department"), o.isNull("rule") ? null : o.getString("rule"));
      }
    }
    assertEquals("min_k", rateRules.get("Finance"), r.body());
    assertEquals("secondary", rateRules.get("Marketing"), r.body());
    assertNull(rateRules.get("Sales"));
    assertNull(rateRules.get("Product"));
    // the same departments are hidden in the report (the pool) as in the rates
    assertEquals(reportRules.get("Finance"), rateRules.get("Finance"), departments.toString());
    assertEquals(reportRules.get("Marketing"), rateRules.get("Marketing"), departments.toString());
    assertEquals(6, rate(c, head, "Sales", "EMPLOYEES").getInt("responses"));
    assertEquals(7, rate(c, head, "Product", "EMPLOYEES").getInt("responses"));
    // no count below k anywhere in the head's view, except 0 (no group): customers without a
    // department (3 < k) are hidden too
    for (JsonObject o : rateRows(r.body())) {
      assertTrue(
          o.isNull("responses") || o.getInt("responses") == 0 || o.getInt("responses") >= 5,
          o.toString());
    }
    assertTrue(rate(c, head, null, "CUSTOMERS").isNull("responses"));
    // the administrator still sees every count
    assertEquals(2, rate(c, admin, "Finance", "EMPLOYEES").getInt("responses"));
    assertEquals(5, rate(c, admin, "Marketing", "EMPLOYEES").getInt("responses"));
  }

  static List<JsonObject> rateRows(String body) {
    return Api.json(body).asJsonArray().stream().map(v -> v.asJsonObject()).toList();
  }

  /** The caller's response-rate row of one department (null: customers without one). */
  static JsonObject rate(long campaign, String token, String department, String audience) {
    HttpResponse<String> r = get("/api/campaigns/" + campaign + "/response-rates", token);
    assertEquals(200, r.statusCode(), r.body());
    return rateRows(r.body()).stream()
        .filter(
            o ->
                o.getString("audience").equals(audience)
                    && (department == null
                        ? o.isNull("department")
                        : !o.isNull("department") && o.getString("department").equals(department)))
        .findFirst()
        .orElseThrow(() -> new AssertionError(department + "/" + audience + " not in " + r.body()));
  }

  // ---- the export and the command line ----

  @Test
  void theReportEqualsTheCommandLineOnTheExport() throws Exception {
    Fixture f = fixture();
    String admin = token("admin");
    HttpResponse<String> csv =
        getAs("/api/campaigns/" + f.campaign() + "/export/responses.csv", admin, "text/csv");
    assertEquals(200, csv.statusCode(), csv.body());
    String[] lines = csv.body().split("\n");
    assertEquals(
        "respondent_id,population,department",
        String.join(",", List.of(lines[0].split(",")).subList(0, 3)));
    Set<String> ids = new HashSet<>();
    Map<String, Integer> labels = new HashMap<>();
    for (int i = 1; i < lines.length; i++) {
      String[] fields = lines[i].split(",", -1);
      assertTrue(fields[0].matches("r[0-9a-f]{16}"), fields[0]);
      ids.add(fields[0]);
      labels.merge(fields[1] + "/" + fields[2], 1, Integer::sum);
    }
    assertEquals(lines.length - 1, ids.size());
    assertNull(labels.get("employee/Finance"));
    assertNull(labels.get("employee/Product"));
    assertEquals(9, labels.get("employee/(pooled)"));
    labels.values().forEach(n -> assertTrue(n >= 5, labels.toString()));

    Path file = Files.createTempFile("report-it", ".csv");
    Files.writeString(file, csv.body(), StandardCharsets.UTF_8);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.execute(
            new String[] {"report", "--input", file.toString(), "--instrument", "builtin"},
            new PrintWriter(out),
            new PrintWriter(err));
    Files.delete(file);
    assertEquals(0, code, err.toString());
    Map<String, Object> cli = parse(out.toString());
    Map<String, Object> all =
        parse(get("/api/campaigns/" + f.campaign() + "/export/report.json", admin).body());
    int n = ReportComparison.compare(map(map(all.get("summary")).get("organisation")), cli, "org");
    n +=
        ReportComparison.compare(
            map(all.get("summary")).get("dimensions"), cli.get("dimensions"), "dims");
    for (Map<String, Object> d : list(map(all.get("departments")).get("departments"))) {
      if (d.containsKey("suppressed")) {
        continue;
      }
      for (Map<String, Object> s : list(d.get("scales"))) {
        List<Map<String, Object>> cliRows =
            s.get("scale").equals("employee")
                ? list(cli.get("departments"))
                : list(
                    list(cli.get("dimensions")).stream()
                        .filter(x -> x.get("dimension").equals(s.get("scale")))
                        .findFirst()
                        .orElseThrow()
                        .get("departments"));
        Map<String, Object> row =
            cliRows.stream()
                .filter(x -> x.get("department").equals(d.get("department")))
                .findFirst()
                .orElseThrow();
        n += ReportComparison.compare(s, row, d.get("department") + "/" + s.get("scale"));
      }
    }
    Map<String, Object> network = map(all.get("network"));
    n += ReportComparison.compare(network, cli.get("network"), "network");
    n +=
        ReportComparison.compare(
            network.get("links"), map(cli.get("network")).get("links"), "links");
    n +=
        ReportComparison.compare(
            map(all.get("gap")).get("items"), cli.get("perception_gaps"), "gap");
    n +=
        ReportComparison.compare(
            map(all.get("maturity")).get("organisation"),
            map(cli.get("maturity")).get("organisation"),
            "maturity");
    n +=
        ReportComparison.compare(
            map(map(all.get("verdict")).get("verdict")), cli.get("verdict"), "verdict");
    assertTrue(n > 1000, "compared " + n + " figures");

    String codebook = get("/api/campaigns/" + f.campaign() + "/export/codebook.json", admin).body();
    assertEquals(lines[0].split(",").length, list(parse(codebook).get("columns")).size());
  }

  // ---- waves ----

  @Test
  void theTrendComparesWithThePreviousWave() throws Exception {
    Fixture f = fixture();
    String admin = token("admin");
    Map<String, Object> t =
        parse(get("/api/campaigns/" + f.wave2() + "/report/trend", admin).body());
    assertEquals((double) f.campaign(), map(t.get("previous")).get("id"));
    double[][] now = scores(admin, f.wave2(), null);
    double[][] before = scores(admin, f.campaign(), null);
    double[][] salesNow = scores(admin, f.wave2(), "Sales");
    double[][] salesBefore = scores(admin, f.campaign(), "Sales");
    boolean org = false;
    boolean sales = false;
    for (Map<String, Object> r : list(t.get("rows"))) {
      if (!"employee".equals(r.get("dimension"))) {
        continue;
      }
      if (r.get("department") == null) {
        assertEquals(new TTest().tTest(now[0], before[0]), (Double) r.get("welch_p"), 1e-9);
        org = true;
      } else if (r.get("department").equals("Sales")) {
        assertEquals(
            new TTest().tTest(salesNow[0], salesBefore[0]), (Double) r.get("welch_p"), 1e-9);
        sales = true;
      } else if (r.get("department").equals("Finance")) {
        assertEquals(true, r.get("suppressed"), "Finance is below k in wave A");
      }
    }
    assertTrue(org && sales, t.toString());
    // wave A has no earlier wave among the closed campaigns opened before it with lower ids?
    // it may (other tests' campaigns of the built-in instrument): only the shape is checked
    Map<String, Object> a =
        parse(get("/api/campaigns/" + f.campaign() + "/report/trend", admin).body());
    assertTrue(a.containsKey("previous") && a.containsKey("rows"));
  }

  /** Employees' scale scores (mean of their answered employee items) from the export. */
  static double[][] scores(String admin, long campaign, String department) {
    String body =
        getAs("/api/campaigns/" + campaign + "/export/responses.csv", admin, "text/csv").body();
    String[] lines = body.split("\n");
    String[] header = lines[0].split(",", -1);
    Set<String> employeeItems = new HashSet<>();
    employeeItems().forEach(i -> employeeItems.add(i.id()));
    List<Double> out = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      String[] f = lines[i].split(",", -1);
      if (!f[1].equals("employee") || (department != null && !f[2].equals(department))) {
        continue;
      }
      double sum = 0;
      int n = 0;
      for (int c = 3; c < f.length; c++) {
        if (employeeItems.contains(header[c]) && !f[c].isEmpty()) {
          sum += Integer.parseInt(f[c]);
          n++;
        }
      }
      if (n > 0) {
        out.add(sum / n);
      }
    }
    return new double[][] {out.stream().mapToDouble(Double::doubleValue).toArray()};
  }
}
