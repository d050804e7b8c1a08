package org.cxalign.tools;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The JSON calls the load tools make against the API: one request, and a status check. */
final class JsonCalls {

  private JsonCalls() {}

  /** Sends {@code json} (or no body) with a bearer token (if any) and reads the answer as text. */
  static HttpResponse<String> send(
      HttpClient http,
      String base,
      String method,
      String path,
      String token,
      String json,
      Duration timeout)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Accept", "application/json")
            .timeout(timeout);
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    b.header("Content-Type", "application/json")
        .method(
            method,
            json == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json));
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Throws, naming the request and the answer, unless the status is one of {@code codes}. */
  static void expect(HttpResponse<String> r, int... codes) {
    for (int c : codes) {
      if (r.statusCode() == c) {
        return;
      }
    }
    throw new IllegalStateException(
        r.request().method() + " " + r.uri() + ": " + r.statusCode() + " " + r.body());
  }
}
