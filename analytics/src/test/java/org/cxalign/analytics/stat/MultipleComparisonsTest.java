package org.cxalign.analytics.stat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MultipleComparisonsTest {

  // p <- c(0.01, 0.04, 0.03, 0.2, 0.04, 0.5, 0.001, 0.8)   (ties at 0.04)
  private static final double[] P = {0.01, 0.04, 0.03, 0.2, 0.04, 0.5, 0.001, 0.8};

  @Test
  void holmAgreesWithR() {
    // p.adjust(p, "holm")
    double[] expected = {0.07, 0.2, 0.18, 0.6, 0.2, 1, 0.008, 1};
    assertArrayEquals(expected, MultipleComparisons.holm(P), 1e-12);
  }

  @Test
  void benjaminiHochbergAgreesWithR() {
    // p.adjust(p, "BH")
    double[] expected = {
      0.04, 0.064, 0.064, 0.2666666666666666630, 0.064, 0.5714285714285713969, 0.008, 0.8
    };
    assertArrayEquals(expected, MultipleComparisons.benjaminiHochberg(P), 1e-12);
  }

  @Test
  void emptyAndSingle() {
    assertEquals(0, MultipleComparisons.holm(new double[0]).length);
    assertArrayEquals(
        new double[] {0.3}, MultipleComparisons.benjaminiHochberg(new double[] {0.3}));
  }

  @Test
  void rejectsNonProbabilities() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> MultipleComparisons.holm(new double[] {0.1, 1.2}));
    assertEquals("p-values must be in [0, 1], got 1.2", e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> MultipleComparisons.benjaminiHochberg(new double[] {Double.NaN}));
  }
}
