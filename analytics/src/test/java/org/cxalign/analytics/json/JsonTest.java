package org.cxalign.analytics.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

  @Test
  void parsesAllValueKinds() {
    Object v =
        Json.parse(
            "{\"a\": 1, \"b\": [true, false, null, -2.5e2, \"x\\n\\u00e9\\ud83d\\ude00\"], \"c\": {}}");
    Map<?, ?> m = assertInstanceOf(LinkedHashMap.class, v);
    assertEquals(List.of("a", "b", "c"), List.copyOf(m.keySet()));
    assertEquals(1.0, m.get("a"));
    List<?> b = assertInstanceOf(List.class, m.get("b"));
    assertEquals(Boolean.TRUE, b.get(0));
    assertEquals(Boolean.FALSE, b.get(1));
    assertNull(b.get(2));
    assertEquals(-250.0, b.get(3));
    assertEquals("x\n\u00e9\ud83d\ude00", b.get(4));
    assertEquals(Map.of(), m.get("c"));
  }

  @Test
  void scalarsAtTopLevel() {
    assertEquals(0.0, Json.parse(" 0 "));
    assertEquals("s", Json.parse("\"s\""));
    assertNull(Json.parse("null"));
    assertEquals(List.of(), Json.parse("[ ]"));
  }

  @Test
  void errorsCarryLineAndColumn() {
    JsonParseException e =
        assertThrows(JsonParseException.class, () -> Json.parse("{\n  \"a\": 1,\n  \"b\" 2\n}"));
    assertEquals(3, e.line());
    assertEquals(7, e.column());
    assertTrue(e.getMessage().contains("line 3, column 7"), e.getMessage());
  }

  @Test
  void rejectsMalformedInput() {
    for (String bad :
        Arrays.asList(
            "",
            "   ",
            "{",
            "[1,]",
            "{\"a\":1,}",
            "01",
            "1.",
            "-",
            "1e",
            "tru",
            "\"abc",
            "\"a\tb\"",
            "\"\\x\"",
            "\"\\ud800\"",
            "{\"a\":1,\"a\":2}",
            "[1] 2",
            "{a:1}",
            "NaN",
            "1e999")) {
      assertThrows(JsonParseException.class, () -> Json.parse(bad), bad);
    }
  }

  @Test
  void writerRoundTrips() {
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("n", 12L);
    tree.put("mean", 3.25);
    tree.put("rwg", null);
    tree.put("rwg_reason", "group of one \"respondent\"\n");
    tree.put("items", List.of(1, 2.5, true));
    tree.put("empty", List.of());
    for (boolean pretty : new boolean[] {false, true}) {
      String json = JsonWriter.toJson(tree, pretty);
      Map<String, Object> back = Json.parseObject(json);
      assertEquals(12.0, back.get("n"));
      assertEquals(3.25, back.get("mean"));
      assertTrue(back.containsKey("rwg"));
      assertNull(back.get("rwg"));
      assertEquals("group of one \"respondent\"\n", back.get("rwg_reason"));
      assertEquals(List.of(1.0, 2.5, true), back.get("items"));
      assertEquals(List.of(), back.get("empty"));
    }
    assertEquals(
        "{\"n\":12,\"mean\":3.25,\"rwg\":null,\"rwg_reason\":\"group of one \\\"respondent\\\"\\n\","
            + "\"items\":[1,2.5,true],\"empty\":[]}",
        JsonWriter.toJson(tree, false));
  }

  @Test
  void writerRefusesNaNAndMisuse() {
    StringBuilder sb = new StringBuilder();
    JsonWriter w = new JsonWriter(sb);
    w.beginArray();
    assertThrows(IllegalArgumentException.class, () -> w.value(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> w.value(Double.POSITIVE_INFINITY));
    assertThrows(IllegalStateException.class, () -> w.name("x"));
    assertThrows(IllegalStateException.class, w::endObject);
    assertThrows(IllegalStateException.class, w::finish);
    JsonWriter o = new JsonWriter(new StringBuilder()).beginObject();
    assertThrows(IllegalStateException.class, () -> o.value(1));
    o.name("a");
    assertThrows(IllegalStateException.class, () -> o.name("b"));
  }
}
