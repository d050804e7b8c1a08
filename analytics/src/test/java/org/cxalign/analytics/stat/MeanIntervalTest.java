package org.cxalign.analytics.stat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MeanIntervalTest {

  private static final Moments M = Moments.of(new double[] {3, 4, 2, 5, 5, 4, 3, 1, 4, 4, 2, 5});

  @Test
  void twoSidedIntervalsAgreeWithR() {
    // x <- c(3,4,2,5,5,4,3,1,4,4,2,5); t.test(x)$conf.int; t.test(x, conf.level = 0.9)$conf.int
    Interval i95 = MeanInterval.of(M, 0.95);
    assertEquals(2.6649606350055293, i95.lower().get(), 1e-9);
    assertEquals(4.3350393649944712, i95.upper().get(), 1e-9);
    Interval i90 = MeanInterval.of(M, 0.90);
    assertEquals(2.8186530532757446, i90.lower().get(), 1e-9);
    assertEquals(4.1813469467242559, i90.upper().get(), 1e-9);
  }

  @Test
  void oneSidedLowerBoundAgreesWithR() {
    // t.test(x, alternative = "greater")$conf.int[1]
    assertEquals(2.8186530532757446, MeanInterval.lowerBound(M, 0.95).get(), 1e-9);
  }

  @Test
  void undefinedBelowTwoValuesAndDegenerateWithoutVariance() {
    Interval one = MeanInterval.of(Moments.of(new double[] {4}), 0.95);
    assertFalse(one.isDefined());
    assertEquals("fewer than 2 values (n = 1)", one.lower().undefinedReason());
    Interval constant = MeanInterval.of(Moments.of(new double[] {4, 4, 4}), 0.95);
    assertEquals(4.0, constant.lower().get(), 0);
    assertEquals(4.0, constant.upper().get(), 0);
  }

  @Test
  void confidenceMustBeAProbability() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> MeanInterval.of(M, 95));
    assertEquals("confidence must be in (0, 1), got 95.0", e.getMessage());
  }
}
