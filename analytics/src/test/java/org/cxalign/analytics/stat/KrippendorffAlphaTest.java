package org.cxalign.analytics.stat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.cxalign.analytics.stat.KrippendorffAlpha.Level;
import org.junit.jupiter.api.Test;

class KrippendorffAlphaTest {

  private static final double NA = Double.NaN;

  /** Krippendorff (2011), "Computing Krippendorff's alpha-reliability", section C: 4 x 12. */
  private static final double[][] K2011 = {
    {1, 2, 3, 3, 2, 1, 4, 1, 2, NA, NA, NA},
    {1, 2, 3, 3, 2, 2, 4, 1, 2, 5, NA, 3},
    {NA, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, NA},
    {1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, NA},
  };

  @Test
  void publishedValuesOfTheWorkedExample() {
    // Krippendorff (2011): nominal .743, ordinal .815, interval .849, ratio .797 (three decimals)
    assertEquals(0.743, KrippendorffAlpha.of(K2011, Level.NOMINAL).alpha().get(), 0.0005);
    assertEquals(0.815, KrippendorffAlpha.of(K2011, Level.ORDINAL).alpha().get(), 0.0005);
    assertEquals(0.849, KrippendorffAlpha.of(K2011, Level.INTERVAL).alpha().get(), 0.0005);
    assertEquals(0.797, KrippendorffAlpha.of(K2011, Level.RATIO).alpha().get(), 0.0005);
  }

  @Test
  void workedExampleAgreesWithTheFormulasComputedInR() {
    // irr is not installed here: reference by the paper's formulas in R, test resource
    // stat/krippendorff-alpha.R:
    // kalpha(d, level): coincidences o_ck = sum_u pairs/(m_u - 1); Do = sum(o*delta)/n;
    // De = sum(outer(nc, nc)*delta)/(n(n-1)); alpha = 1 - Do/De   (values: alpha, Do, De, n)
    assertResult(
        K2011, Level.NOMINAL, 0.74342105263157898, 0.20000000000000004, 0.77948717948717960);
    assertResult(
        K2011, Level.ORDINAL, 0.81538750375488134, 47.27499999999999147, 256.07692307692298073);
    assertResult(
        K2011, Level.INTERVAL, 0.84910714285714284, 0.43333333333333340, 2.87179487179487225);
    assertResult(
        K2011, Level.RATIO, 0.797402774711612028, 0.022432728647014365, 0.110725744713839946);
    KrippendorffResult r = KrippendorffAlpha.of(K2011, Level.NOMINAL);
    assertEquals(40, r.pairableValues());
    assertEquals(11, r.units());
  }

  @Test
  void departmentMeansWithMissingAgreeWithR() {
    // set.seed(8); D <- matrix(round(runif(5*7, 2.5, 4.5), 2), 5, 7)
    // D[2,3] <- NA; D[4,1] <- NA; D[5,7] <- NA; D[1,7] <- NA; D[3,7] <- NA; D[4,7] <- NA
    // kalpha(D, level)   (unit 7 has a single value: not pairable)
    double[][] d = {
      {3.43, 3.94, 3.41, 4.36, 2.95, 4.46, NA},
      {2.92, 3.08, NA, 2.5, 3.32, 2.7, 3.75},
      {4.1, 4.36, 3.36, 3.03, 3.73, 3.72, NA},
      {NA, 4.04, 3.59, 3.05, 2.93, 3.56, NA},
      {3.14, 3.79, 2.78, 3.54, 3.83, 4.13, NA},
    };
    assertResult(d, Level.NOMINAL, -0.0026525198938991412, 1.0, 0.9973544973544973269);
    assertResult(
        d, Level.ORDINAL, -0.0018135778811934067, 135.5416666666666571928, 135.2962962962963047175);
    assertResult(
        d, Level.INTERVAL, -0.0093578449914923922, 0.5880345238095238125, 0.5825828042328042855);
    assertResult(d, Level.RATIO, -0.019007725337212733, 0.012221165547955170, 0.011993202057335639);
    KrippendorffResult r = KrippendorffAlpha.of(d, Level.INTERVAL);
    assertEquals(28, r.pairableValues());
    assertEquals(6, r.units());
  }

  @Test
  void undefinedCases() {
    KrippendorffResult allMissing =
        KrippendorffAlpha.of(new double[][] {{NA, NA}, {NA, 2}}, Level.INTERVAL);
    assertEquals("no unit has two or more values", allMissing.alpha().undefinedReason());
    assertFalse(allMissing.hasDisagreements());
    assertThrows(IllegalStateException.class, allMissing::observedDisagreement);
    KrippendorffResult constant =
        KrippendorffAlpha.of(new double[][] {{3, 3, 3}, {3, 3, NA}}, Level.ORDINAL);
    assertEquals(
        "no variation: every pairable value is the same", constant.alpha().undefinedReason());
    assertEquals(0.0, constant.observedDisagreement(), 0);
  }

  @Test
  void perfectAgreementIsOne() {
    double[][] same = {{1, 2, 3, NA}, {1, 2, 3, 4}, {NA, 2, 3, 4}};
    for (Level level : Level.values()) {
      assertEquals(1.0, KrippendorffAlpha.of(same, level).alpha().get(), 1e-12, level.name());
    }
  }

  @Test
  void rejectsBadInput() {
    IllegalArgumentException ragged =
        assertThrows(
            IllegalArgumentException.class,
            () -> KrippendorffAlpha.of(new double[][] {{1, 2}, {1}}, Level.NOMINAL));
    assertEquals(
        "Krippendorff's alpha: observer 1 has 1 units, observer 0 has 2", ragged.getMessage());
    IllegalArgumentException negative =
        assertThrows(
            IllegalArgumentException.class,
            () -> KrippendorffAlpha.of(new double[][] {{1, -2}, {1, 2}}, Level.RATIO));
    assertEquals(
        "Krippendorff's alpha: value -2.0 (ratio values must be finite and >= 0)",
        negative.getMessage());
  }

  private static void assertResult(
      double[][] data, Level level, double alpha, double observed, double expected) {
    KrippendorffResult r = KrippendorffAlpha.of(data, level);
    assertEquals(alpha, r.alpha().get(), 1e-9, level + " alpha");
    assertEquals(observed, r.observedDisagreement(), 1e-9 * Math.max(1, observed), level + " Do");
    assertEquals(expected, r.expectedDisagreement(), 1e-9 * Math.max(1, expected), level + " De");
  }

  /**
   * The interval level's linear formula equals the definition (every ordered pair of values within
   * a unit, and every ordered pair of pairable values) on random data with ties and missing values,
   * up to 40 observers and 60 units.
   */
  @Test
  void intervalEqualsThePairwiseDefinition() {
    java.util.SplittableRandom r = new java.util.SplittableRandom(11);
    for (int trial = 0; trial < 200; trial++) {
      int observers = 2 + r.nextInt(39);
      int units = 1 + r.nextInt(60);
      double[][] d = new double[observers][units];
      for (double[] row : d) {
        for (int u = 0; u < units; u++) {
          row[u] =
              r.nextInt(5) == 0 ? NA : r.nextBoolean() ? 1 + r.nextInt(5) : r.nextDouble() * 7 - 2;
        }
      }
      double observed = 0;
      java.util.List<Double> all = new java.util.ArrayList<>();
      for (int u = 0; u < units; u++) {
        java.util.List<Double> vs = new java.util.ArrayList<>();
        for (double[] row : d) {
          if (!Double.isNaN(row[u])) {
            vs.add(row[u]);
          }
        }
        if (vs.size() < 2) {
          continue;
        }
        double pairs = 0;
        for (int i = 0; i < vs.size(); i++) {
          for (int j = 0; j < vs.size(); j++) {
            pairs += (vs.get(i) - vs.get(j)) * (vs.get(i) - vs.get(j));
          }
        }
        observed += pairs / (vs.size() - 1);
        all.addAll(vs);
      }
      KrippendorffResult got = KrippendorffAlpha.of(d, Level.INTERVAL);
      if (all.isEmpty()) {
        assertFalse(got.hasDisagreements());
        continue;
      }
      int n = all.size();
      double expected = 0;
      for (double a : all) {
        for (double b : all) {
          expected += (a - b) * (a - b);
        }
      }
      double dO = observed / n;
      double dE = expected / ((double) n * (n - 1));
      assertEquals(n, got.pairableValues());
      assertEquals(dO, got.observedDisagreement(), 1e-12 * Math.max(1, dO));
      assertEquals(dE, got.expectedDisagreement(), 1e-12 * Math.max(1, dE));
      if (dE > 0) {
        assertEquals(1 - dO / dE, got.alpha().get(), 1e-11);
      }
    }
  }
}
