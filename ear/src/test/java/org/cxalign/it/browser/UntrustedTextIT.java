package org.cxalign.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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

/**
 * Text users supply is shown as text: a department named with markup and script appears literally
 * in the administration pages and in the survey form (its collaboration item), nothing runs and no
 * element is injected.
 */
@ExtendWith({KeycloakExtension.class, ArquillianExtension.class})
@RunAsClient
class UntrustedTextIT {

  private static Browser browser;
  private static String name;

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return CxAlignEar.built();
  }

  @BeforeAll
  static void start() {
    browser = Browser.start();
    // No comma or double quote: such names are not rated in collaboration items (CSV columns).
    name =
        "<img src=x onerror=window.__xss=1><script>window.__xss=2</script>"
            + UUID.randomUUID().toString().substring(0, 8);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
  }

  /** Nothing ran: no dialog, no flag set by the payload, no injected element. */
  private static void assertInert() {
    assertFalse(browser.alertOpen(), "an alert opened");
    assertNull(browser.script("return window.__xss === undefined ? null : window.__xss"));
    assertEquals(
        0L,
        ((Number)
                browser.script(
                    "return document.querySelectorAll('main img[src=\"x\"], main script').length"))
            .longValue());
  }

  @Test
  void aDepartmentNamedWithMarkupIsShownAsText() {
    browser.signIn("admin", "/app/admin/departments/");
    browser.waitForText(By.id("status"), "departments");
    browser.waitFor(By.id("add-name")).sendKeys(name);
    browser.driver().findElement(By.id("add-button")).click();
    WebElement cell =
        browser.waitUntil(
            ExpectedConditions.presenceOfElementLocated(
                By.xpath(
                    "//table[@id='departments']//th[contains(., '"
                        + name.substring(name.length() - 8)
                        + "')]")));
    assertEquals(name, cell.getText());
    assertInert();

    // The same name in the campaign wizard's department list.
    browser.open("/app/admin/campaigns/new/");
    browser.waitFor(By.id("wizard"));
    assertTrue(
        browser.driver().findElements(By.cssSelector("#department-list label")).stream()
            .anyMatch(l -> l.getText().equals(name)));
    assertInert();

    // And in an employee's survey form: the collaboration item about that department.
    String admin = Api.token("admin");
    var departments = Surveys.departments(admin);
    long campaign =
        Surveys.openCampaign(
                admin,
                Surveys.campaign(
                    "Untrusted " + UUID.randomUUID().toString().substring(0, 8),
                    Surveys.builtInInstrumentId(admin),
                    List.of(departments.get("Product"), departments.get(name)),
                    List.of("EMPLOYEES"),
                    Surveys.today(),
                    Surveys.today().plusDays(3)))
            .getJsonNumber("id")
            .longValue();
    browser.signIn("product-employee", "/app/survey/" + campaign);
    browser.waitFor(By.id("survey"));
    assertTrue(
        browser.driver().findElements(By.cssSelector("legend .item-text")).stream()
            .anyMatch(l -> l.getText().contains(name)),
        "the department's name appears literally in an item");
    assertInert();
  }
}
