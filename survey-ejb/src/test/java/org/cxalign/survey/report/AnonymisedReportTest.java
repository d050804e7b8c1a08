package org.cxalign.survey.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.math3.stat.inference.TTest;
import org.cxalign.analytics.accumulate.Population;
import org.cxalign.analytics.cli.Main;
import org.cxalign.analytics.json.Json;
import org.cxalign.survey.campaign.Transparency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The viewer-scoped, k-anonymous report against {@code cx-align report} on the export, and the
 * differencing attacks against it.
 */
class AnonymisedReportTest {

  // k = 5: Finance (3) is below k; People (7) is hidden with it (secondary), pooled together (10)
  static final Map<String, Integer> EMPLOYEES =
      ordered("Sales", 20, "Marketing", 12, "Service", 9, "Finance", 3, "People", 7);
  // customers: Service (2) below k, Marketing (6) hidden with it; 10 without a department
  static final Map<String, Integer> CUSTOMERS =
      ordered("Sales", 15, "Marketing", 6, "Service", 2, "", 10);

  static Map<String, Integer> ordered(Object... kv) {
    Map<String, Integer> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], (Integer) kv[i + 1]);
    }
    return m;
  }

  static AnonymisedCampaign build(long seed, Transparency t, List<ResponseRow> rows) {
    CampaignInfo c = TestCampaigns.campaign(seed, 5, t, new ArrayList<>(EMPLOYEES.keySet()));
    return AnonymisedCampaign.of(c, TestCampaigns.source(rows));
  }

  static AnonymisedCampaign standard(Transparency t) {
    return build(1, t, TestCampaigns.rows(11, EMPLOYEES, CUSTOMERS));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> json(String s) {
    return (Map<String, Object>) Json.parse(s);
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> list(Object o) {
    return (List<Map<String, Object>>) o;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  static String exportCsv(AnonymisedCampaign ac, List<ResponseRow> rows) {
    StringBuilder sb = new StringBuilder();
    ResponseCsvExport x = new ResponseCsvExport(ac);
    x.header(sb);
    rows.forEach(r -> x.row(sb, r));
    return sb.toString();
  }

  static Map<String, Object> cli(Path dir, String csv) throws Exception {
    Path file = dir.resolve("responses.csv");
    Files.writeString(file, csv, StandardCharsets.UTF_8);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.execute(
            new String[] {
              "report", "--input", file.toString(), "--instrument", "builtin", "--threads", "1"
            },
            new PrintWriter(out),
            new PrintWriter(err));
    assertEquals(0, code, err.toString());
    return json(out.toString());
  }

  /** Compares every number the API shows with the CLI's number at the same place. */
  static int compare(Object mine, Object cli, String path) {
    if (mine instanceof Map<?, ?> m && cli instanceof Map<?, ?> c) {
      if (Boolean.TRUE.equals(m.get("suppressed"))) {
        return 0;
      }
      int n = 0;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        String key = (String) e.getKey();
        if (c.containsKey(key) && !(e.getValue() == null && m.containsKey(key + "_reason"))) {
          n += compare(e.getValue(), c.get(key), path + "." + key);
        }
      }
      return n;
    }
    if (mine instanceof List<?> ml && cli instanceof List<?> cl) {
      int n = 0;
      for (int i = 0; i < ml.size(); i++) {
        Object x = ml.get(i);
        Object match = null;
        if (x instanceof Map<?, ?> xm) {
          for (Object y : cl) {
            if (y instanceof Map<?, ?> ym && sameKeys(xm, ym)) {
              match = y;
            }
          }
        } else if (i < cl.size()) {
          match = cl.get(i);
        }
        if (match != null) {
          n += compare(x, match, path + "[" + i + "]");
        }
      }
      return n;
    }
    if (mine instanceof Double a && cli instanceof Double b) {
      assertEquals(b, a, 1e-9, path);
      return 1;
    }
    if (mine instanceof String a && cli instanceof String b) {
      assertEquals(b, a, path);
      return 0;
    }
    return 0;
  }

  private static boolean sameKeys(Map<?, ?> a, Map<?, ?> b) {
    for (String k :
        List.of("department", "item", "dimension", "subject", "name", "facet", "from", "to")) {
      if (a.containsKey(k) != b.containsKey(k)
          || (a.containsKey(k) && !String.valueOf(a.get(k)).equals(String.valueOf(b.get(k))))) {
        return false;
      }
    }
    return true;
  }

  @Test
  void everyFigureEqualsTheCommandLineOnTheExport(@TempDir Path dir) throws Exception {
    List<ResponseRow> rows = TestCampaigns.rows(11, EMPLOYEES, CUSTOMERS);
    AnonymisedCampaign ac = build(1, Transparency.ALL_DEPARTMENTS, rows);
    Map<String, Object> cli = cli(dir, exportCsv(ac, rows));
    ReportViews v = new ReportViews(ac, Viewer.administrator());

    Map<String, Object> summary = json(v.summary());
    int n = compare(map(summary.get("organisation")), cli, "organisation");
    n += compare(summary.get("dimensions"), cli.get("dimensions"), "dimensions");
    // departments: scale "employee" = the CLI's top level, the others its dimensions
    Map<String, Object> all = json(v.all(null, "none"));
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
        Map<String, Object> cliRow =
            cliRows.stream()
                .filter(x -> x.get("department").equals(d.get("department")))
                .findFirst()
                .orElseThrow();
        n += compare(s, cliRow, d.get("department") + "/" + s.get("scale"));
      }
    }
    Map<String, Object> network = map(all.get("network"));
    n += compare(network, cli.get("network"), "network");
    n += compare(network.get("links"), map(cli.get("network")).get("links"), "links");
    Map<String, Object> gap = map(all.get("gap"));
    n += compare(gap.get("items"), cli.get("perception_gaps"), "gap");
    Map<String, Object> maturity = map(all.get("maturity"));
    n +=
        compare(
            maturity.get("organisation"), map(cli.get("maturity")).get("organisation"), "maturity");
    n +=
        compare(
            maturity.get("departments"), map(cli.get("maturity")).get("departments"), "maturity");
    Map<String, Object> verdict = map(all.get("verdict"));
    n += compare(verdict.get("verdict"), cli.get("verdict"), "verdict");
    assertEquals(
        map(cli.get("verdict")).get("outcome"), map(verdict.get("verdict")).get("outcome"));
    // thousands of figures compared, not a handful
    assertTrue(n > 1000, "compared " + n);
  }

  /** Every Sales employee skipped one gap item: that cell has no figures, and no error. */
  @Test
  void aGapItemThatNobodyInADepartmentAnsweredIsShownAsBelowK() {
    List<ResponseRow> rows = new ArrayList<>();
    for (ResponseRow r : TestCampaigns.rows(11, EMPLOYEES, CUSTOMERS)) {
      Map<String, Integer> a = new HashMap<>(r.answers());
      if (r.population() == Population.EMPLOYEE && "Sales".equals(r.department())) {
        a.remove("gap.easy.employee");
      }
      rows.add(new ResponseRow(r.population(), r.department(), a, r.comment()));
    }
    AnonymisedCampaign ac = build(1, Transparency.ALL_DEPARTMENTS, rows);
    Map<String, Object> gap = json(new ReportViews(ac, Viewer.administrator()).gap());
    Map<String, Object> easy =
        list(gap.get("items")).stream()
            .filter(i -> i.get("employee_item").equals("gap.easy.employee"))
            .findFirst()
            .orElseThrow();
    Map<String, Object> sales =
        list(easy.get("departments")).stream()
            .filter(d -> "Sales".equals(d.get("department")))
            .findFirst()
            .orElseThrow();
    assertEquals(Boolean.TRUE, sales.get("suppressed"), sales.toString());
    assertEquals("min_k", sales.get("rule"));
    assertFalse(sales.containsKey("mean_difference"));
  }

  @Test
  void theExportPoolsSmallDepartmentsAndUsesRandomIds() {
    List<ResponseRow> rows = TestCampaigns.rows(11, EMPLOYEES, CUSTOMERS);
    AnonymisedCampaign ac = build(1, Transparency.ALL_DEPARTMENTS, rows);
    String csv = exportCsv(ac, rows);
    String[] lines = csv.split("\n");
    assertEquals(rows.size() + 1, lines.length);
    assertTrue(lines[0].startsWith("respondent_id,population,department,cx.l1.1,"));
    assertTrue(lines[0].endsWith(",collab.Sales,collab.Service"));
    Set<String> ids = new HashSet<>();
    Map<String, Integer> perLabel = new HashMap<>();
    for (int i = 1; i < lines.length; i++) {
      String[] f = lines[i].split(",", -1);
      assertTrue(f[0].matches("r[0-9a-f]{16}"), f[0]);
      ids.add(f[0]);
      perLabel.merge(f[1] + "/" + f[2], 1, Integer::sum);
    }
    assertEquals(rows.size(), ids.size());
    // Finance (3) and People (7) only as the pool; Service/Marketing customers likewise
    assertEquals(10, perLabel.get("employee/" + AnonymisedCampaign.POOL));
    assertNull(perLabel.get("employee/Finance"));
    assertNull(perLabel.get("employee/People"));
    assertEquals(8, perLabel.get("customer/" + AnonymisedCampaign.POOL));
    assertNull(perLabel.get("customer/Service"));
    for (Map.Entry<String, Integer> e : perLabel.entrySet()) {
      assertTrue(e.getValue() >= 5, "a group below k in the export: " + e);
    }
    String codebook = new ResponseCsvExport(ac).codebook();
    Map<String, Object> cb = json(codebook);
    assertEquals(List.of("Finance", "People"), cb.get("pooled_departments"));
    assertEquals(lines[0].split(",").length, list(cb.get("columns")).size());
  }

  /** The attack: organisation total minus the visible departments, per scale. */
  @Test
  void differencingTheTotalsYieldsOnlyThePoolOfAtLeastKFromTwoDepartments() {
    AnonymisedCampaign ac = standard(Transparency.ALL_DEPARTMENTS);
    ReportViews v = new ReportViews(ac, Viewer.administrator());
    Map<String, Object> summary = json(v.summary());
    Map<String, Object> departments = json(v.departments());
    double orgN = (Double) map(summary.get("organisation")).get("n");
    double orgSum = orgN * (Double) map(summary.get("organisation")).get("mean");
    double visibleN = 0;
    double visibleSum = 0;
    Set<String> hiddenNamed = new HashSet<>();
    for (Map<String, Object> d : list(departments.get("departments"))) {
      if (d.containsKey("suppressed")) {
        hiddenNamed.add((String) d.get("department"));
        assertFalse(d.containsKey("n"), "a suppressed row carries no figures");
        continue;
      }
      if (Boolean.TRUE.equals(d.get("pooled"))) {
        continue; // the attacker ignores the pool row: the residual must still be ≥ k and mixed
      }
      Map<String, Object> s = list(d.get("scales")).get(0);
      visibleN += (Double) s.get("n_scored");
      visibleSum += (Double) s.get("n_scored") * (Double) s.get("mean");
    }
    double residualN = orgN - visibleN;
    assertEquals(Set.of("Finance", "People"), hiddenNamed);
    assertEquals(10, residualN, 1e-9);
    assertTrue(residualN >= 5);
    // the residual is the pool's mean: a mix of two departments, never Finance alone
    double poolMean = (orgSum - visibleSum) / residualN;
    assertEquals(
        ac.accumulator().scores(Population.EMPLOYEE, AnonymisedCampaign.POOL, 0).moments().mean(),
        poolMean,
        1e-9);
  }

  /** Two views must not disagree about who is hidden (list vs heatmap vs gap vs network, ...). */
  @Test
  void everyViewHidesTheSameDepartments() {
    AnonymisedCampaign ac = standard(Transparency.ALL_DEPARTMENTS);
    ReportViews v = new ReportViews(ac, Viewer.administrator());
    Map<String, Set<String>> shown = new LinkedHashMap<>();
    shown.put("summary", shownDepartments(list(json(v.summary()).get("departments"))));
    shown.put("departments", shownDepartments(list(json(v.departments()).get("departments"))));
    shown.put("heatmap", shownDepartments(list(json(v.heatmap()).get("rows"))));
    shown.put("network", shownDepartments(list(json(v.network()).get("nodes"))));
    shown.put("maturity", shownDepartments(list(json(v.maturity()).get("departments"))));
    shown.put(
        "comments",
        shownDepartments(list(json(v.comments(Map.of(), List.of(), 0, 100, null)).get("groups"))));
    for (Map.Entry<String, Set<String>> e : shown.entrySet()) {
      assertEquals(
          Set.of("Sales", "Marketing", "Service", AnonymisedCampaign.POOL),
          e.getValue(),
          e.getKey());
    }
    // gap per department: Marketing and Service customers are hidden, so only Sales has a gap
    for (Map<String, Object> item : list(json(v.gap()).get("items"))) {
      assertEquals(Set.of("Sales"), shownDepartments(list(item.get("departments"))));
    }
    // network links from Finance or People do not exist as such: their raters are the pool
    for (Map<String, Object> l : list(json(v.network()).get("links"))) {
      assertFalse(Set.of("Finance", "People").contains(l.get("from")));
    }
  }

  static Set<String> shownDepartments(List<Map<String, Object>> rows) {
    Set<String> s = new HashSet<>();
    for (Map<String, Object> r : rows) {
      if (!r.containsKey("suppressed") && r.get("department") != null) {
        s.add((String) r.get("department"));
      }
    }
    return s;
  }

  @Test
  void aHeadSeesOnlyTheOrganisationAndTheirOwnDepartmentUnderOwnDepartmentOnly() {
    AnonymisedCampaign ac = standard(Transparency.OWN_DEPARTMENT_ONLY);
    ReportViews v = new ReportViews(ac, Viewer.headOf("Sales"));
    Map<String, Object> departments = json(v.departments());
    for (Map<String, Object> d : list(departments.get("departments"))) {
      if (d.get("department").equals("Sales")) {
        assertNull(d.get("suppressed"));
      } else {
        assertEquals("transparency", d.get("rule"), d.toString());
      }
    }
    assertNotNull(map(json(v.summary()).get("organisation")).get("mean"));
    assertEquals(Set.of("Sales"), shownDepartments(list(json(v.heatmap()).get("rows"))));
    assertEquals(Set.of("Sales"), shownDepartments(list(json(v.network()).get("nodes"))));
    for (Map<String, Object> l : list(json(v.network()).get("links"))) {
      if (!l.get("from").equals("Sales")) {
        assertEquals(true, l.get("suppressed"));
      }
    }
    // verdict details about other departments are hidden too
    Map<String, Object> verdict = map(json(v.verdict()).get("verdict"));
    for (Map<String, Object> c : list(verdict.get("criteria"))) {
      for (Map<String, Object> d : list(c.get("details"))) {
        if (EMPLOYEES.containsKey(d.get("subject")) && !d.get("subject").equals("Sales")) {
          assertEquals(true, d.get("suppressed"), d.toString());
        }
      }
    }
    // the same head sees everyone visible under ALL_DEPARTMENTS
    ReportViews all =
        new ReportViews(standard(Transparency.ALL_DEPARTMENTS), Viewer.headOf("Sales"));
    assertEquals(
        Set.of("Sales", "Marketing", "Service", AnonymisedCampaign.POOL),
        shownDepartments(list(json(all.departments()).get("departments"))));
  }

  @Test
  void organisationFiguresAreHiddenFromAHeadWhenOnlyOneOtherDepartmentExists() {
    Map<String, Integer> two = ordered("Sales", 8, "Marketing", 9);
    CampaignInfo c =
        TestCampaigns.campaign(
            3, 5, Transparency.OWN_DEPARTMENT_ONLY, List.of("Sales", "Marketing"));
    AnonymisedCampaign ac =
        AnonymisedCampaign.of(c, TestCampaigns.source(TestCampaigns.rows(5, two, Map.of())));
    ReportViews head = new ReportViews(ac, Viewer.headOf("Sales"));
    Map<String, Object> org = map(json(head.summary()).get("organisation"));
    assertEquals("organisation_hidden", org.get("rule"));
    assertNull(org.get("mean"));
    assertNull(map(json(head.verdict())).get("verdict"));
    assertEquals("organisation_hidden", json(head.network()).get("rule"));
    // the administrator sees it
    assertNotNull(
        map(json(new ReportViews(ac, Viewer.administrator()).summary()).get("organisation"))
            .get("mean"));
  }

  @Test
  void anOrganisationBelowKShowsNothingAboutEmployees() {
    Map<String, Integer> few = ordered("Sales", 2, "Marketing", 2);
    CampaignInfo c =
        TestCampaigns.campaign(4, 5, Transparency.ALL_DEPARTMENTS, List.of("Sales", "Marketing"));
    AnonymisedCampaign ac =
        AnonymisedCampaign.of(c, TestCampaigns.source(TestCampaigns.rows(5, few, Map.of())));
    ReportViews v = new ReportViews(ac, Viewer.administrator());
    assertEquals("min_k", map(json(v.summary()).get("organisation")).get("rule"));
    assertEquals(Set.of(), shownDepartments(list(json(v.departments()).get("departments"))));
    assertEquals(Set.of(), shownDepartments(list(json(v.heatmap()).get("rows"))));
    assertEquals(0, list(json(v.network()).get("links")).size());
  }

  /**
   * An item answered by 2 of Marketing's 12: that item and (row rule) every item of its dimension
   * in Marketing are hidden, and (column rule) the item in the next smallest department as well, so
   * that the organisation's item figures minus the visible cells do not give the 2 answers.
   */
  @Test
  void itemCellsBelowKAreHiddenWithTheirDimensionAndAcrossDepartments() {
    List<ResponseRow> rows = new ArrayList<>();
    int marketing = 0;
    for (ResponseRow r : TestCampaigns.rows(11, EMPLOYEES, CUSTOMERS)) {
      if ("Marketing".equals(r.department())
          && r.population() == Population.EMPLOYEE
          && marketing++ >= 2) {
        Map<String, Integer> a = new HashMap<>(r.answers());
        a.remove("disc.design.2");
        r = new ResponseRow(r.population(), r.department(), a, r.comment());
      }
      rows.add(r);
    }
    AnonymisedCampaign ac = build(1, Transparency.ALL_DEPARTMENTS, rows);
    assertEquals(Suppression.Rule.MIN_K, ac.itemCell("Marketing", "disc.design.2"));
    assertEquals(Suppression.Rule.SECONDARY, ac.itemCell("Marketing", "disc.design.1"));
    assertEquals(Suppression.Rule.SECONDARY, ac.itemCell("Marketing", "disc.design.3"));
    assertNull(ac.itemCell("Marketing", "disc.strategy.1"));
    // across departments: the smallest other cell of disc.design.2 (Service, 9) is hidden too
    assertEquals(Suppression.Rule.SECONDARY, ac.itemCell("Service", "disc.design.2"));
    assertNull(ac.itemCell("Sales", "disc.design.2"));
    // ... and the maturity placement of Marketing (built on item means) is not shown
    Map<String, Object> m = json(new ReportViews(ac, Viewer.administrator()).maturity());
    for (Map<String, Object> d : list(m.get("departments"))) {
      if (d.get("department").equals("Marketing")) {
        assertEquals(true, map(d.get("placement")).get("suppressed"));
      }
    }
  }

  /** The trend's Welch test against commons-math's on the raw scale scores of both waves. */
  @Test
  void trendComparesWithThePreviousWave() {
    List<ResponseRow> now = TestCampaigns.rows(11, EMPLOYEES, CUSTOMERS);
    List<ResponseRow> before = TestCampaigns.rows(99, EMPLOYEES, CUSTOMERS);
    AnonymisedCampaign current = build(2, Transparency.ALL_DEPARTMENTS, now);
    AnonymisedCampaign previous = build(1, Transparency.ALL_DEPARTMENTS, before);
    Map<String, Object> t =
        json(new ReportViews(current, Viewer.administrator()).trend(previous, null));
    assertEquals(1.0, map(t.get("previous")).get("id"));
    Map<String, Object> orgRow = null;
    Map<String, Object> salesRow = null;
    for (Map<String, Object> r : list(t.get("rows"))) {
      if (r.get("department") == null && r.get("dimension").equals("employee")) {
        orgRow = r;
      }
      if ("Sales".equals(r.get("department")) && r.get("dimension").equals("disc.culture")) {
        salesRow = r;
      }
      if ("Finance".equals(r.get("department"))) {
        assertEquals(true, r.get("suppressed"));
      }
    }
    double[] a = scores(now, null, "cx.", "data.", "disc.", "idic.", "pyramid.", "gap.");
    double[] b = scores(before, null, "cx.", "data.", "disc.", "idic.", "pyramid.", "gap.");
    assertEquals(new TTest().tTest(a, b), (Double) orgRow.get("welch_p"), 1e-9);
    double[] sa = scores(now, "Sales", "disc.culture.");
    double[] sb = scores(before, "Sales", "disc.culture.");
    assertEquals(new TTest().tTest(sa, sb), (Double) salesRow.get("welch_p"), 1e-9);
    assertEquals(mean(sa) - mean(sb), (Double) salesRow.get("difference"), 1e-9);
    Map<String, Object> none =
        json(new ReportViews(current, Viewer.administrator()).trend(null, "no earlier wave"));
    assertNull(none.get("previous"));
    assertEquals("no earlier wave", none.get("previous_reason"));
  }

  /** Per-respondent mean of the employee items whose id starts with one of the prefixes. */
  static double[] scores(List<ResponseRow> rows, String department, String... prefixes) {
    List<Double> out = new ArrayList<>();
    for (ResponseRow r : rows) {
      if (r.population() != Population.EMPLOYEE
          || (department != null && !department.equals(r.department()))) {
        continue;
      }
      double sum = 0;
      int n = 0;
      for (Map.Entry<String, Integer> e : r.answers().entrySet()) {
        for (String p : prefixes) {
          if (e.getKey().startsWith(p) && !e.getKey().endsWith(".customer")) {
            sum += e.getValue();
            n++;
          }
        }
      }
      if (n > 0) {
        out.add(sum / n);
      }
    }
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }

  static double mean(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v;
    }
    return s / x.length;
  }

  @Test
  void commentsOnlyForGroupsOfAtLeastKAndWithoutOtherAnswers() {
    AnonymisedCampaign ac = standard(Transparency.ALL_DEPARTMENTS);
    Map<String, List<String>> byGroup =
        Map.of("Sales", List.of("b", "a"), AnonymisedCampaign.POOL, List.of("x"));
    Map<String, Object> c =
        json(
            new ReportViews(ac, Viewer.administrator())
                .comments(byGroup, List.of("c1", "c2"), 0, 100, null));
    for (Map<String, Object> g : list(c.get("groups"))) {
      if ("Sales".equals(g.get("department"))) {
        assertEquals(List.of("a", "b"), g.get("comments"));
        assertEquals(
            Set.of("population", "department", "department_id", "n", "comments"), g.keySet());
      }
      if ("Finance".equals(g.get("department"))) {
        assertEquals("min_k", g.get("rule"));
        assertNull(g.get("comments"));
      }
    }
  }

  /**
   * Sales raters rate Marketing only twice: that link is hidden, and (secondary within the rater
   * row, whose collaboration mean is visible) the smallest other link from Sales as well.
   */
  @Test
  void collaborationLinksBelowKAreHiddenWithAPartner() {
    List<ResponseRow> rows = new ArrayList<>();
    int sales = 0;
    for (ResponseRow r : TestCampaigns.rows(11, EMPLOYEES, CUSTOMERS)) {
      if ("Sales".equals(r.department()) && r.population() == Population.EMPLOYEE && sales++ >= 2) {
        Map<String, Integer> a = new HashMap<>(r.answers());
        a.remove("collab.Marketing");
        if (sales > 12) {
          a.remove("collab.Service"); // 12 ratings of Service, the smallest other link
        }
        r = new ResponseRow(r.population(), r.department(), a, r.comment());
      }
      rows.add(r);
    }
    AnonymisedCampaign ac = build(1, Transparency.ALL_DEPARTMENTS, rows);
    assertEquals(Suppression.Rule.MIN_K, ac.linkCell("Sales", "Marketing"));
    assertEquals(Suppression.Rule.SECONDARY, ac.linkCell("Sales", "Service"));
    assertNull(ac.linkCell("Sales", "Finance"));
    Map<String, Object> net = json(new ReportViews(ac, Viewer.administrator()).network());
    for (Map<String, Object> l : list(net.get("links"))) {
      if (l.get("from").equals("Sales") && l.get("to").equals("Marketing")) {
        assertEquals("min_k", l.get("rule"));
        assertNull(l.get("mean"));
      }
    }
  }
}
