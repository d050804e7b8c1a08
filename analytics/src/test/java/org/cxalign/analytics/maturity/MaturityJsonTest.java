package org.cxalign.analytics.maturity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cxalign.analytics.instrument.Instrument;
import org.cxalign.analytics.instrument.Instruments;
import org.cxalign.analytics.instrument.Item;
import org.cxalign.analytics.json.Json;
import org.cxalign.analytics.json.JsonWriter;
import org.cxalign.analytics.stat.Moments;
import org.junit.jupiter.api.Test;

class MaturityJsonTest {

  @Test
  @SuppressWarnings("unchecked")
  void writesEveryModel() {
    Instrument in = Instruments.builtIn();
    Map<String, Moments> m = new HashMap<>();
    for (Item it : in.items()) {
      m.put(it.id(), new Moments(30, 4.2, 0.5));
    }
    StringBuilder sb = new StringBuilder();
    JsonWriter w = new JsonWriter(sb, false);
    MaturityJson.write(w, MaturityPlacement.place(in, m));
    w.finish();
    Map<String, Object> json = Json.parseObject(sb.toString());
    assertEquals(6.0, ((Map<String, Object>) json.get("cx_level")).get("level"));
    assertEquals(3.0, ((Map<String, Object>) json.get("data_level")).get("level"));
    assertEquals(5.0, ((Map<String, Object>) json.get("pyramid")).get("level"));
    assertEquals(6, ((List<Object>) json.get("disciplines")).size());
    Map<String, Object> idic = (Map<String, Object>) json.get("idic");
    assertEquals("one_to_one", idic.get("quadrant"));
    String text = MaturityText.render(MaturityPlacement.place(in, m), "  ");
    assertTrue(text.contains("  CX level: 6 (means alone: 6, not ruled out up to 6)\n"), text);
    assertTrue(text.contains("IDIC quadrant: one-to-one (mass 0.00"), text);

    StringBuilder empty = new StringBuilder();
    JsonWriter w2 = new JsonWriter(empty, false);
    MaturityJson.write(w2, MaturityPlacement.place(in, Map.of()));
    w2.finish();
    Map<String, Object> none = Json.parseObject(empty.toString());
    Map<String, Object> idicNone = (Map<String, Object>) none.get("idic");
    assertNull(idicNone.get("quadrant"));
    assertEquals("no answers to a capability scale", idicNone.get("quadrant_reason"));
    Map<String, Object> block =
        ((List<Map<String, Object>>) ((Map<String, Object>) none.get("cx_level")).get("blocks"))
            .get(0);
    assertEquals("no_data", block.get("status"));
    assertNull(block.get("mean"));
  }
}
