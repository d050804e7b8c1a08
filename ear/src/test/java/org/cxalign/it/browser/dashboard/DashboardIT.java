package org.cxalign.it.browser.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.cxalign.it.browser.support.Browser;
import org.cxalign.it.support.Api;
import org.cxalign.it.support.CxAlignEar;
import org.cxalign.it.support.KeycloakExtension;
import org.cxalign.it.support.Surveys;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The alignment dashboard in real headless Chromium, signed in through Keycloak: an admin sees
 * every panel and the verdict; a department head sees their own department in detail and not
 * another's (and the API refuses it); hostile department names and comments stay text; axe-core
 * finds no serious or critical violation; the page runs under the strict CSP without a violation; a
 * dashboard link opened signed out comes back, after Keycloak's login, to exactly that URL; at
 * phone width the page does not scroll sideways and the charts fit and follow the window. The
 * panels and the README's screenshots are those of the seeded demo campaign ("Demo: CX alignment
 * wave 2026", {@code cxalign.demo.seed=true} in arquillian.xml: 228 employees in 8 departments, 160
 * customers); the head's visibility is checked on a campaign of this test under
 * OWN_DEPARTMENT_ONLY.
 */
@ExtendWith({KeycloakExtension.class, ArquillianExtension.class})
@RunAsClient
class DashboardIT {

  /** The seeded demo campaign's title (survey-ejb DemoCampaign.TITLE). */
  private static final String DEMO_TITLE = "Demo: CX alignment wave 2026";

  /** Departments of the head's campaign (of the demo organisation, the realm's users). */
  private static final List<String> OWN_ONLY = List.of("Sales", "Marketing", "Customer Service");

  /** A phone window (CSS pixels). */
  private static final Dimension PHONE = new Dimension(390, 844);

  private static final String XSS_NAME_PREFIX = "<img src=x onerror=window.__xss=1>";
  private static final String XSS_COMMENT = "<script>window.__xss=2</script><b>bold?</b> ";
  private static final String XSS_CUSTOMER = "<img src=y onerror=window.__xss=3> fine";

  private static final Path SCREENSHOTS = Path.of("..", "docs", "screenshots");

  /** Records every CSP violation of the page into window.__csp (installed before page scripts). */
  private static final String CSP_PROBE =
      "window.__csp = [];"
          + "document.addEventListener('securitypolicyviolation',"
          + " e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));";

  private static Browser browser;
  private static String admin;
  private static Map<String, Long> departments;
  private static long demoCampaign;
  private static long ownOnlyCampaign;
  private static long xssCampaign;
  private static String xssName;

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return CxAlignEar.built();
  }

  @BeforeAll
  static void setUp() throws Exception {
    admin = Api.token("admin");
    DashboardCampaigns campaigns = new DashboardCampaigns(admin);
    departments = Surveys.departments(admin);
    String suffix = UUID.randomUUID().toString().substring(0, 6);

    demoCampaign = demoCampaignId();

    Map<String, Long> own = new LinkedHashMap<>();
    Map<String, Integer> employees = new LinkedHashMap<>();
    for (String d : OWN_ONLY) {
      own.put(d, departments.get(d));
      employees.put(d, 12);
    }
    ownOnlyCampaign = campaigns.open("Own department only " + suffix, own, 5);
    campaigns.importAnswers(ownOnlyCampaign, employees, 20, 20261123L);
    campaigns.close(ownOnlyCampaign);

    xssName = XSS_NAME_PREFIX + " " + suffix;
    long hostile = campaigns.department(xssName);
    Map<String, Long> scope = new LinkedHashMap<>();
    scope.put("Sales", departments.get("Sales"));
    scope.put(xssName, hostile);
    xssCampaign = campaigns.open("Hostile text " + suffix, scope, 3);
    campaigns.importAnswers(xssCampaign, Map.of("Sales", 6, xssName, 6), 6, 7L);
    campaigns.employeeComment(xssCampaign, "sales-employee", XSS_COMMENT + suffix);
    campaigns.customerComments(
        xssCampaign, List.of(XSS_CUSTOMER, "Quick answers", "Helpful people"));
    campaigns.close(xssCampaign);

    browser = Browser.start();
    ((ChromeDriver) browser.driver())
        .executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", CSP_PROBE));
  }

  @AfterAll
  static void tearDown() {
    if (browser != null) {
      browser.close();
    }
  }

  /** The id of the seeded demo campaign (fails when the server did not seed it). */
  private static long demoCampaignId() {
    HttpResponse<String> r = Api.get("/api/campaigns", admin);
    assertEquals(200, r.statusCode(), r.body());
    return Api.json(r.body()).asJsonArray().stream()
        .map(JsonValue::asJsonObject)
        .filter(c -> c.getString("title").equals(DEMO_TITLE))
        .mapToLong(c -> c.getJsonNumber("id").longValue())
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("no campaign \"" + DEMO_TITLE + "\" (cxalign.demo.seed)"));
  }

  private static String dashboard(long campaign) {
    return "/app/dashboard/?campaign=" + campaign;
  }

  /**
   * Whether the browser is on the dashboard of the campaign. Once loaded, the page adds the shown
   * department to its address ({@code &department=N}, history.replaceState), so a wait may first
   * see the address after that.
   */
  private static boolean showsCampaign(String url, long campaign) {
    String page = Api.BASE + dashboard(campaign);
    return url.equals(page) || url.startsWith(page + "&");
  }

  /** Waits for the page to finish loading (data-ready set) and fails with the status otherwise. */
  private static void awaitReady() {
    browser.waitUntil(
        d -> !String.valueOf(browser.script("return document.body.dataset.ready || ''")).isEmpty());
    assertEquals(
        "true",
        browser.script("return document.body.dataset.ready"),
        "dashboard status: " + browser.driver().findElement(By.id("status")).getText());
  }

  private static void awaitDepartment(String state) {
    browser.waitUntil(
        d ->
            state.equals(
                browser.script("return document.getElementById('department').dataset.state")));
  }

  private static String text(String id) {
    return browser.driver().findElement(By.id(id)).getText();
  }

  @SuppressWarnings("unchecked")
  private static List<String> cspViolations() {
    return (List<String>) browser.script("return window.__csp || ['probe missing']");
  }

  @Test
  void anAdminSeesEveryPanelAndTheVerdict() {
    // without an id the page lists the campaigns; the link opens the dashboard
    browser.signIn("admin").open("/app/dashboard/");
    awaitReady();
    browser.waitFor(By.cssSelector("#campaigns a[href$='?campaign=" + demoCampaign + "']")).click();
    browser.waitUntil(d -> showsCampaign(d.getCurrentUrl(), demoCampaign));
    awaitReady();

    assertTrue(
        Set.of("SUPPORTED", "NOT SUPPORTED", "INCONCLUSIVE").contains(text("verdict-badge")),
        text("verdict-badge"));
    assertEquals(
        4L,
        browser.script("return document.querySelectorAll('#criteria tbody > tr').length"),
        "one row per criterion");
    for (String panel :
        List.of("heatmap-chart", "network-chart", "gap-chart", "department-chart")) {
      assertEquals(
          Boolean.TRUE,
          browser.script(
              "const e = document.getElementById(arguments[0]);"
                  + " return !!e.querySelector('canvas') && e.getAttribute('role') === 'img'"
                  + " && !!e.getAttribute('aria-label')"
                  + " && !!document.getElementById(e.getAttribute('aria-describedby'));",
              panel),
          panel + ": a drawn chart with a label and a data table describing it");
    }
    assertTrue(
        ((Number)
                    browser.script(
                        "return document.querySelectorAll('#maturity-models .model').length"))
                .intValue()
            >= 5,
        "a card per maturity model");
    // every chart on the page has its text alternative
    assertEquals(
        browser.script("return document.querySelectorAll('[role=img][aria-label]').length"),
        browser.script("return document.querySelectorAll('[role=img][aria-describedby]').length"));

    // People & Culture answered below k: its heatmap row says so instead of showing numbers
    String heatmapTable =
        String.valueOf(
            browser.script("return document.querySelector('#heatmap details table').textContent"));
    assertTrue(
        heatmapTable.matches("(?s).*People & Culture\\s*fewer than 5 responses.*"), heatmapTable);
    assertTrue(heatmapTable.contains("Customer Service"), heatmapTable);

    // the perception gap: both means and the gap, each with its 95% interval, drawn and in the
    // table
    assertEquals(
        Boolean.TRUE,
        browser.script(
            "const e = document.getElementById('gap-diff-chart');"
                + " return !!e.querySelector('canvas') && !!e.getAttribute('aria-label')"
                + " && e.getAttribute('aria-describedby')"
                + "    === document.getElementById('gap-chart').getAttribute('aria-describedby');"),
        "the gap chart has the same data table as the means chart");
    @SuppressWarnings("unchecked")
    List<List<String>> gapRows =
        (List<List<String>>)
            browser.script(
                "return Array.from(document.querySelectorAll('#gap details tbody tr'))"
                    + ".map(r => Array.from(r.cells).map(c => c.textContent));");
    assertEquals(5, gapRows.size(), "five matched items: " + gapRows);
    String ci = "-?\\d\\.\\d\\d \\[-?\\d\\.\\d\\d, -?\\d\\.\\d\\d\\]";
    for (List<String> row : gapRows) {
      assertTrue(row.get(1).matches(ci + " \\(n = \\d+\\)"), "employees: " + row);
      assertTrue(row.get(2).matches(ci + " \\(n = \\d+\\)"), "customers: " + row);
      assertTrue(row.get(3).matches(ci), "gap: " + row);
    }
    // error bars: one per item and group in the means chart, one per item in the gap chart
    assertEquals(
        List.of(5L, 5L, 5L),
        browser.script(
            "const m = echarts.getInstanceByDom(document.getElementById('gap-chart')).getOption();"
                + " const d = echarts.getInstanceByDom(document.getElementById('gap-diff-chart'))"
                + "   .getOption();"
                + " const bars = (o, i) => o.series.filter(s => s.type === 'custom')[i].data.length;"
                + " return [bars(m, 0), bars(m, 1), bars(d, 0)];"));

    // the department detail of the first department with figures
    awaitDepartment("shown");
    assertTrue(
        text("department-status").matches("[^:]+: \\d+ respondents\\."), text("department-status"));
    assertTrue(
        text("department-figures").matches("(?s).*r_wg\\(J\\)\\s+\\d\\.\\d\\d.*"),
        text("department-figures"));

    assertEquals(List.of(), cspViolations(), "CSP violations on the dashboard");
    browser.fullPageScreenshot(SCREENSHOTS.resolve("dashboard-admin.png"));
    assertTrue(Files.exists(SCREENSHOTS.resolve("dashboard-admin.png")));
  }

  @Test
  void aDepartmentHeadSeesTheirDepartmentButNotAnothers() {
    // the screenshot: the demo campaign (every department visible) as the head of Sales
    browser.signIn("sales-head", dashboard(demoCampaign));
    awaitReady();
    awaitDepartment("shown");
    assertTrue(
        text("department-status").matches("Sales: \\d+ respondents\\."), text("department-status"));
    browser.fullPageScreenshot(SCREENSHOTS.resolve("dashboard-head.png"));

    // under OWN_DEPARTMENT_ONLY another department's detail is not visible
    browser.open(dashboard(ownOnlyCampaign));
    awaitReady();
    awaitDepartment("shown");
    assertTrue(
        text("department-status").matches("Sales: \\d+ respondents\\."), text("department-status"));
    assertTrue(
        text("department-figures").matches("(?s).*r_wg\\(J\\)\\s+\\d\\.\\d\\d.*"),
        text("department-figures"));

    long marketing = departments.get("Marketing");
    new Select(browser.driver().findElement(By.id("department-select")))
        .selectByValue(String.valueOf(marketing));
    awaitDepartment("forbidden");
    assertTrue(text("department-status").contains("not visible"), text("department-status"));
    assertFalse(browser.driver().findElement(By.id("department-body")).isDisplayed());

    String head = Api.token("sales-head");
    String base = "/api/campaigns/" + ownOnlyCampaign + "/report/departments/";
    assertEquals(200, Api.get(base + departments.get("Sales"), head).statusCode());
    assertEquals(403, Api.get(base + marketing, head).statusCode());
    assertEquals(List.of(), cspViolations(), "CSP violations on the dashboard");
  }

  @Test
  void hostileDepartmentNamesAndCommentsStayText() {
    browser.signIn("admin").open(dashboard(xssCampaign));
    awaitReady();
    browser.waitUntil(d -> text("comment-list").contains("Helpful people"));

    assertNull(browser.script("return window.__xss"), "no injected script ran");
    assertEquals(
        0L,
        browser.script("return document.querySelectorAll('img, #main script, #main b').length"),
        "no element made from the payloads");
    String comments = text("comment-list");
    assertTrue(comments.contains(XSS_COMMENT.trim()), comments);
    assertTrue(comments.contains(XSS_CUSTOMER), comments);
    String options = text("department-select");
    assertTrue(options.contains(xssName), options);
    String tables =
        String.valueOf(
            browser.script(
                "return Array.from(document.querySelectorAll('details table'))"
                    + ".map(t => t.textContent).join(' ')"));
    assertTrue(tables.contains(xssName), "the name as text in the data tables");

    // ECharts renders tooltips as HTML: show every heatmap cell's tooltip and look for the name
    String tooltips =
        String.valueOf(
            browser.script(
                "const c = echarts.getInstanceByDom(document.getElementById('heatmap-chart'));"
                    + " const out = [];"
                    + " for (let i = 0; i < c.getOption().series[0].data.length; i++) {"
                    + "   c.dispatchAction({type: 'showTip', seriesIndex: 0, dataIndex: i});"
                    + "   const t = document.querySelector('#heatmap-chart .chart-tooltip');"
                    + "   out.push(t ? t.textContent : '');"
                    + " }"
                    + " return out.join(' | ');"));
    assertTrue(tooltips.contains(xssName), tooltips);
    assertNull(browser.script("return window.__xss"), "no script ran from a tooltip");
    assertEquals(0L, browser.script("return document.querySelectorAll('img').length"));
    assertEquals(List.of(), cspViolations(), "CSP violations on the dashboard");
  }

  @Test
  void aLinkOpenedSignedOutComesBackWithItsQuery() {
    browser.forgetSessions();
    browser.open(dashboard(demoCampaign));
    browser.waitUntil(ExpectedConditions.urlContains(KeycloakExtension.REALM_URL));
    browser.waitFor(By.id("username")).sendKeys("admin");
    browser.driver().findElement(By.id("password")).sendKeys("admin");
    browser.driver().findElement(By.id("kc-login")).click();
    browser.waitUntil(d -> !d.getCurrentUrl().contains(KeycloakExtension.REALM_URL));
    browser.waitUntil(d -> showsCampaign(d.getCurrentUrl(), demoCampaign));
    awaitReady();
    assertEquals("Alignment dashboard: " + DEMO_TITLE, text("title"));
    // the saved query was used up: the bare page still lists the campaigns
    browser.open("/app/dashboard/");
    awaitReady();
    assertEquals(Api.BASE + "/app/dashboard/", browser.url());
    assertTrue(browser.waitFor(By.id("picker")).isDisplayed());
  }

  @Test
  void atPhoneWidthThePageFitsAndTheChartsFollowTheWindow() {
    browser.resize(PHONE);
    try {
      browser.signIn("admin", dashboard(demoCampaign));
      awaitReady();
      awaitDepartment("shown");
      assertFits();
      browser.script("document.getElementById('gap').scrollIntoView()");
      browser.screenshot(SCREENSHOTS.resolve("dashboard-phone.png"));
      browser.script("window.scrollTo(0, 0)");
      browser.fullPageScreenshot(Path.of("target", "dashboard-phone-full.png"));

      // wider window: the charts grow with it; back to the phone: they shrink again
      long phoneCanvas = canvasWidth("gap-chart");
      browser.resize(Browser.DESKTOP);
      browser.waitUntil(d -> canvasWidth("gap-chart") > phoneCanvas + 300);
      browser.resize(PHONE);
      browser.waitUntil(d -> canvasWidth("gap-chart") <= phoneCanvas + 2);
      assertFits();
    } finally {
      browser.resize(Browser.DESKTOP);
    }
  }

  private static long canvasWidth(String chart) {
    return ((Number)
            browser.script(
                "return document.querySelector('#' + arguments[0] + ' canvas')"
                    + ".getBoundingClientRect().width;",
                chart))
        .longValue();
  }

  /**
   * No horizontal page scroll, and every chart's canvas inside the window (the small interval
   * charts in the verdict's table may scroll with the table inside its own box).
   */
  private static void assertFits() {
    @SuppressWarnings("unchecked")
    Map<String, Object> m =
        (Map<String, Object>)
            browser.script(
                "const w = document.documentElement.clientWidth;"
                    + " const wide = Array.from(document.querySelectorAll('canvas'))"
                    + "   .filter(c => !c.closest('.scroll'))" // tables scroll in their own box
                    + "   .filter(c => c.getBoundingClientRect().right > w + 0.5)"
                    + "   .map(c => c.closest('[id]').id);"
                    + " return {viewport: w, page: document.documentElement.scrollWidth,"
                    + "   canvases: document.querySelectorAll('canvas').length, wide: wide};");
    assertTrue(((Number) m.get("viewport")).longValue() <= PHONE.getWidth(), m.toString());
    assertEquals(m.get("viewport"), m.get("page"), "no horizontal scroll: " + m);
    assertTrue(((Number) m.get("canvases")).longValue() >= 8, m.toString());
    assertEquals(List.of(), m.get("wide"), "charts wider than the window: " + m);
  }

  @Test
  void axeFindsNoSeriousViolationOnTheDashboard() {
    browser.signIn("admin").open(dashboard(demoCampaign));
    awaitReady();
    awaitDepartment("shown");
    List<Browser.AxeViolation> violations = browser.axe();
    assertEquals(List.of(), violations, violations.toString());
  }
}
