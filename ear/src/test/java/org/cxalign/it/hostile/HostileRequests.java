package org.cxalign.it.hostile;

import static org.cxalign.it.hostile.Attack.Expect.ANY;
import static org.cxalign.it.hostile.Attack.Expect.BAD_ENCODING;
import static org.cxalign.it.hostile.Attack.Expect.FORBIDDEN;
import static org.cxalign.it.hostile.Attack.Expect.REFUSED;
import static org.cxalign.it.hostile.Attack.Expect.UNAUTHORIZED;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.cxalign.it.hostile.Attack.Expect;

/**
 * Generates the bad requests of {@link HostileInputIT} from a fixed seed: the same list on every
 * run. Every mutating request carries at least one defect the server must refuse, so that nothing
 * may be stored; reads with bad parameters may answer anything below 500.
 */
final class HostileRequests {

  /** What the generator aims at: ids and credentials set up by the test. */
  record Target(
      String admin,
      String employee,
      String head,
      long campaign,
      long builtinInstrument,
      long draftInstrument,
      List<Long> departments,
      String salesName,
      List<Item> employeeItems,
      List<Item> customerItems,
      List<String> surveyTokens,
      Map<String, String> forgedTokens,
      Map<String, String> expiredTokens,
      Map<String, String> wrongAudienceTokens) {}

  record Item(String id, int min, int max) {}

  private final Target t;
  private final Random rnd;
  private final List<Attack> out = new ArrayList<>();

  private HostileRequests(Target t, long seed) {
    this.t = t;
    this.rnd = new Random(seed);
  }

  static List<Attack> generate(Target t, long seed) {
    HostileRequests g = new HostileRequests(t, seed);
    g.malformedJson();
    g.deepNesting();
    g.wrongTypes();
    g.outOfRangeAnswers();
    g.unknownFields();
    g.hugeBodies();
    g.badTokens("forged-token", t.forgedTokens());
    g.badTokens("expired-token", t.expiredTokens());
    g.badTokens("wrong-audience-token", t.wrongAudienceTokens());
    g.wrongRole();
    g.badDepartmentCsv();
    g.badResponseCsv();
    g.pathTraversal();
    g.badIds();
    g.wrongContentTypes();
    g.badQueryParameters();
    g.forgedSurveyLinks();
    g.badEncodings();
    return g.out;
  }

  // ---------------------------------------------------------------- building blocks

  private static final String JSON = "application/json";

  private static String bearer(String token) {
    return token == null ? null : "Bearer " + token;
  }

  private void add(
      String kind,
      String method,
      String path,
      String token,
      String ct,
      String body,
      Expect expect,
      String... headers) {
    add(
        kind,
        method,
        path,
        token,
        ct,
        body == null ? null : body.getBytes(StandardCharsets.UTF_8),
        expect,
        headers);
  }

  private void add(
      String kind,
      String method,
      String path,
      String token,
      String ct,
      byte[] body,
      Expect expect,
      String... headers) {
    out.add(new Attack(kind, method, path, bearer(token), ct, body, List.of(headers), expect));
  }

  private <T> T pick(List<T> list) {
    return list.get(rnd.nextInt(list.size()));
  }

  private String key() {
    return "hostile-" + Long.toHexString(rnd.nextLong());
  }

  /** A JSON endpoint that stores something when given a valid body. */
  private record JsonTarget(String name, String method, String path, String token, String valid) {}

  private List<JsonTarget> jsonTargets() {
    List<JsonTarget> l = new ArrayList<>();
    l.add(new JsonTarget("departments", "POST", "/api/departments", t.admin(), validDepartment()));
    l.add(
        new JsonTarget(
            "department",
            "PUT",
            "/api/departments/" + t.departments().get(0),
            t.admin(),
            validDepartment()));
    l.add(new JsonTarget("campaigns", "POST", "/api/campaigns", t.admin(), validCampaign()));
    l.add(
        new JsonTarget(
            "invitations",
            "POST",
            "/api/campaigns/" + t.campaign() + "/invitations",
            t.admin(),
            "{\"anonymousLinks\":1,\"validDays\":3}"));
    l.add(
        new JsonTarget(
            "instrument", "PUT", "/api/instruments/" + t.draftInstrument(), t.admin(), null));
    l.add(
        new JsonTarget(
            "responses",
            "POST",
            "/api/campaigns/" + t.campaign() + "/responses",
            t.employee(),
            submission(t.employeeItems(), Map.of())));
    l.add(
        new JsonTarget(
            "survey",
            "POST",
            "/api/survey/" + t.surveyTokens().get(0),
            null,
            submission(t.customerItems(), Map.of())));
    return l;
  }

  private String[] idempotency(JsonTarget target) {
    return target.name().equals("responses") || target.name().equals("survey")
        ? new String[] {"Idempotency-Key", key()}
        : new String[0];
  }

  private String surveyPath() {
    return "/api/survey/" + pick(t.surveyTokens());
  }

  private String validDepartment() {
    return "{\"name\":\"Hostile " + Long.toHexString(rnd.nextLong()) + "\",\"headcount\":5}";
  }

  private JsonObjectBuilder campaignBuilder() {
    return Json.createObjectBuilder()
        .add("title", "Hostile")
        .add("instrumentId", t.builtinInstrument())
        .add("departmentIds", Json.createArrayBuilder().add(t.departments().get(0)))
        .add("audiences", Json.createArrayBuilder().add("EMPLOYEES"))
        .add("opensOn", "2026-12-01")
        .add("closesOn", "2026-12-31")
        .add("anonymityThreshold", 5)
        .add("transparency", "OWN_DEPARTMENT_ONLY")
        .add("wave", "H");
  }

  private String validCampaign() {
    return campaignBuilder().build().toString();
  }

  /** Valid answers for every item, some replaced by the given values. */
  private String submission(List<Item> items, Map<String, JsonValue> replaced) {
    JsonObjectBuilder a = Json.createObjectBuilder();
    for (Item i : items) {
      a.add(i.id(), i.min() + rnd.nextInt(i.max() - i.min() + 1));
    }
    replaced.forEach(a::add);
    return Json.createObjectBuilder()
        .add("answers", a)
        .add("comment", "hostile")
        .build()
        .toString();
  }

  // ---------------------------------------------------------------- classes of bad input

  private static final List<String> MALFORMED =
      List.of(
          "",
          " ",
          "{",
          "}",
          "[",
          "{\"name\":",
          "{\"name\" \"x\"}",
          "{'name':'x'}",
          "{name:\"x\"}",
          "{\"name\":\"x\",}",
          "[1,2,",
          "nul",
          "tru",
          "NaN",
          "{\"a\":NaN}",
          "{\"a\":Infinity}",
          "{\"a\":-Infinity}",
          "/* c */ {}",
          "// c\n{}",
          "{\"name\":\"\\u12\"}",
          "{\"name\":\"\\x41\"}",
          "{\"name\":\"x\"}{\"name\":\"y\"}",
          "{\"a\":1}garbage",
          "{\"name\":\"x\u0000\"}",
          "{\"a\":01}",
          "{\"a\":1.}",
          "{\"a\":.5}",
          "{\"a\":+1}",
          "{\"a\":0x10}",
          "{\"a\":1e}",
          "{\"answers\":{\"x\":}}",
          "{\"answers\":{,}}",
          "{\"a\":\"unterminated}",
          "{\"a\" : [1,2,3,,]}",
          "\"\\ud800\"",
          "{\"\":}",
          "{:1}",
          "{\"a\":true false}",
          "{\"a\":[}]",
          "<xml/>",
          "name=x&headcount=1",
          "\u0000\u0000",
          "{\"answers\":{\"a\":1}",
          "{\"answers\":[1,2,3]",
          "{\"a\":\"\\\"}");

  /** Valid JSON that is not an object of the expected shape. */
  private static final List<String> WRONG_SHAPE =
      List.of(
          "null",
          "[]",
          "[{}]",
          "42",
          "-1",
          "\"a string\"",
          "true",
          "{}",
          "[null]",
          "1e999",
          "{\"answers\":null}",
          "{\"answers\":{}}");

  private void malformedJson() {
    List<JsonTarget> targets = jsonTargets();
    for (JsonTarget target : targets) {
      for (String body : MALFORMED) {
        add(
            "malformed-json",
            target.method(),
            target.path(),
            target.token(),
            JSON,
            body,
            REFUSED,
            idempotency(target));
      }
      for (String body : WRONG_SHAPE) {
        add(
            "malformed-json",
            target.method(),
            target.path(),
            target.token(),
            JSON,
            body,
            REFUSED,
            idempotency(target));
      }
      // invalid UTF-8 and binary
      for (int i = 0; i < 20; i++) {
        byte[] b = new byte[1 + rnd.nextInt(200)];
        rnd.nextBytes(b);
        add(
            "malformed-json",
            target.method(),
            target.path(),
            target.token(),
            JSON,
            b,
            REFUSED,
            idempotency(target));
      }
      if (target.valid() != null) {
        // every truncation point of a valid body (some of them)
        String v = target.valid();
        for (int i = 0; i < 40; i++) {
          int cut = 1 + rnd.nextInt(v.length() - 1);
          add(
              "malformed-json",
              target.method(),
              target.path(),
              target.token(),
              JSON,
              v.substring(0, cut),
              REFUSED,
              idempotency(target));
        }
        // a byte flipped into a structural error
        for (int i = 0; i < 30; i++) {
          char[] c = v.toCharArray();
          int at = rnd.nextInt(c.length);
          c[at] = "{}[]:,\"\\".charAt(rnd.nextInt(8));
          String body = new String(c);
          if (!body.equals(v)) {
            add(
                "malformed-json",
                target.method(),
                target.path(),
                target.token(),
                JSON,
                body + "\u0001",
                REFUSED,
                idempotency(target));
          }
        }
        // a BOM before an otherwise invalid body
        add(
            "malformed-json",
            target.method(),
            target.path(),
            target.token(),
            JSON,
            "\uFEFF{\"name\":",
            REFUSED,
            idempotency(target));
      }
    }
  }

  private void deepNesting() {
    int[] depths = {64, 500, 1_000, 2_000, 5_000, 20_000, 100_000};
    for (JsonTarget target : jsonTargets()) {
      for (int d : depths) {
        add(
            "deep-json",
            target.method(),
            target.path(),
            target.token(),
            JSON,
            "[".repeat(d) + "]".repeat(d),
            REFUSED,
            idempotency(target));
        add(
            "deep-json",
            target.method(),
            target.path(),
            target.token(),
            JSON,
            "{\"a\":".repeat(d) + "1" + "}".repeat(d),
            REFUSED,
            idempotency(target));
        add(
            "deep-json",
            target.method(),
            target.path(),
            target.token(),
            JSON,
            "{\"name\":"
                + "[".repeat(d)
                + "]".repeat(d)
                + ",\"answers\":"
                + "{\"x\":".repeat(d)
                + "1"
                + "}".repeat(d)
                + "}",
            REFUSED,
            idempotency(target));
        // unclosed
        add(
            "deep-json",
            target.method(),
            target.path(),
            target.token(),
            JSON,
            "[".repeat(d),
            REFUSED,
            idempotency(target));
      }
      // nesting inside otherwise sensible fields
      for (int d : new int[] {100, 3_000, 50_000}) {
        String nested = "[".repeat(d) + "1" + "]".repeat(d);
        String nestedObj = "{\"k\":".repeat(d) + "1" + "}".repeat(d);
        add(
            "deep-json",
            target.method(),
            target.path(),
            target.token(),
            JSON,
            "{\"name\":\"x\",\"headcount\":" + nested + "}",
            REFUSED,
            idempotency(target));
        add(
            "deep-json",
            target.method(),
            target.path(),
            target.token(),
            JSON,
            "{\"title\":\"x\",\"departmentIds\":" + nested + "}",
            REFUSED,
            idempotency(target));
        add(
            "deep-json",
            target.method(),
            target.path(),
            target.token(),
            JSON,
            "{\"emails\":[" + nestedObj + "]}",
            REFUSED,
            idempotency(target));
        add(
            "deep-json",
            target.method(),
            target.path(),
            target.token(),
            JSON,
            "{\"answers\":{\"" + t.employeeItems().get(0).id() + "\":" + nested + "}}",
            REFUSED,
            idempotency(target));
      }
    }
  }

  /** Values of a type no field of that kind may take. */
  private static final List<JsonValue> NOT_A_STRING =
      List.of(
          JsonValue.EMPTY_JSON_ARRAY,
          JsonValue.EMPTY_JSON_OBJECT,
          Json.createArrayBuilder().add("x").build(),
          Json.createObjectBuilder().add("name", "x").build());

  private static final List<JsonValue> NOT_AN_INTEGER =
      List.of(
          Json.createValue("abc"),
          Json.createValue("12abc"),
          Json.createValue(""),
          Json.createValue(1.5),
          Json.createValue(new java.math.BigDecimal("1e400")),
          Json.createValue(new java.math.BigDecimal("-1e400")),
          Json.createValue(new java.math.BigInteger("99999999999999999999999")),
          Json.createValue(new java.math.BigDecimal("1e-400")),
          JsonValue.TRUE,
          JsonValue.FALSE,
          JsonValue.EMPTY_JSON_ARRAY,
          JsonValue.EMPTY_JSON_OBJECT,
          Json.createArrayBuilder().add(1).build());

  private static final List<JsonValue> NOT_A_DATE =
      List.of(
          Json.createValue("2026-02-30"),
          Json.createValue("2026-13-01"),
          Json.createValue("yesterday"),
          Json.createValue("01/12/2026"),
          Json.createValue("2026-12-01T00:00:00Z"),
          Json.createValue("+999999999-12-31"),
          Json.createValue("-999999999-01-01"),
          Json.createValue(""),
          Json.createValue(20261201),
          JsonValue.TRUE,
          JsonValue.EMPTY_JSON_ARRAY);

  private static final List<JsonValue> NOT_AN_ENUM_LIST =
      List.of(
          Json.createArrayBuilder().add("EVERYONE").build(),
          Json.createArrayBuilder().add("employees").build(),
          Json.createArrayBuilder().add(1).build(),
          Json.createArrayBuilder().addNull().build(),
          Json.createArrayBuilder().add(JsonValue.EMPTY_JSON_ARRAY).build(),
          Json.createValue("EMPLOYEES"),
          Json.createValue(0),
          JsonValue.EMPTY_JSON_OBJECT);

  private static final List<JsonValue> NOT_AN_ID_LIST =
      List.of(
          Json.createArrayBuilder().add("one").build(),
          Json.createArrayBuilder().add(1.5).build(),
          Json.createArrayBuilder().add(new java.math.BigInteger("99999999999999999999")).build(),
          Json.createArrayBuilder().add(JsonValue.TRUE).build(),
          Json.createArrayBuilder().add(JsonValue.EMPTY_JSON_OBJECT).build(),
          Json.createValue(1),
          Json.createValue("1,2"),
          JsonValue.EMPTY_JSON_OBJECT);

  private void wrongTypes() {
    // departments: name, headcount
    for (String method : List.of("POST", "PUT")) {
      String path =
          method.equals("POST") ? "/api/departments" : "/api/departments/" + t.departments().get(0);
      for (JsonValue v : NOT_A_STRING) {
        for (int rep = 0; rep < 3; rep++) {
          add(
              "wrong-type",
              method,
              path,
              t.admin(),
              JSON,
              Json.createObjectBuilder().add("name", v).add("headcount", 3).build().toString(),
              REFUSED);
        }
      }
      for (JsonValue v : NOT_AN_INTEGER) {
        for (int rep = 0; rep < 3; rep++) {
          add(
              "wrong-type",
              method,
              path,
              t.admin(),
              JSON,
              Json.createObjectBuilder()
                  .add("name", "Hostile " + rnd.nextInt())
                  .add("headcount", v)
                  .build()
                  .toString(),
              REFUSED);
        }
      }
    }
    // campaigns: every field with each wrong value
    Map<String, List<JsonValue>> wrong = new LinkedHashMap<>();
    wrong.put("title", NOT_A_STRING);
    wrong.put("instrumentId", NOT_AN_INTEGER);
    wrong.put("departmentIds", NOT_AN_ID_LIST);
    wrong.put("audiences", NOT_AN_ENUM_LIST);
    wrong.put("opensOn", NOT_A_DATE);
    wrong.put("closesOn", NOT_A_DATE);
    wrong.put("anonymityThreshold", NOT_AN_INTEGER);
    wrong.put(
        "transparency",
        List.of(
            Json.createValue("EVERYTHING"),
            Json.createValue(1),
            Json.createValue(""),
            JsonValue.TRUE,
            JsonValue.EMPTY_JSON_ARRAY));
    wrong.put("wave", NOT_A_STRING);
    for (int rep = 0; rep < 4; rep++) {
      wrong.forEach(
          (field, values) -> {
            for (JsonValue v : values) {
              add(
                  "wrong-type",
                  "POST",
                  "/api/campaigns",
                  t.admin(),
                  JSON,
                  campaignBuilder().add(field, v).build().toString(),
                  REFUSED);
            }
          });
    }
    // invitations
    String inv = "/api/campaigns/" + t.campaign() + "/invitations";
    for (int rep = 0; rep < 3; rep++) {
      for (JsonValue v : NOT_AN_INTEGER) {
        add(
            "wrong-type",
            "POST",
            inv,
            t.admin(),
            JSON,
            Json.createObjectBuilder().add("anonymousLinks", v).build().toString(),
            REFUSED);
        add(
            "wrong-type",
            "POST",
            inv,
            t.admin(),
            JSON,
            Json.createObjectBuilder()
                .add("anonymousLinks", 1)
                .add("validDays", v)
                .build()
                .toString(),
            REFUSED);
        add(
            "wrong-type",
            "POST",
            inv,
            t.admin(),
            JSON,
            "{\"emails\":[{\"email\":\"a@example.com\",\"departmentId\":" + v + "}]}",
            REFUSED);
      }
      for (JsonValue v : NOT_A_STRING) {
        add(
            "wrong-type",
            "POST",
            inv,
            t.admin(),
            JSON,
            "{\"emails\":[{\"email\":" + v + "}]}",
            REFUSED);
        add("wrong-type", "POST", inv, t.admin(), JSON, "{\"emails\":" + v + "}", REFUSED);
      }
      for (String e : List.of("\"a@example.com\"", "1", "true", "[[]]", "[null]", "\"\"")) {
        add("wrong-type", "POST", inv, t.admin(), JSON, "{\"emails\":" + e + "}", REFUSED);
      }
    }
    // submissions: answers and comment of the wrong type
    for (JsonValue v :
        List.of(
            JsonValue.TRUE,
            Json.createValue(3),
            Json.createValue("3"),
            Json.createArrayBuilder().add(3).build())) {
      for (int rep = 0; rep < 10; rep++) {
        add(
            "wrong-type",
            "POST",
            "/api/campaigns/" + t.campaign() + "/responses",
            t.employee(),
            JSON,
            "{\"answers\":" + v + "}",
            REFUSED,
            "Idempotency-Key",
            key());
        add(
            "wrong-type",
            "POST",
            surveyPath(),
            null,
            JSON,
            "{\"answers\":" + v + "}",
            REFUSED,
            "Idempotency-Key",
            key());
      }
    }
    for (JsonValue v :
        List.of(
            Json.createValue(3),
            JsonValue.TRUE,
            JsonValue.EMPTY_JSON_ARRAY,
            JsonValue.EMPTY_JSON_OBJECT)) {
      for (int rep = 0; rep < 10; rep++) {
        String body = submission(t.employeeItems(), Map.of());
        body = body.replace("\"comment\":\"hostile\"", "\"comment\":" + v);
        add(
            "wrong-type",
            "POST",
            "/api/campaigns/" + t.campaign() + "/responses",
            t.employee(),
            JSON,
            body,
            REFUSED,
            "Idempotency-Key",
            key());
        String c =
            submission(t.customerItems(), Map.of())
                .replace("\"comment\":\"hostile\"", "\"comment\":" + v);
        add("wrong-type", "POST", surveyPath(), null, JSON, c, REFUSED, "Idempotency-Key", key());
      }
    }
    // instrument definitions of the wrong shape
    for (String body :
        List.of(
            "{\"key\":1}",
            "{\"dimensions\":\"x\"}",
            "{\"items\":{}}",
            "{\"key\":\"k\",\"version\":\"one\",\"dimensions\":[],\"items\":[]}",
            "{\"key\":[],\"title\":{}}",
            "{\"items\":[{\"id\":1,\"scale\":\"1-5\"}]}")) {
      for (int rep = 0; rep < 5; rep++) {
        add(
            "wrong-type",
            "PUT",
            "/api/instruments/" + t.draftInstrument(),
            t.admin(),
            JSON,
            body,
            REFUSED);
      }
    }
  }

  private List<JsonValue> outOfRange(Item i) {
    return List.of(
        Json.createValue(i.min() - 1),
        Json.createValue(i.max() + 1),
        Json.createValue(i.min() - 1000),
        Json.createValue(i.max() + 1_000_000),
        Json.createValue(Long.MAX_VALUE),
        Json.createValue(Long.MIN_VALUE),
        Json.createValue(new java.math.BigDecimal("1e400")),
        Json.createValue(new java.math.BigDecimal("-1e400")),
        Json.createValue(new java.math.BigDecimal("1e-400")),
        Json.createValue(i.min() + 0.5),
        Json.createValue(i.max() - 0.0001),
        Json.createValue(new java.math.BigDecimal(i.max() + ".0000000000000000000001")),
        Json.createValue(String.valueOf(i.min())),
        Json.createValue("three"),
        Json.createValue(""),
        JsonValue.TRUE,
        JsonValue.FALSE,
        JsonValue.EMPTY_JSON_ARRAY,
        Json.createArrayBuilder().add(i.min()).build(),
        Json.createObjectBuilder().add("value", i.min()).build());
  }

  private void outOfRangeAnswers() {
    for (boolean employee : new boolean[] {true, false}) {
      List<Item> items = employee ? t.employeeItems() : t.customerItems();
      int n = employee ? 1200 : 900;
      for (int k = 0; k < n; k++) {
        Map<String, JsonValue> bad = new LinkedHashMap<>();
        int defects = 1 + rnd.nextInt(3);
        for (int d = 0; d < defects; d++) {
          int kind = rnd.nextInt(10);
          if (kind < 7) {
            Item i = pick(items);
            bad.put(i.id(), pick(outOfRange(i)));
          } else if (kind == 7) {
            bad.put("no.such.item." + rnd.nextInt(1000), Json.createValue(3));
          } else if (kind == 8) {
            bad.put("collab.No Such Department " + rnd.nextInt(1000), Json.createValue(3));
          } else {
            bad.put(
                pick(
                    List.of(
                        "",
                        " ",
                        "../../etc/passwd",
                        "'; DROP TABLE survey_response;--",
                        "<script>alert(1)</script>",
                        "\u0000",
                        "a".repeat(5000))),
                Json.createValue(3));
          }
        }
        String body = submission(items, bad);
        if (employee) {
          add(
              "out-of-range-answer",
              "POST",
              "/api/campaigns/" + t.campaign() + "/responses",
              t.employee(),
              JSON,
              body,
              REFUSED,
              "Idempotency-Key",
              key());
        } else {
          add(
              "out-of-range-answer",
              "POST",
              surveyPath(),
              null,
              JSON,
              body,
              REFUSED,
              "Idempotency-Key",
              key());
        }
      }
    }
  }

  private void unknownFields() {
    List<String> names =
        List.of(
            "id",
            "version",
            "createdAt",
            "admin",
            "role",
            "roles",
            "__proto__",
            "constructor",
            "@type",
            "$ref",
            "class",
            "departmentId",
            "status",
            "x");
    for (int k = 0; k < 90; k++) {
      String f = pick(names);
      String v = pick(List.of("1", "\"OPEN\"", "true", "{\"a\":1}", "[1]", "null"));
      // departments: unknown member on an otherwise valid body
      String dep = validDepartment();
      add(
          "unknown-field",
          "POST",
          "/api/departments",
          t.admin(),
          JSON,
          dep.substring(0, dep.length() - 1) + ",\"" + f + "\":" + v + "}",
          REFUSED);
      add(
          "unknown-field",
          "PUT",
          "/api/departments/" + t.departments().get(0),
          t.admin(),
          JSON,
          dep.substring(0, dep.length() - 1) + ",\"" + f + "\":" + v + "}",
          REFUSED);
      String c = validCampaign();
      add(
          "unknown-field",
          "POST",
          "/api/campaigns",
          t.admin(),
          JSON,
          c.substring(0, c.length() - 1) + ",\"" + f + "\":" + v + "}",
          REFUSED);
      add(
          "unknown-field",
          "POST",
          "/api/campaigns/" + t.campaign() + "/invitations",
          t.admin(),
          JSON,
          "{\"anonymousLinks\":1,\"" + f + "\":" + v + "}",
          REFUSED);
      String s = submission(t.employeeItems(), Map.of());
      add(
          "unknown-field",
          "POST",
          "/api/campaigns/" + t.campaign() + "/responses",
          t.employee(),
          JSON,
          s.substring(0, s.length() - 1) + ",\"" + f + "\":" + v + "}",
          REFUSED,
          "Idempotency-Key",
          key());
      String cs = submission(t.customerItems(), Map.of());
      add(
          "unknown-field",
          "POST",
          surveyPath(),
          null,
          JSON,
          cs.substring(0, cs.length() - 1) + ",\"" + f + "\":" + v + "}",
          REFUSED,
          "Idempotency-Key",
          key());
    }
  }

  private void hugeBodies() {
    int[] sizes = {70 * 1024, 1_100_000, 3_000_000, 12_000_000};
    for (int size : sizes) {
      String filler = "x".repeat(size);
      for (JsonTarget target : jsonTargets()) {
        add(
            "huge-body",
            target.method(),
            target.path(),
            target.token(),
            JSON,
            "{\"name\":\"" + filler + "\",\"title\":\"" + "\",\"comment\":\"" + "\"}",
            REFUSED,
            idempotency(target));
      }
      String manyIds = "[" + "1,".repeat(size / 2) + "1]";
      add(
          "huge-body",
          "POST",
          "/api/campaigns",
          t.admin(),
          JSON,
          campaignBuilder()
              .build()
              .toString()
              .replaceFirst("\"departmentIds\":\\[[0-9]+\\]", "\"departmentIds\":" + manyIds),
          REFUSED);
      add(
          "huge-body",
          "POST",
          "/api/departments/import",
          t.admin(),
          "text/csv",
          "name,headcount\n" + ("Hostile," + "-1\n").repeat(size / 10),
          REFUSED);
      add(
          "huge-body",
          "POST",
          "/api/campaigns/" + t.campaign() + "/imports",
          t.admin(),
          "text/csv",
          "respondent_id,population,department\n" + "r,ALIEN,Nowhere\n".repeat(size / 17),
          REFUSED);
      String answers = submission(t.customerItems(), Map.of("no.such.item", Json.createValue(1)));
      add(
          "huge-body",
          "POST",
          surveyPath(),
          null,
          JSON,
          answers.replace("\"comment\":\"hostile\"", "\"comment\":\"" + filler + "\""),
          REFUSED,
          "Idempotency-Key",
          key());
    }
    // many members rather than one long value
    StringBuilder many = new StringBuilder("{\"answers\":{");
    for (int i = 0; i < 60_000; i++) {
      many.append(i == 0 ? "" : ",").append("\"i").append(i).append("\":1");
    }
    many.append("}}");
    add(
        "huge-body",
        "POST",
        "/api/campaigns/" + t.campaign() + "/responses",
        t.employee(),
        JSON,
        many.toString(),
        REFUSED,
        "Idempotency-Key",
        key());
    add(
        "huge-body",
        "POST",
        "/api/campaigns/" + t.campaign() + "/invitations",
        t.admin(),
        JSON,
        "{\"anonymousLinks\":1000000}",
        REFUSED);
    StringBuilder emails = new StringBuilder("{\"emails\":[");
    for (int i = 0; i < 10_001; i++) {
      emails.append(i == 0 ? "" : ",").append("{\"email\":\"c").append(i).append("@example.com\"}");
    }
    emails.append("]}");
    add(
        "huge-body",
        "POST",
        "/api/campaigns/" + t.campaign() + "/invitations",
        t.admin(),
        JSON,
        emails.toString(),
        REFUSED);
    // a header far over any limit
    add(
        "huge-body",
        "GET",
        "/api/departments",
        t.admin(),
        null,
        (byte[]) null,
        ANY,
        "X-Filler",
        "y".repeat(200_000));
  }

  /** Endpoints each bad credential is tried on; writes carry valid bodies. */
  private void badTokens(String kind, Map<String, String> tokens) {
    for (Map.Entry<String, String> e : tokens.entrySet()) {
      String tok = e.getValue();
      String token = tok.startsWith("RAW:") ? null : tok;
      String raw = tok.startsWith("RAW:") ? tok.substring(4) : null;
      List<String[]> calls = new ArrayList<>();
      calls.add(new String[] {"GET", "/api/me", null});
      calls.add(new String[] {"GET", "/api/departments", null});
      calls.add(new String[] {"GET", "/api/departments/" + t.departments().get(0), null});
      calls.add(new String[] {"GET", "/api/campaigns", null});
      calls.add(new String[] {"GET", "/api/campaigns/" + t.campaign(), null});
      calls.add(new String[] {"GET", "/api/campaigns/open", null});
      calls.add(new String[] {"GET", "/api/campaigns/" + t.campaign() + "/report", null});
      calls.add(
          new String[] {"GET", "/api/campaigns/" + t.campaign() + "/export/responses.csv", null});
      calls.add(new String[] {"GET", "/api/campaigns/" + t.campaign() + "/aggregates", null});
      calls.add(new String[] {"GET", "/api/instruments", null});
      calls.add(new String[] {"POST", "/api/departments", validDepartment()});
      calls.add(new String[] {"POST", "/api/campaigns", validCampaign()});
      calls.add(
          new String[] {
            "POST", "/api/campaigns/" + t.campaign() + "/invitations", "{\"anonymousLinks\":1}"
          });
      calls.add(
          new String[] {
            "POST",
            "/api/campaigns/" + t.campaign() + "/responses",
            submission(t.employeeItems(), Map.of())
          });
      calls.add(new String[] {"POST", "/api/instruments/" + t.builtinInstrument() + "/copy", ""});
      calls.add(new String[] {"POST", "/api/campaigns/" + t.campaign() + "/close", ""});
      calls.add(new String[] {"DELETE", "/api/departments/" + t.departments().get(0), null});
      calls.add(
          new String[] {"POST", "/api/campaigns/" + t.campaign() + "/aggregates/rebuild", ""});
      for (String[] c : calls) {
        String auth = raw != null ? raw : bearer(token);
        out.add(
            new Attack(
                kind + ":" + e.getKey(),
                c[0],
                c[1],
                auth,
                c[2] == null ? null : JSON,
                c[2] == null ? null : c[2].getBytes(StandardCharsets.UTF_8),
                c[1].endsWith("/responses") ? List.of("Idempotency-Key", key()) : List.of(),
                UNAUTHORIZED));
      }
      // the pages behind the login take a bearer token too: it must not open them
      for (String page : List.of("/app/", "/app/admin/", "/app/dashboard/")) {
        String auth = raw != null ? raw : bearer(token);
        out.add(
            new Attack(kind + ":" + e.getKey(), "GET", page, auth, null, null, List.of(), REFUSED));
      }
    }
  }

  private void wrongRole() {
    String c = "/api/campaigns/" + t.campaign();
    for (int rep = 0; rep < 8; rep++) {
      for (String token : List.of(t.employee(), t.head())) {
        add("wrong-role", "POST", "/api/departments", token, JSON, validDepartment(), FORBIDDEN);
        add(
            "wrong-role",
            "PUT",
            "/api/departments/" + t.departments().get(0),
            token,
            JSON,
            validDepartment(),
            FORBIDDEN);
        add(
            "wrong-role",
            "DELETE",
            "/api/departments/" + t.departments().get(0),
            token,
            null,
            (String) null,
            FORBIDDEN);
        add(
            "wrong-role",
            "POST",
            "/api/departments/import",
            token,
            "text/csv",
            "name,headcount\nHostile " + rnd.nextInt() + ",3\n",
            FORBIDDEN);
        add("wrong-role", "POST", "/api/departments/sync", token, null, (String) null, FORBIDDEN);
        add("wrong-role", "POST", "/api/campaigns", token, JSON, validCampaign(), FORBIDDEN);
        add("wrong-role", "POST", c + "/close", token, null, (String) null, FORBIDDEN);
        add(
            "wrong-role",
            "POST",
            c + "/invitations",
            token,
            JSON,
            "{\"anonymousLinks\":1}",
            FORBIDDEN);
        add(
            "wrong-role",
            "POST",
            c + "/invitations/reminders",
            token,
            null,
            (String) null,
            FORBIDDEN);
        add(
            "wrong-role",
            "POST",
            c + "/imports",
            token,
            "text/csv",
            "respondent_id,population,department\n",
            FORBIDDEN);
        add(
            "wrong-role",
            "GET",
            c + "/export/responses.csv",
            token,
            null,
            (String) null,
            FORBIDDEN);
        add("wrong-role", "GET", c + "/aggregates", token, null, (String) null, FORBIDDEN);
        add("wrong-role", "POST", c + "/aggregates/rebuild", token, null, (String) null, FORBIDDEN);
        add(
            "wrong-role",
            "POST",
            "/api/instruments/" + t.builtinInstrument() + "/copy",
            token,
            null,
            (String) null,
            FORBIDDEN);
        add(
            "wrong-role",
            "PUT",
            "/api/instruments/" + t.draftInstrument(),
            token,
            JSON,
            "{}",
            FORBIDDEN);
      }
      // an administrator or a head is not an employee: no answers from them
      for (String token : List.of(t.admin(), t.head())) {
        add(
            "wrong-role",
            "POST",
            c + "/responses",
            token,
            JSON,
            submission(t.employeeItems(), Map.of()),
            FORBIDDEN,
            "Idempotency-Key",
            key());
      }
      add("wrong-role", "GET", c + "/report", t.employee(), null, (String) null, FORBIDDEN);
      add("wrong-role", "GET", "/api/campaigns", t.employee(), null, (String) null, FORBIDDEN);
    }
  }

  private String badDepartmentLine() {
    return switch (rnd.nextInt(14)) {
      case 0 -> "Hostile " + rnd.nextInt() + ",-1";
      case 1 -> "Hostile " + rnd.nextInt() + ",abc";
      case 2 -> "Hostile " + rnd.nextInt() + ",1.5";
      case 3 -> "Hostile " + rnd.nextInt() + ",99999999999999999999";
      case 4 -> "," + rnd.nextInt(100);
      case 5 -> "   ,3";
      case 6 -> "H".repeat(101) + ",3";
      case 7 -> "Hostile " + rnd.nextInt() + ",3,extra,columns";
      case 8 -> "\"Hostile " + rnd.nextInt() + ",3";
      case 9 -> "Hostile " + rnd.nextInt() + ",1e3";
      case 10 -> "Hostile " + rnd.nextInt() + ",10000001";
      case 11 -> "\"\"\"unbalanced\",\"3";
      case 12 -> "Hostile " + rnd.nextInt() + "," + "9".repeat(400);
      default -> "Hostile " + rnd.nextInt() + ",NaN";
    };
  }

  private String plausibleDepartmentLine() {
    return switch (rnd.nextInt(8)) {
      case 0 -> "../../etc/passwd,3";
      case 1 -> "=HYPERLINK(\"http://x\"),4";
      case 2 -> "Hostile " + rnd.nextInt() + ",7";
      case 3 -> "\"Quoted, with comma " + rnd.nextInt() + "\",2";
      case 4 -> "<script>alert(" + rnd.nextInt() + ")</script>";
      case 5 -> "Hostile ünïcödé " + rnd.nextInt() + ",1";
      case 6 -> t.salesName() + ",9";
      default -> "Hostile " + rnd.nextInt();
    };
  }

  private void badDepartmentCsv() {
    List<String> headers =
        List.of(
            "name,headcount",
            "name",
            "NAME,HEADCOUNT",
            "\uFEFFname,headcount",
            "name;headcount",
            "headcount,name",
            "name,headcount,extra",
            "");
    for (int k = 0; k < 1100; k++) {
      StringBuilder csv = new StringBuilder();
      String header = pick(headers);
      String eol = pick(List.of("\n", "\r\n", "\r"));
      csv.append(header).append(eol);
      int lines = 1 + rnd.nextInt(8);
      int badAt = rnd.nextInt(lines);
      for (int i = 0; i < lines; i++) {
        csv.append(i == badAt ? badDepartmentLine() : plausibleDepartmentLine()).append(eol);
      }
      add(
          "bad-department-csv",
          "POST",
          "/api/departments/import",
          t.admin(),
          "text/csv",
          csv.toString(),
          REFUSED);
    }
    // binary and broken encodings, each with a bad line after
    for (int k = 0; k < 40; k++) {
      byte[] junk = new byte[10 + rnd.nextInt(300)];
      rnd.nextBytes(junk);
      byte[] tail = ("\n" + badDepartmentLine() + "\n").getBytes(StandardCharsets.UTF_8);
      byte[] head = "name,headcount\n".getBytes(StandardCharsets.UTF_8);
      byte[] all = new byte[head.length + junk.length + tail.length];
      System.arraycopy(head, 0, all, 0, head.length);
      System.arraycopy(junk, 0, all, head.length, junk.length);
      System.arraycopy(tail, 0, all, head.length + junk.length, tail.length);
      add(
          "bad-department-csv",
          "POST",
          "/api/departments/import",
          t.admin(),
          "text/csv",
          all,
          REFUSED);
    }
  }

  private String badResponseRow(List<String> items) {
    StringBuilder row = new StringBuilder("r" + rnd.nextInt(1_000_000));
    int kind = rnd.nextInt(9);
    row.append(',').append(kind == 0 ? "ALIEN" : "employee");
    row.append(',').append(kind == 1 ? "No Such Department" : t.salesName());
    for (int i = 0; i < items.size(); i++) {
      String v = String.valueOf(1 + rnd.nextInt(5));
      if (i == 0) {
        v =
            switch (kind) {
              case 2 -> "9";
              case 3 -> "-1";
              case 4 -> "abc";
              case 5 -> "2.5";
              case 6 -> "99999999999999999999";
              default -> v;
            };
      }
      row.append(',').append(v);
    }
    if (kind == 7) {
      row.append(",extra,columns");
    }
    if (kind == 8) {
      return row.substring(0, row.length() / 2) + ",\"unterminated";
    }
    return row.toString();
  }

  private void badResponseCsv() {
    List<String> items = t.employeeItems().stream().map(Item::id).limit(6).toList();
    String header = "respondent_id,population,department," + String.join(",", items);
    String imports = "/api/campaigns/" + t.campaign() + "/imports";
    for (int k = 0; k < 70; k++) {
      StringBuilder csv = new StringBuilder(header).append('\n');
      int rows = 1 + rnd.nextInt(10);
      for (int i = 0; i < rows; i++) {
        csv.append(badResponseRow(items)).append('\n');
      }
      // REJECT_ALL: one bad row rejects the file. SKIP_INVALID only with every row bad.
      add(
          "bad-response-csv",
          "POST",
          imports + "?mode=" + pick(List.of("REJECT_ALL", "SKIP_INVALID")),
          t.admin(),
          "text/csv",
          csv.toString(),
          REFUSED);
    }
    List<String> badHeaders =
        List.of(
            "",
            "respondent_id",
            "a,b,c",
            "population,department",
            "respondent_id,respondent_id,population,department",
            "\u0000\u0001\u0002",
            "respondent_id,population,department,no.such.item",
            "respondent_id,population,department,../../etc/passwd",
            "respondent_id;population;department");
    for (int k = 0; k < 30; k++) {
      String h = pick(badHeaders);
      add(
          "bad-response-csv",
          "POST",
          imports,
          t.admin(),
          "text/csv",
          h + "\n" + badResponseRow(items) + "\n",
          REFUSED);
    }
  }

  private void pathTraversal() {
    List<String> traversal =
        List.of(
            "..",
            "../..",
            "..%2F..%2Fetc%2Fpasswd",
            "%2e%2e%2f%2e%2e%2f",
            "..%252F..%252F",
            "....//....//etc/passwd",
            "..;",
            "..%5C..%5Cwindows",
            "%c0%ae%c0%ae/",
            ".%2e/.%2e/WEB-INF/web.xml",
            "..%00/",
            "%2e%2e",
            "..%2fWEB-INF%2fweb.xml");
    List<String> prefixes =
        List.of(
            "/api/departments/",
            "/api/survey/",
            "/api/instruments/",
            "/api/campaigns/",
            "/api/campaigns/" + t.campaign() + "/report/departments/",
            "/api/campaigns/" + t.campaign() + "/imports/",
            "/app/survey/",
            "/app/admin/campaign/",
            "/app/",
            "/webjars/",
            "/api-docs/",
            "/assets/",
            "/");
    for (String p : prefixes) {
      for (String tr : traversal) {
        for (String target : List.of("WEB-INF/web.xml", "etc/passwd", "META-INF/MANIFEST.MF")) {
          String token = p.startsWith("/api/") ? t.admin() : null;
          add("path-traversal", "GET", p + tr + "/" + target, token, null, (String) null, ANY);
        }
      }
    }
    for (String p :
        List.of(
            "/WEB-INF/web.xml",
            "/META-INF/MANIFEST.MF",
            "/WEB-INF/",
            "/WEB-INF/classes/META-INF/microprofile-config.properties",
            "/web-inf/web.xml",
            "/WEB-INF%2Fweb.xml",
            "/%57EB-INF/web.xml",
            "/app/../WEB-INF/web.xml",
            "/app/%2e%2e/WEB-INF/web.xml",
            "/api/../WEB-INF/web.xml",
            "/survey/../WEB-INF/web.xml")) {
      add("path-traversal", "GET", p, null, null, (String) null, REFUSED);
    }
    // traversal in names: department names, import column maps, idempotency keys, comments
    for (int k = 0; k < 40; k++) {
      String name = pick(traversal) + "/" + pick(List.of("etc/passwd", "WEB-INF/web.xml"));
      add(
          "path-traversal",
          "POST",
          "/api/departments",
          t.admin(),
          JSON,
          "{\"name\":\"" + name + "\",\"headcount\":-1}",
          REFUSED);
      add(
          "path-traversal",
          "POST",
          "/api/departments/import",
          t.admin(),
          "text/csv",
          "name,headcount\n" + name + ",3\n" + badDepartmentLine() + "\n",
          REFUSED);
      add(
          "path-traversal",
          "POST",
          "/api/campaigns/"
              + t.campaign()
              + "/imports?map="
              + java.net.URLEncoder.encode(name + "=respondent_id", StandardCharsets.UTF_8)
              + "&map="
              + java.net.URLEncoder.encode("x=" + name, StandardCharsets.UTF_8),
          t.admin(),
          "text/csv",
          "respondent_id,population,department\n",
          REFUSED);
      add(
          "path-traversal",
          "POST",
          "/api/campaigns/" + t.campaign() + "/responses",
          t.employee(),
          JSON,
          submission(t.employeeItems(), Map.of(name, Json.createValue(3))),
          REFUSED,
          "Idempotency-Key",
          name);
    }
  }

  private static final List<String> BAD_IDS =
      List.of(
          "abc",
          "-1",
          "0",
          "99999999999999999999",
          "9223372036854775808",
          "-9223372036854775809",
          "1e3",
          "0x10",
          "１２",
          "%00",
          "1%00",
          "1%20OR%201=1",
          "1.0",
          "+1",
          "%201",
          "NaN",
          "null",
          "undefined",
          "%5B1%5D",
          "1,2",
          "9223372036854775807",
          "%F0%9F%98%80",
          "' OR '1'='1",
          "1'",
          "$%7Bjndi:ldap://x%7D");

  private void badIds() {
    for (String raw : BAD_IDS) {
      String id = raw.replace(" ", "%20").replace("'", "%27").replace("$", "%24");
      String c = "/api/campaigns/" + id;
      List<String[]> calls =
          List.of(
              new String[] {"GET", "/api/departments/" + id},
              new String[] {"PUT", "/api/departments/" + id},
              new String[] {"DELETE", "/api/departments/" + id},
              new String[] {"GET", "/api/instruments/" + id},
              new String[] {"POST", "/api/instruments/" + id + "/copy"},
              new String[] {"PUT", "/api/instruments/" + id},
              new String[] {"GET", c},
              new String[] {"POST", c + "/open"},
              new String[] {"POST", c + "/close"},
              new String[] {"GET", c + "/response-rates"},
              new String[] {"POST", c + "/invitations"},
              new String[] {"POST", c + "/invitations/reminders"},
              new String[] {"POST", c + "/responses"},
              new String[] {"POST", c + "/imports"},
              new String[] {"GET", "/api/campaigns/" + t.campaign() + "/imports/" + id},
              new String[] {"GET", c + "/report"},
              new String[] {"GET", c + "/report/departments"},
              new String[] {"GET", "/api/campaigns/" + t.campaign() + "/report/departments/" + id},
              new String[] {"GET", c + "/report/heatmap"},
              new String[] {"GET", c + "/report/network"},
              new String[] {"GET", c + "/report/gap"},
              new String[] {"GET", c + "/report/maturity"},
              new String[] {"GET", c + "/report/verdict"},
              new String[] {"GET", c + "/report/trend"},
              new String[] {"GET", c + "/report/comments"},
              new String[] {"GET", c + "/export/responses.csv"},
              new String[] {"GET", c + "/export/codebook.json"},
              new String[] {"GET", c + "/export/report.json"},
              new String[] {"GET", c + "/aggregates"},
              new String[] {"POST", c + "/aggregates/rebuild"},
              new String[] {"GET", "/api/campaigns/" + t.campaign() + "/aggregates/rebuild/" + id},
              new String[] {"GET", "/app/survey/" + id},
              new String[] {"GET", "/app/admin/campaign/" + id},
              new String[] {"GET", "/app/dashboard/?campaign=" + id});
      for (String[] call : calls) {
        String token =
            call[0].equals("POST") && call[1].endsWith("/responses") ? t.employee() : t.admin();
        String body = null;
        String ct = null;
        String[] headers = {};
        if (call[1].endsWith("/imports")) {
          ct = "text/csv";
          body = "respondent_id,population,department\nr1,employee,Nowhere\n";
        } else if (call[0].equals("PUT")
            || call[1].endsWith("/invitations")
            || call[1].endsWith("/responses")) {
          ct = JSON;
          body =
              call[1].endsWith("/invitations")
                  ? "{\"anonymousLinks\":1}"
                  : call[1].endsWith("/responses")
                      ? submission(t.employeeItems(), Map.of())
                      : call[1].contains("/departments/") ? validDepartment() : "{}";
          if (call[1].endsWith("/responses")) {
            headers = new String[] {"Idempotency-Key", key()};
          }
        }
        // a well-formed id that names nothing must be refused too, except a read of a page
        Expect e = call[0].equals("GET") ? ANY : REFUSED;
        if (raw.equals("9223372036854775807")
            && call[0].equals("GET")
            && call[1].startsWith("/api/")) {
          e = REFUSED;
        }
        add(
            "bad-id",
            call[0],
            call[1],
            call[1].startsWith("/app/") ? null : token,
            ct,
            body,
            e,
            headers);
      }
    }
  }

  private void wrongContentTypes() {
    List<String> types =
        List.of(
            "text/plain",
            "application/xml",
            "text/xml",
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=xyz",
            "application/octet-stream",
            "text/csv",
            "application/json-patch+json",
            "application/javascript",
            "image/png",
            "garbage",
            "application/",
            "/json",
            ";;;",
            "application/json; charset=nonexistent-charset",
            "text/html");
    for (JsonTarget target : jsonTargets()) {
      String body = target.valid() == null ? "{}" : target.valid();
      for (String ct : types) {
        if (ct.equals("text/csv") && target.name().equals("departments")) {
          continue; // not a CSV endpoint, but a valid CSV line could be a name
        }
        for (int rep = 0; rep < 4; rep++) {
          String b =
              target.valid() == null
                  ? body
                  : jsonTargets().stream()
                      .filter(x -> x.name().equals(target.name()))
                      .findFirst()
                      .orElseThrow()
                      .valid();
          add(
              "wrong-content-type",
              target.method(),
              target.path(),
              target.token(),
              ct,
              b,
              REFUSED,
              idempotency(target));
        }
      }
      // no Content-Type at all
      for (int rep = 0; rep < 4; rep++) {
        add(
            "wrong-content-type",
            target.method(),
            target.path(),
            target.token(),
            null,
            body,
            REFUSED,
            idempotency(target));
      }
      // JSON declared in another charset: the bytes then decode to garbage
      for (String cs : List.of("UTF-16", "UTF-32", "EBCDIC-CP-US")) {
        add(
            "wrong-content-type",
            target.method(),
            target.path(),
            target.token(),
            JSON + "; charset=" + cs,
            "{\"name\":",
            REFUSED,
            idempotency(target));
      }
    }
    // the CSV endpoints given JSON and other types
    for (String ct :
        List.of(
            JSON,
            "application/xml",
            "text/plain",
            "multipart/form-data",
            "application/x-www-form-urlencoded",
            "garbage")) {
      for (int rep = 0; rep < 6; rep++) {
        add(
            "wrong-content-type",
            "POST",
            "/api/departments/import",
            t.admin(),
            ct,
            "name,headcount\nHostile " + rnd.nextInt() + ",3\n",
            REFUSED);
        add(
            "wrong-content-type",
            "POST",
            "/api/campaigns/" + t.campaign() + "/imports",
            t.admin(),
            ct,
            "respondent_id,population,department\n",
            REFUSED);
      }
    }
    // asking for a representation the API does not produce
    for (String accept :
        List.of("application/xml", "text/html", "image/png", "garbage", "application/json;q=0")) {
      for (String p :
          List.of(
              "/api/departments",
              "/api/campaigns",
              "/api/me",
              "/api/campaigns/" + t.campaign() + "/report")) {
        add("wrong-content-type", "GET", p, t.admin(), null, (String) null, ANY, "Accept", accept);
      }
    }
  }

  private void badQueryParameters() {
    String imports = "/api/campaigns/" + t.campaign() + "/imports";
    List<String> modes =
        List.of(
            "",
            "reject_all",
            "SKIP",
            "DROP",
            "REJECT_ALL%00",
            "1",
            "REJECT_ALL%27%3B--",
            "%24%7Bjndi:ldap://x%7D",
            "A".repeat(5000));
    for (String m : modes) {
      for (int rep = 0; rep < 3; rep++) {
        add(
            "bad-query",
            "POST",
            imports + "?mode=" + m,
            t.admin(),
            "text/csv",
            "respondent_id,population,department\nr1,employee," + t.salesName() + "\n",
            REFUSED);
      }
    }
    List<String> maps =
        List.of(
            "",
            "=",
            "a",
            "a=",
            "=respondent_id",
            "a=b=c",
            "x=no.such.item",
            "x=respondent_id&map=y=respondent_id",
            "respondent_id=respondent_id&map=respondent_id=population",
            "%00=%00",
            "x=" + "y".repeat(3000));
    for (String m : maps) {
      for (int rep = 0; rep < 3; rep++) {
        add(
            "bad-query",
            "POST",
            imports + "?map=" + m,
            t.admin(),
            "text/csv",
            "respondent_id,population,department\nr1,ALIEN,Nowhere\n",
            REFUSED);
      }
    }
    StringBuilder manyMaps = new StringBuilder(imports + "?mode=REJECT_ALL");
    for (int i = 0; i < 2000; i++) {
      manyMaps.append("&map=c").append(i).append("=respondent_id");
    }
    add(
        "bad-query",
        "POST",
        manyMaps.toString(),
        t.admin(),
        "text/csv",
        "respondent_id,population,department\n",
        REFUSED);
    // reads with parameters they do not take, or odd ones
    List<String> reads =
        List.of(
            "/api/departments",
            "/api/campaigns",
            "/api/me",
            "/api/instruments",
            "/api/campaigns/" + t.campaign() + "/report",
            "/api/campaigns/" + t.campaign() + "/report/heatmap",
            "/api/campaigns/" + t.campaign() + "/export/codebook.json",
            "/openapi",
            "/api-docs/",
            "/",
            "/app/");
    List<String> queries =
        List.of(
            "?format=XML",
            "?format=%00",
            "?format=../../etc/passwd",
            "?sort=name;DROP%20TABLE%20department",
            "?id=1&id=2",
            "?limit=-1",
            "?limit=99999999999999",
            "?page=abc",
            "?department=%27",
            "?" + "a=b&".repeat(2000),
            "?q=" + "x".repeat(20_000),
            "?%00=%00",
            "?=&=&=",
            "?campaign=" + "9".repeat(50),
            "?a[b]=c",
            "?__proto__[x]=1");
    for (String r : reads) {
      for (String q : queries) {
        String token = r.startsWith("/api/") ? t.admin() : null;
        add("bad-query", "GET", r + q, token, null, (String) null, ANY);
      }
    }
  }

  private void forgedSurveyLinks() {
    List<String> tokens =
        new ArrayList<>(
            List.of(
                "x",
                "0",
                "-",
                "_",
                "null",
                "undefined",
                "%00",
                "%20",
                "a".repeat(10_000),
                "%27%20OR%201=1--",
                "%3Cscript%3E",
                "%F0%9F%98%80",
                "AAAA%2FBBBB",
                "1;2",
                "$%7Bjndi:ldap://x%7D"));
    // tokens of the genuine alphabet and length: one character changed of a real one
    for (int k = 0; k < 300; k++) {
      char[] real = pick(t.surveyTokens()).toCharArray();
      int at = rnd.nextInt(real.length);
      real[at] = real[at] == 'A' ? 'B' : 'A';
      tokens.add(new String(real));
    }
    for (int k = 0; k < 150; k++) {
      byte[] b = new byte[32];
      rnd.nextBytes(b);
      tokens.add(java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(b));
    }
    for (String tok : tokens) {
      add("forged-survey-link", "GET", "/api/survey/" + tok, null, null, (String) null, REFUSED);
      add(
          "forged-survey-link",
          "POST",
          "/api/survey/" + tok,
          null,
          JSON,
          submission(t.customerItems(), Map.of()),
          REFUSED,
          "Idempotency-Key",
          key());
    }
  }

  /**
   * Percent-escapes that are well-formed but do not decode to UTF-8 (overlong forms, lone
   * continuation bytes, truncated sequences, encoded surrogates, bytes never used), in the path and
   * in query parameters: each must be a 400 validation problem naming the path or the parameter
   * (kind {@code bad-encoding:<field>}). RESTEasy answered these with a bare 400 and a stack trace
   * in the server log. (Malformed escapes such as {@code %zz} cannot be sent by java.net's client,
   * and Undertow refuses them before any application code.)
   */
  private void badEncodings() {
    List<String> bad =
        List.of(
            "%FF",
            "%C0%AE",
            "%C0%AE%C0%AE%2F",
            "%80",
            "%E2%82",
            "%ED%A0%80",
            "%F8%88%80%80%80",
            "%C3%28",
            "a%FEb",
            "%F0%9F%98");
    String c = "/api/campaigns/" + t.campaign();
    List<String> paths =
        List.of(
            "/api/departments/",
            "/api/instruments/",
            "/api/campaigns/",
            c + "/imports/",
            "/api/survey/",
            c + "/report/");
    List<String[]> queries =
        List.of(
            new String[] {c + "/report", "department"},
            new String[] {"/api/departments", "name"},
            new String[] {c + "/imports", "mode"},
            new String[] {c + "/aggregates", "population"},
            new String[] {"/api/campaigns", "status"});
    String[] methods = {"GET", "POST", "PUT", "DELETE"};
    for (String b : bad) {
      for (String path : paths) {
        String m = pick(List.of(methods));
        String body = m.equals("POST") || m.equals("PUT") ? "{}" : null;
        add(
            "bad-encoding:path",
            m,
            path + b,
            rnd.nextBoolean() ? t.admin() : null,
            body == null ? null : JSON,
            body,
            BAD_ENCODING);
      }
      for (String[] q : queries) {
        add(
            "bad-encoding:" + q[1],
            "GET",
            q[0] + "?" + q[1] + "=" + b,
            pick(List.of(t.admin(), t.head())),
            null,
            (String) null,
            BAD_ENCODING);
        add(
            "bad-encoding:query",
            "GET",
            q[0] + "?ok=1&" + b + "=" + q[1],
            t.admin(),
            null,
            (String) null,
            BAD_ENCODING);
      }
    }
  }

  static JsonArrayBuilder array(List<Long> ids) {
    JsonArrayBuilder a = Json.createArrayBuilder();
    ids.forEach(a::add);
    return a;
  }
}
