package org.cxalign.it.department;

import static org.cxalign.it.support.Api.get;
import static org.cxalign.it.support.Api.object;
import static org.cxalign.it.support.Api.post;
import static org.cxalign.it.support.Api.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

/** Department import from CSV: all or nothing, every bad line reported with its number. */
@ExtendWith({KeycloakExtension.class, ArquillianExtension.class})
@RunAsClient
class DepartmentImportIT {

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return CxAlignEar.built();
  }

  private static String unique(String prefix) {
    return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
  }

  private static HttpResponse<String> importCsv(String user, String csv) {
    return post("/api/departments/import", token(user), "text/csv", csv);
  }

  private static List<String> strings(JsonObject o, String key) {
    return o.getJsonArray(key).getValuesAs(JsonString.class).stream()
        .map(JsonString::getString)
        .toList();
  }

  private static Map<String, JsonObject> departments() {
    return Api.json(get("/api/departments", token("admin")).body()).asJsonArray().stream()
        .map(JsonValue::asJsonObject)
        .collect(Collectors.toMap(o -> o.getString("name"), o -> o));
  }

  @Test
  void aGoodFileCreatesTheNewDepartmentsAndLeavesExistingOnes() {
    String a = unique("Legal");
    String b = unique("Research, Development");
    HttpResponse<String> r =
        importCsv("admin", "name,headcount\r\n" + a + ",14\r\n\"" + b + "\",\r\n");
    assertEquals(200, r.statusCode(), r.body());
    assertEquals(List.of(a, b), strings(object(r), "created"));
    Map<String, JsonObject> all = departments();
    assertEquals(14, all.get(a).getInt("headcount"));
    assertFalse(all.get(b).containsKey("headcount") && !all.get(b).isNull("headcount"));

    String c = unique("Facilities");
    HttpResponse<String> again = importCsv("admin", "name\n" + a.toUpperCase() + "\n" + c + "\n");
    assertEquals(200, again.statusCode(), again.body());
    assertEquals(List.of(c), strings(object(again), "created"));
    assertEquals(List.of(a.toUpperCase()), strings(object(again), "existing"));
  }

  @Test
  void aBadFileIsRejectedWholeListingEveryLine() {
    String good = unique("Procurement");
    HttpResponse<String> r =
        importCsv("admin", "name,headcount\n" + good + ",5\n ,3\n" + unique("X") + ",-2\n");
    assertEquals(400, r.statusCode(), r.body());
    assertEquals(List.of("line 3", "line 4"), Surveys.violationFields(r));
    assertFalse(departments().containsKey(good), "nothing imported");
  }

  @Test
  void onlyAnAdminImportsAndOnlyCsv() {
    assertEquals(403, importCsv("sales-head", "name\n" + unique("No") + "\n").statusCode());
    assertEquals(
        415,
        post("/api/departments/import", token("admin"), "application/json", "{}").statusCode());
  }
}
