package org.cxalign.it.survey;

import static org.cxalign.it.support.Api.get;
import static org.cxalign.it.support.Api.object;
import static org.cxalign.it.support.Api.postJson;
import static org.cxalign.it.support.Api.token;
import static org.cxalign.it.support.Surveys.answers;
import static org.cxalign.it.support.Surveys.send;
import static org.cxalign.it.support.Surveys.today;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
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
 * A client that gets no answer (timeout, a server killed mid-request, a broken connection) sends
 * the same submission again with the same Idempotency-Key, possibly while the first attempt is
 * still being stored. Found by {@code tools/load/faults.sh kill}: such a retry of a customer link
 * failed with 500 (OptimisticLockException), and one of an employee would be refused as a second
 * answer (409). Here several copies of one submission arrive at once: each is acknowledged (one
 * 201, the others 200) and the response is stored once.
 */
@ExtendWith({KeycloakExtension.class, ArquillianExtension.class})
@RunAsClient
class ConcurrentRetryIT {

  private static final int COPIES = 6;

  private static String admin;
  private static Map<String, Long> departments;
  private static ExecutorService pool;

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return CxAlignEar.built();
  }

  @BeforeAll
  static void setUp() {
    admin = token("admin");
    departments = Surveys.departments(admin);
    pool = Executors.newFixedThreadPool(COPIES);
  }

  @AfterAll
  static void tearDown() {
    pool.shutdownNow();
  }

  private static long campaign(String title) {
    return Surveys.openCampaign(
            admin,
            Surveys.campaign(
                title + " " + UUID.randomUUID().toString().substring(0, 8),
                Surveys.builtInInstrumentId(admin),
                List.of(departments.get("Sales"), departments.get("Marketing")),
                List.of("EMPLOYEES", "CUSTOMERS"),
                today(),
                today().plusDays(7)))
        .getJsonNumber("id")
        .longValue();
  }

  /** Sends COPIES copies at once (released together) and returns their statuses, sorted. */
  private static List<Integer> atOnce(Supplier<HttpResponse<String>> copy) throws Exception {
    CountDownLatch go = new CountDownLatch(1);
    List<Future<HttpResponse<String>>> sent = new ArrayList<>();
    for (int i = 0; i < COPIES; i++) {
      Callable<HttpResponse<String>> c =
          () -> {
            go.await();
            return copy.get();
          };
      sent.add(pool.submit(c));
    }
    go.countDown();
    List<Integer> codes = new ArrayList<>();
    for (Future<HttpResponse<String>> f : sent) {
      HttpResponse<String> r = f.get();
      codes.add(r.statusCode());
      if (r.statusCode() != 200 && r.statusCode() != 201) {
        throw new AssertionError(r.statusCode() + " " + r.body());
      }
    }
    codes.sort(null);
    return codes;
  }

  /** Sorted statuses: the first attempt 201, every copy 200. */
  private static List<Integer> oneCreatedRestRetries() {
    List<Integer> want = new ArrayList<>(java.util.Collections.nCopies(COPIES - 1, 200));
    want.add(201);
    return want;
  }

  private static JsonObject figures(long campaign) {
    HttpResponse<String> r = get("/api/campaigns/" + campaign + "/aggregates", admin);
    assertEquals(200, r.statusCode(), r.body());
    return object(r);
  }

  @Test
  void copiesOfACustomerSubmissionAreAcknowledgedAndStoredOnce() throws Exception {
    long c = campaign("Concurrent customer retries");
    int links = 8;
    HttpResponse<String> r =
        postJson(
            "/api/campaigns/" + c + "/invitations", admin, "{\"anonymousLinks\":" + links + "}");
    assertEquals(201, r.statusCode(), r.body());
    String body = answers(Map.of("gap.seamless.customer", 4, "gap.easy.customer", 5), null);
    for (JsonString link : object(r).getJsonArray("links").getValuesAs(JsonString.class)) {
      String path = java.net.URI.create(link.getString()).getPath();
      String key = UUID.randomUUID().toString();
      assertEquals(
          oneCreatedRestRetries(),
          atOnce(() -> send("POST", path, null, body, "Idempotency-Key", key)),
          path);
    }
    assertEquals(links, figures(c).getJsonNumber("customers").longValue());
  }

  @Test
  void copiesOfAnEmployeeSubmissionAreAcknowledgedAndStoredOnce() throws Exception {
    String employee = token("sales-employee");
    int campaigns = 4;
    for (int k = 0; k < campaigns; k++) {
      long c = campaign("Concurrent employee retries");
      HttpResponse<String> open = get("/api/campaigns/open", employee);
      assertEquals(200, open.statusCode(), open.body());
      JsonObject form =
          ((JsonArray) Api.json(open.body()))
              .stream()
                  .map(JsonValue::asJsonObject)
                  .filter(o -> o.getJsonNumber("id").longValue() == c)
                  .findFirst()
                  .orElseThrow(() -> new AssertionError(c + " not open in " + open.body()));
      Map<String, Object> a = new LinkedHashMap<>();
      for (JsonValue item : form.getJsonArray("items")) {
        a.put(item.asJsonObject().getString("id"), item.asJsonObject().getInt("min"));
      }
      String body = answers(a, null);
      String key = UUID.randomUUID().toString();
      assertEquals(
          oneCreatedRestRetries(),
          atOnce(
              () ->
                  send(
                      "POST",
                      "/api/campaigns/" + c + "/responses",
                      employee,
                      body,
                      "Idempotency-Key",
                      key)));
      // another key is another answer: refused
      assertEquals(
          409,
          send(
                  "POST",
                  "/api/campaigns/" + c + "/responses",
                  employee,
                  body,
                  "Idempotency-Key",
                  UUID.randomUUID().toString())
              .statusCode());
      assertEquals(1, figures(c).getJsonNumber("employees").longValue());
    }
  }
}
