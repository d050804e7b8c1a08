package org.cxalign.analytics.stat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.exception.NotStrictlyPositiveException;
import org.apache.commons.math3.exception.OutOfRangeException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The remembered t quantiles are bit for bit the ones Commons Math computes. */
class TQuantilesTest {

  private static final double[] PS = {0.5, 0.8, 0.9, 0.95, 0.975, 0.99, 0.995, 0.025, 0.05, 0.1};

  private static double uncached(double df, double p) {
    return new TDistribution(null, df, Distributions.INVERSE_ACCURACY)
        .inverseCumulativeProbability(p);
  }

  private static double uncachedDefault(double df, double p) {
    return new TDistribution(null, df).inverseCumulativeProbability(p);
  }

  private static void assertSame(double expected, double actual, String what) {
    assertEquals(
        Double.doubleToRawLongBits(expected),
        Double.doubleToRawLongBits(actual),
        what + ": expected " + expected + ", got " + actual);
  }

  /** Integer df of small to 1M-response groups, and Welch–Satterthwaite-like fractional df. */
  private static List<Double> dfs() {
    List<Double> dfs = new ArrayList<>();
    for (double d : new double[] {1, 2, 3, 4, 5, 9, 29, 30, 99, 999, 12_499, 112_344, 999_999}) {
      dfs.add(d);
    }
    Random rnd = new Random(20261203L);
    for (int i = 0; i < 12; i++) {
      dfs.add(1 + rnd.nextDouble() * Math.pow(10, 1 + rnd.nextInt(6)));
    }
    dfs.add(2.5);
    dfs.add(0.7); // below 1: Commons Math still answers
    return dfs;
  }

  @BeforeEach
  void forget() {
    TQuantiles.clear();
  }

  @Test
  void firstAndRepeatedLookupsEqualCommonsMath() {
    for (double df : dfs()) {
      for (double p : PS) {
        double expected = uncached(df, p);
        long hits = TQuantiles.hits();
        assertSame(expected, TQuantiles.quantile(df, p), "df " + df + ", p " + p + " (computed)");
        assertSame(expected, TQuantiles.quantile(df, p), "df " + df + ", p " + p + " (remembered)");
        assertEquals(hits + 1, TQuantiles.hits(), "the second lookup is a hit");
      }
    }
    assertEquals((long) dfs().size() * PS.length, TQuantiles.misses());
  }

  @Test
  void theAccuracyIsPartOfTheKey() {
    // new TDistribution(null, df) solves to 1e-9 only; its quantile is another double
    double df = 12_499;
    double fine = TQuantiles.quantile(df, 0.975);
    double coarse = TQuantiles.quantile(df, 0.975, TDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY);
    assertSame(uncached(df, 0.975), fine, "1e-14");
    assertSame(uncachedDefault(df, 0.975), coarse, "1e-9");
    assertNotEquals(fine, coarse);
    for (double d : dfs()) {
      for (double p : PS) {
        assertSame(
            uncachedDefault(d, p),
            TQuantiles.quantile(d, p, TDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY),
            "df " + d + ", p " + p + ", accuracy 1e-9");
      }
    }
  }

  @Test
  void staysBoundedAndExactPastTwoGenerations() {
    int n = 2 * TQuantiles.GENERATION + 500;
    for (int i = 0; i < n; i++) {
      TQuantiles.quantile(10 + i, 0.975);
      assertTrue(TQuantiles.size() <= 2 * TQuantiles.GENERATION, "size " + TQuantiles.size());
    }
    // early entries were dropped, recent ones kept; every answer is still Commons Math's
    long misses = TQuantiles.misses();
    assertSame(uncached(10 + n - 1, 0.975), TQuantiles.quantile(10 + n - 1, 0.975), "recent");
    assertEquals(misses, TQuantiles.misses(), "the most recent quantile is remembered");
    assertSame(uncached(10, 0.975), TQuantiles.quantile(10, 0.975), "dropped, computed again");
    assertEquals(misses + 1, TQuantiles.misses(), "the oldest quantile was dropped");
  }

  @Test
  void aQuantileInUseSurvivesTheTurnOfAGeneration() {
    TQuantiles.quantile(12_499, 0.975);
    for (int i = 0; i < 3 * TQuantiles.GENERATION; i++) {
      TQuantiles.quantile(100_000 + i, 0.975);
      if (i % 1000 == 0) {
        TQuantiles.quantile(12_499, 0.975); // in use: copied to the young generation
      }
    }
    long misses = TQuantiles.misses();
    assertSame(uncached(12_499, 0.975), TQuantiles.quantile(12_499, 0.975), "in use");
    assertEquals(misses, TQuantiles.misses());
  }

  @Test
  void threadsGetCommonsMathsDoubles() throws Exception {
    List<Double> dfs = dfs();
    double[][] expected = new double[dfs.size()][PS.length];
    for (int i = 0; i < dfs.size(); i++) {
      for (int j = 0; j < PS.length; j++) {
        expected[i][j] = uncached(dfs.get(i), PS[j]);
      }
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        long seed = t;
        done.add(
            pool.submit(
                () -> {
                  Random rnd = new Random(seed);
                  for (int k = 0; k < 2000; k++) {
                    int i = rnd.nextInt(dfs.size());
                    int j = rnd.nextInt(PS.length);
                    assertSame(
                        expected[i][j], TQuantiles.quantile(dfs.get(i), PS[j]), "concurrent");
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void refusesWhatCommonsMathRefusesAndRemembersNothing() {
    assertThrows(NotStrictlyPositiveException.class, () -> TQuantiles.quantile(0, 0.975));
    assertThrows(OutOfRangeException.class, () -> TQuantiles.quantile(10, 1.5));
    assertEquals(0, TQuantiles.size());
  }

  @Test
  void intervalsAndTestsAtMillionResponseSizesAreUnchanged() {
    // the callers' figures from the remembered quantile equal the ones from Commons Math directly
    Random rnd = new Random(5);
    double[] a = new double[12_500];
    double[] b = new double[112_345];
    for (int i = 0; i < a.length; i++) {
      a[i] = 1 + rnd.nextInt(5);
    }
    for (int i = 0; i < b.length; i++) {
      b[i] = 1 + rnd.nextInt(4);
    }
    Moments ma = Moments.of(a);
    Moments mb = Moments.of(b);
    for (int round = 0; round < 2; round++) { // computed, then remembered
      double se = Math.sqrt(ma.variance() / ma.n());
      double q = uncached(ma.n() - 1, 0.975);
      Interval ci = MeanInterval.of(ma, 0.95);
      assertSame(ma.mean() - q * se, ci.lower().get(), "lower95");
      assertSame(ma.mean() + q * se, ci.upper().get(), "upper95");
      assertSame(
          ma.mean() - uncached(ma.n() - 1, 0.95) * se,
          MeanInterval.lowerBound(ma, 0.95).get(),
          "one-sided lower bound");
      WelchTTest.Welch w = WelchTTest.Welch.of(ma, mb);
      WelchResult welch = WelchTTest.of(ma, mb);
      double d = ma.mean() - mb.mean();
      assertSame(d - uncached(w.df, 0.975) * w.se, welch.lower95().get(), "Welch lower");
      assertSame(d + uncached(w.df, 0.975) * w.se, welch.upper95().get(), "Welch upper");
      TostResult tost = Tost.of(ma, mb, 0.5, 0.05);
      assertSame(d - uncached(w.df, 0.95) * w.se, tost.lower().get(), "TOST lower");
      assertSame(d + uncached(w.df, 0.95) * w.se, tost.upper().get(), "TOST upper");
    }
  }
}
