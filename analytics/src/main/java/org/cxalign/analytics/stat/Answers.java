package org.cxalign.analytics.stat;

import java.util.Arrays;

/** Helpers for answer vectors in which NaN marks a missing answer. */
final class Answers {

  private Answers() {}

  /** The answers that are present, each checked against the scale. */
  static double[] present(Scale s, double[] answers) {
    double[] present = new double[answers.length];
    int n = 0;
    for (double v : answers) {
      if (!Double.isNaN(v)) {
        s.require(v);
        present[n++] = v;
      }
    }
    return Arrays.copyOf(present, n);
  }

  /** Checks that {@code rows} is a non-ragged matrix of finite values and returns its width. */
  static int requireRectangular(double[][] rows, String what) {
    if (rows.length == 0) {
      return 0;
    }
    int width = rows[0].length;
    for (int i = 0; i < rows.length; i++) {
      if (rows[i].length != width) {
        throw new IllegalArgumentException(
            what + ": row " + i + " has " + rows[i].length + " values, row 0 has " + width);
      }
      for (double v : rows[i]) {
        if (!Double.isFinite(v)) {
          throw new IllegalArgumentException(
              what + ": row " + i + " holds " + v + " (complete cases of finite values only)");
        }
      }
    }
    return width;
  }
}
