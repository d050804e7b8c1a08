package org.cxalign.analytics.stat;

import static org.cxalign.analytics.stat.AgreementData.FIVE;
import static org.cxalign.analytics.stat.AgreementData.GROUPS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AverageDeviationTest {

  // ad <- function(x) { x <- x[!is.na(x)]; mean(abs(x - mean(x))) }
  // tapply(i1, g, ad); tapply(i2, g, ad); tapply(i3, g, ad)   (data: AgreementData)
  // group c (one answer or none; R: 0 and NaN) is undefined here
  private static final double[][] EXPECTED = {
    {0.33333333333333331, 0.48000000000000009, 0.33333333333333331},
    {0.5, 0.47999999999999998, 0.47999999999999998},
    {Double.NaN, Double.NaN, Double.NaN},
    {1.71428571428571419, 1.67346938775510212, 1.67346938775510212},
  };

  @Test
  void valuesAndCountsAgreeWithR() {
    for (int g = 0; g < GROUPS.length; g++) {
      for (int i = 0; i < 3; i++) {
        Estimate fromValues = AverageDeviation.ofValues(GROUPS[g][i]);
        Estimate fromCounts = AverageDeviation.ofCounts(FIVE, counts(GROUPS[g][i]));
        if (Double.isNaN(EXPECTED[g][i])) {
          assertFalse(fromValues.isDefined());
          assertFalse(fromCounts.isDefined());
        } else {
          assertEquals(EXPECTED[g][i], fromValues.get(), 1e-9);
          assertEquals(fromValues.get(), fromCounts.get(), 1e-12);
        }
      }
    }
  }

  @Test
  void adMJIsTheMeanOfDefinedItems() {
    Estimate[] a = new Estimate[3];
    for (int i = 0; i < 3; i++) {
      a[i] = AverageDeviation.ofValues(GROUPS[0][i]);
    }
    // mean(c(0.33333333333333331, 0.48000000000000009, 0.33333333333333331))
    assertEquals(0.38222222222222224, AverageDeviation.adMJ(a).get(), 1e-9);
    Estimate undefined = Estimate.undefined("x");
    assertEquals(0.5, AverageDeviation.adMJ(Estimate.of(0.5), undefined).get(), 0);
    assertEquals(
        "AD_M undefined for every item", AverageDeviation.adMJ(undefined).undefinedReason());
  }

  @Test
  void cutoffIsOptionsOverSix() {
    assertEquals(5 / 6.0, AverageDeviation.cutoff(FIVE), 0);
    assertEquals(7 / 6.0, AverageDeviation.cutoff(new Scale(1, 7)), 0);
  }

  @Test
  void edgeCases() {
    assertEquals(0.0, AverageDeviation.ofValues(new double[] {3, 3, 3}).get(), 0);
    assertEquals(
        "fewer than 2 answers (n = 1)",
        AverageDeviation.ofValues(new double[] {3, Double.NaN}).undefinedReason());
    assertEquals(
        "fewer than 2 answers (n = 0)",
        AverageDeviation.ofCounts(FIVE, new long[5]).undefinedReason());
  }

  @Test
  void rejectsBadCounts() {
    IllegalArgumentException length =
        assertThrows(
            IllegalArgumentException.class, () -> AverageDeviation.ofCounts(FIVE, new long[4]));
    assertEquals("expected 5 option counts for scale 1..5, got 4", length.getMessage());
    IllegalArgumentException negative =
        assertThrows(
            IllegalArgumentException.class,
            () -> AverageDeviation.ofCounts(FIVE, new long[] {1, 2, -1, 0, 0}));
    assertEquals("option counts must be >= 0, got -1 for option 3", negative.getMessage());
  }

  private static long[] counts(double[] answers) {
    long[] counts = new long[5];
    for (double v : answers) {
      if (!Double.isNaN(v)) {
        counts[(int) v - 1]++;
      }
    }
    return counts;
  }
}
