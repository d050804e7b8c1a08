package org.cxalign.analytics.accumulate;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Random items and scales for the accumulator tests. */
final class RandomLayouts {

  /** Item names q0.. and scales s0.. over them: scale 0 holds every item, the others subsets. */
  record ItemsAndScales(List<String> items, List<ScaleDefinition> scales) {}

  private RandomLayouts() {}

  /** 1–12 items, 1–3 scales over random (non-empty) subsets; scale 0 holds every item. */
  static ItemsAndScales itemsAndScales(SplittableRandom r) {
    int items = 1 + r.nextInt(12);
    List<String> names = new ArrayList<>();
    for (int i = 0; i < items; i++) {
      names.add("q" + i);
    }
    List<ScaleDefinition> scales = new ArrayList<>();
    int nScales = 1 + r.nextInt(3);
    for (int k = 0; k < nScales; k++) {
      List<Integer> idx = new ArrayList<>();
      for (int i = 0; i < items; i++) {
        if (k == 0 || r.nextBoolean()) {
          idx.add(i);
        }
      }
      if (idx.isEmpty()) {
        idx.add(0);
      }
      scales.add(new ScaleDefinition("s" + k, idx.stream().mapToInt(Integer::intValue).toArray()));
    }
    return new ItemsAndScales(names, scales);
  }
}
