package org.cxalign.analytics.maturity;

import static org.cxalign.analytics.json.EstimateJson.estimate;

import java.util.Locale;
import org.cxalign.analytics.json.JsonWriter;

/**
 * Writes a {@link MaturityProfile} with snake_case keys, in the report's convention (an undefined
 * figure is {@code "key": null} followed by {@code "key_reason"}).
 *
 * <pre>{@code
 * {"cx_level": ladder, "data_level": ladder, "pyramid": ladder,
 *  "disciplines": [block], "idic": {"quadrant", "probabilities": {"mass", ...},
 *  "interaction": block, "customisation": block}}
 * ladder = {"level", "point_level", "upper_level", "floor", "blocks": [block]}
 * block  = {"dimension", "facet", "items", "min_n", "mean", "lower", "upper", "status"}
 * }</pre>
 */
public final class MaturityJson {

  private MaturityJson() {}

  /** Writes the profile as one JSON object value (after the caller's {@code name(...)}). */
  public static void write(JsonWriter w, MaturityProfile p) {
    w.beginObject();
    w.name("cx_level");
    ladder(w, p.cxLevel());
    w.name("data_level");
    ladder(w, p.dataLevel());
    w.name("pyramid");
    ladder(w, p.pyramid());
    w.name("disciplines").beginArray();
    for (BlockScore b : p.disciplines()) {
      block(w, b);
    }
    w.endArray();
    IdicPlacement i = p.idic();
    w.name("idic").beginObject();
    w.name("quadrant");
    if (i.quadrant() == null) {
      w.nullValue();
      w.name("quadrant_reason").value(i.undefinedReason());
    } else {
      w.value(i.quadrant().name().toLowerCase(Locale.ROOT));
    }
    w.name("probabilities");
    if (i.probabilities().isEmpty()) {
      w.nullValue();
    } else {
      w.beginObject();
      for (Quadrant q : Quadrant.values()) {
        w.name(q.name().toLowerCase(Locale.ROOT)).value(i.probabilities().get(q));
      }
      w.endObject();
    }
    if (i.interaction() != null) {
      w.name("interaction");
      block(w, i.interaction());
    }
    if (i.customisation() != null) {
      w.name("customisation");
      block(w, i.customisation());
    }
    w.endObject();
    w.endObject();
  }

  private static void ladder(JsonWriter w, LadderPlacement l) {
    w.beginObject();
    w.name("floor").value(l.floor());
    integer(w, "level", l.level(), l.undefinedReason());
    integer(w, "point_level", l.pointLevel(), l.undefinedReason());
    integer(w, "upper_level", l.upperLevel(), l.undefinedReason());
    w.name("blocks").beginArray();
    for (BlockScore b : l.blocks()) {
      block(w, b);
    }
    w.endArray().endObject();
  }

  private static void integer(JsonWriter w, String key, Integer v, String reason) {
    w.name(key);
    if (v == null) {
      w.nullValue();
      w.name(key + "_reason").value(reason);
    } else {
      w.value(v.longValue());
    }
  }

  private static void block(JsonWriter w, BlockScore b) {
    w.beginObject().name("dimension").value(b.dimensionId());
    w.name("facet");
    if (b.facet() == null) {
      w.nullValue();
    } else {
      w.value(b.facet());
    }
    w.name("items").value(b.items()).name("min_n").value(b.minN());
    estimate(w, "mean", b.mean());
    estimate(w, "lower", b.lower());
    estimate(w, "upper", b.upper());
    w.name("status").value(b.status().name().toLowerCase(Locale.ROOT));
    w.endObject();
  }
}
