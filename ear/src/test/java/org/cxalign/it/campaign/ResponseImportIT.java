package org.cxalign.it.campaign;

import static org.cxalign.it.support.Api.get;
import static org.cxalign.it.support.Api.object;
import static org.cxalign.it.support.Api.post;
import static org.cxalign.it.support.Api.token;
import static org.cxalign.it.support.Surveys.today;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Import of an existing survey export (the analytics CSV format) into a campaign by the Jakarta
 * Batch job: bad rows reported by line and column, reject-all or skip-invalid, progress polled.
 */
@ExtendWith({KeycloakExtension.class, ArquillianExtension.class})
@RunAsClient
class ResponseImportIT {

  private static final String CSV =
      String.join(
          "\r\n",
          "respondent_id,population,department,cx.l1.1,gap.seamless.customer,collab.Finance",
          "r1,employee,Sales,4,,5",
          "r2,customer,,,3,",
          "r3,employee,Nowhere,3,,",
          "r4,employee,Finance,9,,",
          "r5,employee,Sales,2,,x",
          "r6,employee,Sales",
          "");

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return CxAlignEar.built();
  }

  private static long campaign(String admin) {
    Map<String, Long> d = Surveys.departments(admin);
    JsonObject c =
        Surveys.openCampaign(
            admin,
            Surveys.campaign(
                "Import " + UUID.randomUUID(),
                Surveys.builtInInstrumentId(admin),
                List.of(d.get("Sales"), d.get("Finance")),
                List.of("EMPLOYEES", "CUSTOMERS"),
                today(),
                today().plusDays(7)));
    return c.getJsonNumber("id").longValue();
  }

  private static JsonObject runImport(String admin, long campaign, String mode)
      throws InterruptedException {
    return runImport(admin, campaign, "mode=" + mode, CSV);
  }

  private static JsonObject runImport(String admin, long campaign, String query, String csv)
      throws InterruptedException {
    HttpResponse<String> started =
        post("/api/campaigns/" + campaign + "/imports?" + query, admin, "text/csv", csv);
    assertEquals(202, started.statusCode(), started.body());
    String status = URI.create(started.headers().firstValue("Location").orElseThrow()).getPath();
    JsonObject s = null;
    for (int i = 0; i < 120; i++) {
      s = object(get(status, admin));
      String batch = s.getString("status");
      if (batch.equals("COMPLETED") || batch.equals("FAILED") || batch.equals("STOPPED")) {
        return s;
      }
      TimeUnit.MILLISECONDS.sleep(500);
    }
    throw new AssertionError("import did not finish: " + s);
  }

  private static List<String> problems(JsonObject s) {
    return s.getJsonArray("problems").stream()
        .map(JsonValue::asJsonObject)
        .map(
            p ->
                p.getJsonNumber("line").longValue()
                    + ":"
                    + (p.containsKey("column") && !p.isNull("column")
                        ? p.getString("column")
                        : "-"))
        .toList();
  }

  private static long responses(String admin, long campaign, String audience, String dept) {
    HttpResponse<String> r = get("/api/campaigns/" + campaign + "/response-rates", admin);
    assertEquals(200, r.statusCode(), r.body());
    return Api.json(r.body()).asJsonArray().stream()
        .map(JsonValue::asJsonObject)
        .filter(o -> o.getString("audience").equals(audience))
        .filter(
            o ->
                dept == null
                    ? !o.containsKey("department") || o.isNull("department")
                    : dept.equals(o.getString("department", null)))
        .findFirst()
        .orElseThrow()
        .getJsonNumber("responses")
        .longValue();
  }

  private static final List<String> EXPECTED_PROBLEMS =
      List.of("4:department", "5:cx.l1.1", "6:collab.Finance", "7:-");

  @Test
  void rejectAllReportsEveryBadRowAndStoresNothing() throws InterruptedException {
    String admin = token("admin");
    long c = campaign(admin);
    JsonObject s = runImport(admin, c, "REJECT_ALL");
    assertEquals("COMPLETED", s.getString("status"), s.toString());
    assertEquals("REJECTED", s.getString("exitStatus"), s.toString());
    assertEquals(EXPECTED_PROBLEMS, problems(s));
    assertEquals(6, s.getInt("checkedRows"));
    assertEquals(0, s.getInt("importedRows"));
    assertEquals(0, responses(admin, c, "EMPLOYEES", "Sales"));
    assertEquals(0, responses(admin, c, "CUSTOMERS", null));
  }

  @Test
  void skipInvalidStoresTheGoodRowsAndReportsTheBadOnes() throws InterruptedException {
    String admin = token("admin");
    long c = campaign(admin);
    JsonObject s = runImport(admin, c, "SKIP_INVALID");
    assertEquals("COMPLETED", s.getString("exitStatus"), s.toString());
    assertEquals(EXPECTED_PROBLEMS, problems(s));
    assertEquals(2, s.getInt("importedRows"), s.toString());
    assertEquals(1, responses(admin, c, "EMPLOYEES", "Sales"));
    assertEquals(1, responses(admin, c, "CUSTOMERS", null));
    assertEquals(0, responses(admin, c, "EMPLOYEES", "Finance"));
  }

  @Test
  void onlyAdminsImportAndTheModeIsChecked() {
    String admin = token("admin");
    long c = campaign(admin);
    assertEquals(
        403,
        post("/api/campaigns/" + c + "/imports", token("sales-head"), "text/csv", CSV)
            .statusCode());
    HttpResponse<String> bad =
        post("/api/campaigns/" + c + "/imports?mode=SOMETIMES", admin, "text/csv", CSV);
    assertEquals(400, bad.statusCode(), bad.body());
    assertTrue(bad.body().contains("mode"), bad.body());
    assertEquals(
        404, post("/api/campaigns/987654321/imports", admin, "text/csv", CSV).statusCode());
    assertEquals(404, get("/api/campaigns/" + c + "/imports/987654321", admin).statusCode());
  }

  private static String map(String from, String to) {
    return "map=" + URLEncoder.encode(from + "=" + to, StandardCharsets.UTF_8);
  }

  @Test
  void aFileWithForeignColumnNamesImportsWithAColumnMapping() throws InterruptedException {
    String admin = token("admin");
    long c = campaign(admin);
    String foreign =
        String.join(
            "\r\n",
            "Team,Q 1 (score),Respondent,Group,Rating of Finance",
            "Sales,4,m1,employee,5",
            "Finance,5,m2,employee,",
            "");
    String query =
        String.join(
            "&",
            "mode=REJECT_ALL",
            map("Team", "department"),
            map("Q 1 (score)", "cx.l1.1"),
            map("Respondent", "respondent_id"),
            map("Group", "population"),
            map("Rating of Finance", "collab.Finance"));
    JsonObject s = runImport(admin, c, query, foreign);
    assertEquals("COMPLETED", s.getString("exitStatus"), s.toString());
    assertEquals(List.of(), problems(s));
    assertEquals(2, s.getInt("importedRows"), s.toString());
    assertEquals(1, responses(admin, c, "EMPLOYEES", "Sales"));
    assertEquals(1, responses(admin, c, "EMPLOYEES", "Finance"));

    HttpResponse<String> unknown =
        post(
            "/api/campaigns/" + c + "/imports?" + map("Team", "department") + "&" + map("Q", "q9"),
            admin,
            "text/csv",
            foreign);
    assertEquals(400, unknown.statusCode(), unknown.body());
    assertEquals(List.of("map[Q]"), Surveys.violationFields(unknown));
    assertTrue(unknown.body().contains("q9"), unknown.body());
  }
}
