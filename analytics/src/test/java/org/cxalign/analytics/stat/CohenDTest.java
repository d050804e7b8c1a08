package org.cxalign.analytics.stat;

import static org.cxalign.analytics.stat.GapData.X;
import static org.cxalign.analytics.stat.GapData.Y;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class CohenDTest {

  @Test
  void agreesWithR() {
    // nx <- length(x); ny <- length(y)
    // sp <- sqrt(((nx-1)*var(x) + (ny-1)*var(y)) / (nx+ny-2)); (mean(x) - mean(y)) / sp
    assertEquals(1.2231565917604428, CohenD.of(Moments.of(X), Moments.of(Y)).get(), 1e-9);
    assertEquals(-1.2231565917604428, CohenD.of(Moments.of(Y), Moments.of(X)).get(), 1e-9);
  }

  @Test
  void undefinedCases() {
    assertEquals(
        "no variance within the groups (pooled SD = 0)",
        CohenD.of(Moments.of(new double[] {3, 3}), Moments.of(new double[] {4})).undefinedReason());
    assertEquals(
        "fewer than 3 values in total",
        CohenD.of(Moments.of(new double[] {3}), Moments.of(new double[] {4})).undefinedReason());
    assertFalse(CohenD.of(Moments.empty(), Moments.of(Y)).isDefined());
    // a group of one still contributes its mean: pooled SD from the other group alone,
    // sqrt(((1-1)*0 + (2-1)*var(c(2,4))) / (1+2-2)) = sqrt(2); d = (2 - 3)/sqrt(2)
    double d = CohenD.of(Moments.of(new double[] {2}), Moments.of(new double[] {2, 4})).get();
    assertEquals(-1 / Math.sqrt(2), d, 1e-12);
  }
}
