package org.cxalign.analytics.stat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CronbachAlphaTest {

  // set.seed(3); f <- rnorm(20)
  // X <- sapply(1:4, function(j) pmin(5, pmax(1, round(3 + f + rnorm(20, sd = 0.9)))))
  private static final double[][] X = {
    {2, 3, 3, 4}, {2, 2, 4, 2}, {3, 5, 3, 4}, {1, 1, 2, 3}, {3, 4, 4, 4},
    {2, 1, 3, 3}, {4, 3, 3, 3}, {5, 5, 5, 3}, {2, 1, 1, 2}, {3, 3, 4, 3},
    {3, 3, 2, 1}, {3, 1, 2, 1}, {3, 3, 3, 2}, {4, 2, 3, 4}, {3, 2, 3, 3},
    {3, 2, 3, 3}, {3, 1, 3, 2}, {2, 4, 3, 3}, {3, 5, 3, 5}, {4, 2, 3, 3},
  };

  @Test
  void agreesWithPsychRawAlpha() {
    // library(psych); alpha(X)$total$raw_alpha
    AlphaResult r = CronbachAlpha.ofCompleteCases(X);
    assertEquals(0.71890879914415629, r.alpha().get(), 1e-9);
    assertEquals(4, r.items());
    assertEquals(20, r.n());
  }

  @Test
  void negativeAlphaAgreesWithPsych() {
    // set.seed(7); X <- matrix(sample(1:5, 60, TRUE, prob = c(.1,.2,.3,.25,.15)), 15, 4)
    // X[,2] <- pmin(5, pmax(1, X[,1] + sample(-1:1, 15, TRUE))); alpha(X)$total$raw_alpha
    double[][] y = {
      {1, 1, 2, 4}, {4, 3, 3, 3}, {3, 3, 3, 5}, {3, 4, 3, 5}, {3, 3, 4, 1},
      {5, 5, 5, 2}, {4, 4, 4, 2}, {1, 2, 5, 5}, {3, 3, 5, 2}, {4, 5, 4, 2},
      {3, 2, 5, 4}, {3, 3, 4, 3}, {5, 5, 5, 3}, {3, 2, 4, 4}, {4, 3, 1, 3},
    };
    assertEquals(-0.0065252854812397247, CronbachAlpha.ofCompleteCases(y).alpha().get(), 1e-9);
  }

  @Test
  void constantItemIsDroppedAsPsychDoes() {
    // alpha(cbind(X, 4))$total$raw_alpha   (warning: item had no variance and was deleted)
    double[][] withConstant = new double[X.length][];
    for (int r = 0; r < X.length; r++) {
      withConstant[r] = new double[] {X[r][0], X[r][1], X[r][2], X[r][3], 4};
    }
    AlphaResult r = CronbachAlpha.ofCompleteCases(withConstant);
    assertEquals(0.71890879914415629, r.alpha().get(), 1e-9);
    assertEquals(5, r.items());
    assertEquals(1, r.constantItemsDropped());
  }

  @Test
  void variancesGiveTheRawResult() {
    // the item variances and the sum score's variance of the data with a constant fifth item
    int k = 5;
    double[][] rows = new double[X.length][];
    double[] t = new double[X.length];
    for (int r = 0; r < X.length; r++) {
      rows[r] = new double[] {X[r][0], X[r][1], X[r][2], X[r][3], 4};
      for (int i = 0; i < k; i++) {
        t[r] += rows[r][i];
      }
    }
    double[] variances = new double[k];
    for (int i = 0; i < k; i++) {
      double[] col = new double[X.length];
      for (int r = 0; r < X.length; r++) {
        col[r] = rows[r][i];
      }
      variances[i] = new org.apache.commons.math3.stat.descriptive.moment.Variance().evaluate(col);
    }
    double scoreVariance =
        new org.apache.commons.math3.stat.descriptive.moment.Variance().evaluate(t);
    AlphaResult fromVariances = CronbachAlpha.ofVariances(X.length, variances, scoreVariance);
    AlphaResult raw = CronbachAlpha.ofCompleteCases(rows);
    assertEquals(raw.alpha().get(), fromVariances.alpha().get(), 1e-12);
    assertEquals(0.71890879914415629, fromVariances.alpha().get(), 1e-9); // psych, as above
    assertEquals(raw.constantItemsDropped(), fromVariances.constantItemsDropped());
    assertEquals(1, fromVariances.constantItemsDropped());
  }

  @Test
  void variancesUndefinedCases() {
    assertEquals(
        "fewer than 2 complete cases (n = 1)",
        CronbachAlpha.ofVariances(1, new double[] {0, 0}, 0).alpha().undefinedReason());
    assertEquals(
        "fewer than 2 items with variance (1 of 3)",
        CronbachAlpha.ofVariances(9, new double[] {0, 1.5, 0}, 1.5).alpha().undefinedReason());
    assertEquals(
        "the sum score has no variance",
        CronbachAlpha.ofVariances(3, new double[] {1, 1}, 0).alpha().undefinedReason());
  }

  @Test
  void undefinedCases() {
    assertEquals(
        "fewer than 2 complete cases (n = 1)",
        CronbachAlpha.ofCompleteCases(new double[][] {{1, 2}}).alpha().undefinedReason());
    assertEquals(
        "fewer than 2 complete cases (n = 0)",
        CronbachAlpha.ofCompleteCases(new double[0][]).alpha().undefinedReason());
    assertEquals(
        "fewer than 2 items with variance (1 of 2)",
        CronbachAlpha.ofCompleteCases(new double[][] {{1, 3}, {2, 3}}).alpha().undefinedReason());
    // two items that cancel: the sum score is constant
    assertEquals(
        "the sum score has no variance",
        CronbachAlpha.ofCompleteCases(new double[][] {{1, 5}, {2, 4}, {3, 3}})
            .alpha()
            .undefinedReason());
  }

  @Test
  void rejectsBadInput() {
    IllegalArgumentException missing =
        assertThrows(
            IllegalArgumentException.class,
            () -> CronbachAlpha.ofCompleteCases(new double[][] {{1, 2}, {Double.NaN, 3}}));
    assertEquals(
        "Cronbach's alpha: row 1 holds NaN (complete cases of finite values only)",
        missing.getMessage());
    IllegalArgumentException negative =
        assertThrows(
            IllegalArgumentException.class,
            () -> CronbachAlpha.ofVariances(3, new double[] {1, -2}, 4));
    assertEquals("item variance 2 must be finite and >= 0, got -2.0", negative.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> CronbachAlpha.ofVariances(3, new double[] {1, 2}, Double.NaN));
    assertThrows(
        IllegalArgumentException.class, () -> CronbachAlpha.ofVariances(-1, new double[] {1}, 1));
  }
}
