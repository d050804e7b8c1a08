package org.cxalign.analytics.stat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Adjusted p-values for multiple comparisons, as R's {@code p.adjust}.
 *
 * <ul>
 *   <li>Holm (1979): with p₍₁₎ ≤ … ≤ p₍m₎, p̃₍i₎ = min(1, max_{j ≤ i} (m − j + 1) p₍j₎); controls
 *       the family-wise error rate.
 *   <li>Benjamini &amp; Hochberg (1995): p̃₍i₎ = min(1, min_{j ≥ i} m p₍j₎ / j); controls the false
 *       discovery rate under independence or positive dependence.
 * </ul>
 *
 * <p>Adjusted values are returned in the order of the input. An empty input gives an empty result;
 * a p-value outside [0, 1] or NaN is rejected (R would pass NA through).
 */
public final class MultipleComparisons {

  private MultipleComparisons() {}

  /** Holm's step-down adjustment ({@code p.adjust(p, "holm")}). */
  public static double[] holm(double[] p) {
    int m = p.length;
    Integer[] order = ascending(p);
    double[] adjusted = new double[m];
    double running = 0;
    for (int i = 0; i < m; i++) {
      int k = order[i];
      running = Math.max(running, (m - i) * p[k]);
      adjusted[k] = Math.min(1, running);
    }
    return adjusted;
  }

  /** Benjamini–Hochberg step-up adjustment ({@code p.adjust(p, "BH")}). */
  public static double[] benjaminiHochberg(double[] p) {
    int m = p.length;
    Integer[] order = ascending(p);
    double[] adjusted = new double[m];
    double running = Double.POSITIVE_INFINITY;
    for (int i = m - 1; i >= 0; i--) {
      int k = order[i];
      running = Math.min(running, (double) m / (i + 1) * p[k]);
      adjusted[k] = Math.min(1, running);
    }
    return adjusted;
  }

  private static Integer[] ascending(double[] p) {
    for (double v : p) {
      if (!(v >= 0 && v <= 1)) {
        throw new IllegalArgumentException("p-values must be in [0, 1], got " + v);
      }
    }
    Integer[] order = IntStream.range(0, p.length).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
    return order;
  }
}
