package org.cxalign.analytics.verdict;

import org.cxalign.analytics.stat.Scale;

/**
 * The configurable thresholds of the level-5 verdict. Defaults ({@link #defaults()}, for the 1–5
 * scale; {@link #defaultsFor(Scale)} for others):
 *
 * <table>
 *   <caption>defaults</caption>
 *   <tr><th>component</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>rwg</td><td>0.70</td><td>r_wg(J) a department must reach (criterion 1)</td></tr>
 *   <tr><td>departmentShare</td><td>0.80</td><td>share of departments that must reach it</td></tr>
 *   <tr><td>delta</td><td>0.5 (= (max − min)/8)</td><td>equivalence margin δ on the answer scale
 *       (criteria 2 and 4)</td></tr>
 *   <tr><td>alpha</td><td>0.05</td><td>level of every test; one-sided bounds are 1 − α</td></tr>
 *   <tr><td>collaborationThreshold</td><td>3.5 (= min + 0.625·(max − min))</td><td>the mean
 *       collaboration rating a working network must exceed (criterion 3)</td></tr>
 *   <tr><td>customerThreshold</td><td>3.5</td><td>the mean "seamless" rating customers must give
 *       (criterion 4)</td></tr>
 *   <tr><td>power</td><td>0.80</td><td>the power the sample sizes reported for an inconclusive
 *       verdict aim at</td></tr>
 * </table>
 *
 * @param rwg r_wg(J) threshold, in (0, 1)
 * @param departmentShare required share of departments, in (0, 1]
 * @param delta equivalence margin, &gt; 0
 * @param alpha test level, in (0, 0.5)
 * @param collaborationThreshold threshold of the mean collaboration rating
 * @param customerThreshold threshold of the customers' seamless rating
 * @param power target power of the sample-size calculation, in (0.5, 1)
 */
public record VerdictThresholds(
    double rwg,
    double departmentShare,
    double delta,
    double alpha,
    double collaborationThreshold,
    double customerThreshold,
    double power) {

  /** Validates the ranges. */
  public VerdictThresholds {
    if (!(rwg > 0 && rwg < 1)) {
      throw new IllegalArgumentException("rwg must be in (0, 1), got " + rwg);
    }
    if (!(departmentShare > 0 && departmentShare <= 1)) {
      throw new IllegalArgumentException(
          "departmentShare must be in (0, 1], got " + departmentShare);
    }
    if (!(delta > 0) || !Double.isFinite(delta)) {
      throw new IllegalArgumentException("delta must be finite and > 0, got " + delta);
    }
    if (!(alpha > 0 && alpha < 0.5)) {
      throw new IllegalArgumentException("alpha must be in (0, 0.5), got " + alpha);
    }
    if (!Double.isFinite(collaborationThreshold) || !Double.isFinite(customerThreshold)) {
      throw new IllegalArgumentException("thresholds must be finite");
    }
    if (!(power > 0.5 && power < 1)) {
      throw new IllegalArgumentException("power must be in (0.5, 1), got " + power);
    }
  }

  /** The defaults for the 1–5 scale (see the table above). */
  public static VerdictThresholds defaults() {
    return defaultsFor(new Scale(1, 5));
  }

  /** The defaults scaled to another answer scale. */
  public static VerdictThresholds defaultsFor(Scale scale) {
    double range = scale.max() - scale.min();
    double threshold = scale.min() + 0.625 * range;
    return new VerdictThresholds(0.70, 0.80, range / 8, 0.05, threshold, threshold, 0.80);
  }
}
