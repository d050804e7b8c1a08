package org.cxalign.analytics.stat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MomentsTest {

  private static final double[] X = {3, 4, 2, 5, 5, 4, 3, 1, 4, 4, 2, 5};

  @Test
  void meanAndSampleVarianceAgreeWithR() {
    // x <- c(3,4,2,5,5,4,3,1,4,4,2,5); c(mean(x), var(x))
    Moments m = Moments.of(X);
    assertEquals(12, m.n());
    assertEquals(3.5, m.mean(), 1e-12);
    assertEquals(1.7272727272727273, m.variance(), 1e-12);
  }

  @Test
  void sumsGiveTheSameMomentsAsRawValues() {
    Random random = new Random(7);
    for (int trial = 0; trial < 200; trial++) {
      int n = 1 + random.nextInt(40);
      double[] x = new double[n];
      double sum = 0;
      double sumSq = 0;
      for (int i = 0; i < n; i++) {
        x[i] = 1 + random.nextInt(7);
        sum += x[i];
        sumSq += x[i] * x[i];
      }
      Moments raw = Moments.of(x);
      Moments sums = Moments.ofSums(n, sum, sumSq);
      assertEquals(raw.n(), sums.n());
      assertEquals(raw.mean(), sums.mean(), 1e-12);
      assertEquals(raw.hasVariance(), sums.hasVariance());
      if (raw.hasVariance()) {
        assertEquals(raw.variance(), sums.variance(), 1e-12);
      }
    }
  }

  @Test
  void mergeEqualsTheMomentsOfTheUnion() {
    double[] a = Arrays.copyOfRange(X, 0, 5);
    double[] b = Arrays.copyOfRange(X, 5, 12);
    Moments merged = Moments.merge(Moments.of(a), Moments.of(b));
    assertEquals(12, merged.n());
    assertEquals(3.5, merged.mean(), 1e-12);
    assertEquals(1.7272727272727273, merged.variance(), 1e-12);
    Moments one = Moments.merge(Moments.of(new double[] {2}), Moments.of(new double[] {4}));
    assertEquals(2.0, one.variance(), 1e-12);
    assertEquals(Moments.of(a), Moments.merge(Moments.of(a), Moments.empty()));
    assertEquals(Moments.of(b), Moments.merge(Moments.empty(), Moments.of(b)));
  }

  @Test
  void varianceIsUndefinedBelowTwoValues() {
    Moments one = Moments.of(new double[] {4});
    assertTrue(one.hasMean());
    assertFalse(one.hasVariance());
    assertEquals(4.0, one.mean());
    IllegalStateException e = assertThrows(IllegalStateException.class, one::variance);
    assertEquals("the sample variance needs n >= 2, got n = 1", e.getMessage());
    assertFalse(one.varianceEstimate().isDefined());
    assertEquals(one, Moments.ofSums(1, 4, 16));

    Moments none = Moments.of(new double[0]);
    assertFalse(none.hasMean());
    assertThrows(IllegalStateException.class, none::mean);
    assertEquals(none, Moments.ofSums(0, 0, 0));
    assertFalse(none.meanEstimate().isDefined());
  }

  @Test
  void zeroVarianceIsExactlyZero() {
    assertEquals(0.0, Moments.of(new double[] {3, 3, 3}).variance(), 0);
    // 0.1 is not exact in binary: the sums must still not give a negative variance
    assertEquals(0.0, Moments.ofSums(3, 0.3, 0.03).variance(), 1e-15);
    assertTrue(Moments.ofSums(3, 0.1 * 3, 0.1 * 0.1 * 3).variance() >= 0);
  }

  @Test
  void rejectsBadInput() {
    assertThrows(IllegalArgumentException.class, () -> Moments.of(new double[] {1, Double.NaN}));
    assertThrows(IllegalArgumentException.class, () -> Moments.ofSums(-1, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> Moments.ofSums(0, 1, 1));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new Moments(3, 1, -0.5));
    assertEquals("variance must be finite and >= 0, got -0.5", e.getMessage());
  }
}
