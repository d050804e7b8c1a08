package org.cxalign.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** Helpers for the survey ITs: instruments, campaigns, submissions with headers. */
public final class Surveys {

  public static final String BUILT_IN_KEY = "cx-maturity-alignment";

  /** The eight departments of the demo realm's users (their {@code department} attribute). */
  public static final List<String> DEMO_DEPARTMENTS =
      List.of(
          "Sales",
          "Marketing",
          "Customer Service",
          "Product",
          "Engineering",
          "Operations",
          "Finance",
          "People & Culture");

  private Surveys() {}

  public static LocalDate today() {
    return LocalDate.now(ZoneOffset.UTC);
  }

  /** Any method with a JSON body and extra headers (name, value, name, value, ...). */
  public static HttpResponse<String> send(
      String method, String path, String token, String body, String... headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : Api.BASE + path))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return Api.send(b);
  }

  /** The id of the stored built-in instrument. */
  public static long builtInInstrumentId(String admin) {
    HttpResponse<String> r = Api.get("/api/instruments", admin);
    assertEquals(200, r.statusCode(), r.body());
    return Api.json(r.body()).asJsonArray().stream()
        .map(JsonValue::asJsonObject)
        .filter(o -> o.getBoolean("builtIn") && BUILT_IN_KEY.equals(o.getString("key")))
        .findFirst()
        .orElseThrow()
        .getJsonNumber("id")
        .longValue();
  }

  /** Department ids by name. */
  public static Map<String, Long> departments(String admin) {
    HttpResponse<String> r = Api.get("/api/departments", admin);
    assertEquals(200, r.statusCode(), r.body());
    return Api.json(r.body()).asJsonArray().stream()
        .map(JsonValue::asJsonObject)
        .collect(
            java.util.stream.Collectors.toMap(
                o -> o.getString("name"), o -> o.getJsonNumber("id").longValue(), (a, b) -> a));
  }

  /** A campaign body. */
  public static String campaign(
      String title,
      long instrumentId,
      List<Long> departmentIds,
      List<String> audiences,
      LocalDate opensOn,
      LocalDate closesOn) {
    JsonArrayBuilder d = Json.createArrayBuilder();
    departmentIds.forEach(d::add);
    JsonArrayBuilder a = Json.createArrayBuilder();
    audiences.forEach(a::add);
    return Json.createObjectBuilder()
        .add("title", title)
        .add("instrumentId", instrumentId)
        .add("departmentIds", d)
        .add("audiences", a)
        .add("opensOn", opensOn.toString())
        .add("closesOn", closesOn.toString())
        .add("wave", "IT")
        .build()
        .toString();
  }

  /** Creates and opens a campaign; returns its JSON. */
  public static JsonObject openCampaign(String admin, String body) {
    HttpResponse<String> created = Api.postJson("/api/campaigns", admin, body);
    assertEquals(201, created.statusCode(), created.body());
    long id = Api.object(created).getJsonNumber("id").longValue();
    HttpResponse<String> opened = Api.postJson("/api/campaigns/" + id + "/open", admin, "");
    assertEquals(200, opened.statusCode(), opened.body());
    return Api.object(opened);
  }

  /** A submission body from item id / value pairs and a comment (or null). */
  public static String answers(Map<String, ?> answers, String comment) {
    var a = Json.createObjectBuilder();
    answers.forEach(
        (k, v) -> {
          if (v instanceof Integer n) {
            a.add(k, n);
          } else if (v instanceof Double x) {
            a.add(k, x);
          } else {
            a.add(k, String.valueOf(v));
          }
        });
    var o = Json.createObjectBuilder().add("answers", a);
    if (comment != null) {
      o.add("comment", comment);
    }
    return o.build().toString();
  }

  /** The fields of a problem's violations, in order. */
  public static List<String> violationFields(HttpResponse<String> r) {
    return Api.object(r).getJsonArray("violations").stream()
        .map(v -> v.asJsonObject().getString("field"))
        .toList();
  }
}
