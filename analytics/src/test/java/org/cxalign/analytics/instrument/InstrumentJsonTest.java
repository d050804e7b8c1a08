package org.cxalign.analytics.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.cxalign.analytics.stat.Scale;
import org.junit.jupiter.api.Test;

class InstrumentJsonTest {

  private static final String DIMS =
      "\"dimensions\": [{\"id\": \"cx.l5\", \"title\": \"Level 5\", \"model\": \"cx_level\","
          + " \"facet\": \"5\"}, {\"id\": \"gap.seamless\", \"title\": \"Seamless\","
          + " \"model\": \"perception_gap\", \"facet\": \"seamless\"},"
          + " {\"id\": \"collab\", \"title\": \"Collaboration\", \"model\": \"collaboration\"}]";

  private static String doc(String items) {
    return "{\"id\": \"t\", \"version\": 2, \"title\": \"Test\", \"scale\": {\"min\": 1, \"max\":"
        + " 5}, "
        + DIMS
        + ", \"items\": ["
        + items
        + "]}";
  }

  private static final String L5 =
      "{\"id\": \"cx.l5.1\", \"text\": \"We collaborate.\", \"dimension\": \"cx.l5\","
          + " \"population\": \"employee\"}";
  private static final String EMP =
      "{\"id\": \"gap.seamless.employee\", \"text\": \"Seamless?\", \"dimension\":"
          + " \"gap.seamless\", \"population\": \"employee\", \"matched_item\":"
          + " \"gap.seamless.customer\"}";
  private static final String CUST =
      "{\"id\": \"gap.seamless.customer\", \"text\": \"Seamless!\", \"dimension\":"
          + " \"gap.seamless\", \"population\": \"customer\", \"matched_item\":"
          + " \"gap.seamless.employee\", \"scale\": {\"min\": 1, \"max\": 5}, \"required\": true}";

  @Test
  void readsDefaultsAndMatches() {
    Instrument in = InstrumentJson.read(doc(L5 + "," + EMP + "," + CUST));
    assertEquals(2, in.version());
    Item l5 = in.item("cx.l5.1").orElseThrow();
    assertEquals(Model.CX_LEVEL, l5.model());
    assertEquals(new Scale(1, 5), l5.scale());
    assertEquals(false, l5.required());
    assertEquals(true, in.item("gap.seamless.customer").orElseThrow().required());
    assertEquals("gap.seamless.customer", in.matchedPair("seamless").orElseThrow().customer().id());
    assertEquals(in, InstrumentJson.read(InstrumentJson.write(in)));
  }

  private static void rejects(String json, String... fragments) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> InstrumentJson.read(json));
    for (String f : fragments) {
      assertTrue(e.getMessage().contains(f), "message '" + e.getMessage() + "' lacks '" + f + "'");
    }
  }

  @Test
  void rejectsDuplicateItemIds() {
    rejects(doc(L5 + "," + L5), "item 'cx.l5.1'", "duplicate id");
  }

  @Test
  void rejectsUnknownDimension() {
    rejects(doc(L5.replace("\"cx.l5\"", "\"cx.l9\"")), "item 'cx.l5.1'", "dimension", "'cx.l9'");
  }

  @Test
  void rejectsMissingMatchedItem() {
    rejects(doc(EMP), "item 'gap.seamless.employee'", "matched_item", "gap.seamless.customer");
  }

  @Test
  void rejectsOneSidedOrSamePopulationMatch() {
    rejects(
        doc(EMP + "," + CUST.replace("\"gap.seamless.employee\"", "\"cx.l5.1\"") + "," + L5),
        "must name");
    rejects(
        doc(EMP + "," + CUST.replace("\"customer\", \"matched", "\"employee\", \"matched")),
        "one employee and one customer");
  }

  @Test
  void rejectsBadScales() {
    rejects(
        doc(L5.replace("}", ", \"scale\": {\"min\": 5, \"max\": 1}}")),
        "item 'cx.l5.1'",
        "field 'scale'");
    rejects(
        doc(L5.replace("}", ", \"scale\": {\"min\": 1.5, \"max\": 5}}")),
        "item 'cx.l5.1'",
        "'min' must be an integer");
    rejects(doc(L5).replace("\"min\": 1, \"max\": 5", "\"min\": 1"), "'max'");
    rejects(doc(EMP + "," + CUST.replace("\"max\": 5", "\"max\": 7")), "has a different scale");
  }

  @Test
  void rejectsModelDisagreeingWithDimensionAndUnknownFields() {
    rejects(doc(L5.replace("}", ", \"model\": \"pyramid\"}")), "item 'cx.l5.1'", "field 'model'");
    rejects(doc(L5.replace("}", ", \"weight\": 2}")), "item 'cx.l5.1'", "unknown field 'weight'");
    rejects(doc(L5.replace("employee", "manager")), "item 'cx.l5.1'", "population");
  }

  @Test
  void rejectsBadFacetsAndBadCollaborationTemplates() {
    rejects(doc(L5).replace("\"facet\": \"5\"", "\"facet\": \"7\""), "dimension 'cx.l5'", "'7'");
    String collab =
        "{\"id\": \"collab\", \"text\": \"How well with %s?\", \"dimension\": \"collab\","
            + " \"population\": \"employee\"}";
    InstrumentJson.read(doc(String.format(collab, "{department}")));
    rejects(doc(String.format(collab, "them")), "item 'collab'", "{department}");
    rejects(
        doc(
            String.format(collab, "{department}")
                + ","
                + L5.replace("\"cx.l5.1\"", "\"collab.Sales\"")),
        "collides");
  }

  @Test
  void rejectsMalformedJsonAndBadIds() {
    rejects("{\"id\": ", "malformed");
    rejects(doc(L5.replace("cx.l5.1", "cx l5")), "item id 'cx l5'");
    assertThrows(
        IllegalArgumentException.class,
        () -> Instruments.builtIn().collaborationItems(List.of("Sales", "Sales")));
    assertThrows(
        IllegalArgumentException.class,
        () -> Instruments.builtIn().collaborationItems(List.of("Sales,Inc")));
  }
}
