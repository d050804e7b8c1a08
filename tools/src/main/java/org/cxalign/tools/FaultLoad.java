package org.cxalign.tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load of the fault scenarios ({@code tools/load/faults.sh}): employees (Keycloak users created
 * for the run, bearer tokens fetched before the load) and customers (one-time links) submit valid
 * responses to one new campaign, each with its own Idempotency-Key. A submission that meets a
 * connection error, a timeout or a 5xx is sent again with the SAME key and body until it is
 * acknowledged (201, or 200 for a retry of a stored one); every acknowledged key is recorded.
 *
 * <pre>
 * java -cp 'tools/target/cx-align-tools.jar:tools/target/lib/*' org.cxalign.tools.FaultLoad load \
 *   --base URL --realm KEYCLOAK_REALM_URL --out DIR [--customers 20000] [--employees 160]
 *   [--clients 8] [--employee-every 25] [--stop-file PATH]
 * java ... org.cxalign.tools.FaultLoad aggregates --base URL --realm URL --campaign ID
 * </pre>
 *
 * <p>{@code load} stops taking new submissions when the stop file appears (or the work runs out),
 * finishes the ones under way, and writes into {@code --out}: {@code campaign} (its id), {@code
 * acked-employees} and {@code acked-customers} (SHA-256 of each acknowledged key, as the server
 * stores it), {@code summary.properties} (counts, answer sums, status codes seen) and {@code
 * error-samples.txt} (the first bodies of each error status). One line per second on stdout shows
 * the progress and the statuses of that second.
 *
 * <p>{@code aggregates} reads the campaign's live aggregate, rebuilds it from the raw responses,
 * reads it again and prints both counts and digests; exit 1 when they differ.
 */
public final class FaultLoad {

  static final List<String> DEPARTMENTS =
      List.of(
          "Sales",
          "Marketing",
          "Customer Service",
          "Product",
          "Engineering",
          "Operations",
          "Finance",
          "People & Culture");

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  /** Give up on one submission after retrying it this long. */
  private static final long GIVE_UP_NANOS = Duration.ofMinutes(10).toNanos();

  private final Map<String, String> opt;
  private final String base;
  private final String realm;

  private FaultLoad(Map<String, String> opt) {
    this.opt = opt;
    this.base = need("base");
    this.realm = need("realm");
  }

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      System.err.println("usage: FaultLoad load|aggregates --base URL --realm URL ...");
      System.exit(2);
    }
    Map<String, String> opt = new LinkedHashMap<>();
    for (int i = 1; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected --name value at " + args[i]);
      }
      opt.put(args[i].substring(2), args[i + 1]);
    }
    FaultLoad f = new FaultLoad(opt);
    switch (args[0]) {
      case "load" -> f.load();
      case "aggregates" -> System.exit(f.aggregates() ? 0 : 1);
      default -> throw new IllegalArgumentException("unknown command " + args[0]);
    }
  }

  private String need(String name) {
    String v = opt.get(name);
    if (v == null) {
      throw new IllegalArgumentException("--" + name + " is required");
    }
    return v;
  }

  private int num(String name, int dflt) {
    return opt.containsKey(name) ? Integer.parseInt(opt.get(name)) : dflt;
  }

  // --- the load ---------------------------------------------------------------------------------

  /** One submission: who, where to, the body, and the key that stays the same on every retry. */
  record Work(boolean employee, String path, String tokenUser, String body, int sum, int answers) {}

  private final ConcurrentHashMap<String, String> tokens = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> statusTotal = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> statusSecond = new ConcurrentHashMap<>();
  private final Map<String, ConcurrentLinkedQueue<String>> samples = new ConcurrentHashMap<>();
  private final LongAdder unclear = new LongAdder();
  private final LongAdder gaveUp = new LongAdder();
  private final LongAdder rejected = new LongAdder();
  private final LongAdder retried = new LongAdder();
  private final AtomicLong longestAckNanos = new AtomicLong();

  void load() throws Exception {
    Path out = Path.of(need("out"));
    Files.createDirectories(out);
    int customers = num("customers", 20_000);
    int employees = num("employees", 160);
    int clients = num("clients", 8);
    int every = Math.max(1, num("employee-every", 25));
    Path stop = opt.containsKey("stop-file") ? Path.of(opt.get("stop-file")) : null;

    String admin = token("admin", "admin");
    Map<String, Long> depts = departments(admin);
    long campaign = campaign(admin, depts);
    Files.writeString(out.resolve("campaign"), campaign + "\n");
    log("campaign " + campaign + " open, departments " + depts.keySet());

    List<String> links = new ArrayList<>();
    while (links.size() < customers) {
      int n = Math.min(5_000, customers - links.size());
      HttpResponse<String> r =
          send(
              "POST",
              "/api/campaigns/" + campaign + "/invitations",
              admin,
              "{\"anonymousLinks\":" + n + "}");
      expect(r, 200, 201);
      Matcher l = Pattern.compile("(/api/survey/[A-Za-z0-9_-]+)").matcher(r.body());
      while (l.find()) {
        links.add(l.group(1));
      }
    }
    List<String> customerItems = new ArrayList<>();
    String form = send("GET", links.get(0), null, null).body();
    for (String o : objects(form.substring(form.indexOf("\"items\":[")))) {
      customerItems.add(ReportBench.field(o, "id"));
    }
    log(links.size() + " customer links, customer items " + customerItems);

    List<String> users = employees(campaign, employees);
    Map<String, List<int[]>> ranges = new ConcurrentHashMap<>();
    Map<String, List<String>> formItems = new ConcurrentHashMap<>();
    parallel(
        clients,
        users.size(),
        i -> {
          String u = users.get(i);
          tokens.put(u, token(u, u));
        });
    for (String u : users) {
      String dept = userDepartment(u);
      if (formItems.containsKey(dept)) {
        continue;
      }
      String open = send("GET", "/api/campaigns/open", tokens.get(u), null).body();
      int at = open.indexOf("\"id\":" + campaign + ",");
      if (at < 0) {
        throw new IllegalStateException(
            "campaign " + campaign + " not open for " + u + ": " + open);
      }
      // this campaign's items: the array after its id, up to the array's end (items hold none)
      int from = open.indexOf("\"items\":[", at) + 9;
      String array = open.substring(from, open.indexOf(']', from));
      List<String> ids = new ArrayList<>();
      List<int[]> mm = new ArrayList<>();
      for (String o : objects(array)) {
        ids.add(ReportBench.field(o, "id"));
        mm.add(
            new int[] {
              Integer.parseInt(ReportBench.field(o, "min")),
              Integer.parseInt(ReportBench.field(o, "max"))
            });
      }
      formItems.put(dept, ids);
      ranges.put(dept, mm);
    }
    log(
        users.size()
            + " employees with tokens; employee form items per department "
            + sizes(formItems));

    // The work: customers, with an employee every `every` submissions while there are employees.
    List<Work> work = new ArrayList<>();
    SplittableRandom rnd = new SplittableRandom(campaign);
    int e = 0;
    int c = 0;
    while (c < links.size() || e < users.size()) {
      boolean emp = e < users.size() && (c >= links.size() || work.size() % every == 0);
      StringBuilder body = new StringBuilder("{\"answers\":{");
      int sum = 0;
      int n;
      if (emp) {
        String u = users.get(e++);
        String dept = userDepartment(u);
        List<String> ids = formItems.get(dept);
        List<int[]> mm = ranges.get(dept);
        for (int k = 0; k < ids.size(); k++) {
          int v = mm.get(k)[0] + rnd.nextInt(mm.get(k)[1] - mm.get(k)[0] + 1);
          sum += v;
          body.append(k == 0 ? "" : ",").append('"').append(ids.get(k)).append("\":").append(v);
        }
        n = ids.size();
        body.append("}}");
        work.add(
            new Work(
                true, "/api/campaigns/" + campaign + "/responses", u, body.toString(), sum, n));
      } else {
        for (int k = 0; k < customerItems.size(); k++) {
          int v = 1 + rnd.nextInt(5);
          sum += v;
          body.append(k == 0 ? "" : ",")
              .append('"')
              .append(customerItems.get(k))
              .append("\":")
              .append(v);
        }
        n = customerItems.size();
        body.append("}}");
        work.add(new Work(false, links.get(c++), null, body.toString(), sum, n));
      }
    }

    ConcurrentLinkedQueue<String> ackedEmployees = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<String> ackedCustomers = new ConcurrentLinkedQueue<>();
    LongAdder[] sums = {new LongAdder(), new LongAdder()};
    LongAdder[] answers = {new LongAdder(), new LongAdder()};
    AtomicInteger next = new AtomicInteger();
    AtomicLong acked = new AtomicLong();
    long t0 = System.nanoTime();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < clients; t++) {
      Thread th =
          new Thread(
              () -> {
                int i;
                while ((stop == null || !Files.exists(stop))
                    && (i = next.getAndIncrement()) < work.size()) {
                  Work w = work.get(i);
                  String key = UUID.randomUUID().toString();
                  if (submit(w, key)) {
                    acked.incrementAndGet();
                    (w.employee() ? ackedEmployees : ackedCustomers).add(sha256(key));
                    sums[w.employee() ? 0 : 1].add(w.sum());
                    answers[w.employee() ? 0 : 1].add(w.answers());
                  }
                }
              },
              "client-" + t);
      threads.add(th);
      th.start();
    }
    Thread ticker =
        new Thread(
            () -> {
              long last = 0;
              while (true) {
                try {
                  Thread.sleep(1000);
                } catch (InterruptedException ie) {
                  return;
                }
                long a = acked.get();
                StringBuilder s = new StringBuilder();
                for (Map.Entry<String, LongAdder> st : new TreeMap<>(statusSecond).entrySet()) {
                  long v = st.getValue().sumThenReset();
                  if (v > 0) {
                    s.append(' ').append(st.getKey()).append('=').append(v);
                  }
                }
                System.out.printf(
                    Locale.ROOT,
                    "t=%.0fs acked=%d (+%d/s) statuses:%s%n",
                    (System.nanoTime() - t0) / 1e9,
                    a,
                    a - last,
                    s);
                System.out.flush();
                last = a;
              }
            },
            "ticker");
    ticker.setDaemon(true);
    ticker.start();
    for (Thread th : threads) {
      th.join();
    }
    ticker.interrupt();
    double secs = (System.nanoTime() - t0) / 1e9;

    Files.write(out.resolve("acked-employees"), ackedEmployees);
    Files.write(out.resolve("acked-customers"), ackedCustomers);
    try (PrintWriter w =
        new PrintWriter(Files.newBufferedWriter(out.resolve("error-samples.txt")))) {
      for (Map.Entry<String, ConcurrentLinkedQueue<String>> s : new TreeMap<>(samples).entrySet()) {
        for (String b : s.getValue()) {
          w.println(s.getKey() + "\t" + b.replace('\n', ' '));
        }
      }
    }
    Map<String, String> summary = new LinkedHashMap<>();
    summary.put("campaign", String.valueOf(campaign));
    summary.put("seconds", String.format(Locale.ROOT, "%.1f", secs));
    summary.put("acked.employees", String.valueOf(ackedEmployees.size()));
    summary.put("acked.customers", String.valueOf(ackedCustomers.size()));
    summary.put("answers.employees", String.valueOf(answers[0].sum()));
    summary.put("answers.customers", String.valueOf(answers[1].sum()));
    summary.put("sum.employees", String.valueOf(sums[0].sum()));
    summary.put("sum.customers", String.valueOf(sums[1].sum()));
    summary.put("retried", String.valueOf(retried.sum()));
    summary.put("gave.up", String.valueOf(gaveUp.sum()));
    summary.put("rejected", String.valueOf(rejected.sum()));
    summary.put("unclear.errors", String.valueOf(unclear.sum()));
    summary.put(
        "longest.ack.seconds", String.format(Locale.ROOT, "%.1f", longestAckNanos.get() / 1e9));
    for (Map.Entry<String, LongAdder> st : new TreeMap<>(statusTotal).entrySet()) {
      summary.put("status." + st.getKey(), String.valueOf(st.getValue().sum()));
    }
    StringBuilder props = new StringBuilder();
    summary.forEach((k, v) -> props.append(k).append('=').append(v).append('\n'));
    Files.writeString(out.resolve("summary.properties"), props);
    System.out.print(props);
  }

  /**
   * Sends one submission until it is acknowledged: the same key and body on every retry. Returns
   * false when it was refused (4xx other than an expired token) or retried for 10 minutes.
   */
  private boolean submit(Work w, String key) {
    long start = System.nanoTime();
    long pause = 100;
    boolean first = true;
    while (System.nanoTime() - start < GIVE_UP_NANOS) {
      if (!first) {
        retried.increment();
        sleep(pause);
        pause = Math.min(2_000, pause * 2);
      }
      first = false;
      HttpRequest.Builder b =
          HttpRequest.newBuilder(URI.create(base + w.path()))
              .timeout(Duration.ofSeconds(30))
              .header("Content-Type", "application/json")
              .header("Accept", "application/json")
              .header("Idempotency-Key", key)
              .POST(HttpRequest.BodyPublishers.ofString(w.body()));
      if (w.employee()) {
        b.header("Authorization", "Bearer " + tokens.get(w.tokenUser()));
      }
      HttpResponse<String> r;
      try {
        r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        count(e instanceof java.net.http.HttpTimeoutException ? "timeout" : "conn");
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
      int code = r.statusCode();
      count(String.valueOf(code));
      if (code == 200 || code == 201) {
        longestAckNanos.accumulateAndGet(System.nanoTime() - start, Math::max);
        return true;
      }
      judge(code, r);
      if (code >= 500) {
        continue;
      }
      if (code == 401 && w.employee()) {
        // the token expired: a new one (fails while Keycloak is down; then try again later)
        try {
          tokens.put(w.tokenUser(), token(w.tokenUser(), w.tokenUser()));
        } catch (Exception e) {
          count("token-refused");
        }
        continue;
      }
      rejected.increment();
      return false;
    }
    gaveUp.increment();
    return false;
  }

  /** An error must be problem+json and must not show a stack trace or exception names. */
  private void judge(int code, HttpResponse<String> r) {
    String type = r.headers().firstValue("Content-Type").orElse("");
    String body = r.body();
    boolean clear =
        type.startsWith("application/problem+json")
            && !body.contains("Exception")
            && !body.contains("\tat ")
            && !body.contains(".java:");
    if (!clear) {
      unclear.increment();
    }
    ConcurrentLinkedQueue<String> q =
        samples.computeIfAbsent(
            code + (clear ? "" : "-unclear"), k -> new ConcurrentLinkedQueue<>());
    if (q.size() < 3) {
      q.add(type + "\t" + (body.length() > 600 ? body.substring(0, 600) + "..." : body));
    }
  }

  private void count(String status) {
    statusTotal.computeIfAbsent(status, k -> new LongAdder()).increment();
    statusSecond.computeIfAbsent(status, k -> new LongAdder()).increment();
  }

  // --- set-up -----------------------------------------------------------------------------------

  /** The eight demo departments (created when missing), by name. */
  private Map<String, Long> departments(String admin) throws Exception {
    Map<String, Long> ids = new LinkedHashMap<>();
    for (String d : DEPARTMENTS) {
      HttpResponse<String> r =
          send("POST", "/api/departments", admin, "{\"name\":\"" + d + "\",\"headcount\":100}");
      if (r.statusCode() != 201 && r.statusCode() != 409) {
        throw new IllegalStateException("department " + d + ": " + r.statusCode() + r.body());
      }
    }
    String all = send("GET", "/api/departments", admin, null).body();
    for (String o : objects(all)) {
      String name = ReportBench.field(o, "name");
      if (DEPARTMENTS.contains(name)) {
        ids.put(name, Long.parseLong(ReportBench.field(o, "id")));
      }
    }
    if (ids.size() != DEPARTMENTS.size()) {
      throw new IllegalStateException("departments not found in " + all);
    }
    return ids;
  }

  private long campaign(String admin, Map<String, Long> depts) throws Exception {
    String instruments = send("GET", "/api/instruments", admin, null).body();
    Matcher m = Pattern.compile("\\{[^{}]*\"builtIn\":true[^{}]*\\}").matcher(instruments);
    if (!m.find()) {
      throw new IllegalStateException("no built-in instrument in " + instruments);
    }
    String instrumentId = ReportBench.field(m.group(), "id");
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    String body =
        "{\"title\":\"Fault load "
            + System.currentTimeMillis()
            + "\",\"instrumentId\":"
            + instrumentId
            + ",\"departmentIds\":"
            + depts.values()
            + ",\"audiences\":[\"EMPLOYEES\",\"CUSTOMERS\"],\"opensOn\":\""
            + today
            + "\",\"closesOn\":\""
            + today.plusDays(7)
            + "\"}";
    HttpResponse<String> created = send("POST", "/api/campaigns", admin, body);
    expect(created, 201);
    long id = Long.parseLong(ReportBench.field(created.body(), "id"));
    expect(send("POST", "/api/campaigns/" + id + "/open", admin, ""), 200, 204);
    return id;
  }

  /**
   * Creates {@code n} employees in the realm (Keycloak admin API, bootstrap admin kc-admin), spread
   * over the departments; the password equals the user name.
   */
  private List<String> employees(long campaign, int n) throws Exception {
    List<String> users = new ArrayList<>();
    if (n == 0) {
      return users;
    }
    String kcBase = realm.substring(0, realm.indexOf("/realms/"));
    String realmName = realm.substring(realm.indexOf("/realms/") + 8);
    String kcAdmin =
        ReportBench.field(
            form(
                kcBase + "/realms/master/protocol/openid-connect/token",
                "grant_type=password&client_id=admin-cli&username=kc-admin&password=kc-admin"),
            "access_token");
    StringBuilder json = new StringBuilder("{\"ifResourceExists\":\"SKIP\",\"users\":[");
    for (int i = 0; i < n; i++) {
      String dept = DEPARTMENTS.get(i % DEPARTMENTS.size());
      String u = "fault" + campaign + "-" + i + "-" + (i % DEPARTMENTS.size());
      users.add(u);
      json.append(i == 0 ? "" : ",")
          .append("{\"username\":\"")
          .append(u)
          .append("\",\"enabled\":true,\"emailVerified\":true,\"firstName\":\"Fault\",")
          .append("\"lastName\":\"Load\",\"email\":\"")
          .append(u)
          .append("@load.cx-align.example\",\"attributes\":{\"department\":[\"")
          .append(dept)
          .append("\"]},\"realmRoles\":[\"employee\"],\"credentials\":[{\"type\":\"password\",")
          .append("\"value\":\"")
          .append(u)
          .append("\",\"temporary\":false}]}");
    }
    json.append("]}");
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(kcBase + "/admin/realms/" + realmName + "/partialImport"))
                .header("Authorization", "Bearer " + kcAdmin)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.ofString(json.toString()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    expect(r, 200);
    return users;
  }

  private static String userDepartment(String user) {
    return DEPARTMENTS.get(Integer.parseInt(user.substring(user.lastIndexOf('-') + 1)));
  }

  // --- the aggregate check ----------------------------------------------------------------------

  boolean aggregates() throws Exception {
    long campaign = Long.parseLong(need("campaign"));
    String admin = token("admin", "admin");
    String path = "/api/campaigns/" + campaign + "/aggregates";
    String before = send("GET", path, admin, null).body();
    HttpResponse<String> started = send("POST", path + "/rebuild", admin, "");
    expect(started, 202);
    String execution = ReportBench.field(started.body(), "execution");
    String state = "";
    long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
    while (System.nanoTime() < deadline) {
      String s = send("GET", path + "/rebuild/" + execution, admin, null).body();
      state = ReportBench.field(s, "state");
      if (!state.equals("STARTING") && !state.equals("STARTED")) {
        System.out.println("rebuild " + s);
        break;
      }
      sleep(500);
    }
    String after = send("GET", path, admin, null).body();
    String[] fields = {"employees", "customers", "pendingOutboxRows", "digest"};
    boolean same = state.equals("COMPLETED");
    for (String f : fields) {
      String b = ReportBench.field(before, f);
      String a = ReportBench.field(after, f);
      System.out.println("aggregate." + f + " live=" + b + " rebuilt=" + a);
      if (!f.equals("pendingOutboxRows") && !a.equals(b)) {
        same = false;
      }
    }
    System.out.println(same ? "aggregates equal a rebuild" : "AGGREGATES DIFFER FROM A REBUILD");
    return same;
  }

  // --- HTTP -------------------------------------------------------------------------------------

  interface IndexTask {
    void run(int i) throws Exception;
  }

  private static void parallel(int threads, int n, IndexTask task) throws InterruptedException {
    AtomicInteger next = new AtomicInteger();
    ConcurrentLinkedQueue<Exception> failures = new ConcurrentLinkedQueue<>();
    List<Thread> ts = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread th =
          new Thread(
              () -> {
                int i;
                while ((i = next.getAndIncrement()) < n && failures.isEmpty()) {
                  try {
                    task.run(i);
                  } catch (Exception e) {
                    failures.add(e);
                  }
                }
              });
      ts.add(th);
      th.start();
    }
    for (Thread th : ts) {
      th.join();
    }
    if (!failures.isEmpty()) {
      throw new IllegalStateException(failures.peek());
    }
  }

  private String token(String user, String password) throws Exception {
    return ReportBench.field(
        form(
            realm + "/protocol/openid-connect/token",
            "grant_type=password&client_id=cx-cli&username="
                + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8)),
        "access_token");
  }

  private static String form(String url, String form) throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    expect(r, 200);
    return r.body();
  }

  private HttpResponse<String> send(String method, String path, String token, String json)
      throws Exception {
    return JsonCalls.send(HTTP, base, method, path, token, json, Duration.ofSeconds(120));
  }

  private static void expect(HttpResponse<String> r, int... codes) {
    JsonCalls.expect(r, codes);
  }

  static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The innermost JSON objects of {@code json} (objects holding no object). */
  private static List<String> objects(String json) {
    List<String> found = new ArrayList<>();
    Matcher m = Pattern.compile("\\{[^{}]*\\}").matcher(json);
    while (m.find()) {
      found.add(m.group());
    }
    return found;
  }

  private static Map<String, Integer> sizes(Map<String, List<String>> m) {
    Map<String, Integer> s = new TreeMap<>();
    m.forEach((k, v) -> s.put(k, v.size()));
    return s;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void log(String s) {
    System.out.println("[" + java.time.LocalTime.now(ZoneOffset.UTC).withNano(0) + "] " + s);
  }
}
