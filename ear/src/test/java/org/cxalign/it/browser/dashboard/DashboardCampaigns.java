package org.cxalign.it.browser.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.cxalign.it.support.Api;
import org.cxalign.it.support.Surveys;

/**
 * Closed campaigns for the dashboard tests, filled through the public API: employee answers by the
 * response import (the analytics CSV format), customers by anonymous one-time links, comments by an
 * employee and customers. The answers are drawn from a seeded generator with department effects, so
 * every panel has something to show; nothing is computed here that the tests then expect.
 */
final class DashboardCampaigns {

  private final String admin;
  private final long instrumentId;
  private final List<String> employeeItems = new ArrayList<>();
  private final List<String> customerItems = new ArrayList<>();

  DashboardCampaigns(String admin) {
    this.admin = admin;
    this.instrumentId = Surveys.builtInInstrumentId(admin);
    HttpResponse<String> r = Api.get("/api/instruments/" + instrumentId, admin);
    assertEquals(200, r.statusCode(), r.body());
    for (JsonValue v : Api.object(r).getJsonObject("definition").getJsonArray("items")) {
      JsonObject item = v.asJsonObject();
      if (item.getString("id").equals("collab")) {
        continue; // answered per department as collab.<Department>
      }
      (item.getString("population").equals("customer") ? customerItems : employeeItems)
          .add(item.getString("id"));
    }
  }

  /** A department created through the API; returns its id. */
  long department(String name) {
    HttpResponse<String> r =
        Api.postJson(
            "/api/departments",
            admin,
            Json.createObjectBuilder().add("name", name).add("headcount", 12).build().toString());
    assertEquals(201, r.statusCode(), r.body());
    return Api.object(r).getJsonNumber("id").longValue();
  }

  /** Creates and opens a campaign over the named departments (ids by name), k as given. */
  long open(String title, Map<String, Long> departments, int k) {
    JsonArrayBuilder ids = Json.createArrayBuilder();
    departments.values().forEach(ids::add);
    String body =
        Json.createObjectBuilder()
            .add("title", title)
            .add("instrumentId", instrumentId)
            .add("departmentIds", ids)
            .add("audiences", Json.createArrayBuilder().add("EMPLOYEES").add("CUSTOMERS"))
            .add("opensOn", Surveys.today().toString())
            .add("closesOn", Surveys.today().plusDays(7).toString())
            .add("anonymityThreshold", k)
            .add("wave", "dashboard-it")
            .build()
            .toString();
    return Surveys.openCampaign(admin, body).getJsonNumber("id").longValue();
  }

  /**
   * Imports employees (per department: how many, and a shift of their answers) and customers
   * without a department, in one all-or-nothing batch.
   */
  void importAnswers(long campaign, Map<String, Integer> employees, int customers, long seed)
      throws InterruptedException {
    Random random = new Random(seed);
    List<String> names = new ArrayList<>(employees.keySet());
    Map<String, Double> shift = new LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) {
      shift.put(names.get(i), (i % 4 - 1.5) * 0.35);
    }
    Map<String, Double> itemShift = new LinkedHashMap<>();
    for (String item : employeeItems) {
      itemShift.put(item, random.nextGaussian() * 0.3);
    }
    StringBuilder csv = new StringBuilder("respondent_id,population,department");
    employeeItems.forEach(i -> csv.append(',').append(i));
    customerItems.forEach(i -> csv.append(',').append(i));
    names.forEach(n -> csv.append(",collab.").append(n));
    csv.append("\r\n");
    int row = 0;
    for (String dept : names) {
      for (int e = 0; e < employees.get(dept); e++) {
        csv.append('e').append(++row).append(",employee,").append(dept);
        for (String item : employeeItems) {
          csv.append(',').append(answer(random, 3.4 + shift.get(dept) + itemShift.get(item)));
        }
        customerItems.forEach(i -> csv.append(','));
        for (String other : names) {
          csv.append(',');
          if (!other.equals(dept)) {
            // the last department works poorly with everybody
            double centre = other.equals(names.get(names.size() - 1)) ? 2.2 : 3.7;
            csv.append(answer(random, centre + shift.get(dept) / 2));
          }
        }
        csv.append("\r\n");
      }
    }
    for (int c = 0; c < customers; c++) {
      csv.append('c').append(++row).append(",customer,");
      employeeItems.forEach(i -> csv.append(','));
      for (String item : customerItems) {
        csv.append(',').append(answer(random, 3.0));
      }
      names.forEach(n -> csv.append(','));
      csv.append("\r\n");
    }
    HttpResponse<String> started =
        Api.post(
            "/api/campaigns/" + campaign + "/imports?mode=REJECT_ALL",
            admin,
            "text/csv",
            csv.toString());
    assertEquals(202, started.statusCode(), started.body());
    String status = URI.create(started.headers().firstValue("Location").orElseThrow()).getPath();
    for (int i = 0; i < 240; i++) {
      JsonObject s = Api.object(Api.get(status, admin));
      String batch = s.getString("status");
      if (batch.equals("COMPLETED") || batch.equals("FAILED") || batch.equals("STOPPED")) {
        assertEquals("COMPLETED", batch, s.toString());
        assertEquals(row, s.getInt("importedRows"), s.toString());
        return;
      }
      TimeUnit.MILLISECONDS.sleep(250);
    }
    throw new AssertionError("the import did not finish within a minute");
  }

  private static int answer(Random random, double centre) {
    long v = Math.round(centre + random.nextGaussian() * 0.9);
    return (int) Math.max(1, Math.min(5, v));
  }

  /** One employee answer (as the signed-in employee would send it) with a comment. */
  void employeeComment(long campaign, String employee, String comment) {
    HttpResponse<String> r =
        Surveys.send(
            "POST",
            "/api/campaigns/" + campaign + "/responses",
            Api.token(employee),
            Surveys.answers(Map.of("cx.l1.1", 4, "gap.seamless.employee", 4), comment),
            "Idempotency-Key",
            UUID.randomUUID().toString());
    assertEquals(201, r.statusCode(), r.body());
  }

  /** Customers answering through anonymous one-time links, one comment each. */
  void customerComments(long campaign, List<String> comments) {
    HttpResponse<String> r =
        Api.postJson(
            "/api/campaigns/" + campaign + "/invitations",
            admin,
            "{\"anonymousLinks\": " + comments.size() + ", \"validDays\": 3}");
    assertEquals(201, r.statusCode(), r.body());
    List<String> links =
        Api.object(r).getJsonArray("links").getValuesAs(jakarta.json.JsonString.class).stream()
            .map(jakarta.json.JsonString::getString)
            .toList();
    for (int i = 0; i < comments.size(); i++) {
      HttpResponse<String> answered =
          Surveys.send(
              "POST",
              URI.create(links.get(i)).getPath(),
              null,
              Surveys.answers(
                  Map.of("gap.seamless.customer", 3, "gap.easy.customer", 4), comments.get(i)),
              "Idempotency-Key",
              UUID.randomUUID().toString());
      assertEquals(201, answered.statusCode(), answered.body());
    }
  }

  void close(long campaign) {
    HttpResponse<String> r = Api.postJson("/api/campaigns/" + campaign + "/close", admin, "");
    assertEquals(200, r.statusCode(), r.body());
  }
}
