package org.cxalign.analytics.stat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class KendallWTest {

  // departments (judges, rows) x dimensions (objects, columns); ties in rows 1 and 3
  // M <- matrix(c(3.2,3.8,4.1,2.9,3.5,3.5, 3.0,3.9,4.4,3.1,3.3,3.6, 3.4,3.4,4.0,2.5,3.7,3.9,
  //               2.8,4.1,4.3,3.0,3.0,3.2, 3.1,3.6,4.2,2.7,3.9,3.3), nrow = 5, byrow = TRUE)
  private static final double[][] M = {
    {3.2, 3.8, 4.1, 2.9, 3.5, 3.5},
    {3.0, 3.9, 4.4, 3.1, 3.3, 3.6},
    {3.4, 3.4, 4.0, 2.5, 3.7, 3.9},
    {2.8, 4.1, 4.3, 3.0, 3.0, 3.2},
    {3.1, 3.6, 4.2, 2.7, 3.9, 3.3},
  };

  @Test
  void agreesWithFriedmanTestWithTies() {
    // f <- friedman.test(M); c(f$statistic, f$parameter, f$p.value,
    // f$statistic/(nrow(M)*(ncol(M)-1)))
    KendallResult r = KendallW.of(M);
    assertEquals(2.0784883720930232e+01, r.chiSquare(), 1e-9);
    assertEquals(5, r.df());
    assertEquals(8.8946691920721902e-04, r.pValue(), 1e-9);
    assertEquals(8.3139534883720922e-01, r.w().get(), 1e-9);
    assertEquals(5, r.judges());
    assertEquals(6, r.objects());
  }

  @Test
  void smallSubsetAgreesWithFriedmanTest() {
    // M2 <- M[1:3, c(1,2,4)]; f2 <- friedman.test(M2)   (a tie in row 3)
    double[][] m2 = {{3.2, 3.8, 2.9}, {3.0, 3.9, 3.1}, {3.4, 3.4, 2.5}};
    KendallResult r = KendallW.of(m2);
    assertEquals(3.81818181818181834, r.chiSquare(), 1e-9);
    assertEquals(0.14821506633752016, r.pValue(), 1e-9);
    assertEquals(0.63636363636363635, r.w().get(), 1e-9);
  }

  @Test
  void judgesWithMissingValuesAreLeftOutAsFriedmanTestDoes() {
    double[][] withMissing = {M[0], M[1], {3.3, Double.NaN, 4, 2, 3, 3}, M[2], M[3], M[4]};
    KendallResult r = KendallW.of(withMissing);
    assertEquals(5, r.judges());
    assertEquals(8.3139534883720922e-01, r.w().get(), 1e-9);
  }

  @Test
  void perfectAgreementIsOne() {
    KendallResult r = KendallW.of(new double[][] {{1, 2, 3}, {2, 4, 6}, {0, 1, 5}});
    assertEquals(1.0, r.w().get(), 1e-12);
  }

  @Test
  void undefinedCases() {
    KendallResult allTied = KendallW.of(new double[][] {{3, 3, 3}, {2, 2, 2}});
    assertEquals("every judge ties all objects", allTied.w().undefinedReason());
    assertFalse(allTied.hasChiSquare());
    assertThrows(IllegalStateException.class, allTied::chiSquare);
    KendallResult allMissing = KendallW.of(new double[][] {{Double.NaN, 1}, {2, Double.NaN}});
    assertEquals(
        "fewer than 2 judges with complete rankings (m = 0)", allMissing.w().undefinedReason());
    assertEquals(
        "fewer than 2 objects (n = 1)",
        KendallW.of(new double[][] {{1}, {2}}).w().undefinedReason());
  }

  @Test
  void rejectsRaggedRows() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> KendallW.of(new double[][] {{1, 2}, {1, 2, 3}}));
    assertEquals("Kendall's W: judge 1 scores 3 objects, judge 0 2", e.getMessage());
  }
}
