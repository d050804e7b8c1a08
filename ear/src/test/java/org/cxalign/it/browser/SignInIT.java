package org.cxalign.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.cxalign.it.browser.support.Browser;
import org.cxalign.it.support.Api;
import org.cxalign.it.support.CxAlignEar;
import org.cxalign.it.support.KeycloakExtension;
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
 * Signing in through Keycloak's login page in a real browser, the navigation each role sees, and
 * signing out (which ends the Keycloak session too).
 */
@ExtendWith({KeycloakExtension.class, ArquillianExtension.class})
@RunAsClient
class SignInIT {

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

  /** The ids of the navigation links, once the shell has filled the header. */
  private static List<String> navigation(String user) {
    browser.waitForText(By.id("who"), user);
    return browser.driver().findElements(By.cssSelector("#nav a")).stream()
        .map(a -> a.getAttribute("id"))
        .toList();
  }

  @Test
  void anAdminSeesAdministrationAndTheDashboard() {
    browser.signIn("admin");
    assertEquals(Api.BASE + "/app/", browser.url());
    assertEquals(List.of("nav-dashboard", "nav-admin"), navigation("admin"));
    browser.driver().findElement(By.id("nav-admin")).click();
    browser.waitUntil(ExpectedConditions.urlToBe(Api.BASE + "/app/admin/"));
    assertEquals("page", browser.waitFor(By.id("nav-admin")).getAttribute("aria-current"));
  }

  @Test
  void aDepartmentHeadSeesTheDashboardOnly() {
    browser.signIn("sales-head");
    assertEquals(List.of("nav-dashboard"), navigation("sales-head"));
    assertTrue(browser.driver().findElement(By.id("who")).getText().contains("Sales"));
    assertEquals(
        Api.BASE + "/app/dashboard/",
        browser.driver().findElement(By.id("nav-dashboard")).getAttribute("href"));
  }

  @Test
  void anEmployeeSeesTheirSurveys() {
    browser.signIn("marketing-employee");
    assertEquals(List.of("nav-surveys"), navigation("marketing-employee"));
  }

  @Test
  void signingOutEndsTheKeycloakSessionToo() {
    browser.signIn("service-employee");
    navigation("service-employee");
    WebElement out = browser.driver().findElement(By.id("signout"));
    out.click();
    browser.waitUntil(ExpectedConditions.urlToBe(Api.BASE + "/"));
    assertEquals(
        401,
        browser.script("return fetch('/api/me').then(r => r.status)") instanceof Number n
            ? n.intValue()
            : -1);
    // Were Keycloak's session alive, this would come straight back signed in.
    browser.open("/app/");
    browser.waitUntil(ExpectedConditions.urlContains(KeycloakExtension.REALM_URL));
    assertTrue(browser.waitFor(By.id("username")).isDisplayed());
  }
}
