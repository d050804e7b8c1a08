package org.cxalign.it.survey;

import static org.cxalign.it.support.Api.get;
import static org.cxalign.it.support.Api.object;
import static org.cxalign.it.support.Api.postJson;
import static org.cxalign.it.support.Api.token;
import static org.cxalign.it.support.Surveys.answers;
import static org.cxalign.it.support.Surveys.send;
import static org.cxalign.it.support.Surveys.today;
import static org.cxalign.it.support.Surveys.violationFields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

/**
 * Customers answer through one-time links: e-mailed through the server's mail session to a real
 * SMTP server (GreenMail, in this JVM, on the port the server is configured for) and read back, or
 * handed out as anonymous links. Used links are refused with 410.
 */
@ExtendWith({KeycloakExtension.class, ArquillianExtension.class})
@RunAsClient
class CustomerSurveyIT {

  /** The server's default SMTP port (configure-server.cli: CXALIGN_SMTP_PORT, default 2525). */
  static final int SMTP_PORT = Integer.getInteger("cxalign.it.smtp.port", 2525);

  private static final Pattern LINK = Pattern.compile("(http\\S+/api/survey/([A-Za-z0-9_-]+))");

  private static GreenMail smtp;
  private static String admin;
  private static Map<String, Long> departments;

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return CxAlignEar.built();
  }

  @BeforeAll
  static void startSmtp() {
    smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    admin = token("admin");
    departments = Surveys.departments(admin);
  }

  @AfterAll
  static void stopSmtp() {
    if (smtp != null) {
      smtp.stop();
    }
  }

  private static long id(JsonObject o) {
    return o.getJsonNumber("id").longValue();
  }

  private static JsonObject customerCampaign(String title) {
    return Surveys.openCampaign(
        admin,
        Surveys.campaign(
            title + " " + UUID.randomUUID().toString().substring(0, 8),
            Surveys.builtInInstrumentId(admin),
            List.of(departments.get("Sales"), departments.get("Customer Service")),
            List.of("EMPLOYEES", "CUSTOMERS"),
            today(),
            today().plusDays(14)));
  }

  private static HttpResponse<String> invite(long campaign, String body) {
    return postJson("/api/campaigns/" + campaign + "/invitations", admin, body);
  }

  private static String path(String link) {
    return URI.create(link).getPath();
  }

  private static HttpResponse<String> submit(String link, String key, String body) {
    return send("POST", path(link), null, body, "Idempotency-Key", key);
  }

  private static String validCustomerAnswers() {
    return answers(Map.of("gap.seamless.customer", 4, "gap.easy.customer", 5), "Smooth handover");
  }

  @Test
  void aCustomerAnswersThroughTheEmailedLinkOnce() throws Exception {
    JsonObject c = customerCampaign("Customers");
    String address = "ann-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    HttpResponse<String> r =
        invite(
            id(c),
            Json.createObjectBuilder()
                .add(
                    "emails",
                    Json.createArrayBuilder()
                        .add(
                            Json.createObjectBuilder()
                                .add("email", address)
                                .add("departmentId", departments.get("Sales"))))
                .build()
                .toString());
    assertEquals(201, r.statusCode(), r.body());
    assertEquals(1, object(r).getInt("emailed"));

    assertTrue(smtp.waitForIncomingEmail(15_000, 1), "an e-mail arrived");
    MimeMessage mail = null;
    for (MimeMessage received : smtp.getReceivedMessages()) {
      if (GreenMailUtil.getAddressList(received.getAllRecipients()).contains(address)) {
        mail = received;
      }
    }
    assertTrue(mail != null, "a mail to " + address);
    String text = GreenMailUtil.getBody(mail);
    Matcher m = LINK.matcher(text.replace("=\r\n", "").replace("=\n", ""));
    assertTrue(m.find(), "a link in " + text);
    String link = m.group(1);

    HttpResponse<String> form = get(path(link), null);
    assertEquals(200, form.statusCode(), form.body());
    List<String> items =
        object(form).getJsonArray("items").stream()
            .map(i -> i.asJsonObject().getString("id"))
            .toList();
    assertEquals(5, items.size(), items.toString());
    assertTrue(items.contains("gap.seamless.customer"));
    assertTrue(object(form).getString("title").startsWith("Customers"));

    String key = UUID.randomUUID().toString();
    HttpResponse<String> first = submit(link, key, validCustomerAnswers());
    assertEquals(201, first.statusCode(), first.body());
    HttpResponse<String> retry = submit(link, key, validCustomerAnswers());
    assertEquals(200, retry.statusCode(), retry.body());
    assertEquals(object(first), object(retry));

    HttpResponse<String> reuse = submit(link, UUID.randomUUID().toString(), validCustomerAnswers());
    assertEquals(410, reuse.statusCode(), reuse.body());
    assertTrue(object(reuse).getString("detail").contains("used already"), reuse.body());
    assertEquals(410, get(path(link), null).statusCode());

    JsonObject sales = customerRate(id(c), "Sales");
    assertEquals(1, sales.getInt("responses"));
    assertEquals(1, sales.getInt("base"));
  }

  private static JsonObject customerRate(long campaign, String dept) {
    HttpResponse<String> r = get("/api/campaigns/" + campaign + "/response-rates", admin);
    assertEquals(200, r.statusCode(), r.body());
    return Api.json(r.body()).asJsonArray().stream()
        .map(JsonValue::asJsonObject)
        .filter(o -> o.getString("audience").equals("CUSTOMERS"))
        .filter(
            o ->
                dept == null
                    ? (!o.containsKey("department") || o.isNull("department"))
                    : dept.equals(o.getString("department", null)))
        .findFirst()
        .orElseThrow(() -> new AssertionError(dept + " in " + r.body()));
  }

  @Test
  void anonymousLinksWorkOnceAndABadSubmissionLeavesTheLinkUsable() {
    JsonObject c = customerCampaign("Anonymous");
    HttpResponse<String> r = invite(id(c), "{\"anonymousLinks\": 2, \"validDays\": 3}");
    assertEquals(201, r.statusCode(), r.body());
    List<String> links =
        object(r).getJsonArray("links").getValuesAs(jakarta.json.JsonString.class).stream()
            .map(jakarta.json.JsonString::getString)
            .toList();
    assertEquals(2, links.size());
    String link = links.get(0);

    HttpResponse<String> bad =
        submit(
            link,
            UUID.randomUUID().toString(),
            answers(Map.of("gap.seamless.customer", 9, "cx.l1.1", 3), null));
    assertEquals(400, bad.statusCode(), bad.body());
    assertEquals(List.of("answers.gap.seamless.customer", "answers.cx.l1.1"), violationFields(bad));
    assertEquals(200, get(path(link), null).statusCode(), "still usable");

    assertEquals(
        201, submit(link, UUID.randomUUID().toString(), validCustomerAnswers()).statusCode());
    assertEquals(
        410, submit(link, UUID.randomUUID().toString(), validCustomerAnswers()).statusCode());

    JsonObject none = customerRate(id(c), null);
    assertEquals(1, none.getInt("responses"));
    assertEquals(2, none.getInt("base"));
  }

  @Test
  void unknownLinksAre404AndInvitationsNeedACustomerCampaignAndAnAdmin() {
    assertEquals(404, get("/api/survey/not-a-real-token", null).statusCode());
    JsonObject employeesOnly =
        Surveys.openCampaign(
            admin,
            Surveys.campaign(
                "Employees only " + UUID.randomUUID(),
                Surveys.builtInInstrumentId(admin),
                List.of(departments.get("Sales")),
                List.of("EMPLOYEES"),
                today(),
                today()));
    HttpResponse<String> r = invite(id(employeesOnly), "{\"anonymousLinks\": 1}");
    assertEquals(409, r.statusCode(), r.body());
    JsonObject c = customerCampaign("Checks");
    HttpResponse<String> badEmail =
        invite(id(c), "{\"emails\": [{\"email\": \"not an address\"}]}");
    assertEquals(400, badEmail.statusCode(), badEmail.body());
    assertEquals(
        403,
        postJson(
                "/api/campaigns/" + id(c) + "/invitations",
                token("sales-head"),
                "{\"anonymousLinks\": 1}")
            .statusCode());
  }

  @Test
  void aClosedCampaignsLinksNoLongerWork() {
    JsonObject c = customerCampaign("Closing");
    HttpResponse<String> r = invite(id(c), "{\"anonymousLinks\": 1}");
    String link = object(r).getJsonArray("links").getString(0);
    assertEquals(200, postJson("/api/campaigns/" + id(c) + "/close", admin, "").statusCode());
    HttpResponse<String> late = submit(link, "k", validCustomerAnswers());
    assertEquals(409, late.statusCode(), late.body());
    assertTrue(object(late).getString("detail").contains("closed"), late.body());
  }

  /** The last mail to {@code address} whose subject starts with {@code subject}, waiting for it. */
  private static String mailTo(String address, String subject) throws Exception {
    for (int i = 0; i < 60; i++) {
      MimeMessage found = null;
      for (MimeMessage received : smtp.getReceivedMessages()) {
        if (GreenMailUtil.getAddressList(received.getAllRecipients()).contains(address)
            && received.getSubject().startsWith(subject)) {
          found = received;
        }
      }
      if (found != null) {
        String text = GreenMailUtil.getBody(found);
        Matcher m = LINK.matcher(text.replace("=\r\n", "").replace("=\n", ""));
        assertTrue(m.find(), "a link in " + text);
        return m.group(1);
      }
      Thread.sleep(250);
    }
    throw new AssertionError("no mail '" + subject + "' to " + address);
  }

  @Test
  void remindersGoWithANewLinkToThoseWhoHaveNotAnsweredAndTheOldLinkIsGone() throws Exception {
    JsonObject c = customerCampaign("Reminded");
    String answered = "ben-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    String silent = "cat-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    HttpResponse<String> r =
        invite(
            id(c),
            Json.createObjectBuilder()
                .add(
                    "emails",
                    Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("email", answered))
                        .add(Json.createObjectBuilder().add("email", silent)))
                .build()
                .toString());
    assertEquals(201, r.statusCode(), r.body());
    String answeredLink = mailTo(answered, "Your view on us");
    String oldLink = mailTo(silent, "Your view on us");
    assertEquals(
        201,
        submit(answeredLink, UUID.randomUUID().toString(), validCustomerAnswers()).statusCode());

    assertEquals(
        403,
        postJson("/api/campaigns/" + id(c) + "/invitations/reminders", token("sales-head"), "")
            .statusCode());
    HttpResponse<String> reminded =
        postJson("/api/campaigns/" + id(c) + "/invitations/reminders", admin, "");
    assertEquals(200, reminded.statusCode(), reminded.body());
    assertEquals(1, object(reminded).getInt("reminded"));

    String newLink = mailTo(silent, "Reminder");
    assertTrue(!newLink.equals(oldLink));
    HttpResponse<String> old = get(path(oldLink), null);
    assertEquals(410, old.statusCode(), old.body());
    assertTrue(object(old).getString("detail").contains("replaced"), old.body());
    assertEquals(200, get(path(newLink), null).statusCode());
    HttpResponse<String> viaReminder =
        submit(newLink, UUID.randomUUID().toString(), validCustomerAnswers());
    assertEquals(201, viaReminder.statusCode(), viaReminder.body());

    HttpResponse<String> none =
        postJson("/api/campaigns/" + id(c) + "/invitations/reminders", admin, "");
    assertEquals(200, none.statusCode(), none.body());
    assertEquals(0, object(none).getInt("reminded"), "nobody left to remind");
  }
}
