package org.cxalign.analytics.accumulate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cxalign.analytics.stat.Moments;
import org.cxalign.analytics.stat.Scale;

/**
 * The exact distribution of scale scores: a respondent who answered k of the scale's J items with
 * answer sum s has the score s/k, so the pair (s, k) — a finite set — identifies the score exactly.
 * Counts per (s, k) give n, Σ, Σ² and the ranks that Mann–Whitney needs, independent of the order
 * in which responses were added or merged. Immutable snapshot.
 */
public final class ScaleScoreDistribution {
  private final Scale scale;
  private final int items;
  private final long[] counts; // index (k - 1) * width + (s - k * min)

  ScaleScoreDistribution(Scale scale, int items, long[] counts) {
    this.scale = scale;
    this.items = items;
    this.counts = counts;
  }

  /** Width of one k-row of the table: the sums k·min … k·max for k up to J. */
  static int width(Scale scale, int items) {
    return items * (scale.options() - 1) + 1;
  }

  static int tableSize(Scale scale, int items) {
    return items * width(scale, items);
  }

  public Scale scale() {
    return scale;
  }

  /** Number of items J of the scale. */
  public int items() {
    return items;
  }

  /** Number of respondents with a score (at least one item answered). */
  public long n() {
    long n = 0;
    for (long c : counts) {
      n += c;
    }
    return n;
  }

  /** Number of respondents with answer sum {@code sum} over {@code answered} items. */
  public long count(int sum, int answered) {
    if (answered < 1 || answered > items) {
      throw new IllegalArgumentException("answered must be 1.." + items + ", got " + answered);
    }
    int o = sum - answered * scale.min();
    if (o < 0 || o > answered * (scale.options() - 1)) {
      return 0;
    }
    return counts[(answered - 1) * width(scale, items) + o];
  }

  /** n, mean and sample variance of the scores (two passes over the table). */
  public Moments moments() {
    int w = width(scale, items);
    long n = 0;
    double sum = 0;
    for (int k = 1; k <= items; k++) {
      for (int o = 0; o < w; o++) {
        long c = counts[(k - 1) * w + o];
        if (c != 0) {
          n += c;
          sum += c * ((double) (o + k * scale.min()) / k);
        }
      }
    }
    if (n == 0) {
      return Moments.empty();
    }
    double mean = sum / n;
    if (n == 1) {
      return new Moments(1, mean, Double.NaN);
    }
    double ss = 0;
    double corr = 0;
    for (int k = 1; k <= items; k++) {
      for (int o = 0; o < w; o++) {
        long c = counts[(k - 1) * w + o];
        if (c != 0) {
          double d = (double) (o + k * scale.min()) / k - mean;
          ss += c * d * d;
          corr += c * d;
        }
      }
    }
    mean += corr / n;
    return new Moments(n, mean, Math.max(0, (ss - corr * corr / n) / (n - 1)));
  }

  /** Σ of the scores. */
  public double sum() {
    Moments m = moments();
    return m.n() == 0 ? 0 : m.n() * m.mean();
  }

  /** Σ of the squared scores, as (n − 1)s² + n·mean² from the two-pass moments. */
  public double sumOfSquares() {
    Moments m = moments();
    if (m.n() == 0) {
      return 0;
    }
    double mean = m.mean();
    return m.sumOfSquaredDeviations() + m.n() * mean * mean;
  }

  /** Both distributions together. */
  public ScaleScoreDistribution merge(ScaleScoreDistribution o) {
    requireSameShape(o);
    long[] c = counts.clone();
    for (int i = 0; i < c.length; i++) {
      c[i] += o.counts[i];
    }
    return new ScaleScoreDistribution(scale, items, c);
  }

  /** Every score, ascending (for tests and small data only). */
  public double[] values() {
    long n = n();
    if (n > Integer.MAX_VALUE - 8) {
      throw new IllegalStateException("too many scores to list: " + n);
    }
    double[] v = new double[(int) n];
    int at = 0;
    for (Cell cell : sortedCells(this, null)) {
      for (long i = 0; i < cell.a; i++) {
        v[at++] = cell.value();
      }
    }
    Arrays.sort(v);
    return v;
  }

  /**
   * The distinct scores of {@code a} and {@code b} in ascending order with each one's count in
   * {@code a} and in {@code b}; equal rationals (2/1 and 4/2) are one value.
   */
  public static RankedCounts ranked(ScaleScoreDistribution a, ScaleScoreDistribution b) {
    a.requireSameShape(b);
    List<Cell> cells = sortedCells(a, b);
    int distinct = 0;
    double[] values = new double[cells.size()];
    long[] ca = new long[cells.size()];
    long[] cb = new long[cells.size()];
    Cell prev = null;
    for (Cell c : cells) {
      if (prev == null || c.compareTo(prev) != 0) {
        values[distinct] = c.value();
        distinct++;
      }
      ca[distinct - 1] += c.a;
      cb[distinct - 1] += c.b;
      prev = c;
    }
    return new RankedCounts(
        Arrays.copyOf(values, distinct), Arrays.copyOf(ca, distinct), Arrays.copyOf(cb, distinct));
  }

  /** Sorted distinct scores with their counts in two samples. */
  public record RankedCounts(double[] values, long[] countsA, long[] countsB) {}

  private static List<Cell> sortedCells(ScaleScoreDistribution a, ScaleScoreDistribution b) {
    int w = width(a.scale, a.items);
    List<Cell> cells = new ArrayList<>();
    for (int k = 1; k <= a.items; k++) {
      for (int o = 0; o < w; o++) {
        int idx = (k - 1) * w + o;
        long ca = a.counts[idx];
        long cb = b == null ? 0 : b.counts[idx];
        if (ca != 0 || cb != 0) {
          cells.add(new Cell(o + k * a.scale.min(), k, ca, cb));
        }
      }
    }
    cells.sort(null);
    return cells;
  }

  private void requireSameShape(ScaleScoreDistribution o) {
    if (o.items != items || !o.scale.equals(scale)) {
      throw new IllegalArgumentException("score distributions of different scales");
    }
  }

  private record Cell(long sum, long k, long a, long b) implements Comparable<Cell> {
    double value() {
      return (double) sum / k;
    }

    @Override
    public int compareTo(Cell o) {
      return Long.compare(sum * o.k, o.sum * k);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ScaleScoreDistribution d
        && d.items == items
        && d.scale.equals(scale)
        && Arrays.equals(d.counts, counts);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(counts);
  }
}
