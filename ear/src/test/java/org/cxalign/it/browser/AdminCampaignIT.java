package org.cxalign.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * An administrator creates a campaign in the wizard (the server's validation error shown at its
 * field first), opens it, and watches the live response rate change when an employee answers;
 * departments, instruments and the response import; axe-core on every administration page.
 */
@ExtendWith({KeycloakExtension.class, ArquillianExtension.class})
@RunAsClient
class AdminCampaignIT {

  private static Browser browser;

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return CxAlignEar.built();
  }

  @BeforeAll
  static void start() {
    browser = Browser.start();
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
  }

  private static WebElement field(String id) {
    return browser.driver().findElement(By.id(id));
  }

  private static String responsesOf(String department) {
    return browser
        .driver()
        .findElement(
            By.cssSelector(
                "#rates tr[data-department='"
                    + department
                    + "'][data-audience='EMPLOYEES'] .responses"))
        .getText();
  }

  @Test
  void anAdminLaunchesACampaignAndWatchesTheResponseRate() {
    String admin = Api.token("admin");
    long instrument = Surveys.builtInInstrumentId(admin);
    long engineering = Surveys.departments(admin).get("Engineering");
    String title = "Wizard " + UUID.randomUUID().toString().substring(0, 8);

    browser.signIn("admin", "/app/admin/campaigns/new/");
    browser.waitFor(By.id("wizard"));
    field("title").sendKeys(title);
    new Select(field("instrumentId")).selectByValue(String.valueOf(instrument));
    field("wave").sendKeys("browser-test");
    field("dep-" + engineering).click();
    field("tr-all").click();
    WebElement k = field("anonymityThreshold");
    k.clear();
    k.sendKeys("2");
    field("create").click();

    // k = 2 is refused by the server; the reason appears at the field, which gets the focus.
    WebElement kError = browser.waitFor(By.id("err-anonymityThreshold"));
    assertTrue(kError.getText().contains("at least 3"), kError.getText());
    assertEquals(
        "anonymityThreshold", browser.driver().switchTo().activeElement().getAttribute("id"));

    k.clear();
    k.sendKeys("3");
    field("create").click();
    browser.waitUntil(ExpectedConditions.urlMatches(".*/app/admin/campaign/[0-9]+$"));
    long id = Long.parseLong(browser.url().replaceAll(".*/", ""));
    assertEquals(title, browser.waitFor(By.id("title")).getText());
    assertTrue(browser.waitFor(By.id("facts")).getText().contains("draft"));

    browser.waitFor(By.id("open")).click();
    browser.waitForText(By.id("facts"), "open");
    browser.waitUntil(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("#rates tr[data-department='Engineering']")));
    assertEquals("0", responsesOf("Engineering"));

    // An employee of Engineering answers (through the API); the page polls and shows it.
    String employee = Api.token("engineering-employee");
    HttpResponse<String> open = Api.get("/api/campaigns/open", employee);
    JsonObject form =
        Api.json(open.body()).asJsonArray().stream()
            .map(JsonValue::asJsonObject)
            .filter(c -> c.getJsonNumber("id").longValue() == id)
            .findFirst()
            .orElseThrow();
    var answers = Json.createObjectBuilder();
    for (JsonValue item : form.getJsonArray("items")) {
      answers.add(item.asJsonObject().getString("id"), 3);
    }
    HttpResponse<String> sent =
        Surveys.send(
            "POST",
            "/api/campaigns/" + id + "/responses",
            employee,
            Json.createObjectBuilder().add("answers", answers).build().toString(),
            "Idempotency-Key",
            UUID.randomUUID().toString());
    assertEquals(201, sent.statusCode(), sent.body());
    browser.waitUntil(d -> "1".equals(responsesOf("Engineering")), Duration.ofSeconds(20));

    // Closing takes a confirmation.
    field("close").click();
    assertEquals("Confirm: close now", field("close").getText());
    field("close").click();
    browser.waitForText(By.id("facts"), "closed");
    assertEquals("CLOSED", Api.object(Api.get("/api/campaigns/" + id, admin)).getString("status"));
    List<Browser.AxeViolation> violations = browser.axe();
    assertTrue(violations.isEmpty(), violations.toString());
  }

  @Test
  void departmentsAreImportedRenamedAndDeleted() {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    browser.signIn("admin", "/app/admin/departments/");
    browser.waitForText(By.id("status"), "departments");
    browser.waitFor(By.id("import-text")).sendKeys("name,headcount\nImported " + tag + ",12\n");
    field("import-button").click();
    assertTrue(
        browser.waitForText(By.id("import-result"), "Imported").getText().contains("1 created"));
    By row =
        By.xpath("//table[@id='departments']//tr[th[normalize-space(.)='Imported " + tag + "']]");
    WebElement imported = browser.waitFor(row);
    assertEquals("12", imported.findElements(By.tagName("td")).get(0).getText());

    imported.findElement(By.xpath(".//button[normalize-space(.)='Edit']")).click();
    WebElement name = browser.driver().switchTo().activeElement();
    name.clear();
    name.sendKeys("Renamed " + tag);
    browser.driver().findElement(By.xpath("//button[normalize-space(.)='Save']")).click();
    By renamed =
        By.xpath("//table[@id='departments']//tr[th[normalize-space(.)='Renamed " + tag + "']]");
    WebElement after = browser.waitFor(renamed);

    WebElement delete = after.findElement(By.xpath(".//button[normalize-space(.)='Delete']"));
    delete.click();
    assertEquals("Confirm delete", delete.getText());
    delete.click();
    browser.waitUntil(ExpectedConditions.invisibilityOfElementLocated(renamed));
    assertTrue(
        Surveys.departments(Api.token("admin")).keySet().stream().noneMatch(n -> n.endsWith(tag)));
  }

  @Test
  void anInstrumentIsViewedCopiedAndItsDraftSaved() {
    browser.signIn("admin", "/app/admin/instruments/");
    browser.waitFor(By.cssSelector("#instruments tbody tr"));
    long builtIn = Surveys.builtInInstrumentId(Api.token("admin"));
    browser
        .driver()
        .findElement(By.cssSelector("#instruments a[href='?id=" + builtIn + "']"))
        .click();
    browser.waitFor(By.id("detail"));
    assertTrue(
        browser.driver().findElements(By.cssSelector("#dimensions tbody tr")).size() > 10,
        "the items are listed");
    assertTrue(
        browser.driver().findElements(By.id("definition")).stream()
            .noneMatch(WebElement::isDisplayed),
        "a published instrument is not editable");
    field("copy").click();
    browser.waitUntil(d -> !browser.url().endsWith("?id=" + builtIn));
    WebElement definition = browser.waitFor(By.id("definition"));
    assertTrue(definition.getAttribute("value").contains("\"items\""));
    field("save").click();
    assertTrue(browser.waitForText(By.id("edit-errors"), "Saved").getText().contains("Saved"));
  }

  /**
   * axe-core (WCAG 2.x A/AA) on every administration page, each in the state an administrator works
   * in: the overview, departments, the instrument list and an instrument, the wizard (also showing
   * the server's violations), and an open campaign with its invitations, import and rates.
   */
  @Test
  void axeFindsNoSeriousViolationOnTheAdministrationPages() {
    String admin = Api.token("admin");
    Map<String, Long> d = Surveys.departments(admin);
    long instrument = Surveys.builtInInstrumentId(admin);
    long id =
        Surveys.openCampaign(
                admin,
                Surveys.campaign(
                    "Axe " + UUID.randomUUID().toString().substring(0, 8),
                    instrument,
                    List.of(d.get("Sales"), d.get("Product")),
                    List.of("EMPLOYEES", "CUSTOMERS"),
                    Surveys.today(),
                    Surveys.today().plusDays(7)))
            .getJsonNumber("id")
            .longValue();
    Map<String, By> pages = new LinkedHashMap<>();
    pages.put("/app/admin/", By.cssSelector("#campaigns tbody tr"));
    pages.put("/app/admin/departments/", By.cssSelector("#departments tbody tr"));
    pages.put("/app/admin/instruments/", By.cssSelector("#instruments tbody tr"));
    pages.put("/app/admin/instruments/?id=" + instrument, By.cssSelector("#dimensions tbody tr"));
    pages.put("/app/admin/campaigns/new/", By.cssSelector("#department-list input"));
    pages.put("/app/admin/campaign/" + id, By.cssSelector("#rates tr[data-department='Sales']"));
    Map<String, List<Browser.AxeViolation>> found = new LinkedHashMap<>();
    browser.signIn("admin", "/app/admin/");
    for (Map.Entry<String, By> page : pages.entrySet()) {
      browser.open(page.getKey());
      browser.waitFor(By.id("signout"));
      browser.waitFor(page.getValue());
      if (page.getKey().endsWith("/new/")) {
        field("create").click(); // nothing filled in: the server's violations at their fields
        browser.waitFor(By.id("error-summary"));
      }
      if (page.getKey().startsWith("/app/admin/campaign/")) {
        assertTrue(field("invitations").isDisplayed(), "an open campaign's invitation form");
      }
      List<Browser.AxeViolation> v = browser.axe();
      if (!v.isEmpty()) {
        found.put(page.getKey(), v);
      }
    }
    assertEquals(Map.of(), found, found.toString());
  }

  @Test
  void responsesAreImportedWithAProgressBar() {
    String admin = Api.token("admin");
    Map<String, Long> d = Surveys.departments(admin);
    long id =
        Surveys.openCampaign(
                admin,
                Surveys.campaign(
                    "Import " + UUID.randomUUID().toString().substring(0, 8),
                    Surveys.builtInInstrumentId(admin),
                    List.of(d.get("Sales"), d.get("Finance")),
                    List.of("EMPLOYEES"),
                    Surveys.today(),
                    Surveys.today().plusDays(7)))
            .getJsonNumber("id")
            .longValue();
    browser.signIn("admin", "/app/admin/campaign/" + id);
    browser
        .waitFor(By.id("import-text"))
        .sendKeys(
            "respondent_id,population,department,cx.l1.1,collab.Finance\n"
                + "r1,employee,Sales,4,5\n"
                + "r2,employee,Sales,3,4\n"
                + "r3,employee,Finance,2,\n");
    field("import-button").click();
    WebElement result =
        browser.waitUntil(
            ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#import-result p")),
            Duration.ofSeconds(60));
    assertEquals("Imported 3 rows.", result.getText());
    assertEquals("1", field("import-progress").getAttribute("value"));
    assertTrue(
        field("import-label").getText().contains("imported 3"), field("import-label").getText());
    browser.waitUntil(d2 -> "2".equals(responsesOf("Sales")));
  }
}
