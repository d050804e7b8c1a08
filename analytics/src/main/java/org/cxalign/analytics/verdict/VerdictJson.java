package org.cxalign.analytics.verdict;

import static org.cxalign.analytics.json.EstimateJson.estimate;

import org.cxalign.analytics.json.JsonWriter;

/**
 * Writes a {@link VerdictResult} with snake_case keys, in the report's convention: an undefined
 * figure is {@code "key": null} followed by {@code "key_reason": "..."}.
 *
 * <pre>{@code
 * {"outcome": "supported" | "not_supported" | "inconclusive",
 *  "criteria": [{"name", "status": "pass" | "fail" | "inconclusive", "statistic", "lower",
 *                "upper", "threshold", "n", "explanation",
 *                "details": [{"subject", "statistic", "lower", "upper", "p", "status", "note"}]}],
 *  "required_sample_size": null | {"per_department", "customers", "basis"}}
 * }</pre>
 */
public final class VerdictJson {

  private VerdictJson() {}

  /** Writes the verdict as one JSON object value (after the caller's {@code name(...)}). */
  public static void write(JsonWriter w, VerdictResult v) {
    w.beginObject();
    w.name("outcome").value(v.outcome().name().toLowerCase(java.util.Locale.ROOT));
    w.name("criteria").beginArray();
    for (CriterionResult c : v.criteria()) {
      w.beginObject().name("name").value(c.name());
      w.name("status").value(c.status().name().toLowerCase(java.util.Locale.ROOT));
      estimate(w, "statistic", c.statistic());
      estimate(w, "lower", c.lower());
      estimate(w, "upper", c.upper());
      w.name("threshold").value(c.threshold());
      w.name("n").value(c.n());
      w.name("explanation").value(c.explanation());
      w.name("details").beginArray();
      for (CriterionResult.Detail d : c.details()) {
        w.beginObject().name("subject").value(d.subject());
        estimate(w, "statistic", d.statistic());
        estimate(w, "lower", d.lower());
        estimate(w, "upper", d.upper());
        estimate(w, "p", d.p());
        w.name("status").value(d.status().name().toLowerCase(java.util.Locale.ROOT));
        w.name("note").value(d.note());
        w.endObject();
      }
      w.endArray().endObject();
    }
    w.endArray();
    w.name("required_sample_size");
    RequiredSampleSize r = v.requiredSampleSize();
    if (r == null) {
      w.nullValue();
    } else {
      w.beginObject();
      nullableLong(w, "per_department", r.perDepartment());
      nullableLong(w, "customers", r.customers());
      w.name("basis").value(r.basis());
      if (r.undefinedReason() != null) {
        w.name("reason").value(r.undefinedReason());
      }
      w.endObject();
    }
    w.endObject();
  }

  /** The verdict as a standalone JSON document. */
  public static String toJson(VerdictResult v, boolean pretty) {
    StringBuilder sb = new StringBuilder();
    JsonWriter w = new JsonWriter(sb, pretty);
    write(w, v);
    w.finish();
    return sb.toString();
  }

  private static void nullableLong(JsonWriter w, String key, Long v) {
    w.name(key);
    if (v == null) {
      w.nullValue();
    } else {
      w.value(v.longValue());
    }
  }
}
