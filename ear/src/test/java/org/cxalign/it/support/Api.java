package org.cxalign.it.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A small black-box client of the running server, with real Keycloak tokens. */
public final class Api {

  public static final String BASE = "http://127.0.0.1:8080";
  public static final String MANAGEMENT = "http://127.0.0.1:9990";

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private Api() {}

  /** An access token of realm cx-align for a demo user (password = user name), client cx-cli. */
  public static String token(String username) {
    String form =
        "grant_type=password&client_id=cx-cli&username="
            + URLEncoder.encode(username, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(username, StandardCharsets.UTF_8);
    HttpResponse<String> r =
        send(
            HttpRequest.newBuilder(
                    URI.create(KeycloakExtension.REALM_URL + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    if (r.statusCode() != 200) {
      throw new IllegalStateException("No token for " + username + ": " + r.body());
    }
    return json(r.body()).asJsonObject().getString("access_token");
  }

  public static HttpResponse<String> get(String path, String token) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(BASE + path)).GET();
    return send(auth(b, token).header("Accept", "application/json"));
  }

  public static HttpResponse<String> post(
      String path, String token, String contentType, String body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(BASE + path))
            .header("Content-Type", contentType)
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    return send(auth(b, token));
  }

  public static HttpResponse<String> postJson(String path, String token, String body) {
    return post(path, token, "application/json", body);
  }

  public static HttpResponse<String> putJson(String path, String token, String body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(BASE + path))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(body));
    return send(auth(b, token));
  }

  public static HttpResponse<String> delete(String path, String token) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(BASE + path))
            .header("Accept", "application/json")
            .DELETE();
    return send(auth(b, token));
  }

  public static HttpResponse<String> management(String path) {
    return send(HttpRequest.newBuilder(URI.create(MANAGEMENT + path)).GET());
  }

  public static HttpResponse<String> raw(String url) {
    return send(HttpRequest.newBuilder(URI.create(url)).GET());
  }

  private static HttpRequest.Builder auth(HttpRequest.Builder b, String token) {
    return token == null ? b : b.header("Authorization", "Bearer " + token);
  }

  public static HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return HTTP.send(
          request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static JsonStructure json(String body) {
    try (var reader = Json.createReader(new StringReader(body))) {
      return reader.read();
    }
  }

  public static JsonObject object(HttpResponse<String> r) {
    return json(r.body()).asJsonObject();
  }
}
