package org.cxalign.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/** Signing in through Keycloak's login page in a real browser. */
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

  @Test
  void anAdminSignsInThroughKeycloaksPage() {
    browser.signIn("admin");
    assertEquals(Api.BASE + "/app/", browser.url());
    assertTrue(browser.waitForText(By.id("who"), "admin").getText().contains("admin"));
  }
}
