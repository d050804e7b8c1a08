package org.cxalign.it.hostile;

import static org.cxalign.it.support.Api.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.cxalign.it.support.Api;
import org.cxalign.it.support.Surveys;

/**
 * The hostile-input run against a server at a base URL with its Keycloak: set-up, snapshot of the
 * database (through the probe WAR at {@code /hostile-db-probe}), the generated requests sent
 * concurrently, the import jobs awaited, the second snapshot. Used by {@link HostileInputIT}, and
 * runnable alone against a private stack: {@code main BASE KEYCLOAK_BASE}.
 */
final class HostileRun {

  /** What a run saw. */
  record Result(
      int requests,
      double seconds,
      int imports,
      List<String> failures,
      Map<String, Integer> perKind,
      Map<String, Map<Integer, Integer>> statuses,
      Map<String, String> before,
      Map<String, String> after,
      Map<String, Integer> linkStatuses) {}

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  /** What must never reach a client: stack frames, class and package names, server files. */
  static final Pattern LEAK =
      Pattern.compile(
          "\\bat [a-z][\\w$]*(\\.[\\w$]+)+\\(|Exception\\b|Caused by|"
              + "\\b(org\\.(cxalign|jboss|hibernate|h2|postgresql|eclipse|wildfly|keycloak|"
              + "glassfish|apache)|java\\.(lang|util|io|sql|net)|jakarta\\.(ws|ejb|persistence|"
              + "json|validation|servlet))\\.|RESTEASY\\d{6}|UT\\d{6}|WFLY[A-Z]{2,}\\d{4,}|"
              + "HHH\\d{6}|ELY\\d{5}|JBERET\\d{6}|SQLState|SQL state|syntax error at|"
              + "<web-app|root:x:0:0|Manifest-Version|microprofile-config");

  private final String base;
  private final String keycloak;
  private final String realm;

  HostileRun(String base, String keycloak) {
    this.base = base;
    this.keycloak = keycloak;
    this.realm = keycloak + "/realms/cx-align";
  }

  public static void main(String[] args) throws Exception {
    HostileRun run =
        new HostileRun(
            args.length > 0 ? args[0] : "http://127.0.0.1:8080",
            args.length > 1 ? args[1] : "http://127.0.0.1:8180");
    Result r =
        run.run(
            Long.getLong("cxalign.hostile.seed", HostileInputIT.SEED),
            Integer.getInteger("cxalign.hostile.concurrency", HostileInputIT.CONCURRENCY));
    r.failures().stream().limit(200).forEach(System.out::println);
    System.out.printf(
        "%d requests in %.1f s, %d imports, %d failures%nper class: %s%nstatuses: %s%n",
        r.requests(), r.seconds(), r.imports(), r.failures().size(), r.perKind(), r.statuses());
    System.out.println(
        "database unchanged: " + r.before().equals(r.after()) + "; links: " + r.linkStatuses());
    if (!r.before().equals(r.after())) {
      r.before()
          .forEach(
              (t, v) -> {
                if (!v.equals(r.after().get(t))) {
                  System.out.println("  " + t + ": " + v + " -> " + r.after().get(t));
                }
              });
    }
    System.exit(r.failures().isEmpty() && r.before().equals(r.after()) ? 0 : 1);
  }

  Result run(long seed, int concurrency) throws Exception {
    // ---- set-up (legitimately stored, before the first snapshot)
    String admin = token("admin");
    Map<String, Long> departments = departments(admin);
    long sales = departments.get("Sales");
    long builtin = builtInInstrumentId(admin);
    HttpResponse<String> copy = postJson("/api/instruments/" + builtin + "/copy", admin, "");
    assertEquals(201, copy.statusCode(), copy.body());
    long draft = object(copy).getJsonNumber("id").longValue();
    JsonObject campaign =
        openCampaign(
            admin,
            Surveys.campaign(
                "Hostile " + Long.toHexString(new Random().nextLong()),
                builtin,
                List.of(sales, departments.get("Customer Service")),
                List.of("EMPLOYEES", "CUSTOMERS"),
                Surveys.today(),
                Surveys.today().plusDays(14)));
    long campaignId = campaign.getJsonNumber("id").longValue();
    HttpResponse<String> inv =
        postJson("/api/campaigns/" + campaignId + "/invitations", admin, "{\"anonymousLinks\":4}");
    assertEquals(201, inv.statusCode(), inv.body());
    List<String> links =
        object(inv).getJsonArray("links").getValuesAs(JsonString.class).stream()
            .map(s -> URI.create(s.getString()).getPath())
            .map(p -> p.substring(p.lastIndexOf('/') + 1))
            .toList();
    List<HostileRequests.Item> customerItems = items(get("/api/survey/" + links.get(0), null));

    Map<String, String> expired = expiredTokens();
    String employee = token("sales-employee");
    String head = token("sales-head");
    admin = token("admin");
    List<HostileRequests.Item> employeeItems = employeeItems(employee, campaignId);

    HostileRequests.Target target =
        new HostileRequests.Target(
            admin,
            employee,
            head,
            campaignId,
            builtin,
            draft,
            List.of(sales, departments.get("Customer Service")),
            "Sales",
            employeeItems,
            customerItems,
            links,
            forgedTokens(admin, employee),
            expired,
            wrongAudienceTokens());
    List<Attack> attacks = new ArrayList<>(HostileRequests.generate(target, seed));
    Collections.shuffle(attacks, new Random(seed));

    // the campaign's aggregate state row is created by its first read: read it now, so that the
    // snapshots compare it too (its version and counts must not move during the barrage)
    HttpResponse<String> agg = get("/api/campaigns/" + campaignId + "/aggregates", admin);
    assertEquals(200, agg.statusCode(), agg.body());

    Map<String, String> before = stableSnapshot();

    // ---- the barrage
    long start = System.nanoTime();
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Long> imports = new ConcurrentLinkedQueue<>();
    Map<String, Map<Integer, Integer>> statuses = new TreeMap<>();
    Semaphore inFlight = new Semaphore(concurrency);
    List<CompletableFuture<Void>> all = new ArrayList<>();
    for (Attack a : attacks) {
      inFlight.acquire();
      CompletableFuture<Void> f =
          HTTP.sendAsync(request(a), HttpResponse.BodyHandlers.ofString())
              .handle(
                  (r, error) -> {
                    try {
                      String kind = a.kind().replaceFirst(":.*", "");
                      synchronized (statuses) {
                        statuses
                            .computeIfAbsent(kind, k -> new TreeMap<>())
                            .merge(r == null ? -1 : r.statusCode(), 1, Integer::sum);
                      }
                      if (r == null) {
                        if (!closedForTooLarge(a, error)) {
                          failures.add(a + "\n    -> no answer: " + error);
                        }
                        return null;
                      }
                      String problem = check(a, r);
                      if (problem != null) {
                        failures.add(
                            a
                                + "\n    -> "
                                + r.statusCode()
                                + " "
                                + r.headers().firstValue("Content-Type").orElse("")
                                + " "
                                + Attack.abbreviate(r.body(), 400)
                                + "\n    -> "
                                + problem);
                      }
                      if (r.statusCode() == 202 && a.path().contains("/imports")) {
                        imports.add(
                            Api.json(r.body())
                                .asJsonObject()
                                .getJsonNumber("executionId")
                                .longValue());
                      }
                      return null;
                    } finally {
                      inFlight.release();
                    }
                  });
      all.add(f);
    }
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
    double seconds = (System.nanoTime() - start) / 1e9;

    // ---- imports run as batch jobs: each must end without storing a row
    System.out.printf(
        "hostile: %d requests in %.1f s, %d failures so far; waiting for %d imports%n",
        attacks.size(), seconds, failures.size(), imports.size());
    failures.stream().limit(40).forEach(System.out::println);
    String adminNow = token("admin");
    long importDeadline = System.nanoTime() + 15L * 60 * 1_000_000_000L;
    for (long execution : imports) {
      JsonObject status = waitForImport(adminNow, campaignId, execution, importDeadline);
      if (status.getJsonNumber("importedRows").longValue() != 0) {
        failures.add("import " + execution + " stored rows: " + status);
      }
    }

    Map<String, String> after = stableSnapshot();

    Map<String, Integer> perKind =
        attacks.stream()
            .collect(
                Collectors.groupingBy(
                    a -> a.kind().replaceFirst(":.*", ""),
                    TreeMap::new,
                    Collectors.summingInt(a -> 1)));
    System.out.printf(
        "HostileInputIT: %d requests in %.1f s (%.0f/s, %d in flight), %d imports started,"
            + " %d failures%n  per class: %s%n  statuses: %s%n",
        attacks.size(),
        seconds,
        attacks.size() / seconds,
        concurrency,
        imports.size(),
        failures.size(),
        perKind,
        statuses);

    Map<String, Integer> linkStatuses = new LinkedHashMap<>();
    for (String link : links) {
      linkStatuses.put(link.substring(0, 6) + "...", get("/api/survey/" + link, null).statusCode());
    }
    return new Result(
        attacks.size(),
        seconds,
        imports.size(),
        new ArrayList<>(failures),
        perKind,
        statuses,
        before,
        after,
        linkStatuses);
  }

  // ------------------------------------------------------------------ sending and checking

  private HttpRequest request(Attack a) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + a.path()))
            .timeout(Duration.ofSeconds(120))
            .method(
                a.method(),
                a.body() == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(a.body()));
    if (a.authorization() != null) {
      b.header("Authorization", a.authorization());
    }
    if (a.contentType() != null) {
      b.header("Content-Type", a.contentType());
    }
    boolean accept = false;
    for (int i = 0; i < a.headers().size(); i += 2) {
      b.header(a.headers().get(i), a.headers().get(i + 1));
      accept |= a.headers().get(i).equalsIgnoreCase("Accept");
    }
    if (!accept) {
      b.header("Accept", "*/*");
    }
    return b.build();
  }

  /**
   * A server may stop reading a body far over its limit and close the connection after its 413; the
   * client then sees the closed connection instead of the answer.
   */
  private static boolean closedForTooLarge(Attack a, Throwable error) {
    return a.kind().equals("huge-body")
        && a.body() != null
        && a.body().length > 10 * 1024 * 1024
        && String.valueOf(error).contains("IOException");
  }

  /** An overlong UTF-8 escape in the URL, or more than Undertow's 1000 query parameters. */
  static boolean refusedByHttpLayer(String path) {
    return path.toLowerCase(java.util.Locale.ROOT).contains("%c0%ae")
        || path.chars().filter(c -> c == '&').count() >= 1000;
  }

  /** Null when the answer is acceptable, else what is wrong with it. */
  static String check(Attack a, HttpResponse<String> r) {
    int s = r.statusCode();
    String body = r.body() == null ? "" : r.body();
    String path = a.path();
    // where the server routes it: /api/survey/../../x is /x
    boolean api =
        URI.create(
                URLDecoder.decode(path.replaceAll("[?#].*", ""), StandardCharsets.UTF_8)
                    .replaceAll("[^A-Za-z0-9/._~-]", "_"))
            .normalize()
            .getRawPath()
            .startsWith("/api/");
    if (s >= 500) {
      return "server error";
    }
    if (s == 400 && refusedByHttpLayer(path) && !LEAK.matcher(body).find()) {
      return null; // Undertow refuses these before any application code, with its plain 400
    }
    boolean publicDocument =
        s < 300 && (path.startsWith("/openapi") || path.startsWith("/api-docs") || !api);
    if (!publicDocument) {
      Matcher m = LEAK.matcher(body);
      if (m.find()) {
        return "leaks internals: \"" + m.group() + "\"";
      }
    }
    if (api && s >= 400) {
      String type = r.headers().firstValue("Content-Type").orElse("");
      if (!type.startsWith("application/problem+json")) {
        return "a 4xx of the API that is not application/problem+json";
      }
      try {
        JsonObject o = Api.json(body).asJsonObject();
        if (o.getInt("status", -1) != s) {
          return "problem status " + o.get("status") + " differs from " + s;
        }
      } catch (RuntimeException e) {
        return "problem body is not a JSON object";
      }
    }
    return switch (a.expect()) {
      case ANY -> null;
      case REFUSED ->
          s == 202 && path.contains("/imports")
              ? null // a response import is a batch job: its outcome is checked afterwards
              : s >= 200 && s < 300 ? "accepted, must be refused" : null;
      case UNAUTHORIZED -> s == 401 ? null : "must be 401";
      case FORBIDDEN -> s == 403 ? null : "must be 403";
      case BAD_ENCODING -> badEncoding(a, s, body);
    };
  }

  /** A 400 validation problem naming the field that the attack's kind names. */
  private static String badEncoding(Attack a, int s, String body) {
    if (s != 400) {
      return "must be 400";
    }
    String field = a.kind().substring(a.kind().indexOf(':') + 1);
    try {
      JsonObject o = Api.json(body).asJsonObject();
      if (!"urn:cx-align:problem:validation".equals(o.getString("type", ""))) {
        return "not a validation problem";
      }
      boolean named =
          o.getJsonArray("violations").getValuesAs(JsonObject.class).stream()
              .anyMatch(v -> field.equals(v.getString("field", "")));
      return named ? null : "no violation for the field " + field;
    } catch (RuntimeException e) {
      return "not a problem with violations";
    }
  }

  // ------------------------------------------------------------------ the database invariant

  /** Snapshots until two in a row agree (timers may still be draining earlier tests' work). */
  private Map<String, String> stableSnapshot() throws InterruptedException {
    Map<String, String> last = snapshot();
    for (int i = 0; i < 30; i++) {
      Thread.sleep(1500);
      Map<String, String> now = snapshot();
      if (now.equals(last)) {
        return now;
      }
      last = now;
    }
    throw new AssertionError("the database did not settle: " + last);
  }

  private Map<String, String> snapshot() {
    HttpResponse<String> r = Api.raw(base + "/hostile-db-probe/counts");
    assertEquals(200, r.statusCode(), r.body());
    Map<String, String> m = new LinkedHashMap<>();
    for (String line : r.body().split("\n")) {
      if (!line.isBlank()) {
        int tab = line.indexOf('\t');
        m.put(line.substring(0, tab), line.substring(tab + 1));
      }
    }
    assertTrue(m.size() > 5, "the probe sees the schema: " + m);
    return m;
  }

  private JsonObject waitForImport(String admin, long campaign, long execution, long deadline)
      throws InterruptedException {
    while (System.nanoTime() < deadline) {
      HttpResponse<String> r = get("/api/campaigns/" + campaign + "/imports/" + execution, admin);
      if (r.statusCode() == 401) { // tokens live five minutes; the import jobs may take longer
        admin = token("admin");
        r = get("/api/campaigns/" + campaign + "/imports/" + execution, admin);
      }
      assertEquals(200, r.statusCode(), r.body());
      JsonObject o = object(r);
      String status = o.getString("status");
      if (!status.equals("STARTING") && !status.equals("STARTED")) {
        return o;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("import " + execution + " did not end");
  }

  // ------------------------------------------------------------------ forms

  private List<HostileRequests.Item> items(HttpResponse<String> r) {
    assertEquals(200, r.statusCode(), r.body());
    return object(r).getJsonArray("items").stream()
        .map(JsonValue::asJsonObject)
        .map(i -> new HostileRequests.Item(i.getString("id"), i.getInt("min"), i.getInt("max")))
        .toList();
  }

  private List<HostileRequests.Item> employeeItems(String employee, long campaign) {
    HttpResponse<String> r = get("/api/campaigns/open", employee);
    assertEquals(200, r.statusCode(), r.body());
    return Api.json(r.body()).asJsonArray().stream()
        .map(JsonValue::asJsonObject)
        .filter(c -> c.getJsonNumber("id").longValue() == campaign)
        .findFirst()
        .orElseThrow(() -> new AssertionError("campaign " + campaign + " not open: " + r.body()))
        .getJsonArray("items")
        .stream()
        .map(JsonValue::asJsonObject)
        .map(i -> new HostileRequests.Item(i.getString("id"), i.getInt("min"), i.getInt("max")))
        .toList();
  }

  // ------------------------------------------------------------------ credentials

  private Map<String, String> forgedTokens(String admin, String employee) throws Exception {
    Jwts jwts = new Jwts();
    JsonObject header = Jwts.header(admin);
    JsonObject claims = Jwts.payload(admin);
    JsonObject employeeClaims = Jwts.payload(employee);
    String kid = header.getString("kid", "none");
    Map<String, String> m = new LinkedHashMap<>();
    m.put(
        "employee-raised-to-admin",
        Jwts.tampered(
            employee,
            Jwts.with(
                employeeClaims,
                b ->
                    b.add(
                        "realm_access",
                        Json.createObjectBuilder()
                            .add(
                                "roles",
                                Json.createArrayBuilder().add("cx-admin").add("employee"))))));
    long far = claims.getJsonNumber("exp").longValue() + 365L * 24 * 3600;
    m.put("exp-extended", Jwts.tampered(admin, Jwts.with(claims, b -> b.add("exp", far))));
    m.put("sub-changed", Jwts.tampered(admin, Jwts.with(claims, b -> b.add("sub", "attacker"))));
    m.put(
        "iss-changed",
        Jwts.tampered(
            admin, Jwts.with(claims, b -> b.add("iss", "http://evil.example/realms/cx-align"))));
    m.put(
        "signature-of-another-token",
        admin.substring(0, admin.lastIndexOf('.')) + employee.substring(employee.lastIndexOf('.')));
    m.put("signature-stripped", admin.substring(0, admin.lastIndexOf('.') + 1));
    m.put("signature-truncated", admin.substring(0, admin.length() - 10));
    JsonObject rs = Json.createObjectBuilder().add("alg", "RS256").add("typ", "JWT").build();
    m.put("own-key-realm-kid", jwts.ownKey(Jwts.with(rs, b -> b.add("kid", kid)), claims));
    m.put("own-key-no-kid", jwts.ownKey(rs, claims));
    m.put("own-key-other-kid", jwts.ownKey(Jwts.with(rs, b -> b.add("kid", "attacker")), claims));
    m.put("own-key-embedded-jwk", jwts.ownKey(jwts.embeddedJwk(kid), claims));
    m.put(
        "own-key-jku",
        jwts.ownKey(
            Jwts.with(rs, b -> b.add("kid", "attacker").add("jku", "http://127.0.0.1:1/certs")),
            claims));
    for (String alg : List.of("none", "None", "NONE", "nOnE")) {
      m.put("alg-" + alg, Jwts.unsigned(alg, claims, true));
    }
    m.put("alg-none-no-dot", Jwts.unsigned("none", claims, false));
    m.put(
        "alg-none-genuine-signature",
        Jwts.unsigned("none", claims, true) + admin.substring(admin.lastIndexOf('.') + 1));
    String certs = Api.raw(realm + "/protocol/openid-connect/certs").body();
    JsonObject jwk =
        Api.json(certs).asJsonObject().getJsonArray("keys").stream()
            .map(JsonValue::asJsonObject)
            .filter(k -> kid.equals(k.getString("kid", "")))
            .findFirst()
            .orElseThrow();
    byte[] der = java.util.Base64.getDecoder().decode(jwk.getJsonArray("x5c").getString(0));
    JsonObject hs =
        Json.createObjectBuilder().add("alg", "HS256").add("typ", "JWT").add("kid", kid).build();
    m.put("hs256-realm-certificate", Jwts.hmac(hs, claims, der));
    m.put(
        "hs256-realm-key-text",
        Jwts.hmac(hs, claims, jwk.getString("n").getBytes(StandardCharsets.US_ASCII)));
    m.put(
        "hs256-client-secret",
        Jwts.hmac(hs, claims, "cx-align-demo-secret".getBytes(StandardCharsets.US_ASCII)));
    // malformed Authorization headers
    m.put("raw-bearer-empty", "RAW:Bearer ");
    m.put("raw-bearer-only", "RAW:Bearer");
    m.put("raw-dots", "RAW:Bearer ...");
    m.put("raw-abc", "RAW:Bearer a.b.c");
    m.put("raw-two-parts", "RAW:Bearer " + admin.substring(0, admin.lastIndexOf('.')));
    m.put("raw-four-parts", "RAW:Bearer " + admin + ".extra");
    m.put("raw-junk-8k", "RAW:Bearer " + "A".repeat(8192));
    m.put("raw-not-base64", "RAW:Bearer !!!.@@@.###");
    m.put("raw-json", "RAW:Bearer {\"alg\":\"none\"}");
    m.put("raw-basic", "RAW:Basic YWRtaW46YWRtaW4=");
    m.put("raw-other-scheme", "RAW:Token " + admin);
    m.put(
        "raw-header-json-not-object", "RAW:Bearer " + Jwts.b64("[]") + "." + Jwts.b64("[]") + ".x");
    return m;
  }

  /** Genuine tokens of realm cx-align, expired: from a client whose tokens live one second. */
  private Map<String, String> expiredTokens() throws InterruptedException {
    String master = masterToken();
    String client =
        Json.createObjectBuilder()
            .add("clientId", "hostile-short-lived")
            .add("publicClient", true)
            .add("directAccessGrantsEnabled", true)
            .add("standardFlowEnabled", false)
            .add("attributes", Json.createObjectBuilder().add("access.token.lifespan", "1"))
            .add(
                "protocolMappers",
                Json.createArrayBuilder()
                    .add(
                        Json.createObjectBuilder()
                            .add("name", "audience cx-align-web")
                            .add("protocol", "openid-connect")
                            .add("protocolMapper", "oidc-audience-mapper")
                            .add(
                                "config",
                                Json.createObjectBuilder()
                                    .add("included.client.audience", "cx-align-web")
                                    .add("access.token.claim", "true"))))
            .build()
            .toString();
    HttpResponse<String> created =
        Api.send(
            HttpRequest.newBuilder(URI.create(keycloak + "/admin/realms/cx-align/clients"))
                .header("Authorization", "Bearer " + master)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(client)));
    assertTrue(
        created.statusCode() == 201 || created.statusCode() == 409,
        created.statusCode() + " " + created.body());
    Map<String, String> m = new LinkedHashMap<>();
    long latestExp = 0;
    for (String user : List.of("admin", "sales-employee", "sales-head")) {
      String t = passwordGrant(realm, "hostile-short-lived", user, user, "access_token");
      m.put(user, t);
      latestExp = Math.max(latestExp, Jwts.payload(t).getJsonNumber("exp").longValue());
    }
    long wait = (latestExp + 2) * 1000 - System.currentTimeMillis();
    if (wait > 0) {
      Thread.sleep(wait);
    }
    return m;
  }

  /** Tokens the server must not take: other realms, other clients, other kinds of token. */
  private Map<String, String> wrongAudienceTokens() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("master-realm-admin", masterToken());
    m.put(
        "cx-align-admin-cli", passwordGrant(realm, "admin-cli", "admin", "admin", "access_token"));
    m.put(
        "cx-align-sync-service-account",
        tokenRequest(
            realm,
            "grant_type=client_credentials&client_id=cx-align-sync&client_secret="
                + "cx-align-sync-demo-secret",
            "access_token"));
    m.put("id-token", passwordGrantScope(realm, "cx-cli", "admin", "id_token"));
    m.put("refresh-token", passwordGrant(realm, "cx-cli", "admin", "admin", "refresh_token"));
    return m;
  }

  private String masterToken() {
    return passwordGrant(
        keycloak + "/realms/master", "admin-cli", "kc-admin", "kc-admin", "access_token");
  }

  private static String passwordGrant(
      String realmUrl, String client, String user, String password, String field) {
    return tokenRequest(
        realmUrl,
        "grant_type=password&client_id="
            + client
            + "&username="
            + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8),
        field);
  }

  private static String passwordGrantScope(
      String realmUrl, String client, String user, String field) {
    return tokenRequest(
        realmUrl,
        "grant_type=password&scope=openid&client_id="
            + client
            + "&username="
            + user
            + "&password="
            + user,
        field);
  }

  private static String tokenRequest(String realmUrl, String form, String field) {
    HttpResponse<String> r =
        Api.send(
            HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    assertEquals(200, r.statusCode(), realmUrl + " " + form + ": " + r.body());
    return object(r).getString(field);
  }

  // ------------------------------------------------------------------ plain API calls

  private String token(String user) {
    return passwordGrant(realm, "cx-cli", user, user, "access_token");
  }

  private HttpResponse<String> get(String path, String token) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return Api.send(b.header("Accept", "application/json"));
  }

  private HttpResponse<String> postJson(String path, String token, String body) {
    return Api.send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private Map<String, Long> departments(String admin) {
    HttpResponse<String> r = get("/api/departments", admin);
    assertEquals(200, r.statusCode(), r.body());
    return Api.json(r.body()).asJsonArray().stream()
        .map(JsonValue::asJsonObject)
        .collect(
            Collectors.toMap(
                o -> o.getString("name"), o -> o.getJsonNumber("id").longValue(), (a, b) -> a));
  }

  private long builtInInstrumentId(String admin) {
    HttpResponse<String> r = get("/api/instruments", admin);
    assertEquals(200, r.statusCode(), r.body());
    return Api.json(r.body()).asJsonArray().stream()
        .map(JsonValue::asJsonObject)
        .filter(o -> o.getBoolean("builtIn") && Surveys.BUILT_IN_KEY.equals(o.getString("key")))
        .findFirst()
        .orElseThrow()
        .getJsonNumber("id")
        .longValue();
  }

  private JsonObject openCampaign(String admin, String body) {
    HttpResponse<String> created = postJson("/api/campaigns", admin, body);
    assertEquals(201, created.statusCode(), created.body());
    long id = object(created).getJsonNumber("id").longValue();
    HttpResponse<String> opened = postJson("/api/campaigns/" + id + "/open", admin, "");
    assertEquals(200, opened.statusCode(), opened.body());
    return object(opened);
  }
}
