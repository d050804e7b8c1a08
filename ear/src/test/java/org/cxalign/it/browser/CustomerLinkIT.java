package org.cxalign.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.json.Json;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * A customer answers by the link in their invitation e-mail, without an account: the administrator
 * sends the invitation from the campaign page, the mail arrives at a real SMTP server (GreenMail,
 * on the server's configured port), the link opens the survey page, the answers (with a comment
 * carrying markup) are sent, the page thanks them; the used link then says so.
 */
@ExtendWith({KeycloakExtension.class, ArquillianExtension.class})
@RunAsClient
class CustomerLinkIT {

  static final int SMTP_PORT = Integer.getInteger("cxalign.it.smtp.port", 2525);
  private static final Pattern LINK = Pattern.compile("(http\\S+/api/survey/([A-Za-z0-9_-]+))");

  private static GreenMail smtp;
  private static Browser browser;

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return CxAlignEar.built();
  }

  @BeforeAll
  static void start() {
    browser = Browser.start();
    smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
  }

  @AfterAll
  static void stop() {
    try {
      if (smtp != null) {
        smtp.stop();
      }
    } finally {
      if (browser != null) {
        browser.close();
      }
    }
  }

  private static String mailedLink(String address) throws Exception {
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (System.nanoTime() < deadline) {
      for (MimeMessage m : smtp.getReceivedMessages()) {
        if (GreenMailUtil.getAddressList(m.getAllRecipients()).contains(address)) {
          String text = GreenMailUtil.getBody(m).replace("=\r\n", "").replace("=\n", "");
          Matcher link = LINK.matcher(text);
          assertTrue(link.find(), "a link in " + text);
          return link.group(1);
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no mail to " + address);
  }

  private static long customerResponses(String admin, long campaign) {
    return Api.json(Api.get("/api/campaigns/" + campaign + "/response-rates", admin).body())
        .asJsonArray()
        .stream()
        .map(JsonValue::asJsonObject)
        .filter(r -> "CUSTOMERS".equals(r.getString("audience")))
        .mapToLong(r -> r.getJsonNumber("responses").longValue())
        .sum();
  }

  @Test
  void aCustomerAnswersThroughTheMailedLink() throws Exception {
    String admin = Api.token("admin");
    Map<String, Long> d = Surveys.departments(admin);
    long campaign =
        Surveys.openCampaign(
                admin,
                Surveys.campaign(
                    "Your view " + UUID.randomUUID().toString().substring(0, 8),
                    Surveys.builtInInstrumentId(admin),
                    List.of(d.get("Sales"), d.get("Customer Service")),
                    List.of("CUSTOMERS"),
                    Surveys.today(),
                    Surveys.today().plusDays(14)))
            .getJsonNumber("id")
            .longValue();

    // The administrator invites from the campaign page.
    String address = "cust-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    browser.signIn("admin", "/app/admin/campaign/" + campaign);
    browser.waitFor(By.id("emails")).sendKeys(address);
    new Select(browser.driver().findElement(By.id("inv-department"))).selectByVisibleText("Sales");
    browser.driver().findElement(By.id("send-invitations")).click();
    assertTrue(
        browser.waitForText(By.id("invite-result"), "e-mailed").getText().startsWith("1 e-mailed"));
    String link = mailedLink(address);

    // The customer: no session, only the link.
    browser.forgetSessions();
    browser.open(link);
    browser.waitFor(By.id("survey"));
    assertEquals(link, browser.url());
    assertTrue(browser.driver().findElements(By.id("signout")).isEmpty(), "no account shown");
    List<WebElement> items = browser.driver().findElements(By.cssSelector("fieldset.item"));
    assertFalse(items.isEmpty());
    for (WebElement item : items) {
      item.findElement(By.xpath(".//label[normalize-space(.)='4']")).click();
    }
    String comment = "<img src=x onerror=\"window.__xss=1\"><script>window.__xss=2</script> quick";
    browser.driver().findElement(By.id("comment")).sendKeys(comment);
    List<Browser.AxeViolation> violations = browser.axe();
    assertTrue(violations.isEmpty(), violations.toString());
    browser.driver().findElement(By.id("send")).click();
    assertEquals("Thank you", browser.waitFor(By.id("thanks")).getText());
    assertFalse(browser.alertOpen());
    assertNull(browser.script("return window.__xss === undefined ? null : window.__xss"));
    assertEquals(1, customerResponses(admin, campaign));

    // The link works once.
    browser.open(link);
    WebElement status = browser.waitForText(By.id("status"), "used");
    assertNotNull(status);
  }

  @Test
  void aCommentWithMarkupIsShownAsTextToTheAdministrator() {
    String admin = Api.token("admin");
    Map<String, Long> d = Surveys.departments(admin);
    String body =
        Json.createObjectBuilder(
                Api.json(
                        Surveys.campaign(
                            "Comments " + UUID.randomUUID().toString().substring(0, 8),
                            Surveys.builtInInstrumentId(admin),
                            List.of(d.get("Sales")),
                            List.of("CUSTOMERS"),
                            Surveys.today(),
                            Surveys.today().plusDays(14)))
                    .asJsonObject())
            .add("anonymityThreshold", 3)
            .build()
            .toString();
    long campaign = Surveys.openCampaign(admin, body).getJsonNumber("id").longValue();
    HttpResponse<String> comments =
        Api.get("/api/campaigns/" + campaign + "/report/comments", admin);
    Assumptions.assumeTrue(
        comments.statusCode() != 404, "no report API deployed (GET .../report/comments 404)");

    HttpResponse<String> invited =
        Api.postJson(
            "/api/campaigns/" + campaign + "/invitations", admin, "{\"anonymousLinks\": 3}");
    assertEquals(201, invited.statusCode(), invited.body());
    String payload = "<img src=x onerror=window.__xss=1><script>window.__xss=2</script>" + campaign;
    List<String> texts = List.of(payload, "Friendly staff", "Quick answers");
    int n = 0;
    for (JsonValue link : Api.object(invited).getJsonArray("links")) {
      String path = java.net.URI.create(((JsonString) link).getString()).getPath();
      String answers =
          Surveys.answers(
              Map.of("gap.seamless.customer", 4, "gap.easy.customer", 3), texts.get(n++));
      HttpResponse<String> r =
          Surveys.send(
              "POST", path, null, answers, "Idempotency-Key", UUID.randomUUID().toString());
      assertEquals(201, r.statusCode(), r.body());
    }

    browser.signIn("admin", "/app/admin/campaign/" + campaign);
    browser.waitFor(By.id("load-comments")).click();
    browser.waitFor(By.id("comments-count"));
    assertTrue(
        browser.driver().findElements(By.cssSelector("#comments li")).stream()
            .anyMatch(li -> li.getText().equals(payload)),
        "the comment appears literally");
    assertFalse(browser.alertOpen());
    assertNull(browser.script("return window.__xss === undefined ? null : window.__xss"));
    assertEquals(
        0L,
        ((Number)
                browser.script(
                    "return document.querySelectorAll('#comments img, #comments script').length"))
            .longValue());
  }
}
