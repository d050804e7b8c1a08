package org.cxalign.analytics.stat;

import static org.cxalign.analytics.stat.GapData.A;
import static org.cxalign.analytics.stat.GapData.B;
import static org.cxalign.analytics.stat.GapData.X;
import static org.cxalign.analytics.stat.GapData.Y;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TostTest {

  @Test
  void notEquivalentWithinAWideMarginWhenTheUpperTestFails() {
    // d <- 1.5; t.test(x, y, mu = -d, alternative = "greater")$p.value;
    // t.test(x, y, mu = d, alternative = "less")$p.value; t.test(x, y, conf.level = 0.9)$conf.int
    TostResult r = Tost.of(Moments.of(X), Moments.of(Y), 1.5, 0.05);
    assertEquals(4.0153541855517630e-06, r.pLower().get(), 1e-9);
    assertEquals(1.9848767612246815e-01, r.pUpper().get(), 1e-9);
    assertEquals(1.9848767612246815e-01, r.p().get(), 1e-9);
    assertEquals(4.1541990465780493e-01, r.lower().get(), 1e-9);
    assertEquals(1.8623578731199728e+00, r.upper().get(), 1e-9);
    assertFalse(r.equivalent());
  }

  @Test
  void narrowMargin() {
    // d <- 0.5; same two one-sided t.test calls
    TostResult r = Tost.of(Moments.of(X), Moments.of(Y), 0.5, 0.05);
    assertEquals(0.0005420511950886232, r.pLower().get(), 1e-9);
    assertEquals(0.9285977358424805095, r.pUpper().get(), 1e-9);
    assertFalse(r.equivalent());
  }

  @Test
  void equivalentWhenBothOneSidedTestsReject() {
    // d <- 0.6; t.test(a, b, mu = -d, alternative = "greater")$p.value;
    // t.test(a, b, mu = d, alternative = "less")$p.value; t.test(a, b, conf.level = 0.9)$conf.int
    TostResult r = Tost.of(Moments.of(A), Moments.of(B), 0.6, 0.06);
    assertEquals(0.054193670004974874, r.pLower().get(), 1e-9);
    assertEquals(0.028407923939082810, r.pUpper().get(), 1e-9);
    assertTrue(r.equivalent());
    assertFalse(Tost.of(Moments.of(A), Moments.of(B), 0.6, 0.05).equivalent());
    TostResult ci = Tost.of(Moments.of(A), Moments.of(B), 0.6, 0.05);
    assertEquals(-0.614425885110550074, ci.lower().get(), 1e-9);
    assertEquals(0.502595582080247572, ci.upper().get(), 1e-9);
  }

  @Test
  void undefinedAndBadInput() {
    TostResult one = Tost.of(Moments.of(new double[] {3}), Moments.of(Y), 1, 0.05);
    assertFalse(one.p().isDefined());
    assertFalse(one.equivalent());
    IllegalArgumentException delta =
        assertThrows(
            IllegalArgumentException.class, () -> Tost.of(Moments.of(X), Moments.of(Y), 0, 0.05));
    assertEquals("delta must be finite and > 0, got 0.0", delta.getMessage());
    IllegalArgumentException alpha =
        assertThrows(
            IllegalArgumentException.class, () -> Tost.of(Moments.of(X), Moments.of(Y), 1, 0.5));
    assertEquals("alpha must be in (0, 0.5), got 0.5", alpha.getMessage());
  }
}
