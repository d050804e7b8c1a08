package org.cxalign.it.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

/** Compares the figures of an API document with {@code cx-align report}'s at the same places. */
final class ReportComparison {

  private static final List<String> KEYS =
      List.of("department", "item", "dimension", "subject", "name", "facet", "from", "to");

  private ReportComparison() {}

  /**
   * Walks {@code mine}; every number (and string) that the CLI document has at the same place must
   * be equal (1e-9). Lists of objects are matched by their identifying keys; suppressed entries and
   * figures suppressed as {@code null} + reason are skipped. Returns the numbers compared.
   */
  static int compare(Object mine, Object cli, String path) {
    if (mine instanceof Map<?, ?> m && cli instanceof Map<?, ?> c) {
      if (Boolean.TRUE.equals(m.get("suppressed"))) {
        return 0;
      }
      int n = 0;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        String key = (String) e.getKey();
        if (key.endsWith("_reason")) {
          continue;
        }
        if (c.containsKey(key)) {
          n += compare(e.getValue(), c.get(key), path + "." + key);
        }
      }
      return n;
    }
    if (mine instanceof List<?> ml && cli instanceof List<?> cl) {
      int n = 0;
      for (int i = 0; i < ml.size(); i++) {
        Object x = ml.get(i);
        Object match = null;
        if (x instanceof Map<?, ?> xm) {
          for (Object y : cl) {
            if (y instanceof Map<?, ?> ym && sameKeys(xm, ym)) {
              match = y;
            }
          }
        } else if (i < cl.size()) {
          match = cl.get(i);
        }
        if (match != null) {
          n += compare(x, match, path + "[" + i + "]");
        }
      }
      return n;
    }
    if (mine instanceof Double a && cli instanceof Double b) {
      assertEquals(b, a, 1e-9, path);
      return 1;
    }
    if (mine instanceof String a && cli instanceof String b) {
      assertEquals(b, a, path);
    }
    return 0;
  }

  private static boolean sameKeys(Map<?, ?> a, Map<?, ?> b) {
    for (String k : KEYS) {
      if (a.containsKey(k) != b.containsKey(k)
          || (a.containsKey(k) && !String.valueOf(a.get(k)).equals(String.valueOf(b.get(k))))) {
        return false;
      }
    }
    return true;
  }
}
