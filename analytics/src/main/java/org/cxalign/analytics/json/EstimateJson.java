package org.cxalign.analytics.json;

import org.cxalign.analytics.stat.Estimate;

/**
 * Writes an {@link Estimate} member the one way every analytics document does: {@code "key": value}
 * when defined, else {@code "key": null} followed by {@code "key_reason": "..."}; never NaN.
 */
public final class EstimateJson {
  private EstimateJson() {}

  /** {@code "key": value} or {@code "key": null, "key_reason": "..."}. */
  public static void estimate(JsonWriter w, String key, Estimate e) {
    w.name(key);
    if (e.isDefined()) {
      w.value(e.get());
    } else {
      w.nullValue();
      w.name(key + "_reason").value(e.undefinedReason());
    }
  }
}
