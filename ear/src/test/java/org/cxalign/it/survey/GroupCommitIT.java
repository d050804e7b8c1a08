package org.cxalign.it.survey;

import static org.cxalign.it.support.Api.get;
import static org.cxalign.it.support.Api.object;
import static org.cxalign.it.support.Api.post;
import static org.cxalign.it.support.Api.postJson;
import static org.cxalign.it.support.Api.token;
import static org.cxalign.it.support.Surveys.answers;
import static org.cxalign.it.support.Surveys.send;
import static org.cxalign.it.support.Surveys.today;
import static org.cxalign.it.support.Surveys.violationFields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.cxalign.it.support.Api;
import org.cxalign.it.support.CxAlignEar;
import org.cxalign.it.support.KeycloakExtension;
import org.cxalign.it.support.Surveys;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Group commit (issue 7): submissions arriving together are stored together, several in one
 * transaction, and each still gets the answer it would get alone. A burst released at once by 24
 * clients: 300 valid customer answers, 30 invalid ones (400, and the link stays usable), 30 links
 * answered twice with different keys (one 201, one 410), every demo employee answering twice with
 * the same key (one 201, one 200). Afterwards every acknowledged response is counted exactly once,
 * a rebuild from the stored rows equals the live aggregate, and the node's counters show batches of
 * more than one submission and no failed batch.
 */
@ExtendWith({KeycloakExtension.class, ArquillianExtension.class})
@RunAsClient
class GroupCommitIT {

  private static final String[] EMPLOYEES = {
    "sales-employee",
    "marketing-employee",
    "service-employee",
    "product-employee",
    "engineering-employee",
    "operations-employee",
    "finance-employee",
    "people-employee"
  };

  @Deployment(name = "app", order = 1, testable = false)
  static EnterpriseArchive ear() {
    return CxAlignEar.built();
  }

  @Deployment(name = "probe", order = 2, testable = false)
  static WebArchive probe() {
    return ShrinkWrap.create(WebArchive.class, "intake-probe.war")
        .addClass(IntakeProbeServlet.class);
  }

  private static Map<String, Long> counters() {
    HttpResponse<String> r = Api.raw(Api.BASE + "/intake-probe/intake");
    assertEquals(200, r.statusCode(), r.body());
    Map<String, Long> c = new HashMap<>();
    for (String part : r.body().trim().split(" ")) {
      String[] kv = part.split("=");
      c.put(kv[0], Long.parseLong(kv[1]));
    }
    return c;
  }

  private record Sent(String what, HttpResponse<String> response) {}

  @Test
  void aBurstIsStoredInSharedTransactionsAndEachSubmissionGetsItsOwnAnswer() throws Exception {
    String admin = token("admin");
    Map<String, Long> departments = Surveys.departments(admin);
    long instrument = Surveys.builtInInstrumentId(admin);
    List<String> scope = Surveys.DEMO_DEPARTMENTS;
    long c =
        Surveys.openCampaign(
                admin,
                Surveys.campaign(
                    "Group commit " + UUID.randomUUID().toString().substring(0, 8),
                    instrument,
                    scope.stream().map(departments::get).toList(),
                    List.of("EMPLOYEES", "CUSTOMERS"),
                    today(),
                    today().plusDays(7)))
            .getJsonNumber("id")
            .longValue();
    HttpResponse<String> invited =
        postJson("/api/campaigns/" + c + "/invitations", admin, "{\"anonymousLinks\":360}");
    assertEquals(201, invited.statusCode(), invited.body());
    List<String> links = new ArrayList<>();
    for (JsonString l : object(invited).getJsonArray("links").getValuesAs(JsonString.class)) {
      links.add(URI.create(l.getString()).getPath());
    }
    // each employee's form, from the open campaigns list
    Map<String, String> employeeBodies = new LinkedHashMap<>();
    Map<String, String> tokens = new LinkedHashMap<>();
    SplittableRandom random = new SplittableRandom(7);
    for (String user : EMPLOYEES) {
      String t = token(user);
      tokens.put(user, t);
      HttpResponse<String> open = get("/api/campaigns/open", t);
      assertEquals(200, open.statusCode(), open.body());
      JsonObject form =
          Api.json(open.body()).asJsonArray().stream()
              .map(JsonValue::asJsonObject)
              .filter(o -> o.getJsonNumber("id").longValue() == c)
              .findFirst()
              .orElseThrow(() -> new AssertionError(c + " not open for " + user));
      Map<String, Object> a = new LinkedHashMap<>();
      for (JsonValue item : form.getJsonArray("items")) {
        a.put(item.asJsonObject().getString("id"), 1 + random.nextInt(5));
      }
      employeeBodies.put(
          user, answers(a, random.nextInt(4) == 0 ? "A comment from " + user : null));
    }

    List<Callable<Sent>> burst = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      String link = links.get(i);
      String body =
          answers(
              Map.of(
                  "gap.seamless.customer", 1 + random.nextInt(5),
                  "gap.easy.customer", 1 + random.nextInt(5)),
              i % 10 == 0 ? "Customer comment " + i : null);
      burst.add(() -> new Sent("valid", customer(link, body, UUID.randomUUID().toString())));
    }
    String invalid = answers(Map.of("gap.seamless.customer", 9, "gap.easy.customer", 3), null);
    for (int i = 300; i < 330; i++) {
      String link = links.get(i);
      burst.add(() -> new Sent("invalid", customer(link, invalid, UUID.randomUUID().toString())));
    }
    String twice = answers(Map.of("gap.seamless.customer", 2, "gap.easy.customer", 4), null);
    for (int i = 330; i < 360; i++) {
      String link = links.get(i);
      for (int copy = 0; copy < 2; copy++) {
        burst.add(
            () -> new Sent("twice " + link, customer(link, twice, UUID.randomUUID().toString())));
      }
    }
    for (String user : EMPLOYEES) {
      String key = UUID.randomUUID().toString();
      for (int copy = 0; copy < 2; copy++) {
        burst.add(
            () ->
                new Sent(
                    "employee " + user,
                    send(
                        "POST",
                        "/api/campaigns/" + c + "/responses",
                        tokens.get(user),
                        employeeBodies.get(user),
                        "Idempotency-Key",
                        key)));
      }
    }
    java.util.Collections.shuffle(burst, new java.util.Random(11));

    Map<String, Long> before = counters();
    List<Sent> results = releaseTogether(burst, 24);
    Map<String, Long> after = counters();

    int created = 0;
    Map<String, List<Integer>> byWhat = new HashMap<>();
    for (Sent s : results) {
      int code = s.response().statusCode();
      created += code == 201 ? 1 : 0;
      if (s.what().equals("valid")) {
        assertEquals(201, code, s.response().body());
      } else if (s.what().equals("invalid")) {
        assertEquals(400, code, s.response().body());
        assertEquals(List.of("answers.gap.seamless.customer"), violationFields(s.response()));
      } else {
        byWhat.computeIfAbsent(s.what(), w -> new ArrayList<>()).add(code);
      }
    }
    assertEquals(30 + EMPLOYEES.length, byWhat.size());
    byWhat.forEach(
        (what, codes) -> {
          codes.sort(null);
          assertEquals(
              what.startsWith("twice") ? List.of(201, 410) : List.of(200, 201), codes, what);
        });
    assertEquals(300 + 30 + EMPLOYEES.length, created);

    // a refused submission used nothing up: the 30 links answer now
    for (int i = 300; i < 330; i++) {
      assertEquals(201, customer(links.get(i), twice, UUID.randomUUID().toString()).statusCode());
    }

    long batches = after.get("batches") - before.get("batches");
    long stored = after.get("stored") - before.get("stored");
    assertTrue(batches >= 1 && stored >= 2, "batches " + before + " -> " + after);
    assertTrue(after.get("largest") >= 2, "no batch held two submissions: " + after);
    assertTrue(stored <= created, "stored in batches " + stored + " of " + created + " created");
    assertEquals(before.get("failed"), after.get("failed"), "a batch failed: " + after);

    JsonObject live = figures(admin, c);
    assertEquals(360, live.getJsonNumber("customers").longValue());
    assertEquals(EMPLOYEES.length, live.getJsonNumber("employees").longValue());
    HttpResponse<String> started =
        post("/api/campaigns/" + c + "/aggregates/rebuild", admin, "application/json", "");
    assertEquals(202, started.statusCode(), started.body());
    String status = URI.create(started.headers().firstValue("Location").orElseThrow()).getPath();
    JsonObject finished = null;
    for (int i = 0; i < 240; i++) {
      finished = object(get(status, admin));
      if (List.of("COMPLETED", "FAILED", "STOPPED").contains(finished.getString("state"))) {
        break;
      }
      TimeUnit.MILLISECONDS.sleep(250);
    }
    assertEquals("COMPLETED", finished.getString("state"), finished.toString());
    assertEquals(360 + EMPLOYEES.length, finished.getJsonNumber("read").longValue());
    assertEquals(0, finished.getJsonNumber("unplacedAnswers").longValue());
    assertEquals(live.getString("digest"), figures(admin, c).getString("digest"));
  }

  /**
   * A link used by someone else while its batch is being written (the probe marks it used in a
   * transaction that holds the row for a second): the batch's write finds one link fewer than it
   * was given and refuses the whole batch, so nothing of it is stored; each of its requests then
   * stores its own submission alone, and the used link is answered 410. On PostgreSQL the batch is
   * one self-committing statement that must roll itself back (V7's cxalign_refuse_batch); on H2 the
   * writer's transaction rolls back.
   */
  @Test
  void aLinkUsedWhileItsBatchIsWrittenRefusesTheWholeBatch() throws Exception {
    String admin = token("admin");
    Map<String, Long> departments = Surveys.departments(admin);
    long c =
        Surveys.openCampaign(
                admin,
                Surveys.campaign(
                    "Link race " + UUID.randomUUID().toString().substring(0, 8),
                    Surveys.builtInInstrumentId(admin),
                    Surveys.DEMO_DEPARTMENTS.stream().map(departments::get).toList(),
                    List.of("CUSTOMERS"),
                    today(),
                    today().plusDays(7)))
            .getJsonNumber("id")
            .longValue();
    HttpResponse<String> invited =
        postJson("/api/campaigns/" + c + "/invitations", admin, "{\"anonymousLinks\":40}");
    assertEquals(201, invited.statusCode(), invited.body());
    List<String> links = new ArrayList<>();
    for (JsonString l : object(invited).getJsonArray("links").getValuesAs(JsonString.class)) {
      links.add(URI.create(l.getString()).getPath());
    }
    String raced = links.get(0);
    String token = raced.substring(raced.lastIndexOf('/') + 1);

    Map<String, Long> before = counters();
    HttpResponse<String> held =
        post("/intake-probe/hold-link?token=" + token + "&millis=1000", null, "text/plain", "");
    assertEquals(200, held.statusCode(), held.body());
    assertEquals("1", held.body(), "the probe did not find the link");
    String body = answers(Map.of("gap.seamless.customer", 4, "gap.easy.customer", 2), null);
    List<Callable<Sent>> burst = new ArrayList<>();
    for (String link : links) {
      burst.add(() -> new Sent(link, customer(link, body, UUID.randomUUID().toString())));
    }
    List<Sent> results = releaseTogether(burst, 8);
    Map<String, Long> after = counters();

    for (Sent s : results) {
      int expected = s.what().equals(raced) ? 410 : 201;
      assertEquals(expected, s.response().statusCode(), s.what() + ": " + s.response().body());
    }
    assertTrue(
        after.get("failed") > before.get("failed"),
        "no batch was refused: " + before + " -> " + after);
    assertTrue(
        after.get("alone") > before.get("alone"),
        "the refused batch's requests were not stored alone: " + before + " -> " + after);
    JsonObject live = figures(admin, c);
    assertEquals(links.size() - 1, live.getJsonNumber("customers").longValue());
  }

  private static HttpResponse<String> customer(String path, String body, String key) {
    return send("POST", path, null, body, "Idempotency-Key", key);
  }

  private static JsonObject figures(String admin, long campaign) {
    HttpResponse<String> r = get("/api/campaigns/" + campaign + "/aggregates", admin);
    assertEquals(200, r.statusCode(), r.body());
    return object(r);
  }

  private static List<Sent> releaseTogether(List<Callable<Sent>> tasks, int clients)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Sent>> futures = new ArrayList<>();
      for (Callable<Sent> t : tasks) {
        futures.add(
            pool.submit(
                () -> {
                  go.await();
                  return t.call();
                }));
      }
      go.countDown();
      List<Sent> sent = new ArrayList<>();
      for (Future<Sent> f : futures) {
        sent.add(f.get(5, TimeUnit.MINUTES));
      }
      return sent;
    } finally {
      pool.shutdownNow();
    }
  }
}
