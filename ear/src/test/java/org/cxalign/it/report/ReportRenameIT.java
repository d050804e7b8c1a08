package org.cxalign.it.report;

import static org.cxalign.it.support.Api.get;
import static org.cxalign.it.support.Api.object;
import static org.cxalign.it.support.Api.postJson;
import static org.cxalign.it.support.Api.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.cxalign.analytics.cli.Main;
import org.cxalign.analytics.instrument.Item;
import org.cxalign.analytics.instrument.Model;
import org.cxalign.analytics.instrument.Population;
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
 * A department renamed while its campaign is open: collaboration ratings name the department as it
 * was called when they were stored ({@code collab.<name>}). The report (live aggregate, departments
 * by id) and {@code cx-align report} on the CSV export must still agree, every rating counted once
 * under the department's current name.
 */
@ExtendWith({KeycloakExtension.class, ArquillianExtension.class})
@RunAsClient
class ReportRenameIT {

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return CxAlignEar.built();
  }

  private static String unique(String prefix) {
    return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
  }

  private static long department(String admin, String name) {
    HttpResponse<String> r =
        postJson("/api/departments", admin, "{\"name\":\"" + name + "\",\"headcount\":30}");
    assertEquals(201, r.statusCode(), r.body());
    return object(r).getJsonNumber("id").longValue();
  }

  /**
   * Employees of each department (every employee item, a rating of each other department under the
   * names given) and customers; {@code names} in the campaign's order.
   */
  static String csv(long seed, String tag, List<String> names, int perDepartment, int customers) {
    Random rnd = new Random(seed);
    List<String> items =
        ReportApiIT.BUILT_IN.items().stream()
            .filter(i -> i.model() != Model.COLLABORATION)
            .map(Item::id)
            .toList();
    StringBuilder sb = new StringBuilder("respondent_id,population,department");
    items.forEach(i -> sb.append(',').append(i));
    names.forEach(d -> sb.append(",collab.").append(d));
    sb.append('\n');
    int row = 0;
    for (int d = 0; d < names.size(); d++) {
      for (int i = 0; i < perDepartment; i++) {
        sb.append(tag).append("e").append(row++).append(",employee,").append(names.get(d));
        for (String item : items) {
          sb.append(',');
          if (ReportApiIT.BUILT_IN
              .item(item)
              .orElseThrow()
              .population()
              .includes(Population.EMPLOYEE)) {
            sb.append(ReportApiIT.value(rnd, 1 + d));
          }
        }
        for (int t = 0; t < names.size(); t++) {
          sb.append(',');
          if (t != d) {
            sb.append(ReportApiIT.value(rnd, 1 + (d + 2 * t) % 3));
          }
        }
        sb.append('\n');
      }
    }
    for (int i = 0; i < customers; i++) {
      sb.append(tag).append("c").append(row++).append(",customer,");
      for (String item : items) {
        sb.append(',');
        if (ReportApiIT.BUILT_IN.item(item).orElseThrow().population() == Population.CUSTOMER) {
          sb.append(ReportApiIT.value(rnd, 2));
        }
      }
      names.forEach(d -> sb.append(','));
      sb.append('\n');
    }
    return sb.toString();
  }

  @Test
  void afterAMidCampaignRenameTheReportEqualsTheCommandLineOnTheExport() throws Exception {
    String admin = token("admin");
    String north = unique("North");
    String south = unique("South");
    String west = unique("West");
    Map<String, Long> ids = new LinkedHashMap<>();
    ids.put(north, department(admin, north));
    ids.put(south, department(admin, south));
    ids.put(west, department(admin, west));
    long campaign = ReportApiIT.campaign(admin, ids, "rename", "ALL_DEPARTMENTS");

    // before the rename: 6 employees per department rate the other two by their names then
    ReportApiIT.importRows(admin, campaign, csv(11, "a", List.of(north, south, west), 6, 5));
    Map<String, Object> before = links(admin, campaign);

    String renamed = unique("South Renamed");
    HttpResponse<String> put =
        Api.putJson(
            "/api/departments/" + ids.get(south),
            admin,
            "{\"name\":\"" + renamed + "\",\"headcount\":30}");
    assertEquals(200, put.statusCode(), put.body());

    // after: 5 more per department, rating the renamed department under its new name
    ReportApiIT.importRows(admin, campaign, csv(12, "b", List.of(north, renamed, west), 5, 5));

    Map<String, Object> after = links(admin, campaign);
    // every rating of the renamed department counted once under its new name: 6 + 5 per rater
    // department, nothing left under the old name
    assertEquals(6.0, ((Number) before.get(north + ">" + south)).doubleValue(), before.toString());
    assertEquals(11.0, ((Number) after.get(north + ">" + renamed)).doubleValue(), after.toString());
    assertEquals(11.0, ((Number) after.get(west + ">" + renamed)).doubleValue(), after.toString());
    assertEquals(11.0, ((Number) after.get(renamed + ">" + north)).doubleValue(), after.toString());
    assertTrue(
        after.keySet().stream().noneMatch(k -> k.contains(south + ">") || k.endsWith(">" + south)),
        after.toString());

    // the export: every rating under the current name, and cx-align report on it equals the report
    HttpResponse<String> csv =
        ReportApiIT.getAs(
            "/api/campaigns/" + campaign + "/export/responses.csv", admin, "text/csv");
    assertEquals(200, csv.statusCode(), csv.body());
    String[] lines = csv.body().split("\n");
    List<String> header = List.of(lines[0].split(",", -1));
    assertTrue(header.contains("collab." + renamed), header.toString());
    assertTrue(!header.contains("collab." + south), header.toString());
    int column = header.indexOf("collab." + renamed);
    int ratings = 0;
    for (int i = 1; i < lines.length; i++) {
      if (!lines[i].split(",", -1)[column].isEmpty()) {
        ratings++;
      }
    }
    assertEquals(22, ratings, "ratings of " + renamed + " in the export");

    Path file = Files.createTempFile("report-rename-it", ".csv");
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
    Map<String, Object> cli = ReportApiIT.parse(out.toString());
    Map<String, Object> all =
        ReportApiIT.parse(get("/api/campaigns/" + campaign + "/export/report.json", admin).body());
    Map<String, Object> network = ReportApiIT.map(all.get("network"));
    int n = ReportComparison.compare(network, cli.get("network"), "network");
    n +=
        ReportComparison.compare(
            network.get("links"), ReportApiIT.map(cli.get("network")).get("links"), "links");
    n +=
        ReportComparison.compare(
            ReportApiIT.map(ReportApiIT.map(all.get("verdict")).get("verdict")),
            cli.get("verdict"),
            "verdict");
    for (Map<String, Object> d :
        ReportApiIT.list(ReportApiIT.map(all.get("departments")).get("departments"))) {
      for (Map<String, Object> s : ReportApiIT.list(d.get("scales"))) {
        if (!s.get("scale").equals("employee")) {
          continue;
        }
        Map<String, Object> row =
            ReportApiIT.list(cli.get("departments")).stream()
                .filter(x -> x.get("department").equals(d.get("department")))
                .findFirst()
                .orElseThrow(() -> new AssertionError(d.get("department") + " not in the CLI"));
        n += ReportComparison.compare(s, row, d.get("department") + "/employee");
      }
    }
    assertTrue(n > 50, "compared " + n + " figures");
  }

  /** The network's links as "from>to" → n (suppressed links left out). */
  private static Map<String, Object> links(String admin, long campaign) {
    HttpResponse<String> r = get("/api/campaigns/" + campaign + "/report/network", admin);
    assertEquals(200, r.statusCode(), r.body());
    Map<String, Object> m = new LinkedHashMap<>();
    for (Map<String, Object> l : ReportApiIT.list(ReportApiIT.parse(r.body()).get("links"))) {
      if (!Boolean.TRUE.equals(l.get("suppressed"))) {
        m.put(l.get("from") + ">" + l.get("to"), l.get("n"));
      }
    }
    return m;
  }
}
