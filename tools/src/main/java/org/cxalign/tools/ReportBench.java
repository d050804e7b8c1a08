package org.cxalign.tools;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The report benchmark: creates and opens a campaign over every department through the API, seeds
 * it with {@link ResponseSeeder} (PostgreSQL COPY), rebuilds its aggregates through the API (timing
 * the Jakarta Batch job), then for each report endpoint runs concurrent clients (warm-up, then a
 * measured window) and prints p50/p95/p99 latency.
 *
 * <pre>
 * java -cp 'tools/target/cx-align-tools.jar:tools/target/lib/*' org.cxalign.tools.ReportBench \
 *   --responses 10000 [--campaign ID (reuse, no seeding)] [--employee-share 0.1] [--clients 4]
 *   [--warmup 5] [--seconds 15] [--paths report,report/departments,...,aggregates]
 *   [--db-url jdbc:postgresql://127.0.0.1:5432/cxalign] [--db-user cxalign] [--db-password cxalign]
 *   [--base http://127.0.0.1:8080] [--keycloak http://127.0.0.1:8180/realms/cx-align]
 *   [--arrivals 200 (responses per import; answers keep arriving while each endpoint is measured)]
 *   [--first-after-version 10 (with --arrivals: per endpoint, 10 imports each followed by one
 *    timed request, the first after the new version, and a second one; no concurrent clients)]
 * </pre>
 *
 * <p>With {@code --arrivals N}, a thread imports files of N new responses (drawn like the seeded
 * ones) through {@code POST /api/campaigns/{id}/imports}, one after another, during every warm-up
 * and window: each import's chunks commit responses with their outbox rows, the drain counts them
 * within about a second, so the aggregate gets new versions throughout the window. The row of each
 * endpoint then also says how many responses the aggregate counted during the window and how many
 * versions it went through ({@code GET .../aggregates} at the window's start and end).
 */
public final class ReportBench {

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  private static final String DEFAULT_PATHS =
      "report,report/departments,report/heatmap,report/network,report/gap,report/maturity,"
          + "report/verdict,report/comments,aggregates";

  private final Map<String, String> opt;
  private final String base;

  private ReportBench(Map<String, String> opt) {
    this.opt = opt;
    this.base = opt.getOrDefault("base", "http://127.0.0.1:8080");
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> opt = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected --name value, got " + args[i]);
      }
      opt.put(args[i].substring(2), args[i + 1]);
    }
    new ReportBench(opt).run();
  }

  private String cachedToken;
  private long cachedAt;

  /**
   * An access token of the benchmark's user, fetched again after a minute (tokens live five): the
   * realm's brute-force detection takes two password logins of one user within a second as an
   * attack and locks the user for a minute.
   */
  private synchronized String token() throws Exception {
    if (cachedToken == null || System.nanoTime() - cachedAt > 60_000_000_000L) {
      cachedToken = newToken();
      cachedAt = System.nanoTime();
    }
    return cachedToken;
  }

  private String newToken() throws Exception {
    String realm = opt.getOrDefault("keycloak", "http://127.0.0.1:8180/realms/cx-align");
    String user = opt.getOrDefault("user", "admin");
    String form =
        "grant_type=password&client_id=cx-cli&username="
            + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(opt.getOrDefault("password", user), StandardCharsets.UTF_8);
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("no token: " + r.body());
    }
    return field(r.body(), "access_token");
  }

  private HttpResponse<String> call(String method, String path, String token, String json)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json")
            .timeout(Duration.ofSeconds(120));
    if (json != null) {
      b.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(json));
    } else {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private void run() throws Exception {
    String token = token();
    long campaign;
    if (opt.containsKey("campaign")) {
      campaign = Long.parseLong(opt.get("campaign"));
      System.out.println("campaign " + campaign + " (reused)");
    } else {
      long responses = Long.parseLong(opt.getOrDefault("responses", "10000"));
      campaign = createCampaign(token, responses);
      try (Connection con =
          DriverManager.getConnection(
              opt.getOrDefault("db-url", "jdbc:postgresql://127.0.0.1:5432/cxalign"),
              opt.getOrDefault("db-user", "cxalign"),
              opt.getOrDefault("db-password", "cxalign"))) {
        long t0 = System.nanoTime();
        ResponseSeeder.Seeded s =
            new ResponseSeeder(con, campaign)
                .seed(
                    responses,
                    Double.parseDouble(opt.getOrDefault("employee-share", "0.1")),
                    responses);
        System.out.printf(
            Locale.ROOT,
            "seeded %d responses (%d answers) in %.1f s%n",
            s.responses(),
            s.answers(),
            (System.nanoTime() - t0) / 1e9);
      }
      token = token();
      long t0 = System.nanoTime();
      HttpResponse<String> started =
          call("POST", "/api/campaigns/" + campaign + "/aggregates/rebuild", token, "");
      if (started.statusCode() != 202) {
        throw new IllegalStateException("rebuild: " + started.statusCode() + " " + started.body());
      }
      String status = URI.create(started.headers().firstValue("Location").orElseThrow()).getPath();
      String state;
      String body;
      do {
        Thread.sleep(1000);
        token = token();
        body = call("GET", status, token, null).body();
        state = field(body, "state");
      } while (!state.equals("COMPLETED") && !state.equals("FAILED") && !state.equals("STOPPED"));
      System.out.printf(
          Locale.ROOT, "rebuild %s in %.1f s: %s%n", state, (System.nanoTime() - t0) / 1e9, body);
      if (!state.equals("COMPLETED")) {
        throw new IllegalStateException("rebuild did not complete");
      }
    }
    int clients = Integer.parseInt(opt.getOrDefault("clients", "4"));
    int warmup = Integer.parseInt(opt.getOrDefault("warmup", "5"));
    int seconds = Integer.parseInt(opt.getOrDefault("seconds", "15"));
    int arrivals = Integer.parseInt(opt.getOrDefault("arrivals", "0"));
    ResponseSeeder files = null;
    Connection db = null;
    if (arrivals > 0) {
      db =
          DriverManager.getConnection(
              opt.getOrDefault("db-url", "jdbc:postgresql://127.0.0.1:5432/cxalign"),
              opt.getOrDefault("db-user", "cxalign"),
              opt.getOrDefault("db-password", "cxalign"));
      files = new ResponseSeeder(db, campaign);
      if (opt.containsKey("first-after-version")) {
        firstAfterVersion(
            campaign, files, arrivals, Integer.parseInt(opt.get("first-after-version")));
        db.close();
        return;
      }
      System.out.println(
          "| endpoint | requests | errors | p50 ms | p95 ms | p99 ms | max ms | req/s"
              + " | counted in window | versions in window |");
      System.out.println("|---|---|---|---|---|---|---|---|---|---|");
    } else {
      System.out.println(
          "| endpoint | requests | errors | p50 ms | p95 ms | p99 ms | max ms | req/s |");
      System.out.println("|---|---|---|---|---|---|---|---|");
    }
    long totalImported = 0;
    for (String p : opt.getOrDefault("paths", DEFAULT_PATHS).split(",")) {
      String path = "/api/campaigns/" + campaign + "/" + p.strip();
      Arrivals a = files == null ? null : new Arrivals(campaign, files, arrivals);
      if (a != null) {
        a.start();
      }
      System.out.println(
          measure(path, token(), clients, warmup, seconds, a == null ? -1 : campaign));
      if (a != null) {
        totalImported += a.finish();
      }
    }
    if (db != null) {
      System.out.println("imported during the run: " + totalImported + " responses");
      db.close();
    }
  }

  /** Imports response files one after another until stopped (see the class comment). */
  private final class Arrivals extends Thread {
    private final long campaign;
    private final ResponseSeeder files;
    private final int rows;
    private final AtomicBoolean stop = new AtomicBoolean(false);
    private volatile long imported;
    private volatile Exception failure;

    Arrivals(long campaign, ResponseSeeder files, int rows) {
      this.campaign = campaign;
      this.files = files;
      this.rows = rows;
      setDaemon(true);
    }

    @Override
    public void run() {
      try {
        while (!stop.get()) {
          imported += importFile(campaign, files, rows);
        }
      } catch (Exception e) {
        failure = e;
      }
    }

    /** Stops after the import under way; returns the responses imported. */
    long finish() throws Exception {
      stop.set(true);
      join();
      if (failure != null) {
        throw failure;
      }
      return imported;
    }
  }

  /** Imports one file of {@code rows} new responses and waits for the import job; the rows. */
  private long importFile(long campaign, ResponseSeeder files, int rows) throws Exception {
    long seed = System.nanoTime();
    String csv = files.importCsv(rows, 0.1, seed, "a" + Long.toHexString(seed) + "-");
    HttpRequest post =
        HttpRequest.newBuilder(
                URI.create(base + "/api/campaigns/" + campaign + "/imports?mode=REJECT_ALL"))
            .header("Authorization", "Bearer " + token())
            .header("Content-Type", "text/csv")
            .header("Accept", "application/json")
            .timeout(Duration.ofSeconds(120))
            .POST(HttpRequest.BodyPublishers.ofString(csv))
            .build();
    HttpResponse<String> r = HTTP.send(post, HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 202) {
      throw new IllegalStateException("import: " + r.statusCode() + " " + r.body());
    }
    String status = URI.create(r.headers().firstValue("Location").orElseThrow()).getPath();
    String state;
    String body;
    do {
      Thread.sleep(250);
      body = call("GET", status, token(), null).body();
      state = field(body, "status");
    } while (state.equals("STARTING") || state.equals("STARTED"));
    if (!state.equals("COMPLETED") || !field(body, "exitStatus").equals("COMPLETED")) {
      throw new IllegalStateException("import ended " + state + ": " + body);
    }
    return Long.parseLong(field(body, "importedRows"));
  }

  /**
   * {@code --first-after-version R}: for each endpoint, R rounds of: import a file of {@code
   * --arrivals} responses, read the aggregate (its drain makes the new version), then time one
   * request (the first after the version: it computes what that endpoint shows) and a second one
   * (cached). Prints per endpoint the median and the largest of each, in ms.
   */
  private void firstAfterVersion(long campaign, ResponseSeeder files, int rows, int rounds)
      throws Exception {
    System.out.println(
        "| endpoint | rounds | first after a new version: median ms | max ms"
            + " | again (cached): median ms | max ms |");
    System.out.println("|---|---|---|---|---|---|");
    for (String p : opt.getOrDefault("paths", DEFAULT_PATHS).split(",")) {
      String path = "/api/campaigns/" + campaign + "/" + p.strip();
      double[] first = new double[rounds];
      double[] again = new double[rounds];
      for (int i = 0; i < rounds; i++) {
        importFile(campaign, files, rows);
        counted(campaign); // drains what the import stored: a new version, decoded on this node
        first[i] = timedGet(path);
        again[i] = timedGet(path);
      }
      Arrays.sort(first);
      Arrays.sort(again);
      System.out.printf(
          Locale.ROOT,
          "| %s | %d | %.1f | %.1f | %.1f | %.1f |%n",
          p.strip(),
          rounds,
          first[rounds / 2],
          first[rounds - 1],
          again[rounds / 2],
          again[rounds - 1]);
    }
  }

  private double timedGet(String path) throws Exception {
    String t = token();
    long t0 = System.nanoTime();
    HttpResponse<String> r = call("GET", path, t, null);
    double ms = (System.nanoTime() - t0) / 1e6;
    if (r.statusCode() != 200) {
      throw new IllegalStateException(path + ": " + r.statusCode() + " " + r.body());
    }
    return ms;
  }

  /** The aggregate's version and the responses it counts. */
  private long[] counted(long campaign) throws Exception {
    String body = call("GET", "/api/campaigns/" + campaign + "/aggregates", token(), null).body();
    String top = body.replaceAll("\"departments\"\\s*:\\s*\\[[^\\]]*\\]", "");
    return new long[] {
      Long.parseLong(field(top, "version")),
      Long.parseLong(field(top, "employees")) + Long.parseLong(field(top, "customers"))
    };
  }

  private long createCampaign(String token, long responses) throws Exception {
    String instruments = call("GET", "/api/instruments", token, null).body();
    Matcher m =
        Pattern.compile("\\{[^{}]*\"builtIn\":true[^{}]*\\}").matcher(instruments.replace(" ", ""));
    if (!m.find()) {
      throw new IllegalStateException("no built-in instrument in " + instruments);
    }
    String instrumentId = field(m.group(), "id");
    String depts = call("GET", "/api/departments", token, null).body();
    List<String> ids = new ArrayList<>();
    Matcher d = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(depts);
    while (d.find()) {
      ids.add(d.group(1));
    }
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    String body =
        "{\"title\":\"Report benchmark "
            + responses
            + " "
            + System.currentTimeMillis()
            + "\",\"instrumentId\":"
            + instrumentId
            + ",\"departmentIds\":["
            + String.join(",", ids)
            + "],\"audiences\":[\"EMPLOYEES\",\"CUSTOMERS\"],\"opensOn\":\""
            + today
            + "\",\"closesOn\":\""
            + today.plusDays(30)
            + "\",\"transparency\":\"ALL_DEPARTMENTS\",\"wave\":\"bench\"}";
    HttpResponse<String> created = call("POST", "/api/campaigns", token, body);
    if (created.statusCode() != 201) {
      throw new IllegalStateException("campaign: " + created.statusCode() + " " + created.body());
    }
    long id = Long.parseLong(field(created.body(), "id"));
    HttpResponse<String> opened = call("POST", "/api/campaigns/" + id + "/open", token, "");
    if (opened.statusCode() != 200) {
      throw new IllegalStateException("open: " + opened.statusCode() + " " + opened.body());
    }
    System.out.println("campaign " + id + " over " + ids.size() + " departments");
    return id;
  }

  /** Runs the clients against one path: warm-up, then the measured window. */
  private String measure(
      String path, String token, int clients, int warmup, int seconds, long countCampaign)
      throws Exception {
    AtomicBoolean recording = new AtomicBoolean(false);
    AtomicBoolean stop = new AtomicBoolean(false);
    AtomicLong errors = new AtomicLong();
    List<long[]> perThread = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    int[] counts = new int[clients];
    for (int c = 0; c < clients; c++) {
      long[] lat = new long[2_000_000];
      perThread.add(lat);
      int me = c;
      HttpRequest req =
          HttpRequest.newBuilder(URI.create(base + path))
              .header("Authorization", "Bearer " + token)
              .header("Accept", "application/json")
              .timeout(Duration.ofSeconds(60))
              .GET()
              .build();
      Thread t =
          new Thread(
              () -> {
                while (!stop.get()) {
                  long t0 = System.nanoTime();
                  int code;
                  try {
                    code = HTTP.send(req, HttpResponse.BodyHandlers.ofString()).statusCode();
                  } catch (Exception e) {
                    code = -1;
                  }
                  long ns = System.nanoTime() - t0;
                  if (recording.get()) {
                    if (code != 200) {
                      errors.incrementAndGet();
                    }
                    if (counts[me] < lat.length) {
                      lat[counts[me]++] = ns;
                    }
                  }
                }
              });
      t.setDaemon(true); // a failed run ends the program instead of hammering on
      threads.add(t);
      t.start();
    }
    Thread.sleep(warmup * 1000L);
    long[] before = countCampaign < 0 ? null : counted(countCampaign);
    recording.set(true);
    long t0 = System.nanoTime();
    Thread.sleep(seconds * 1000L);
    recording.set(false);
    double elapsed = (System.nanoTime() - t0) / 1e9;
    long[] after = countCampaign < 0 ? null : counted(countCampaign);
    stop.set(true);
    for (Thread t : threads) {
      t.join();
    }
    int n = 0;
    for (int c : counts) {
      n += c;
    }
    long[] all = new long[n];
    int k = 0;
    for (int c = 0; c < clients; c++) {
      System.arraycopy(perThread.get(c), 0, all, k, counts[c]);
      k += counts[c];
    }
    Arrays.sort(all);
    return String.format(
            Locale.ROOT,
            "| %s | %d | %d | %.1f | %.1f | %.1f | %.1f | %.0f |",
            path.substring(path.indexOf('/', "/api/campaigns/".length()) + 1),
            n,
            errors.get(),
            pct(all, 0.50),
            pct(all, 0.95),
            pct(all, 0.99),
            n == 0 ? 0 : all[n - 1] / 1e6,
            n / elapsed)
        + (before == null
            ? ""
            : String.format(Locale.ROOT, " %d | %d |", after[1] - before[1], after[0] - before[0]));
  }

  private static double pct(long[] sorted, double q) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int i = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
  }

  /** A top-level string or number field of a flat JSON object (enough for these replies). */
  static String field(String json, String name) {
    Matcher m =
        Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*(\"([^\"]*)\"|(-?[0-9.]+))")
            .matcher(json);
    if (!m.find()) {
      throw new IllegalStateException("no " + name + " in " + json);
    }
    return m.group(2) != null ? m.group(2) : m.group(3);
  }
}
