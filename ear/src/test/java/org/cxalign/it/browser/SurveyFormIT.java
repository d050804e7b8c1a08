package org.cxalign.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.nio.file.Path;
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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Employees answer a survey in a real browser: thank-you after sending, the draft kept across a
 * reload, the server's validation error next to its item (with focus moved there), no serious
 * accessibility violation, usable at phone width; screenshots of the form for the README.
 */
@ExtendWith({KeycloakExtension.class, ArquillianExtension.class})
@RunAsClient
class SurveyFormIT {

  static final Path SCREENSHOTS = Path.of("..", "docs", "screenshots");

  private static Browser browser;
  private static String admin;
  private static long campaign;
  private static String title;

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return CxAlignEar.built();
  }

  @BeforeAll
  static void start() {
    browser = Browser.start();
    admin = Api.token("admin");
    Map<String, Long> d = Surveys.departments(admin);
    title = "Pulse " + UUID.randomUUID().toString().substring(0, 8);
    long instrument = requiredEverywhere(Surveys.builtInInstrumentId(admin));
    JsonObject c =
        Surveys.openCampaign(
            admin,
            Surveys.campaign(
                title,
                instrument,
                List.of(d.get("Finance"), d.get("Operations"), d.get("People & Culture")),
                List.of("EMPLOYEES"),
                Surveys.today(),
                Surveys.today().plusDays(7)));
    campaign = c.getJsonNumber("id").longValue();
  }

  /**
   * A draft copy of an instrument in which every item is required (the built-in one has no required
   * item), so that leaving one out draws the server's "is required".
   */
  private static long requiredEverywhere(long instrument) {
    HttpResponse<String> copy = Api.postJson("/api/instruments/" + instrument + "/copy", admin, "");
    assertEquals(201, copy.statusCode(), copy.body());
    JsonObject draft = Api.object(copy);
    JsonObject definition = draft.getJsonObject("definition");
    JsonArrayBuilder items = Json.createArrayBuilder();
    for (JsonValue item : definition.getJsonArray("items")) {
      items.add(Json.createObjectBuilder(item.asJsonObject()).add("required", true));
    }
    String changed = Json.createObjectBuilder(definition).add("items", items).build().toString();
    long id = draft.getJsonNumber("id").longValue();
    HttpResponse<String> put = Api.putJson("/api/instruments/" + id, admin, changed);
    assertEquals(200, put.statusCode(), put.body());
    return id;
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
  }

  private static String surveyPath() {
    return "/app/survey/" + campaign;
  }

  private static List<WebElement> items() {
    browser.waitFor(By.id("survey"));
    return browser.driver().findElements(By.cssSelector("fieldset.item"));
  }

  /** Picks a value in an item by clicking its label (what a pointer user does). */
  private static void answer(WebElement item, int value) {
    item.findElement(By.xpath(".//label[normalize-space(.)='" + value + "']")).click();
  }

  private static long employeeResponses(String department) {
    return Api.json(Api.get("/api/campaigns/" + campaign + "/response-rates", admin).body())
        .asJsonArray()
        .stream()
        .map(v -> v.asJsonObject())
        .filter(
            r ->
                department.equals(r.getString("department"))
                    && "EMPLOYEES".equals(r.getString("audience")))
        .mapToLong(r -> r.getJsonNumber("responses").longValue())
        .sum();
  }

  @Test
  void anEmployeeFindsTheSurveyAnswersItAndSeesThankYou() {
    browser.signIn("finance-employee", "/app/surveys/");
    browser.waitFor(By.linkText(title)).click();
    List<WebElement> items = items();
    assertTrue(items.size() > 5, "items shown: " + items.size());
    int i = 0;
    for (WebElement item : items) {
      answer(item, 1 + (i++ % 5));
    }
    assertTrue(
        browser
            .driver()
            .findElement(By.id("progress-label"))
            .getText()
            .startsWith(items.size() + " of "));
    browser.driver().findElement(By.id("comment")).sendKeys("Handovers to Finance work well.");
    WebElement send = browser.driver().findElement(By.id("send"));
    send.click();
    assertEquals("Thank you", browser.waitFor(By.id("thanks")).getText());
    assertEquals(1, employeeResponses("Finance"));
  }

  @Test
  void theDraftSurvivesAReloadAndTheServersErrorIsShownNextToItsItem() {
    browser.signIn("operations-employee", surveyPath());
    List<WebElement> items = items();
    int last = items.size() - 1;
    for (int i = 0; i < last; i++) {
      answer(items.get(i), 4);
    }
    browser.driver().findElement(By.id("comment")).sendKeys("Kept across a reload");

    browser.driver().navigate().refresh();
    items = items();
    assertTrue(browser.waitFor(By.id("restored")).getText().contains("restored"));
    for (int i = 0; i < last; i++) {
      assertTrue(
          items.get(i).findElement(By.cssSelector("input[value='4']")).isSelected(),
          "answer " + i + " restored");
    }
    assertFalse(items.get(last).findElements(By.cssSelector("input:checked")).size() > 0);
    assertEquals(
        "Kept across a reload",
        browser.driver().findElement(By.id("comment")).getAttribute("value"));

    // The last item is required and unanswered: the server refuses and names it.
    browser.driver().findElement(By.id("send")).click();
    WebElement lastItem = items.get(last);
    String errId = lastItem.getAttribute("id").replace("item-", "err-");
    WebElement error = browser.waitFor(By.id(errId));
    assertTrue(error.getText().contains("required"), error.getText());
    assertTrue(lastItem.getAttribute("aria-describedby").contains(errId));
    WebElement focused = browser.driver().switchTo().activeElement();
    assertEquals(
        lastItem.getAttribute("id"),
        focused.findElement(By.xpath("ancestor::fieldset")).getAttribute("id"));
    assertTrue(browser.waitFor(By.id("error-summary")).getText().contains("1 answer"));
    assertTrue(browser.axe().isEmpty(), () -> "axe with an error shown: " + browser.axe());
    assertEquals(0, employeeResponses("Operations"), "nothing stored");

    // Keyboard only from here: arrow to a value in the focused group, then send with Enter.
    focused.sendKeys(Keys.ARROW_RIGHT);
    assertTrue(
        lastItem.findElements(By.cssSelector("input:checked")).size() == 1,
        "a value chosen by keyboard");
    assertFalse(
        browser.driver().findElement(By.id(errId)).isDisplayed(), "error cleared on answer");
    browser.driver().findElement(By.id("comment")).sendKeys(Keys.TAB, Keys.ENTER);
    assertEquals("Thank you", browser.waitFor(By.id("thanks")).getText());
    assertEquals(1, employeeResponses("Operations"));

    // Sent: the draft is gone from the browser.
    assertEquals(
        0L,
        ((Number)
                browser.script(
                    "return Object.keys(sessionStorage).filter(k =>"
                        + " k.startsWith('cxalign.draft')).length"))
            .longValue());
  }

  @Test
  void theFormIsAccessibleAndFitsAPhone() {
    browser.signIn("people-employee", surveyPath());
    List<WebElement> items = items();
    for (int i = 0; i < Math.min(4, items.size()); i++) {
      answer(items.get(i), 2 + i % 3);
    }
    List<Browser.AxeViolation> violations = browser.axe();
    assertTrue(violations.isEmpty(), violations.toString());
    browser.script("window.scrollTo(0, 0)");
    browser.screenshot(SCREENSHOTS.resolve("survey-form-desktop.png"));

    browser.resize(Browser.PHONE);
    try {
      browser.waitUntil(
          d -> ((Number) browser.script("return window.innerWidth")).intValue() <= 400);
      long scrollWidth =
          ((Number) browser.script("return document.documentElement.scrollWidth")).longValue();
      long width = ((Number) browser.script("return window.innerWidth")).longValue();
      assertTrue(
          scrollWidth <= width,
          "no sideways scrolling at phone width: " + scrollWidth + " > " + width);
      assertTrue(browser.axe().isEmpty(), () -> "axe at phone width: " + browser.axe());
      browser.screenshot(SCREENSHOTS.resolve("survey-form-phone.png"));
    } finally {
      browser.resize(Browser.DESKTOP);
    }
  }
}
