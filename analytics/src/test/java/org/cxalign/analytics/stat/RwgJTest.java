package org.cxalign.analytics.stat;

import static org.cxalign.analytics.stat.AgreementData.FIVE;
import static org.cxalign.analytics.stat.AgreementData.GROUPS;
import static org.cxalign.analytics.stat.AgreementData.completeCases;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RwgJTest {

  @Test
  void agreesWithMultilevelRwgJOnListwiseCompleteCases() {
    // library(multilevel); rwg.j(d, g, ranvar = 2)   (data: AgreementData)
    //   a 0.9155844155844155 (gsize 5), b 0.9375 (4), d 0 (7); c has no complete case (dropped)
    double[] expected = {0.9155844155844155, 0.9375, Double.NaN, 0.0};
    long[] expectedN = {5, 4, 0, 7};
    for (int g = 0; g < GROUPS.length; g++) {
      double[][] rows = completeCases(GROUPS[g]);
      assertEquals(expectedN[g], rows.length);
      RwgJResult r = rows.length == 0 ? RwgJ.of(FIVE, new double[3], 0) : RwgJ.of(FIVE, rows);
      assertEquals(3, r.j());
      if (Double.isNaN(expected[g])) {
        assertEquals("fewer than 2 complete cases (n = 0)", r.rwgJ().undefinedReason());
        assertFalse(r.hasMeanVariance());
      } else {
        assertEquals(expected[g], r.rwgJ().get(), 1e-9);
      }
    }
  }

  @Test
  void fromItemVariancesOfCompleteCases() {
    // for (gg in c("a","d")) apply(d[g == gg & complete.cases(d), ], 2, var)
    RwgJResult a = RwgJ.of(FIVE, new double[] {0.5, 0.3, 0.5}, 5);
    assertEquals(0.9155844155844155, a.rwgJ().get(), 1e-9);
    assertEquals(13.0 / 30, a.meanVariance(), 1e-12);
    RwgJResult d = RwgJ.of(FIVE, new double[] {4.0, 3.5714285714285716, 3.5714285714285716}, 7);
    assertEquals(0.0, d.rwgJ().get(), 0);
  }

  @Test
  void zeroVarianceGivesOneAndGroupOfOneIsUndefined() {
    assertEquals(1.0, RwgJ.of(FIVE, new double[][] {{2, 3}, {2, 3}, {2, 3}}).rwgJ().get(), 0);
    RwgJResult one = RwgJ.of(FIVE, new double[][] {{2, 3}});
    assertEquals("fewer than 2 complete cases (n = 1)", one.rwgJ().undefinedReason());
    assertThrows(IllegalStateException.class, one::meanVariance);
  }

  @Test
  void rejectsBadInput() {
    IllegalArgumentException off =
        assertThrows(
            IllegalArgumentException.class, () -> RwgJ.of(FIVE, new double[][] {{2, 3}, {0, 3}}));
    assertEquals("value 0.0 is not an option of the scale 1..5 (integers only)", off.getMessage());
    IllegalArgumentException missing =
        assertThrows(
            IllegalArgumentException.class,
            () -> RwgJ.of(FIVE, new double[][] {{2, 3}, {Double.NaN, 3}}));
    assertEquals(
        "r_wg(J): row 1 holds NaN (complete cases of finite values only)", missing.getMessage());
    IllegalArgumentException ragged =
        assertThrows(
            IllegalArgumentException.class, () -> RwgJ.of(FIVE, new double[][] {{2, 3}, {3}}));
    assertEquals("r_wg(J): row 1 has 1 values, row 0 has 2", ragged.getMessage());
    assertThrows(IllegalArgumentException.class, () -> RwgJ.of(FIVE, new double[] {-1, 2}, 5));
  }
}
