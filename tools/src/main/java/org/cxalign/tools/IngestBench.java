package org.cxalign.tools;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ingestion benchmark: many simulated employees (Keycloak users, one answer each) and customers
 * (anonymous one-time links) submit valid responses to a running server on PostgreSQL at a fixed
 * concurrency; the same tool measures the plain-JDBC ceiling (batched inserts of the same row
 * shapes into copies of the tables in the same database) before the load and after it, and checks
 * the database.
 *
 * <p>Phases: (1) set-up: departments, a campaign for both audiences, employee users through the
 * Keycloak admin API ({@code partialImport}; the realm's password hashing is set to one iteration
 * and the access-token lifespan to an hour, for the benchmark's own Keycloak only), one token per
 * employee, customer links; (2) load: {@code clients} connections (one event-loop thread) send
 * prepared submissions, each with its own {@code Idempotency-Key} (an I/O error is retried with the
 * same key), warm-up then a measured window: throughput = acknowledged submissions (201) completed
 * inside the window per second, latency percentiles of those; (3) JDBC ceiling, measured before (2)
 * and after it, the higher of the two counting; (4) checks: every acknowledged response stored
 * exactly once with all its answers, participation and used links match, the live aggregate counts
 * equal the stored responses with no outbox row left. Exit status 1 when a check fails.
 *
 * <pre>
 * java -cp 'tools/target/cx-align-tools.jar:tools/target/lib/*' org.cxalign.tools.IngestBench \
 *   --base http://127.0.0.1:9080 --realm http://127.0.0.1:8381/realms/cx-align \
 *   --db-url jdbc:postgresql://127.0.0.1:5432/cxalign_ingest \
 *   [--employees 500] [--campaigns 5] [--customers 18000] [--clients 16] [--warmup 10] [--seconds 30]
 *   [--jdbc-seconds 10] [--jdbc-threads 2] [--jdbc-batch 100]
 * </pre>
 */
public final class IngestBench {

  static final String[] DEPARTMENTS = {
    "Sales",
    "Marketing",
    "Customer Service",
    "Product",
    "Engineering",
    "Operations",
    "Finance",
    "People & Culture"
  };

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  private static final Pattern OBJECT = Pattern.compile("\\{[^{}]*\\}");

  private final Map<String, String> opt;
  private final String base;
  private final String realm;
  private final String kcBase;

  /** One prepared submission. */
  record Job(
      boolean employee,
      int index,
      long campaign,
      String path,
      String token,
      String key,
      String body) {}

  private IngestBench(Map<String, String> opt) {
    this.opt = opt;
    this.base = opt.getOrDefault("base", "http://127.0.0.1:9080");
    this.realm = opt.getOrDefault("realm", "http://127.0.0.1:8381/realms/cx-align");
    this.kcBase = realm.substring(0, realm.indexOf("/realms/"));
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> opt = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected --option value, got " + args[i]);
      }
      opt.put(args[i].substring(2), args[i + 1]);
    }
    System.exit(new IngestBench(opt).run() ? 0 : 1);
  }

  private int intOpt(String name, int def) {
    return Integer.parseInt(opt.getOrDefault(name, String.valueOf(def)));
  }

  static void log(String fmt, Object... args) {
    System.out.printf(
        Locale.ROOT,
        "[%s] %s%n",
        java.time.LocalTime.now(ZoneOffset.UTC).withNano(0),
        String.format(Locale.ROOT, fmt, args));
  }

  private boolean run() throws Exception {
    int employees = intOpt("employees", 500);
    int customers = intOpt("customers", 18000);
    int clients = intOpt("clients", 16);
    int warmup = intOpt("warmup", 10);
    int seconds = intOpt("seconds", 30);
    String dbUrl = opt.getOrDefault("db-url", "jdbc:postgresql://127.0.0.1:5432/cxalign_ingest");
    String dbUser = opt.getOrDefault("db-user", "cxalign");
    String dbPassword = opt.getOrDefault("db-password", "cxalign");

    // --- set-up -------------------------------------------------------------------------------
    String admin = token("admin", "admin");
    Map<String, Long> deptIds = departments(admin);
    String instrumentId = builtInInstrument(admin);
    int campaignCount = intOpt("campaigns", 5);
    long[] campaigns = new long[campaignCount];
    for (int m = 0; m < campaignCount; m++) {
      campaigns[m] = createCampaign(admin, instrumentId, deptIds.values());
    }
    log(
        "campaigns %s over %d departments (each employee answers each campaign once)",
        Arrays.toString(campaigns), deptIds.size());

    long t = System.nanoTime();
    prepareKeycloak(employees);
    log("%d employee users in Keycloak (%.1f s)", employees, (System.nanoTime() - t) / 1e9);
    t = System.nanoTime();
    String[] tokens = employeeTokens(employees, clients);
    log("%d employee tokens (%.1f s)", employees, (System.nanoTime() - t) / 1e9);
    t = System.nanoTime();
    admin = token("admin", "admin"); // lives as long as the realm now says (set above)
    List<String> links = new ArrayList<>(customers);
    List<Long> linkCampaign = new ArrayList<>(customers);
    for (int m = 0; m < campaignCount; m++) {
      int n = customers / campaignCount + (m < customers % campaignCount ? 1 : 0);
      for (String l : links(admin, campaigns[m], n)) {
        links.add(l);
        linkCampaign.add(campaigns[m]);
      }
    }
    log("%d customer links (%.1f s)", links.size(), (System.nanoTime() - t) / 1e9);

    Map<String, List<int[]>> forms = new HashMap<>();
    Map<String, List<String>> formIds = new HashMap<>();
    for (int d = 0; d < DEPARTMENTS.length && d < employees; d++) {
      String open = send("GET", "/api/campaigns/open", tokens[d], null).body();
      readForm(open, DEPARTMENTS[d], forms, formIds);
    }
    readForm(
        links.isEmpty() ? "{\"items\":[]}" : send("GET", links.get(0), null, null).body(),
        "",
        forms,
        formIds);
    log(
        "forms: employee %d items (incl. collaboration), customer %d items",
        formIds.getOrDefault(DEPARTMENTS[0], List.of()).size(), formIds.get("").size());

    // interleave employees and customers in a fixed random order
    // employee answers: every employee for campaign 0, then for campaign 1, ...
    int employeeAnswers = employees * campaignCount;
    List<Job> jobs = new ArrayList<>(employeeAnswers + customers);
    SplittableRandom rnd = new SplittableRandom(42);
    int[] answerCount = new int[employeeAnswers + customers];
    {
      int ea = 0;
      int c = 0;
      while (ea < employeeAnswers || c < customers) {
        boolean emp =
            c >= customers
                || (ea < employeeAnswers
                    && rnd.nextInt(employeeAnswers - ea + customers - c) < employeeAnswers - ea);
        int e = ea % Math.max(1, employees);
        String form = emp ? DEPARTMENTS[e % DEPARTMENTS.length] : "";
        List<String> ids = formIds.get(form);
        List<int[]> ranges = forms.get(form);
        StringBuilder b = new StringBuilder("{\"answers\":{");
        for (int k = 0; k < ids.size(); k++) {
          int[] r = ranges.get(k);
          b.append(k == 0 ? "" : ",")
              .append('"')
              .append(ids.get(k).replace("\"", "\\\""))
              .append("\":")
              .append(r[0] + rnd.nextInt(r[1] - r[0] + 1));
        }
        b.append('}');
        if (rnd.nextInt(10) == 0) {
          b.append(",\"comment\":\"Benchmark comment ").append(rnd.nextInt(1000)).append('"');
        }
        b.append('}');
        int idx = jobs.size();
        answerCount[idx] = ids.size();
        if (emp) {
          long campaign = campaigns[ea / employees];
          jobs.add(
              new Job(
                  true,
                  e,
                  campaign,
                  "/api/campaigns/" + campaign + "/responses",
                  tokens[e],
                  UUID.randomUUID().toString(),
                  b.toString()));
          ea++;
        } else {
          jobs.add(
              new Job(
                  false,
                  c,
                  linkCampaign.get(c),
                  links.get(c),
                  null,
                  UUID.randomUUID().toString(),
                  b.toString()));
          c++;
        }
      }
    }

    // --- JDBC ceiling, before the load and again after it: the higher counts (a ceiling measured
    // while the hypervisor took CPU from this machine would flatter the ratio)
    int jdbcThreads = intOpt("jdbc-threads", 2);
    int jdbcBatch = intOpt("jdbc-batch", 100);
    int jdbcSeconds = intOpt("jdbc-seconds", 10);
    double ceilingBefore =
        ceiling(dbUrl, dbUser, dbPassword, deptIds, jobs, jdbcThreads, jdbcBatch, jdbcSeconds);

    // --- load -----------------------------------------------------------------------------------
    int[] status = new int[jobs.size()];
    Load load = load(jobs, status, clients, warmup, seconds);
    double loadAvg = loadAverage();

    double ceilingAfter =
        ceiling(dbUrl, dbUser, dbPassword, deptIds, jobs, jdbcThreads, jdbcBatch, jdbcSeconds);
    double ceiling = Math.max(ceilingBefore, ceilingAfter);

    // --- checks
    // -----------------------------------------------------------------------------------
    admin = token("admin", "admin");
    boolean ok = check(dbUrl, dbUser, dbPassword, admin, campaigns, jobs, status, answerCount);

    System.out.println();
    System.out.println("=== ingestion benchmark ===");
    System.out.printf(
        Locale.ROOT,
        "clients %d, warm-up %d s, window %.1f s%s%n",
        clients,
        warmup,
        load.window,
        load.exhausted ? " (ENDED EARLY: pool of employees/links used up)" : "");
    System.out.printf(
        Locale.ROOT,
        "acknowledged in window %d (employees %d, customers %d) = %.0f responses/s%n",
        load.okInWindow,
        load.employeesInWindow,
        load.okInWindow - load.employeesInWindow,
        load.rate);
    System.out.printf(
        Locale.ROOT,
        "latency ms p50 %.1f p95 %.1f p99 %.1f max %.1f%n",
        load.p50,
        load.p95,
        load.p99,
        load.max);
    System.out.printf(
        Locale.ROOT,
        "errors %d (statuses %s), retries after I/O errors %d; load average after load %.2f%n",
        load.errors,
        load.errorStatuses,
        load.retries,
        loadAvg);
    System.out.printf(
        Locale.ROOT,
        "load generator CPU %.1f s for %d requests (%.3f ms each); machine in the window: %s%n",
        load.generatorCpuSeconds,
        load.sent,
        load.sent == 0 ? 0 : 1000 * load.generatorCpuSeconds / load.sent,
        load.machineCpu);
    System.out.println("CPU by process in the window: " + perResponse(load.processCpu, load.rate));
    System.out.printf(
        Locale.ROOT,
        "JDBC batch ceiling %.0f responses/s (the higher of %.0f/s before the load and %.0f/s"
            + " after it); ratio %.1f%%%n",
        ceiling,
        ceilingBefore,
        ceilingAfter,
        100 * load.rate / ceiling);
    System.out.printf(
        Locale.ROOT,
        "targets: >= 3000/s %s, p99 < 50 ms %s, >= 25%% of ceiling %s; database checks %s%n",
        load.rate >= 3000 ? "MET" : "NOT MET",
        load.p99 < 50 ? "MET" : "NOT MET",
        load.rate >= 0.25 * ceiling ? "MET" : "NOT MET",
        ok ? "PASSED" : "FAILED");
    return ok;
  }

  // --- set-up helpers
  // -------------------------------------------------------------------------------

  private Map<String, Long> departments(String admin) throws Exception {
    Map<String, Long> ids = new LinkedHashMap<>();
    String list = send("GET", "/api/departments", admin, null).body();
    Map<String, Long> existing = new HashMap<>();
    Matcher m = OBJECT.matcher(list);
    while (m.find()) {
      existing.put(unescape(ReportBench.field(m.group(), "name")), idOf(m.group()));
    }
    for (String name : DEPARTMENTS) {
      Long id = existing.get(name);
      if (id == null) {
        HttpResponse<String> r =
            send(
                "POST",
                "/api/departments",
                admin,
                "{\"name\":\"" + name + "\",\"headcount\":1000}");
        require(r, 201);
        id = idOf(r.body());
      }
      ids.put(name, id);
    }
    return ids;
  }

  private static long idOf(String json) {
    Matcher m = Pattern.compile("\"id\"\\s*:\\s*([0-9]+)").matcher(json);
    if (!m.find()) {
      throw new IllegalStateException("no id in " + json);
    }
    return Long.parseLong(m.group(1));
  }

  private static String unescape(String s) {
    return s.replace("\\u0026", "&");
  }

  private String builtInInstrument(String admin) throws Exception {
    String instruments = send("GET", "/api/instruments", admin, null).body();
    Matcher m = Pattern.compile("\\{[^{}]*\"builtIn\"\\s*:\\s*true[^{}]*\\}").matcher(instruments);
    if (!m.find()) {
      throw new IllegalStateException("no built-in instrument in " + instruments);
    }
    return String.valueOf(idOf(m.group()));
  }

  private long createCampaign(String admin, String instrumentId, java.util.Collection<Long> depts)
      throws Exception {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    String body =
        "{\"title\":\"Ingestion benchmark "
            + System.currentTimeMillis()
            + "\",\"instrumentId\":"
            + instrumentId
            + ",\"departmentIds\":["
            + String.join(",", depts.stream().map(String::valueOf).toList())
            + "]"
            + ",\"audiences\":[\"EMPLOYEES\",\"CUSTOMERS\"],\"opensOn\":\""
            + today
            + "\",\"closesOn\":\""
            + today.plusDays(7)
            + "\"}";
    HttpResponse<String> r = send("POST", "/api/campaigns", admin, body);
    require(r, 201);
    long id = idOf(r.body());
    require(send("POST", "/api/campaigns/" + id + "/open", admin, ""), 200);
    return id;
  }

  /**
   * Employee users bench-e-00000.. with realm role employee and a department attribute; the realm's
   * password policy is set to one hash iteration and tokens to an hour first (this Keycloak only
   * serves the benchmark).
   */
  private void prepareKeycloak(int employees) throws Exception {
    String kcAdmin = kcAdminToken();
    HttpResponse<String> r =
        kc(
            "PUT",
            "/admin/realms/cx-align",
            kcAdmin,
            "{\"passwordPolicy\":\"hashAlgorithm(pbkdf2-sha256) and hashIterations(1)\","
                + "\"accessTokenLifespan\":7200}");
    require(r, 204);
    for (int from = 0; from < employees; from += 250) {
      int to = Math.min(employees, from + 250);
      StringBuilder b = new StringBuilder("{\"ifResourceExists\":\"SKIP\",\"users\":[");
      for (int i = from; i < to; i++) {
        String u = employeeName(i);
        b.append(i == from ? "" : ",")
            .append("{\"username\":\"")
            .append(u)
            .append("\",\"enabled\":true,\"emailVerified\":true,\"firstName\":\"Bench\",")
            .append("\"lastName\":\"")
            .append(u)
            .append("\",\"email\":\"")
            .append(u)
            .append("@bench.invalid\",\"attributes\":{\"department\":[\"")
            .append(DEPARTMENTS[i % DEPARTMENTS.length])
            .append("\"]},\"realmRoles\":[\"employee\"],\"credentials\":[{\"type\":\"password\",")
            .append("\"value\":\"")
            .append(u)
            .append("\",\"temporary\":false}],\"requiredActions\":[]}");
      }
      b.append("]}");
      // a fresh admin token per batch (master realm tokens live 60 s; a batch may take longer)
      require(
          kc("POST", "/admin/realms/cx-align/partialImport", kcAdminToken(), b.toString()), 200);
    }
  }

  static String employeeName(int i) {
    return String.format(Locale.ROOT, "bench-e-%05d", i);
  }

  private String kcAdminToken() throws Exception {
    String form = "grant_type=password&client_id=admin-cli&username=kc-admin&password=kc-admin";
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(kcBase + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    require(r, 200);
    return ReportBench.field(r.body(), "access_token");
  }

  private HttpResponse<String> kc(String method, String path, String token, String json)
      throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(kcBase + path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .timeout(Duration.ofSeconds(300))
            .method(method, HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private String[] employeeTokens(int employees, int clients) throws Exception {
    String[] tokens = new String[employees];
    AtomicInteger next = new AtomicInteger();
    ConcurrentHashMap<String, String> failures = new ConcurrentHashMap<>();
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < Math.max(1, Math.min(clients, 8)); c++) {
      Thread th =
          new Thread(
              () -> {
                int i;
                while ((i = next.getAndIncrement()) < employees && failures.isEmpty()) {
                  try {
                    tokens[i] = token(employeeName(i), employeeName(i));
                  } catch (Exception e) {
                    failures.put(employeeName(i), String.valueOf(e.getMessage()));
                  }
                }
              });
      threads.add(th);
      th.start();
    }
    for (Thread th : threads) {
      th.join();
    }
    if (!failures.isEmpty()) {
      throw new IllegalStateException("employee tokens: " + failures);
    }
    return tokens;
  }

  private List<String> links(String admin, long campaign, int customers) throws Exception {
    List<String> paths = new ArrayList<>(customers);
    Pattern link = Pattern.compile("(/api/survey/[A-Za-z0-9_-]+)");
    while (paths.size() < customers) {
      int n = Math.min(10_000, customers - paths.size());
      HttpResponse<String> r =
          send(
              "POST",
              "/api/campaigns/" + campaign + "/invitations",
              admin,
              "{\"anonymousLinks\":" + n + "}");
      require(r, 200, 201);
      Matcher l = link.matcher(r.body());
      int before = paths.size();
      while (l.find()) {
        paths.add(l.group(1));
      }
      if (paths.size() - before != n) {
        throw new IllegalStateException(
            "asked for " + n + " links, got " + (paths.size() - before));
      }
    }
    return paths;
  }

  /** Items of a form ({@code "items":[...]}): ids and [min, max]. */
  private static void readForm(
      String json, String key, Map<String, List<int[]>> forms, Map<String, List<String>> ids) {
    int at = json.indexOf("\"items\"");
    if (at < 0) {
      throw new IllegalStateException("no form in " + json);
    }
    List<int[]> ranges = new ArrayList<>();
    List<String> names = new ArrayList<>();
    int end = json.indexOf(']', at);
    Matcher m = OBJECT.matcher(json.substring(at, end < 0 ? json.length() : end));
    while (m.find()) {
      String item = m.group();
      names.add(unescape(ReportBench.field(item, "id")));
      ranges.add(
          new int[] {
            Integer.parseInt(ReportBench.field(item, "min")),
            Integer.parseInt(ReportBench.field(item, "max"))
          });
    }
    if (names.isEmpty()) {
      throw new IllegalStateException("empty form for '" + key + "': " + json);
    }
    forms.put(key, ranges);
    ids.put(key, names);
  }

  // --- load
  // -----------------------------------------------------------------------------------------

  static final class Load {
    double window;
    boolean exhausted;
    long okInWindow;
    long employeesInWindow;
    double rate;
    double p50;
    double p95;
    double p99;
    double max;
    long errors;
    long retries;
    long sent;
    double generatorCpuSeconds;
    String machineCpu = "unknown";
    Map<String, Double> processCpu = Map.of();
    Map<Integer, Long> errorStatuses = new ConcurrentHashMap<>();
  }

  private Load load(List<Job> jobs, int[] status, int clients, int warmup, int seconds)
      throws Exception {
    Load result = new Load();
    long cpuStart = processCpuNanos();
    AtomicInteger next = new AtomicInteger();
    AtomicLong errors = new AtomicLong();
    AtomicLong retries = new AtomicLong();
    long start = System.nanoTime();
    long windowStart = start + warmup * 1_000_000_000L;
    long windowEnd = windowStart + seconds * 1_000_000_000L;
    long[] lat = new long[jobs.size()];
    int[] count = new int[1];
    long[] lastEnd = new long[1];
    int[] employeesIn = new int[1];
    log("load: %d clients, warm-up %d s, window %d s", clients, warmup, seconds);
    // the machine's CPU (busy, idle, stolen by the hypervisor) over the window, up to its end or
    // to the end of the load when the submissions ran out inside it (the window ends there too)
    MachineCpu.Watch cpuWatch = MachineCpu.watch(windowStart, windowEnd);
    URI uri = URI.create(base);
    String host = uri.getHost() + ":" + (uri.getPort() < 0 ? 80 : uri.getPort());
    // each client is a connection of one event loop (EventLoopHttp): one request at a time, the
    // next as soon as its answer came
    new EventLoopHttp(
            new InetSocketAddress(uri.getHost(), uri.getPort() < 0 ? 80 : uri.getPort()),
            clients,
            60_000)
        .run(
            new EventLoopHttp.Requests() {
              @Override
              public int next() {
                if (System.nanoTime() >= windowEnd || next.get() >= jobs.size()) {
                  return -1;
                }
                return next.getAndIncrement();
              }

              @Override
              public byte[] bytes(int i) {
                Job j = jobs.get(i);
                byte[] body = j.body().getBytes(StandardCharsets.UTF_8);
                StringBuilder h = new StringBuilder(512);
                h.append("POST ").append(j.path()).append(" HTTP/1.1\r\n");
                h.append("Host: ").append(host).append("\r\n");
                h.append("Content-Type: application/json\r\n");
                h.append("Content-Length: ").append(body.length).append("\r\n");
                h.append("Idempotency-Key: ").append(j.key()).append("\r\n");
                if (j.token() != null) {
                  h.append("Authorization: Bearer ").append(j.token()).append("\r\n");
                }
                byte[] head = h.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
                byte[] all = Arrays.copyOf(head, head.length + body.length);
                System.arraycopy(body, 0, all, head.length, body.length);
                return all;
              }

              @Override
              public void done(int i, int code, long s, long end) {
                status[i] = code;
                if (code == 201 || code == 200) {
                  if (s >= windowStart && end <= windowEnd) {
                    lat[count[0]++] = end - s;
                    if (jobs.get(i).employee()) {
                      employeesIn[0]++;
                    }
                  }
                } else {
                  errors.incrementAndGet();
                  result.errorStatuses.merge(code, 1L, Long::sum);
                }
                lastEnd[0] = Math.max(lastEnd[0], end);
              }

              @Override
              public void retried(int i, IOException cause) {
                retries.incrementAndGet();
              }
            });
    MachineCpu.Reading cpu = cpuWatch.stopNow();
    result.machineCpu = cpu.machine();
    result.processCpu = cpu.processes();
    long end = Math.min(windowEnd, lastEnd[0] == 0 ? windowEnd : lastEnd[0]);
    result.exhausted = next.get() >= jobs.size();
    result.window = Math.max(0, (end - windowStart) / 1e9);
    int n = count[0];
    long[] all = Arrays.copyOf(lat, n);
    Arrays.sort(all);
    result.okInWindow = n;
    result.employeesInWindow = employeesIn[0];
    result.rate = result.window > 0 ? n / result.window : 0;
    if (n > 0) {
      result.p50 = all[(int) Math.ceil(0.50 * n) - 1] / 1e6;
      result.p95 = all[(int) Math.ceil(0.95 * n) - 1] / 1e6;
      result.p99 = all[(int) Math.ceil(0.99 * n) - 1] / 1e6;
      result.max = all[n - 1] / 1e6;
    }
    result.errors = errors.get();
    result.retries = retries.get();
    result.sent = Math.min(next.get(), jobs.size());
    result.generatorCpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
    log(
        "load done: %d sent, %d acknowledged in the window of %.1f s, %d errors",
        Math.min(next.get(), jobs.size()), n, result.window, result.errors);
    return result;
  }

  /** CPU time of this process (every thread), from the platform's MXBean; 0 if it has none. */
  private static long processCpuNanos() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : 0;
  }

  // --- JDBC ceiling
  // ---------------------------------------------------------------------------------

  /**
   * Plain JDBC: copies of survey_response, response_answer (foreign key to the copy),
   * aggregate_outbox and participation (LIKE ... INCLUDING ALL: same columns, identity, defaults,
   * indexes and checks, plus the foreign keys to campaign and department), filled by {@code
   * threads} connections with batched inserts of the same submissions the load sent ({@code batch}
   * responses per transaction, reWriteBatchedInserts), for {@code seconds}. The copies are dropped
   * after.
   */
  private double ceiling(
      String dbUrl,
      String user,
      String password,
      Map<String, Long> deptIds,
      List<Job> jobs,
      int threads,
      int batch,
      int seconds)
      throws Exception {
    String url = dbUrl + (dbUrl.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
    try (Connection db = DriverManager.getConnection(url, user, password);
        Statement st = db.createStatement()) {
      st.execute(
          "DROP TABLE IF EXISTS bench_answer, bench_outbox, bench_participation, bench_response");
      st.execute("CREATE TABLE bench_response (LIKE survey_response INCLUDING ALL)");
      st.execute(
          "ALTER TABLE bench_response ADD FOREIGN KEY (campaign_id) REFERENCES campaign (id),"
              + " ADD FOREIGN KEY (department_id) REFERENCES department (id)");
      st.execute(
          "CREATE TABLE bench_answer (LIKE response_answer INCLUDING ALL,"
              + " FOREIGN KEY (response_id) REFERENCES bench_response (id))");
      st.execute("CREATE TABLE bench_outbox (LIKE aggregate_outbox INCLUDING ALL)");
      st.execute(
          "CREATE TABLE bench_participation (LIKE participation INCLUDING ALL,"
              + " FOREIGN KEY (campaign_id) REFERENCES campaign (id))");
    }
    // the answers of each submission, parsed back from the prepared bodies
    Pattern pair = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\":([0-9]+)");
    List<Map<String, Integer>> answers = new ArrayList<>(jobs.size());
    for (Job j : jobs) {
      Map<String, Integer> a = new LinkedHashMap<>();
      String body = j.body();
      Matcher m = pair.matcher(body.substring(0, body.indexOf('}')));
      while (m.find()) {
        a.put(m.group(1).replace("\\\"", "\""), Integer.parseInt(m.group(2)));
      }
      answers.add(a);
    }
    List<Long> depts = new ArrayList<>(deptIds.values());
    AtomicLong stored = new AtomicLong();
    AtomicInteger next = new AtomicInteger();
    long t0 = System.nanoTime();
    long stop = t0 + seconds * 1_000_000_000L;
    // measured at the stop, before the connections close and their database backends end
    MachineCpu.Watch cpuWatch = MachineCpu.watch(t0, stop);
    ConcurrentHashMap<String, String> failures = new ConcurrentHashMap<>();
    List<Thread> ths = new ArrayList<>();
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    for (int c = 0; c < threads; c++) {
      Thread th =
          new Thread(
              () -> {
                try (Connection db = DriverManager.getConnection(url, user, password)) {
                  db.setAutoCommit(false);
                  PreparedStatement ids =
                      db.prepareStatement(
                          "SELECT nextval(pg_get_serial_sequence('bench_response', 'id'))"
                              + " FROM generate_series(1, ?)");
                  PreparedStatement resp =
                      db.prepareStatement(
                          "INSERT INTO bench_response (id, campaign_id, audience, department_id,"
                              + " submitted_on, comment_text) VALUES (?, ?, ?, ?, ?, ?)");
                  PreparedStatement ans =
                      db.prepareStatement(
                          "INSERT INTO bench_answer (response_id, item_id, answer_value)"
                              + " VALUES (?, ?, ?)");
                  PreparedStatement out =
                      db.prepareStatement(
                          "INSERT INTO bench_outbox (campaign_id, response_id, population,"
                              + " department_id, answers, applied) VALUES (?, ?, ?, ?, ?, FALSE)");
                  PreparedStatement part =
                      db.prepareStatement(
                          "INSERT INTO bench_participation (campaign_id, subject_hmac,"
                              + " idempotency_hash) VALUES (?, ?, ?)");
                  while (System.nanoTime() < stop) {
                    ids.setInt(1, batch);
                    long[] idv = new long[batch];
                    try (ResultSet rs = ids.executeQuery()) {
                      for (int k = 0; k < batch && rs.next(); k++) {
                        idv[k] = rs.getLong(1);
                      }
                    }
                    for (int k = 0; k < batch; k++) {
                      int n = next.getAndIncrement();
                      int i = n % jobs.size();
                      Job j = jobs.get(i);
                      Long dept = j.employee() ? depts.get(j.index() % depts.size()) : null;
                      resp.setLong(1, idv[k]);
                      resp.setLong(2, j.campaign());
                      resp.setString(3, j.employee() ? "EMPLOYEES" : "CUSTOMERS");
                      resp.setObject(4, dept);
                      resp.setObject(5, today);
                      resp.setString(6, null);
                      resp.addBatch();
                      StringBuilder payload = new StringBuilder();
                      for (Map.Entry<String, Integer> e : answers.get(i).entrySet()) {
                        ans.setLong(1, idv[k]);
                        ans.setString(2, e.getKey());
                        ans.setInt(3, e.getValue());
                        ans.addBatch();
                        payload.append(e.getValue()).append(',');
                      }
                      out.setLong(1, j.campaign());
                      out.setLong(2, idv[k]);
                      out.setShort(3, (short) (j.employee() ? 0 : 1));
                      out.setObject(4, dept);
                      out.setString(5, payload.append('|').toString());
                      out.addBatch();
                      if (j.employee()) {
                        part.setLong(1, j.campaign());
                        part.setString(2, sha256("subject-" + n));
                        part.setString(3, sha256("key-" + n));
                        part.addBatch();
                      }
                    }
                    resp.executeBatch();
                    ans.executeBatch();
                    out.executeBatch();
                    part.executeBatch();
                    db.commit();
                    stored.addAndGet(batch);
                  }
                } catch (Exception e) {
                  failures.put(Thread.currentThread().getName(), String.valueOf(e));
                }
              });
      ths.add(th);
      th.start();
    }
    for (Thread th : ths) {
      th.join();
    }
    double secs = (System.nanoTime() - t0) / 1e9;
    MachineCpu.Reading cpu = cpuWatch.await();
    if (!failures.isEmpty()) {
      throw new IllegalStateException("JDBC ceiling failed: " + failures);
    }
    long answerRows;
    try (Connection db = DriverManager.getConnection(dbUrl, user, password);
        Statement st = db.createStatement()) {
      try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM bench_answer")) {
        rs.next();
        answerRows = rs.getLong(1);
      }
      st.execute(
          "DROP TABLE IF EXISTS bench_answer, bench_outbox, bench_participation, bench_response");
    }
    double rate = stored.get() / secs;
    log(
        "JDBC ceiling: %d responses (%d answer rows) in %.1f s by %d connections, batches of %d"
            + " = %.0f responses/s (machine: %s; by process: %s)",
        stored.get(),
        answerRows,
        secs,
        threads,
        batch,
        rate,
        cpu.machine(),
        perResponse(cpu.processes(), rate));
    return rate;
  }

  /**
   * Each process group's CPU as cores and as microseconds per response at {@code rate} responses a
   * second, e.g. {@code WildFly 0.91 cores = 335 µs/response, PostgreSQL ...}.
   */
  static String perResponse(Map<String, Double> shares, double rate) {
    if (shares.isEmpty()) {
      return "unknown";
    }
    int cores = Runtime.getRuntime().availableProcessors();
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, Double> e : shares.entrySet()) {
      double used = e.getValue() * cores;
      out.append(out.length() == 0 ? "" : ", ")
          .append(
              String.format(
                  Locale.ROOT,
                  "%s %.2f cores = %.0f µs/response",
                  e.getKey(),
                  used,
                  rate > 0 ? used * 1e6 / rate : 0.0));
    }
    return out.toString();
  }

  static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  // --- checks ------------------------------------------------------------------------------------

  private boolean check(
      String dbUrl,
      String user,
      String password,
      String admin,
      long[] campaigns,
      List<Job> jobs,
      int[] status,
      int[] answerCount)
      throws Exception {
    long ackEmp = 0;
    long ackCust = 0;
    long ackAnswers = 0;
    long unknown = 0;
    List<String> ackTokenHashes = new ArrayList<>();
    for (int i = 0; i < jobs.size(); i++) {
      if (status[i] == 201 || status[i] == 200) {
        if (jobs.get(i).employee()) {
          ackEmp++;
        } else {
          ackCust++;
          String p = jobs.get(i).path();
          ackTokenHashes.add(sha256(p.substring(p.lastIndexOf('/') + 1)));
        }
        ackAnswers += answerCount[i];
      } else if (status[i] < 0) {
        unknown++;
      }
    }
    // the aggregate read drains what is waiting
    long aggEmp = 0;
    long aggCust = 0;
    long pending = 0;
    for (long campaign : campaigns) {
      // top-level fields only: the per-department list has fields of the same names
      String figures =
          send("GET", "/api/campaigns/" + campaign + "/aggregates", admin, null)
              .body()
              .replaceAll("\"departments\"\\s*:\\s*\\[[^\\]]*\\]", "");
      aggEmp += Long.parseLong(ReportBench.field(figures, "employees"));
      aggCust += Long.parseLong(ReportBench.field(figures, "customers"));
      pending += Long.parseLong(ReportBench.field(figures, "pendingOutboxRows"));
    }
    Long[] campaignIds = Arrays.stream(campaigns).boxed().toArray(Long[]::new);
    boolean ok = true;
    try (Connection db = DriverManager.getConnection(dbUrl, user, password)) {
      long storedEmp =
          one(
              db,
              "SELECT COUNT(*) FROM survey_response WHERE campaign_id = ANY (?) AND audience ="
                  + " 'EMPLOYEES'",
              campaignIds);
      long storedCust =
          one(
              db,
              "SELECT COUNT(*) FROM survey_response WHERE campaign_id = ANY (?) AND audience ="
                  + " 'CUSTOMERS'",
              campaignIds);
      long storedAnswers =
          one(
              db,
              "SELECT COUNT(*) FROM response_answer a JOIN survey_response r ON r.id ="
                  + " a.response_id WHERE r.campaign_id = ANY (?)",
              campaignIds);
      long participations =
          one(db, "SELECT COUNT(*) FROM participation WHERE campaign_id = ANY (?)", campaignIds);
      long usedLinks =
          one(
              db,
              "SELECT COUNT(*) FROM invitation WHERE campaign_id = ANY (?) AND used",
              campaignIds);
      long outboxLeft =
          one(db, "SELECT COUNT(*) FROM aggregate_outbox WHERE campaign_id = ANY (?)", campaignIds);
      long ackLinksUsed = 0;
      try (PreparedStatement ps =
          db.prepareStatement(
              "SELECT COUNT(*) FROM invitation WHERE used AND token_hash = ANY (?)")) {
        ps.setArray(1, db.createArrayOf("varchar", ackTokenHashes.toArray()));
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          ackLinksUsed = rs.getLong(1);
        }
      }
      System.out.println();
      System.out.printf(
          Locale.ROOT,
          "acknowledged: %d employees, %d customers, %d answers; %d without an answer after"
              + " retries%n",
          ackEmp,
          ackCust,
          ackAnswers,
          unknown);
      System.out.printf(
          Locale.ROOT,
          "stored: %d employee and %d customer responses, %d answers, %d participations, %d used"
              + " links (%d of the acknowledged links)%n",
          storedEmp,
          storedCust,
          storedAnswers,
          participations,
          usedLinks,
          ackLinksUsed);
      System.out.printf(
          Locale.ROOT,
          "aggregate: %d employees, %d customers, %d outbox rows pending (%d in the table)%n",
          aggEmp,
          aggCust,
          pending,
          outboxLeft);
      // every acknowledged response stored once; nothing stored that was refused (unknown
      // outcomes, none expected since I/O errors are retried with the same key, may go either way)
      ok &= expect("employee responses stored = acknowledged", storedEmp, ackEmp, unknown);
      ok &= expect("customer responses stored = acknowledged", storedCust, ackCust, unknown);
      ok &= expect("participations = stored employee responses", participations, storedEmp, 0);
      ok &= expect("used links = stored customer responses", usedLinks, storedCust, 0);
      ok &= expect("acknowledged links marked used", ackLinksUsed, ackCust, 0);
      ok &= expect("answers stored = answers acknowledged", storedAnswers, ackAnswers, 0);
      ok &= expect("aggregate employees = stored", aggEmp, storedEmp, 0);
      ok &= expect("aggregate customers = stored", aggCust, storedCust, 0);
      ok &= expect("outbox rows pending", pending + outboxLeft, 0, 0);
    }
    return ok;
  }

  private static boolean expect(String what, long actual, long expected, long slack) {
    boolean ok = actual >= expected && actual <= expected + slack;
    System.out.printf(
        Locale.ROOT,
        "check %-45s %s (%d, expected %d%s)%n",
        what,
        ok ? "ok" : "FAILED",
        actual,
        expected,
        slack > 0 ? " .. " + (expected + slack) : "");
    return ok;
  }

  private static long one(Connection db, String sql, Long[] campaigns) throws Exception {
    try (PreparedStatement ps = db.prepareStatement(sql)) {
      ps.setArray(1, db.createArrayOf("bigint", campaigns));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  // --- HTTP ------------------------------------------------------------------------------------

  private String token(String user, String password) throws Exception {
    String form =
        "grant_type=password&client_id=cx-cli&username="
            + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8);
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    require(r, 200);
    return ReportBench.field(r.body(), "access_token");
  }

  private HttpResponse<String> send(String method, String path, String token, String json)
      throws Exception {
    return JsonCalls.send(HTTP, base, method, path, token, json, Duration.ofSeconds(300));
  }

  private static void require(HttpResponse<String> r, int... codes) {
    JsonCalls.expect(r, codes);
  }

  static double loadAverage() {
    try {
      return Double.parseDouble(
          java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0]);
    } catch (Exception e) {
      return -1;
    }
  }
}
