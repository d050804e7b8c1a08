package org.cxalign.analytics.stat;

import static org.cxalign.analytics.stat.GapData.A;
import static org.cxalign.analytics.stat.GapData.B;
import static org.cxalign.analytics.stat.GapData.X;
import static org.cxalign.analytics.stat.GapData.Y;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class WelchTTestTest {

  @Test
  void agreesWithRTTest() {
    // tt <- t.test(x, y); c(tt$statistic, tt$parameter, tt$p.value, tt$conf.int)
    WelchResult r = WelchTTest.of(Moments.of(X), Moments.of(Y));
    assertEquals(2.742211418695338132, r.t().get(), 1e-9);
    assertEquals(16.609102039358834446, r.df().get(), 1e-9);
    assertEquals(0.014106828828682449, r.pValue().get(), 1e-9);
    assertEquals(0.261071590907153039, r.lower95().get(), 1e-9);
    assertEquals(2.016706186870624418, r.upper95().get(), 1e-9);
    assertEquals(1.1388888888888888, r.meanDifference(), 1e-12);
  }

  @Test
  void agreesWithRTTestOnContinuousData() {
    // tt3 <- t.test(a, b); c(tt3$statistic, tt3$parameter, tt3$p.value, tt3$conf.int)
    WelchResult r = WelchTTest.of(Moments.of(A), Moments.of(B));
    assertEquals(-0.17398751055566744, r.t().get(), 1e-9);
    assertEquals(17.29852161613428763, r.df().get(), 1e-9);
    assertEquals(0.86389518193654014, r.pValue().get(), 1e-9);
    assertEquals(-0.73306586310245025, r.lower95().get(), 1e-9);
    assertEquals(0.62123556007214775, r.upper95().get(), 1e-9);
  }

  @Test
  void undefinedCases() {
    WelchResult one = WelchTTest.of(Moments.of(new double[] {3}), Moments.of(Y));
    assertEquals(
        "each group needs at least 2 values, got n_a = 1, n_b = 9", one.t().undefinedReason());
    assertEquals(3 - 25.0 / 9, one.meanDifference(), 1e-12);
    WelchResult constant =
        WelchTTest.of(Moments.of(new double[] {3, 3}), Moments.of(new double[] {4, 4, 4}));
    assertEquals("no variance in either group", constant.pValue().undefinedReason());
    assertFalse(constant.lower95().isDefined());
    IllegalArgumentException empty =
        assertThrows(
            IllegalArgumentException.class, () -> WelchTTest.of(Moments.empty(), Moments.of(Y)));
    assertEquals("both groups need at least one value, got n_a = 0, n_b = 9", empty.getMessage());
  }

  @Test
  void pValueAloneIsTheTestsPValue() {
    // R: t.test(x, y)$p.value, as above
    assertEquals(0.014106828828682449, WelchTTest.pValue(Moments.of(X), Moments.of(Y)).get(), 1e-9);
    java.util.Random rnd = new java.util.Random(17);
    for (int trial = 0; trial < 300; trial++) {
      Moments a = Moments.of(sample(rnd, 1 + rnd.nextInt(trial < 100 ? 5 : 5000), rnd.nextInt(4)));
      Moments b = Moments.of(sample(rnd, 1 + rnd.nextInt(trial < 100 ? 5 : 5000), rnd.nextInt(4)));
      // the same Estimate: the same double, or the same undefined reason
      assertEquals(WelchTTest.of(a, b).pValue(), WelchTTest.pValue(a, b), "trial " + trial);
    }
    assertEquals(
        "no variance in either group",
        WelchTTest.pValue(Moments.of(new double[] {3, 3}), Moments.of(new double[] {4, 4, 4}))
            .undefinedReason());
    assertThrows(
        IllegalArgumentException.class, () -> WelchTTest.pValue(Moments.empty(), Moments.of(Y)));
  }

  /** n answers on 1..5; spread 0 gives a constant group. */
  private static double[] sample(java.util.Random rnd, int n, int spread) {
    double[] x = new double[n];
    int centre = 1 + rnd.nextInt(5);
    for (int i = 0; i < n; i++) {
      x[i] =
          Math.max(
              1, Math.min(5, centre + (spread == 0 ? 0 : rnd.nextInt(2 * spread + 1) - spread)));
    }
    return x;
  }
}
