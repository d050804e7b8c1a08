package org.cxalign.analytics.accumulate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.cxalign.analytics.stat.Moments;
import org.cxalign.analytics.stat.Scale;
import org.junit.jupiter.api.Test;

class AlignmentAccumulatorTest {
  private static final int M = AlignmentAccumulator.MISSING;

  private static ResponseLayout layout(Scale s, int items) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < items; i++) {
      names.add("q" + i);
    }
    return ResponseLayout.singleScale(s, names, "all", List.of());
  }

  /**
   * Complete-case item sums and squares and the sum score's Σ T, Σ T² equal a naive long
   * computation, on scales with negative and wide ranges.
   */
  @Test
  void completeCaseSumsAreExactOnEveryScale() {
    for (Scale s :
        new Scale[] {new Scale(1, 5), new Scale(-3, 3), new Scale(0, 100), new Scale(1, 2)}) {
      int j = 9;
      AlignmentAccumulator acc = new AlignmentAccumulator(layout(s, j));
      SplittableRandom r = new SplittableRandom(s.max());
      long n = 0;
      long[] sums = new long[j];
      long[] squares = new long[j];
      long scoreSum = 0;
      long scoreSquares = 0;
      int rows = 20_000;
      for (int k = 0; k < rows; k++) {
        int[] x = new int[j];
        for (int i = 0; i < j; i++) {
          x[i] = r.nextInt(50) == 0 ? M : s.min() + r.nextInt(s.options());
        }
        acc.add(Population.EMPLOYEE, k % 2 == 0 ? "A" : "B", x, null);
        boolean complete = true;
        for (int v : x) {
          complete &= v != M;
        }
        if (complete) {
          n++;
          long t = 0;
          for (int a = 0; a < j; a++) {
            sums[a] += x[a];
            squares[a] += (long) x[a] * x[a];
            t += x[a];
          }
          scoreSum += t;
          scoreSquares += t * t;
        }
        if (k == 777) {
          acc.completeCases(Population.EMPLOYEE, 0); // a read in between must not disturb
        }
      }
      CompleteCases cc = acc.completeCases(Population.EMPLOYEE, 0);
      assertEquals(n, cc.n(), s.toString());
      assertArrayEquals(sums, cc.sums(), s.toString());
      assertArrayEquals(squares, cc.squares(), s.toString());
      assertEquals(scoreSum, cc.scoreSum(), s.toString());
      assertEquals(scoreSquares, cc.scoreSquares(), s.toString());
      CompleteCases merged =
          acc.completeCases(Population.EMPLOYEE, "A", 0)
              .merge(acc.completeCases(Population.EMPLOYEE, "B", 0));
      assertEquals(cc, merged);
    }
  }

  /** The reader's unchecked entry adds exactly what the checked one adds. */
  @Test
  void addOnScaleCountsLikeAdd() {
    ResponseLayout l =
        ResponseLayout.singleScale(new Scale(-2, 2), List.of("a", "b", "c"), "all", List.of("X"));
    AlignmentAccumulator checked = new AlignmentAccumulator(l);
    AlignmentAccumulator unchecked = new AlignmentAccumulator(l);
    SplittableRandom r = new SplittableRandom(5);
    for (int k = 0; k < 5000; k++) {
      int[] x = new int[3];
      for (int i = 0; i < 3; i++) {
        x[i] = r.nextInt(6) == 0 ? M : -2 + r.nextInt(5);
      }
      int[] c = {r.nextInt(3) == 0 ? M : -2 + r.nextInt(5)};
      String d = "D" + r.nextInt(4);
      checked.add(k % 2, checked.department(d), x, c);
      unchecked.addOnScale(k % 2, unchecked.department(d), x, c);
    }
    assertArrayEquals(AccumulatorCodec.encode(checked), AccumulatorCodec.encode(unchecked));
  }

  @Test
  void offScaleAnswersAreRejectedAndNothingIsAdded() {
    AlignmentAccumulator acc = new AlignmentAccumulator(layout(new Scale(1, 5), 3));
    int d = acc.department("A");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> acc.add(0, d, new int[] {3, 6, 2}, null));
    assertTrue(e.getMessage().contains("item q1: value 6 is off the scale 1..5"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> acc.add(0, d, new int[] {0, 1, 2}, null));
    assertThrows(IllegalArgumentException.class, () -> acc.add(0, d, new int[] {1, 2}, null));
    assertThrows(IllegalArgumentException.class, () -> acc.add(2, d, new int[] {1, 2, 3}, null));
    assertThrows(IllegalArgumentException.class, () -> acc.add(0, 5, new int[] {1, 2, 3}, null));
    assertEquals(0, acc.responses(Population.EMPLOYEE, "A"));
    assertArrayEquals(new long[5], acc.itemCounts(Population.EMPLOYEE, "A", 0));
  }

  @Test
  void mergeIntoAnEmptyAccumulatorRegistersManyDepartments() {
    AlignmentAccumulator a = new AlignmentAccumulator(layout(new Scale(1, 5), 2));
    for (int d = 0; d < 50; d++) {
      a.add(Population.EMPLOYEE, "D" + d, new int[] {1 + d % 5, 2}, null);
    }
    AlignmentAccumulator b = new AlignmentAccumulator(a.layout());
    b.merge(a);
    b.merge(a);
    assertEquals(50, b.departmentCount());
    for (int d = 0; d < 50; d++) {
      assertEquals(2, b.responses(Population.EMPLOYEE, "D" + d));
      assertEquals(2, b.itemCounts(Population.EMPLOYEE, "D" + d, 0)[d % 5]);
    }
    assertEquals(
        a.completeCases(Population.EMPLOYEE, 0).merge(a.completeCases(Population.EMPLOYEE, 0)),
        b.completeCases(Population.EMPLOYEE, 0));
  }

  @Test
  void mergingDifferentLayoutsIsRefused() {
    AlignmentAccumulator a = new AlignmentAccumulator(layout(new Scale(1, 5), 3));
    AlignmentAccumulator b = new AlignmentAccumulator(layout(new Scale(1, 7), 3));
    assertThrows(IllegalArgumentException.class, () -> a.merge(b));
  }

  @Test
  void respondentsWithoutAnswersCountAsResponsesButHaveNoScore() {
    AlignmentAccumulator acc = new AlignmentAccumulator(layout(new Scale(1, 5), 2));
    acc.add(Population.EMPLOYEE, "A", new int[] {M, M}, null);
    acc.add(Population.EMPLOYEE, "A", new int[] {2, M}, null);
    assertEquals(2, acc.responses(Population.EMPLOYEE, "A"));
    ScaleScoreDistribution d = acc.scores(Population.EMPLOYEE, "A", 0);
    assertEquals(1, d.n());
    assertEquals(1, d.count(2, 1));
    assertEquals(0, acc.completeCases(Population.EMPLOYEE, "A", 0).n());
  }

  @Test
  void scoreDistributionMergesEqualRationalsAndGivesMoments() {
    AlignmentAccumulator acc = new AlignmentAccumulator(layout(new Scale(1, 5), 2));
    acc.add(Population.EMPLOYEE, "A", new int[] {2, M}, null); // 2/1
    acc.add(Population.EMPLOYEE, "A", new int[] {1, 3}, null); // 4/2 = 2
    acc.add(Population.EMPLOYEE, "A", new int[] {3, 4}, null); // 7/2
    acc.add(Population.CUSTOMER, "", new int[] {M, 2}, null); // 2
    acc.add(Population.CUSTOMER, "", new int[] {5, 4}, null); // 9/2
    ScaleScoreDistribution.RankedCounts r =
        ScaleScoreDistribution.ranked(
            acc.scores(Population.EMPLOYEE, 0), acc.scores(Population.CUSTOMER, 0));
    assertArrayEquals(new double[] {2, 3.5, 4.5}, r.values());
    assertArrayEquals(new long[] {2, 1, 0}, r.countsA());
    assertArrayEquals(new long[] {1, 0, 1}, r.countsB());
    Moments m = acc.scores(Population.EMPLOYEE, 0).moments();
    Moments raw = Moments.of(new double[] {2, 2, 3.5});
    assertEquals(raw.n(), m.n());
    assertEquals(raw.mean(), m.mean(), 1e-15);
    assertEquals(raw.variance(), m.variance(), 1e-15);
    assertArrayEquals(new double[] {2, 2, 3.5}, acc.scores(Population.EMPLOYEE, 0).values());
  }

  @Test
  void optionCountMomentsAreExactForLargeCounts() {
    Scale s = new Scale(1, 5);
    long[] counts = {400_000_000L, 0, 0, 0, 400_000_001L};
    Moments m = OptionCounts.moments(s, counts);
    long n = 800_000_001L;
    // mean = (4e8 + 5·(4e8+1))/n; variance = 16·n1·n5/(n(n−1)) exactly
    assertEquals((400_000_000.0 + 5 * 400_000_001.0) / n, m.mean(), 1e-15);
    double expected = 16.0 * 400_000_000.0 * 400_000_001.0 / ((double) n * (n - 1));
    assertEquals(expected, m.variance(), 1e-15 * expected);
  }
}
