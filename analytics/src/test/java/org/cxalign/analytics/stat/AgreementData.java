package org.cxalign.analytics.stat;

import java.util.ArrayList;
import java.util.List;

/**
 * Three items on a 1..5 scale answered by four groups, NaN = missing. The same data in R:
 *
 * <pre>
 * g  &lt;- rep(c("a","b","c","d"), c(6,5,1,7))
 * i1 &lt;- c(4,4,5,4,3,4,  2,3,3,2,NA, 3,  1,5,1,5,3,5,1)
 * i2 &lt;- c(4,5,5,4,4,NA, 2,2,3,3,2,  4,  5,1,2,5,1,4,1)
 * i3 &lt;- c(5,4,4,4,3,4,  3,3,2,2,2,  NA, 2,5,1,4,5,1,5)
 * d  &lt;- data.frame(i1,i2,i3)
 * </pre>
 */
final class AgreementData {

  static final double NA = Double.NaN;
  static final Scale FIVE = new Scale(1, 5);

  /** GROUPS[group][item][respondent]. */
  static final double[][][] GROUPS = {
    {{4, 4, 5, 4, 3, 4}, {4, 5, 5, 4, 4, NA}, {5, 4, 4, 4, 3, 4}},
    {{2, 3, 3, 2, NA}, {2, 2, 3, 3, 2}, {3, 3, 2, 2, 2}},
    {{3}, {4}, {NA}},
    {{1, 5, 1, 5, 3, 5, 1}, {5, 1, 2, 5, 1, 4, 1}, {2, 5, 1, 4, 5, 1, 5}},
  };

  private AgreementData() {}

  /** The rows (respondents) of a group that answered every item. */
  static double[][] completeCases(double[][] itemsByRespondent) {
    List<double[]> rows = new ArrayList<>();
    for (int r = 0; r < itemsByRespondent[0].length; r++) {
      double[] row = new double[itemsByRespondent.length];
      boolean complete = true;
      for (int i = 0; i < row.length; i++) {
        row[i] = itemsByRespondent[i][r];
        complete &= !Double.isNaN(row[i]);
      }
      if (complete) {
        rows.add(row);
      }
    }
    return rows.toArray(double[][]::new);
  }
}
