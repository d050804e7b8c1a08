package org.cxalign.analytics.stat;

import static org.cxalign.analytics.stat.GapData.A;
import static org.cxalign.analytics.stat.GapData.B;
import static org.cxalign.analytics.stat.GapData.X;
import static org.cxalign.analytics.stat.GapData.Y;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MannWhitneyTest {

  @Test
  void agreesWithWilcoxTestWithTies() {
    // w <- wilcox.test(x, y, exact = FALSE, correct = TRUE); c(w$statistic, w$p.value)
    // z: qnorm(w$p.value / 2, lower.tail = FALSE)
    MannWhitneyResult r = MannWhitney.of(X, Y);
    assertEquals(87, r.w(), 0);
    assertEquals(0.015898478207825747, r.pValue().get(), 1e-9);
    assertEquals(2.4112378114325881, r.z().get(), 1e-9);
    // wilcox.test(y, x, exact = FALSE, correct = TRUE): W = 21, same p
    MannWhitneyResult swapped = MannWhitney.of(Y, X);
    assertEquals(21, swapped.w(), 0);
    assertEquals(0.015898478207825747, swapped.pValue().get(), 1e-9);
    assertEquals(-2.4112378114325881, swapped.z().get(), 1e-9);
  }

  @Test
  void agreesWithWilcoxTestWithoutTies() {
    // w3 <- wilcox.test(a, b, exact = FALSE, correct = TRUE); c(w3$statistic, w3$p.value)
    // z: -qnorm(w3$p.value / 2, lower.tail = FALSE)
    MannWhitneyResult r = MannWhitney.of(A, B);
    assertEquals(71, r.w(), 0);
    assertEquals(0.56806795584414638, r.pValue().get(), 1e-9);
    assertEquals(-0.5708992257184502, r.z().get(), 1e-9);
    // wilcox.test(c(1,2), c(3,4,5), exact = FALSE)$p.value
    assertEquals(
        0.14891467317876567,
        MannWhitney.of(new double[] {1, 2}, new double[] {3, 4, 5}).pValue().get(),
        1e-9);
  }

  @Test
  void countsGiveExactlyTheRawResult() {
    // frequency tables of x and y over the options 1..5
    double[] values = {1, 2, 3, 4, 5};
    long[] countsX = {0, 1, 2, 6, 3};
    long[] countsY = {1, 2, 4, 2, 0};
    MannWhitneyResult fromCounts = MannWhitney.ofCounts(values, countsX, countsY);
    MannWhitneyResult raw = MannWhitney.of(X, Y);
    assertEquals(raw.w(), fromCounts.w(), 1e-12);
    assertEquals(raw.z().get(), fromCounts.z().get(), 1e-12);
    assertEquals(raw.pValue().get(), fromCounts.pValue().get(), 1e-12);
    // an option nobody chose changes nothing
    MannWhitneyResult padded =
        MannWhitney.ofCounts(
            new double[] {0, 1, 2, 3, 4, 5},
            new long[] {0, 0, 1, 2, 6, 3},
            new long[] {0, 1, 2, 4, 2, 0});
    assertEquals(raw.pValue().get(), padded.pValue().get(), 1e-12);
  }

  @Test
  void allEqualIsUndefined() {
    MannWhitneyResult r = MannWhitney.of(new double[] {3, 3}, new double[] {3, 3, 3});
    assertEquals(3, r.w(), 0);
    assertEquals("all values are equal (no rank variance)", r.pValue().undefinedReason());
  }

  @Test
  void rejectsBadInput() {
    IllegalArgumentException empty =
        assertThrows(
            IllegalArgumentException.class, () -> MannWhitney.of(new double[0], new double[] {1}));
    assertEquals("both groups need at least one value, got n_a = 0, n_b = 1", empty.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> MannWhitney.ofCounts(new double[] {2, 1}, new long[] {1, 1}, new long[] {1, 1}));
    IllegalArgumentException negative =
        assertThrows(
            IllegalArgumentException.class,
            () -> MannWhitney.ofCounts(new double[] {1, 2}, new long[] {1, -1}, new long[] {1, 1}));
    assertEquals("counts must be >= 0, got -1 and 1 at index 1", negative.getMessage());
  }
}
