package org.cxalign.analytics.stat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Krippendorff's α reliability coefficient for any number of observers, missing values and four
 * levels of measurement (Krippendorff 2011, "Computing Krippendorff's alpha-reliability", sections
 * C and E).
 *
 * <p>Only units with at least two values (m_u ≥ 2) are pairable. The coincidence matrix is o_ck =
 * Σ_u (number of ordered pairs (c, k) of values from different observers in u)/(m_u − 1), with
 * marginals n_c = Σ_k o_ck and n = Σ_c n_c (the pairable values). Then
 *
 * <pre>
 *   α = 1 − D_o/D_e,   D_o = (1/n) Σ_c Σ_k o_ck δ²_ck,   D_e = (1/(n(n − 1))) Σ_c Σ_k n_c n_k δ²_ck
 * </pre>
 *
 * <p>with the difference functions δ²_ck: nominal 0 if c = k else 1; ordinal (Σ_{g=c}^{k} n_g −
 * (n_c + n_k)/2)² over the ordered values; interval (c − k)²; ratio ((c − k)/(c + k))².
 *
 * <p>Special cases: no pairable unit (including all missing) gives undefined α and disagreements;
 * D_e = 0 (a single distinct pairable value) gives undefined α. Values are compared exactly; with
 * department means as values the nominal level is rarely meaningful.
 */
public final class KrippendorffAlpha {

  /** Level of measurement, choosing the difference function δ². */
  public enum Level {
    NOMINAL,
    ORDINAL,
    INTERVAL,
    RATIO
  }

  private KrippendorffAlpha() {}

  /**
   * α from an observers × units matrix.
   *
   * @param observersByUnits values, NaN = missing
   * @throws IllegalArgumentException if the rows are ragged, a value is infinite, or a value is
   *     negative at the ratio level
   */
  public static KrippendorffResult of(double[][] observersByUnits, Level level) {
    int units = observersByUnits.length == 0 ? 0 : observersByUnits[0].length;
    for (int o = 0; o < observersByUnits.length; o++) {
      if (observersByUnits[o].length != units) {
        throw new IllegalArgumentException(
            "Krippendorff's alpha: observer "
                + o
                + " has "
                + observersByUnits[o].length
                + " units, observer 0 has "
                + units);
      }
      for (double v : observersByUnits[o]) {
        if (Double.isInfinite(v) || (level == Level.RATIO && v < 0)) {
          throw new IllegalArgumentException(
              "Krippendorff's alpha: value "
                  + v
                  + (level == Level.RATIO ? " (ratio values must be finite and >= 0)" : ""));
        }
      }
    }
    // values of each pairable unit
    List<double[]> pairable = new ArrayList<>();
    for (int u = 0; u < units; u++) {
      double[] values = new double[observersByUnits.length];
      int m = 0;
      for (double[] observer : observersByUnits) {
        if (!Double.isNaN(observer[u])) {
          values[m++] = observer[u];
        }
      }
      if (m >= 2) {
        pairable.add(Arrays.copyOf(values, m));
      }
    }
    if (pairable.isEmpty()) {
      return new KrippendorffResult(
          Estimate.undefined("no unit has two or more values"), Double.NaN, Double.NaN, 0, 0);
    }
    if (level == Level.INTERVAL) {
      return interval(pairable);
    }
    double[] distinct =
        pairable.stream().flatMapToDouble(Arrays::stream).sorted().distinct().toArray();
    int v = distinct.length;
    double[] nc = new double[v];
    int[][] index = new int[pairable.size()][];
    int n = 0;
    for (int u = 0; u < pairable.size(); u++) {
      double[] values = pairable.get(u);
      index[u] = new int[values.length];
      for (int i = 0; i < values.length; i++) {
        index[u][i] = Arrays.binarySearch(distinct, values[i]);
        nc[index[u][i]]++;
        n++;
      }
    }
    Delta delta = new Delta(level, distinct, nc);
    double observed = 0;
    for (int[] unit : index) {
      double sum = 0;
      for (int i = 0; i < unit.length; i++) {
        for (int j = 0; j < unit.length; j++) {
          if (i != j) {
            sum += delta.squared(unit[i], unit[j]);
          }
        }
      }
      observed += sum / (unit.length - 1);
    }
    double expected = 0;
    for (int c = 0; c < v; c++) {
      for (int k = c + 1; k < v; k++) {
        expected += 2 * nc[c] * nc[k] * delta.squared(c, k);
      }
    }
    double dObserved = observed / n;
    double dExpected = expected / ((double) n * (n - 1));
    return result(dObserved, dExpected, n, pairable.size());
  }

  /**
   * The interval level without the coincidence matrix. With δ² = (c − k)², the sum over the ordered
   * pairs of a unit's m values is Σ_{i≠j} (x_i − x_j)² = 2m·Σ(x_i − x̄)², and the same identity
   * over all n pairable values gives Σ_c Σ_k n_c n_k δ²_ck = 2n·Σ(x − x̄)². So D_o = (1/n) Σ_u
   * 2m_u·SS_u/(m_u − 1) and D_e = 2·SS/(n − 1): linear in the values instead of quadratic in the
   * distinct values (department means as values are nearly all distinct: 40 departments × 30 items
   * gave a 1,200-value matrix, a tenth of a second of a report). Centred sums, so no cancellation.
   */
  private static KrippendorffResult interval(List<double[]> pairable) {
    int n = 0;
    double total = 0;
    double observed = 0;
    for (double[] unit : pairable) {
      int m = unit.length;
      double sum = 0;
      for (double x : unit) {
        sum += x;
      }
      double mean = sum / m;
      double ss = 0;
      for (double x : unit) {
        ss += (x - mean) * (x - mean);
      }
      observed += 2 * m * ss / (m - 1);
      n += m;
      total += sum;
    }
    double grand = total / n;
    double ss = 0;
    for (double[] unit : pairable) {
      for (double x : unit) {
        ss += (x - grand) * (x - grand);
      }
    }
    double dObserved = observed / n;
    double dExpected = 2 * ss / (n - 1);
    return result(dObserved, dExpected, n, pairable.size());
  }

  /** α = 1 − D_o/D_e, undefined when there is no expected disagreement. */
  private static KrippendorffResult result(double dObserved, double dExpected, int n, int units) {
    Estimate alpha =
        dExpected == 0
            ? Estimate.undefined("no variation: every pairable value is the same")
            : Estimate.of(1 - dObserved / dExpected);
    return new KrippendorffResult(alpha, dObserved, dExpected, n, units);
  }

  /** δ²_ck between the c-th and k-th distinct values. */
  private static final class Delta {
    private final Level level;
    private final double[] values;
    private final double[] nc;
    private final double[] cumulative;

    Delta(Level level, double[] values, double[] nc) {
      this.level = level;
      this.values = values;
      this.nc = nc;
      this.cumulative = new double[nc.length + 1];
      for (int i = 0; i < nc.length; i++) {
        cumulative[i + 1] = cumulative[i] + nc[i];
      }
    }

    double squared(int c, int k) {
      if (c == k) {
        return 0;
      }
      double a = values[c];
      double b = values[k];
      switch (level) {
        case NOMINAL:
          return 1;
        case ORDINAL:
          int lo = Math.min(c, k);
          int hi = Math.max(c, k);
          double d = cumulative[hi + 1] - cumulative[lo] - (nc[c] + nc[k]) / 2;
          return d * d;
        case INTERVAL:
          return (a - b) * (a - b);
        case RATIO:
          double r = (a - b) / (a + b);
          return r * r;
        default:
          throw new IllegalStateException("unknown level " + level);
      }
    }
  }
}
