package org.cxalign.analytics.stat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class OneWayAnovaTest {

  // set.seed(11); g <- factor(rep(c("a","b","c","d"), c(6,9,4,7)))
  // y <- round(2 + as.numeric(g) * 0.7 + rnorm(length(g), sd = 0.8), 1)
  private static final double[][] STRONG = {
    {2.2, 2.7, 1.5, 1.6, 3.6, 2},
    {4.5, 3.9, 3.4, 2.6, 2.7, 3.1, 2.2, 3.2, 2.5},
    {4.1, 3.9, 4.8, 3.6},
    {4.3, 4.3, 4.8, 4.4, 5.1, 4.9, 4.8},
  };

  // set.seed(2024); g <- factor(rep(c("a","b","c","d","e"), c(8,5,12,3,7)))
  // y <- round(3 + as.numeric(g)/3 + rnorm(length(g)), 2)
  private static final double[][] WEAK = {
    {4.32, 3.8, 3.23, 3.12, 4.49, 4.63, 3.87, 3.21},
    {2.44, 2.55, 1.99, 4.14, 4.5},
    {4.29, 0.73, 3.85, 3.07, 4.45, 2.39, 1.99, 5.14, 4.32, 5.04, 3.79, 4.4},
    {2.79, 4.22, 5.02},
    {2.61, 4.56, 3.23, 4.34, 4.16, 5.87, 4.17},
  };

  @Test
  void strongGroupEffectAgreesWithAovAndMultilevel() {
    // library(multilevel); m <- aov(y ~ g); s <- summary(m)[[1]]
    // c(s[1,2], s[2,2], s[1,3], s[2,3], s[1,4], s[1,5], s[1,2]/(s[1,2]+s[2,2]), ICC1(m), ICC2(m))
    AnovaResult r = OneWayAnova.of(STRONG);
    assertEquals(21.220506715506712, r.ssBetween(), 1e-9);
    assertEquals(8.7460317460317416, r.ssWithin(), 1e-9);
    assertEquals(3, r.dfBetween());
    assertEquals(22, r.dfWithin());
    assertEquals(7.0735022385022370, r.msBetween().get(), 1e-9);
    assertEquals(0.39754689754689737, r.msWithin().get(), 1e-9);
    assertEquals(17.792874959281498, r.f().get(), 1e-9);
    assertEquals(4.3329651993714260e-06, r.pValue().get(), 1e-9 * 4.3329651993714260e-06);
    assertEquals(0.70814007239250787, r.etaSquared().get(), 1e-9);
    assertEquals(0.72094470899952390, r.icc1().get(), 1e-9);
    assertEquals(0.94379772789453797, r.icc2().get(), 1e-9);
    assertEquals(4, r.groups());
    assertEquals(26, r.n());
  }

  @Test
  void weakGroupEffectGivesNegativeIccsAsInR() {
    // same R calls on the WEAK data
    AnovaResult r = OneWayAnova.of(WEAK);
    assertEquals(3.441628690476190577, r.ssBetween(), 1e-9);
    assertEquals(35.976645595238089470, r.ssWithin(), 1e-9);
    assertEquals(0.717471424906494404, r.f().get(), 1e-9);
    assertEquals(0.586669426815986661, r.pValue().get(), 1e-9);
    assertEquals(0.087310486134688128, r.etaSquared().get(), 1e-9);
    assertEquals(-0.042058768429735195, r.icc1().get(), 1e-9);
    assertEquals(-0.393783731707958329, r.icc2().get(), 1e-9);
  }

  @Test
  void sufficientStatisticsGiveExactlyTheRawResult() {
    for (double[][] data : new double[][][] {STRONG, WEAK}) {
      long[] n = new long[data.length];
      double[] sum = new double[data.length];
      double[] sumSq = new double[data.length];
      for (int g = 0; g < data.length; g++) {
        n[g] = data[g].length;
        for (double v : data[g]) {
          sum[g] += v;
          sumSq[g] += v * v;
        }
      }
      AnovaResult raw = OneWayAnova.of(data);
      AnovaResult sums = OneWayAnova.of(n, sum, sumSq);
      assertEquals(raw.ssBetween(), sums.ssBetween(), 1e-12);
      assertEquals(raw.ssWithin(), sums.ssWithin(), 1e-12);
      assertEquals(raw.f().get(), sums.f().get(), 1e-12);
      assertEquals(raw.pValue().get(), sums.pValue().get(), 1e-12);
      assertEquals(raw.etaSquared().get(), sums.etaSquared().get(), 1e-12);
      assertEquals(raw.icc1().get(), sums.icc1().get(), 1e-12);
      assertEquals(raw.icc2().get(), sums.icc2().get(), 1e-12);
    }
  }

  @Test
  void emptyGroupsAreIgnored() {
    double[][] withEmpty = {STRONG[0], {}, STRONG[1], STRONG[2], STRONG[3]};
    AnovaResult r = OneWayAnova.of(withEmpty);
    assertEquals(4, r.groups());
    assertEquals(0.72094470899952390, r.icc1().get(), 1e-9);
  }

  @Test
  void undefinedCases() {
    AnovaResult oneGroup = OneWayAnova.of(new double[][] {{1, 2, 3}});
    assertEquals("fewer than 2 groups (G = 1)", oneGroup.msBetween().undefinedReason());
    assertFalse(oneGroup.f().isDefined());
    assertFalse(oneGroup.icc1().isDefined());
    assertEquals(0.0, oneGroup.etaSquared().get(), 0);

    AnovaResult singletons = OneWayAnova.of(new double[][] {{1}, {2}, {4}});
    assertEquals("every group has a single observation", singletons.msWithin().undefinedReason());
    assertFalse(singletons.icc2().isDefined());
    assertEquals(1.0, singletons.etaSquared().get(), 0);

    AnovaResult noWithin = OneWayAnova.of(new double[][] {{1, 1}, {2, 2}});
    assertEquals("no variance within groups (MSW = 0)", noWithin.f().undefinedReason());
    assertEquals(1.0, noWithin.icc1().get(), 0);
    assertEquals(1.0, noWithin.icc2().get(), 0);

    AnovaResult constant = OneWayAnova.of(new double[][] {{3, 3}, {3, 3}});
    assertEquals("no variation (MSB = MSW = 0)", constant.icc1().undefinedReason());
    assertEquals("no variance between groups (MSB = 0)", constant.icc2().undefinedReason());
    assertFalse(constant.etaSquared().isDefined());

    AnovaResult none = OneWayAnova.of(new double[][] {{}, {}});
    assertEquals("no observations", none.icc1().undefinedReason());
    assertEquals(0, none.n());
  }
}
