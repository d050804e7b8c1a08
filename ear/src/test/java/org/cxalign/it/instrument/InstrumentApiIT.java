package org.cxalign.it.instrument;

import static org.cxalign.it.support.Api.get;
import static org.cxalign.it.support.Api.object;
import static org.cxalign.it.support.Api.postJson;
import static org.cxalign.it.support.Api.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.cxalign.it.support.Api;
import org.cxalign.it.support.CxAlignEar;
import org.cxalign.it.support.KeycloakExtension;
import org.cxalign.it.support.Surveys;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Stored instruments: the built-in one, copies into drafts, edits, and locking once used. */
@ExtendWith({KeycloakExtension.class, ArquillianExtension.class})
@RunAsClient
class InstrumentApiIT {

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return CxAlignEar.built();
  }

  private static JsonObject copyOfBuiltIn(String admin) {
    long builtIn = Surveys.builtInInstrumentId(admin);
    HttpResponse<String> r = postJson("/api/instruments/" + builtIn + "/copy", admin, "");
    assertEquals(201, r.statusCode(), r.body());
    return object(r);
  }

  @Test
  void theBuiltInInstrumentIsStoredWithEveryItemAndItsAttributes() {
    String admin = token("admin");
    long id = Surveys.builtInInstrumentId(admin);
    HttpResponse<String> r = get("/api/instruments/" + id, admin);
    assertEquals(200, r.statusCode(), r.body());
    JsonObject view = object(r);
    assertEquals("PUBLISHED", view.getString("status"));
    assertTrue(view.getBoolean("builtIn"));
    assertEquals(1, view.getInt("version"));
    JsonObject def = view.getJsonObject("definition");
    assertEquals(71, def.getJsonArray("items").size());
    for (JsonValue v : def.getJsonArray("items")) {
      JsonObject item = v.asJsonObject();
      for (String field : List.of("id", "text", "dimension", "model", "population", "scale")) {
        assertTrue(item.containsKey(field), field + " in " + item);
      }
    }
    Set<String> models =
        def.getJsonArray("dimensions").stream()
            .map(d -> d.asJsonObject().getString("model"))
            .collect(Collectors.toSet());
    assertTrue(models.contains("collaboration"), models.toString());
    assertTrue(
        def.getJsonArray("items").stream()
            .anyMatch(i -> i.asJsonObject().getString("population").equals("customer")));
  }

  @Test
  void onlyAnAdminReadsInstruments() {
    assertEquals(403, get("/api/instruments", token("sales-employee")).statusCode());
    assertEquals(403, get("/api/instruments", token("sales-head")).statusCode());
    assertEquals(401, get("/api/instruments", null).statusCode());
    assertEquals(404, get("/api/instruments/987654321", token("admin")).statusCode());
  }

  @Test
  void aCopyIsADraftOfTheNextVersionThatCanBeEdited() {
    String admin = token("admin");
    JsonObject draft = copyOfBuiltIn(admin);
    assertEquals("DRAFT", draft.getString("status"));
    assertFalse(draft.getBoolean("builtIn"));
    assertTrue(draft.getInt("version") >= 2, draft.toString());
    long id = draft.getJsonNumber("id").longValue();
    JsonObject def = draft.getJsonObject("definition");
    assertEquals(draft.getInt("version"), def.getInt("version"));

    String renamed =
        Json.createObjectBuilder(def).add("title", "Our own wording").build().toString();
    HttpResponse<String> put = Surveys.send("PUT", "/api/instruments/" + id, admin, renamed);
    assertEquals(200, put.statusCode(), put.body());
    assertEquals("Our own wording", object(put).getString("title"));
    assertEquals(
        "Our own wording", object(get("/api/instruments/" + id, admin)).getString("title"));
  }

  @Test
  void anInvalidDefinitionIs400AndChangesNothing() {
    String admin = token("admin");
    JsonObject draft = copyOfBuiltIn(admin);
    long id = draft.getJsonNumber("id").longValue();
    JsonObject def = draft.getJsonObject("definition");
    var items = Json.createArrayBuilder(def.getJsonArray("items"));
    items.add(
        Json.createObjectBuilder()
            .add("id", "extra.1")
            .add("text", "An item of a dimension that does not exist")
            .add("dimension", "no-such-dimension")
            .add("population", "employee"));
    String bad = Json.createObjectBuilder(def).add("items", items).build().toString();
    HttpResponse<String> r = Surveys.send("PUT", "/api/instruments/" + id, admin, bad);
    assertEquals(400, r.statusCode(), r.body());
    String message = object(r).getJsonArray("violations").getJsonObject(0).getString("message");
    assertTrue(message.contains("no-such-dimension"), message);

    String otherVersion = Json.createObjectBuilder(def).add("version", 999).build().toString();
    assertEquals(
        400, Surveys.send("PUT", "/api/instruments/" + id, admin, otherVersion).statusCode());
    assertEquals(400, Surveys.send("PUT", "/api/instruments/" + id, admin, "{").statusCode());
    assertEquals(
        def.getJsonArray("items").size(),
        object(get("/api/instruments/" + id, admin))
            .getJsonObject("definition")
            .getJsonArray("items")
            .size());
  }

  @Test
  void aPublishedInstrumentCannotBeChanged() {
    String admin = token("admin");
    long builtIn = Surveys.builtInInstrumentId(admin);
    JsonObject def = object(get("/api/instruments/" + builtIn, admin)).getJsonObject("definition");
    HttpResponse<String> r =
        Surveys.send("PUT", "/api/instruments/" + builtIn, admin, def.toString());
    assertEquals(409, r.statusCode(), r.body());
    assertEquals(
        "application/problem+json",
        r.headers().firstValue("Content-Type").orElse("").split(";")[0]);
  }

  @Test
  void aDraftUsedByACampaignIsPublishedAndLocked() {
    String admin = token("admin");
    JsonObject draft = copyOfBuiltIn(admin);
    long id = draft.getJsonNumber("id").longValue();
    long sales = Surveys.departments(admin).get("Sales");
    HttpResponse<String> c =
        postJson(
            "/api/campaigns",
            admin,
            Surveys.campaign(
                "Uses a draft",
                id,
                List.of(sales),
                List.of("EMPLOYEES"),
                Surveys.today(),
                Surveys.today().plusDays(7)));
    assertEquals(201, c.statusCode(), c.body());
    assertEquals("PUBLISHED", object(get("/api/instruments/" + id, admin)).getString("status"));
    HttpResponse<String> r =
        Surveys.send(
            "PUT", "/api/instruments/" + id, admin, draft.getJsonObject("definition").toString());
    assertEquals(409, r.statusCode(), r.body());
    assertTrue(Api.object(r).getString("detail").contains("copy it"), r.body());
  }
}
