package org.cxalign.analytics.accumulate;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.cxalign.analytics.stat.Scale;

/**
 * What a response holds: the answer scale, the item names (in the order of the answer array), the
 * scales formed from them, and the departments that can be rated for collaboration (the {@code
 * collab.<Department>} columns, in the order of the collaboration array).
 */
public record ResponseLayout(
    Scale scale, List<String> items, List<ScaleDefinition> scales, List<String> collabTargets) {

  public ResponseLayout {
    Objects.requireNonNull(scale, "scale");
    items = List.copyOf(items);
    scales = List.copyOf(scales);
    collabTargets = List.copyOf(collabTargets);
    if (new HashSet<>(items).size() != items.size()) {
      throw new IllegalArgumentException("item names must be distinct: " + items);
    }
    if (new HashSet<>(collabTargets).size() != collabTargets.size()) {
      throw new IllegalArgumentException(
          "collaboration targets must be distinct: " + collabTargets);
    }
    Set<String> names = new HashSet<>();
    for (ScaleDefinition s : scales) {
      if (!names.add(s.name())) {
        throw new IllegalArgumentException("scale names must be distinct: " + s.name());
      }
      for (int i : s.items()) {
        if (i >= items.size()) {
          throw new IllegalArgumentException(
              "scale \"" + s.name() + "\" refers to item " + i + " of " + items.size());
        }
      }
    }
    long options = scale.options();
    if ((long) scale.max() * scale.max() > Integer.MAX_VALUE / 4
        || (long) scale.min() * scale.min() > Integer.MAX_VALUE / 4
        || options > 1_000) {
      throw new IllegalArgumentException("scale " + scale + " is too wide for the accumulators");
    }
  }

  /** A layout whose items all form one scale named {@code name}. */
  public static ResponseLayout singleScale(
      Scale scale, List<String> items, String name, List<String> collabTargets) {
    int[] all = new int[items.size()];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    return new ResponseLayout(scale, items, List.of(new ScaleDefinition(name, all)), collabTargets);
  }

  public int scaleIndex(String name) {
    for (int s = 0; s < scales.size(); s++) {
      if (scales.get(s).name().equals(name)) {
        return s;
      }
    }
    throw new IllegalArgumentException("no scale named \"" + name + "\"");
  }
}
