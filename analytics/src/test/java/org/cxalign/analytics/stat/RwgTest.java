package org.cxalign.analytics.stat;

import static org.cxalign.analytics.stat.AgreementData.FIVE;
import static org.cxalign.analytics.stat.AgreementData.GROUPS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RwgTest {

  // library(multilevel); rwg(i1, g, ranvar = 2); rwg(i2, g, 2); rwg(i3, g, 2)  (data:
  // AgreementData)
  // group c has one answer (R: NA) or none (R: group dropped)
  private static final Double[][] EXPECTED = {
    {0.80000000000000004, 0.84999999999999998, 0.80000000000000004},
    {0.83333333333333337, 0.84999999999999998, 0.84999999999999998},
    {null, null, null},
    {0.0, 0.0, 0.0},
  };

  @Test
  void agreesWithMultilevelRwg() {
    for (int g = 0; g < GROUPS.length; g++) {
      for (int i = 0; i < 3; i++) {
        RwgResult r = Rwg.of(FIVE, GROUPS[g][i]);
        assertEquals(2.0, r.expectedVariance());
        if (EXPECTED[g][i] == null) {
          assertFalse(r.rwg().isDefined());
          assertFalse(r.hasVariance());
          assertThrows(IllegalStateException.class, r::variance);
        } else {
          assertEquals(EXPECTED[g][i], r.rwg().get(), 1e-9, "group " + g + " item " + i);
        }
      }
    }
  }

  @Test
  void varianceAboveUniformGivesZeroAndZeroVarianceGivesOne() {
    RwgResult polarised = Rwg.of(FIVE, new double[] {1, 5, 1, 5});
    assertEquals(0.0, polarised.rwg().get(), 0);
    assertEquals(16.0 / 3, polarised.variance(), 1e-12);
    assertEquals(1.0, Rwg.of(FIVE, new double[] {4, 4, 4}).rwg().get(), 0);
  }

  @Test
  void groupOfOneAndAllMissingAreUndefined() {
    assertEquals(
        "fewer than 2 answers (n = 1)", Rwg.of(FIVE, new double[] {3}).rwg().undefinedReason());
    RwgResult none = Rwg.of(FIVE, new double[] {Double.NaN, Double.NaN});
    assertEquals("fewer than 2 answers (n = 0)", none.rwg().undefinedReason());
    assertEquals(0, none.n());
  }

  @Test
  void momentsAndAnswersGiveTheSameResult() {
    double[] x = {4, 4, 5, 4, 3, 4};
    assertEquals(
        Rwg.of(FIVE, x).rwg().get(), Rwg.of(FIVE, Moments.ofSums(6, 24, 98)).rwg().get(), 1e-12);
  }

  @Test
  void rejectsAnswersOffTheScale() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Rwg.of(FIVE, new double[] {3, 7}));
    assertEquals("value 7.0 is not an option of the scale 1..5 (integers only)", e.getMessage());
    IllegalArgumentException mean =
        assertThrows(IllegalArgumentException.class, () -> Rwg.of(FIVE, new Moments(3, 6.5, 0.25)));
    assertEquals("mean 6.5 lies outside the scale 1..5", mean.getMessage());
  }
}
