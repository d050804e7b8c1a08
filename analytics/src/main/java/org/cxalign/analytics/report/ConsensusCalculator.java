package org.cxalign.analytics.report;

import org.cxalign.analytics.stat.Estimate;
import org.cxalign.analytics.stat.KendallResult;
import org.cxalign.analytics.stat.KendallW;
import org.cxalign.analytics.stat.KrippendorffAlpha;
import org.cxalign.analytics.stat.KrippendorffResult;

/**
 * Kendall's W and Krippendorff's α (interval) with departments as judges/observers of the items;
 * the values are the department means per item (NaN where a department has no answer to an item:
 * Kendall's W then leaves the department out, Krippendorff's α treats it as missing).
 */
final class ConsensusCalculator {
  private ConsensusCalculator() {}

  static Consensus of(double[][] departmentItemMeans) {
    int objects = departmentItemMeans.length == 0 ? 0 : departmentItemMeans[0].length;
    KendallResult k = KendallW.of(departmentItemMeans);
    Estimate chi;
    Estimate df;
    Estimate p;
    if (k.hasChiSquare()) {
      chi = Estimate.of(k.chiSquare());
      df = Estimate.of(k.df());
      p = Estimate.of(k.pValue());
    } else {
      chi = k.w();
      df = k.w();
      p = k.w();
    }
    KrippendorffResult a =
        KrippendorffAlpha.of(departmentItemMeans, KrippendorffAlpha.Level.INTERVAL);
    int observers = 0;
    for (double[] row : departmentItemMeans) {
      for (double v : row) {
        if (!Double.isNaN(v)) {
          observers++;
          break;
        }
      }
    }
    return new Consensus(k.w(), chi, df, p, a.alpha(), k.judges(), observers, objects);
  }
}
