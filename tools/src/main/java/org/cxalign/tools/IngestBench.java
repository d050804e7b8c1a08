package org.cxalign.tools;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Customer answers through one-time links as fast as {@code clients} threads can send them: each
 * stores the response and its aggregate outbox row in one transaction. Prints p50/p95/p99 latency
 * and throughput, then checks that the live aggregate counts every accepted answer.
 *
 * <pre>
 * java -cp 'tools/target/cx-align-tools.jar:tools/target/lib/*' org.cxalign.tools.IngestBench \
 *   BASE KEYCLOAK_REALM_URL LINKS CLIENTS
 * </pre>
 */
public final class IngestBench {

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  private IngestBench() {}

  public static void main(String[] args) throws Exception {
    String base = args[0];
    String realm = args[1];
    int links = Integer.parseInt(args[2]);
    int clients = Integer.parseInt(args[3]);
    String token = token(realm);
    String instruments = send(base, "GET", "/api/instruments", token, null).body();
    Matcher m = Pattern.compile("\\{[^{}]*\"builtIn\":true[^{}]*\\}").matcher(instruments);
    if (!m.find()) {
      throw new IllegalStateException("no built-in instrument");
    }
    String instrumentId = ReportBench.field(m.group(), "id");
    String def = send(base, "GET", "/api/instruments/" + instrumentId, token, null).body();
    List<String> customerItems = new ArrayList<>();
    Matcher item =
        Pattern.compile("\\{[^{}]*\"id\":\"([^\"]+)\"[^{}]*\"population\":\"(customer|both)\"")
            .matcher(def);
    while (item.find()) {
      customerItems.add(item.group(1));
    }
    String depts = send(base, "GET", "/api/departments", token, null).body();
    String firstDept = ReportBench.field(depts, "id");
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    String body =
        "{\"title\":\"Ingest benchmark "
            + System.currentTimeMillis()
            + "\",\"instrumentId\":"
            + instrumentId
            + ",\"departmentIds\":["
            + firstDept
            + "],\"audiences\":[\"CUSTOMERS\"],\"opensOn\":\""
            + today
            + "\",\"closesOn\":\""
            + today.plusDays(7)
            + "\"}";
    long campaign =
        Long.parseLong(
            ReportBench.field(send(base, "POST", "/api/campaigns", token, body).body(), "id"));
    send(base, "POST", "/api/campaigns/" + campaign + "/open", token, "");
    List<String> paths = new ArrayList<>();
    while (paths.size() < links) {
      int n = Math.min(10_000, links - paths.size());
      String r =
          send(
                  base,
                  "POST",
                  "/api/campaigns/" + campaign + "/invitations",
                  token,
                  "{\"anonymousLinks\":" + n + "}")
              .body();
      Matcher l = Pattern.compile("(/api/survey/[A-Za-z0-9_-]+)").matcher(r);
      while (l.find()) {
        paths.add(l.group(1));
      }
    }
    System.out.println(
        "campaign " + campaign + ", " + paths.size() + " links, items " + customerItems);
    AtomicInteger next = new AtomicInteger();
    AtomicLong errors = new AtomicLong();
    long[][] lat = new long[clients][paths.size()];
    int[] count = new int[clients];
    List<Thread> threads = new ArrayList<>();
    long t0 = System.nanoTime();
    for (int c = 0; c < clients; c++) {
      int me = c;
      Thread t =
          new Thread(
              () -> {
                SplittableRandom rnd = new SplittableRandom(me);
                int i;
                while ((i = next.getAndIncrement()) < paths.size()) {
                  StringBuilder a = new StringBuilder("{\"answers\":{");
                  for (int k = 0; k < customerItems.size(); k++) {
                    a.append(k == 0 ? "" : ",")
                        .append('"')
                        .append(customerItems.get(k))
                        .append("\":")
                        .append(1 + rnd.nextInt(5));
                  }
                  a.append("}}");
                  HttpRequest req =
                      HttpRequest.newBuilder(URI.create(base + paths.get(i)))
                          .header("Content-Type", "application/json")
                          .header("Idempotency-Key", UUID.randomUUID().toString())
                          .POST(HttpRequest.BodyPublishers.ofString(a.toString()))
                          .build();
                  long s = System.nanoTime();
                  int code;
                  try {
                    code = HTTP.send(req, HttpResponse.BodyHandlers.ofString()).statusCode();
                  } catch (Exception e) {
                    code = -1;
                  }
                  lat[me][count[me]++] = System.nanoTime() - s;
                  if (code != 201) {
                    errors.incrementAndGet();
                  }
                }
              });
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      t.join();
    }
    double secs = (System.nanoTime() - t0) / 1e9;
    int n = Arrays.stream(count).sum();
    long[] all = new long[n];
    int k = 0;
    for (int c = 0; c < clients; c++) {
      System.arraycopy(lat[c], 0, all, k, count[c]);
      k += count[c];
    }
    Arrays.sort(all);
    System.out.printf(
        Locale.ROOT,
        "%d answers, %d errors, %.1f s, %.0f answers/s; latency ms p50 %.1f p95 %.1f p99 %.1f"
            + " max %.1f%n",
        n,
        errors.get(),
        secs,
        n / secs,
        all[n / 2] / 1e6,
        all[(int) Math.ceil(0.95 * n) - 1] / 1e6,
        all[(int) Math.ceil(0.99 * n) - 1] / 1e6,
        all[n - 1] / 1e6);
    String figures =
        send(base, "GET", "/api/campaigns/" + campaign + "/aggregates", token(realm), null).body();
    System.out.println(
        "aggregate counts "
            + ReportBench.field(figures, "customers")
            + " customers; pending outbox rows "
            + ReportBench.field(figures, "pendingOutboxRows"));
  }

  private static String token(String realm) throws Exception {
    String form =
        "grant_type=password&client_id=cx-cli&username=admin&password="
            + URLEncoder.encode("admin", StandardCharsets.UTF_8);
    return ReportBench.field(
        HTTP.send(
                HttpRequest.newBuilder(URI.create(realm + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form))
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body(),
        "access_token");
  }

  private static HttpResponse<String> send(
      String base, String method, String path, String token, String json) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json")
            .timeout(Duration.ofSeconds(120));
    b.header("Content-Type", "application/json")
        .method(
            method,
            json == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json));
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
