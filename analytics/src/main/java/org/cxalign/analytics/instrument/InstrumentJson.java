package org.cxalign.analytics.instrument;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cxalign.analytics.json.Json;
import org.cxalign.analytics.json.JsonParseException;
import org.cxalign.analytics.json.JsonWriter;
import org.cxalign.analytics.stat.Scale;

/**
 * Reads and writes an {@link Instrument} as JSON.
 *
 * <pre>{@code
 * {
 *   "id": "cx-maturity-alignment", "version": 1, "title": "CX maturity and alignment",
 *   "scale": {"min": 1, "max": 5},
 *   "dimensions": [{"id": "cx.l5", "title": "...", "model": "cx_level", "facet": "5"}, ...],
 *   "items": [{"id": "cx.l5.1", "text": "...", "dimension": "cx.l5", "model": "cx_level",
 *              "population": "employee", "scale": {"min": 1, "max": 5},
 *              "matched_item": null, "required": false}, ...]
 * }
 * }</pre>
 *
 * <p>An item's {@code model} may be omitted (it is the dimension's), so may its {@code scale} (the
 * instrument's), {@code matched_item} (none) and {@code required} (false); {@code facet} may be
 * omitted where the model takes none. Unknown members are rejected so that a misspelt field does
 * not pass silently. Every error is an {@link IllegalArgumentException} naming the item or
 * dimension and the field.
 */
public final class InstrumentJson {

  private static final Set<String> TOP =
      Set.of("id", "version", "title", "scale", "dimensions", "items");
  private static final Set<String> DIMENSION = Set.of("id", "title", "model", "facet");
  private static final Set<String> ITEM =
      Set.of("id", "text", "dimension", "model", "population", "scale", "matched_item", "required");

  private InstrumentJson() {}

  /**
   * Parses and validates an instrument.
   *
   * @throws IllegalArgumentException on malformed JSON or an invalid instrument
   */
  public static Instrument read(String json) {
    Map<String, Object> top;
    try {
      top = Json.parseObject(json);
    } catch (JsonParseException e) {
      throw new IllegalArgumentException("instrument JSON is malformed: " + e.getMessage(), e);
    }
    String where = "instrument";
    unknown(top, TOP, where);
    String id = string(top, "id", where, true);
    where = "instrument '" + id + "'";
    int version = integer(top, "version", where);
    String title = string(top, "title", where, true);
    Scale scale = scale(top.get("scale"), where, null);

    Map<String, Dimension> dims = new LinkedHashMap<>();
    for (Object o : list(top, "dimensions", where)) {
      Map<String, Object> m = object(o, where + ": each element of 'dimensions'");
      String did = string(m, "id", "dimension", true);
      String dwhere = "dimension '" + did + "'";
      unknown(m, DIMENSION, dwhere);
      Model model = model(string(m, "model", dwhere, true), dwhere);
      Dimension d = new Dimension(did, string(m, "title", dwhere, true), model, facet(m, dwhere));
      if (dims.put(did, d) != null) {
        throw new IllegalArgumentException(dwhere + ": duplicate id");
      }
    }
    List<Item> items = new ArrayList<>();
    for (Object o : list(top, "items", where)) {
      Map<String, Object> m = object(o, where + ": each element of 'items'");
      String iid = string(m, "id", "item", true);
      String iwhere = "item '" + iid + "'";
      unknown(m, ITEM, iwhere);
      String dim = string(m, "dimension", iwhere, true);
      Dimension d = dims.get(dim);
      if (d == null) {
        throw new IllegalArgumentException(
            iwhere + ": field 'dimension' names unknown dimension '" + dim + "'");
      }
      String modelName = string(m, "model", iwhere, false);
      Model model = modelName == null ? d.model() : model(modelName, iwhere);
      Population population;
      try {
        population = Population.parse(string(m, "population", iwhere, true));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(iwhere + ": field 'population': " + e.getMessage(), e);
      }
      Object req = m.get("required");
      if (req != null && !(req instanceof Boolean)) {
        throw new IllegalArgumentException(iwhere + ": field 'required' must be true or false");
      }
      items.add(
          new Item(
              iid,
              string(m, "text", iwhere, true),
              dim,
              model,
              population,
              scale(m.get("scale"), iwhere, scale),
              string(m, "matched_item", iwhere, false),
              Boolean.TRUE.equals(req)));
    }
    return new Instrument(id, version, title, scale, items, List.copyOf(dims.values()));
  }

  /** Writes the instrument as pretty-printed JSON that {@link #read(String)} reads back equal. */
  public static String write(Instrument instrument) {
    StringBuilder sb = new StringBuilder();
    JsonWriter w = new JsonWriter(sb, true);
    w.beginObject();
    w.name("id").value(instrument.id());
    w.name("version").value(instrument.version());
    w.name("title").value(instrument.title());
    w.name("scale");
    scale(w, instrument.scale());
    w.name("dimensions").beginArray();
    for (Dimension d : instrument.dimensions()) {
      w.beginObject().name("id").value(d.id()).name("title").value(d.title());
      w.name("model").value(d.model().jsonName());
      if (d.facet() != null) {
        w.name("facet").value(d.facet());
      }
      w.endObject();
    }
    w.endArray();
    w.name("items").beginArray();
    for (Item it : instrument.items()) {
      w.beginObject().name("id").value(it.id()).name("text").value(it.text());
      w.name("dimension").value(it.dimension()).name("model").value(it.model().jsonName());
      w.name("population").value(it.population().jsonName());
      w.name("scale");
      scale(w, it.scale());
      if (it.matchedItemId() != null) {
        w.name("matched_item").value(it.matchedItemId());
      }
      w.name("required").value(it.required());
      w.endObject();
    }
    w.endArray();
    w.endObject().finish();
    return sb.toString();
  }

  private static void scale(JsonWriter w, Scale s) {
    w.beginObject().name("min").value(s.min()).name("max").value(s.max()).endObject();
  }

  private static void unknown(Map<String, Object> m, Set<String> allowed, String where) {
    for (String k : m.keySet()) {
      if (!allowed.contains(k)) {
        throw new IllegalArgumentException(where + ": unknown field '" + k + "'");
      }
    }
  }

  private static String string(
      Map<String, Object> m, String field, String where, boolean required) {
    Object v = m.get(field);
    if (v == null) {
      if (required) {
        throw new IllegalArgumentException(where + ": field '" + field + "' is required");
      }
      return null;
    }
    if (!(v instanceof String s)) {
      throw new IllegalArgumentException(where + ": field '" + field + "' must be a string");
    }
    return s;
  }

  private static String facet(Map<String, Object> m, String where) {
    Object v = m.get("facet");
    if (v instanceof Double d && d == Math.rint(d)) {
      return Long.toString(d.longValue()); // a level written as a number
    }
    return string(m, "facet", where, false);
  }

  private static int integer(Map<String, Object> m, String field, String where) {
    Object v = m.get(field);
    if (!(v instanceof Double d) || d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(where + ": field '" + field + "' must be an integer");
    }
    return d.intValue();
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Map<String, Object> m, String field, String where) {
    Object v = m.get(field);
    if (!(v instanceof List)) {
      throw new IllegalArgumentException(where + ": field '" + field + "' must be an array");
    }
    return (List<Object>) v;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Object o, String where) {
    if (!(o instanceof Map)) {
      throw new IllegalArgumentException(where + " must be an object");
    }
    return (Map<String, Object>) o;
  }

  private static Model model(String s, String where) {
    try {
      return Model.parse(s);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ": field 'model': " + e.getMessage(), e);
    }
  }

  private static Scale scale(Object o, String where, Scale dflt) {
    if (o == null && dflt != null) {
      return dflt;
    }
    if (!(o instanceof Map)) {
      throw new IllegalArgumentException(
          where + ": field 'scale' must be an object {\"min\": …, \"max\": …}");
    }
    Map<String, Object> m = object(o, where + ": field 'scale'");
    unknown(m, Set.of("min", "max"), where + ": field 'scale'");
    int min = integer(m, "min", where + ": field 'scale'");
    int max = integer(m, "max", where + ": field 'scale'");
    try {
      return new Scale(min, max);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ": field 'scale': " + e.getMessage(), e);
    }
  }
}
