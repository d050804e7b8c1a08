package org.cxalign.analytics.verdict;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.cxalign.analytics.stat.Moments;
import org.cxalign.analytics.stat.RwgJResult;
import org.cxalign.analytics.stat.Scale;

/**
 * The summaries the level-5 verdict needs, all computable from mergeable accumulators.
 *
 * @param scale the answer scale of the collaboration and seamless items
 * @param collaborationRwgJ per department, r_wg(J) of the collaboration dimension (the items {@code
 *     collab.<other department>}, respondents who rated every other department)
 * @param collaborationScores per department, the moments of its employees' collaboration scale
 *     scores (each respondent's mean over the departments they rated); the departments of the
 *     organisation are the keys of this map, in its order
 * @param links per directed link, the moments of the ratings given by employees of {@code from} to
 *     working with {@code to}
 * @param customerSeamless the moments of customers' ratings of "seamless across departments"
 * @param employeeSeamless the moments of employees' ratings of the matched employee item
 */
public record VerdictInput(
    Scale scale,
    Map<String, RwgJResult> collaborationRwgJ,
    Map<String, Moments> collaborationScores,
    Map<DirectedLink, Moments> links,
    Moments customerSeamless,
    Moments employeeSeamless) {

  /**
   * Validates the input: every department of {@code collaborationScores} has an r_wg(J) entry and
   * vice versa, every link joins two known departments, and the means lie on the scale.
   */
  public VerdictInput {
    Objects.requireNonNull(scale, "scale");
    Objects.requireNonNull(customerSeamless, "customerSeamless");
    Objects.requireNonNull(employeeSeamless, "employeeSeamless");
    collaborationScores = copy(Objects.requireNonNull(collaborationScores, "collaborationScores"));
    collaborationRwgJ = copy(Objects.requireNonNull(collaborationRwgJ, "collaborationRwgJ"));
    links = copy(Objects.requireNonNull(links, "links"));
    if (!collaborationRwgJ.keySet().equals(collaborationScores.keySet())) {
      throw new IllegalArgumentException(
          "collaborationRwgJ and collaborationScores must name the same departments, got "
              + collaborationRwgJ.keySet()
              + " and "
              + collaborationScores.keySet());
    }
    for (DirectedLink l : links.keySet()) {
      if (!collaborationScores.containsKey(l.from()) || !collaborationScores.containsKey(l.to())) {
        throw new IllegalArgumentException("link " + l + " names an unknown department");
      }
    }
    requireOnScale(scale, "customerSeamless", customerSeamless);
    requireOnScale(scale, "employeeSeamless", employeeSeamless);
    for (Map.Entry<String, Moments> e : collaborationScores.entrySet()) {
      requireOnScale(scale, "collaboration score of " + e.getKey(), e.getValue());
    }
    for (Map.Entry<DirectedLink, Moments> e : links.entrySet()) {
      requireOnScale(scale, "link " + e.getKey(), e.getValue());
    }
  }

  private static <K, V> Map<K, V> copy(Map<K, V> m) {
    for (Map.Entry<K, V> e : m.entrySet()) {
      Objects.requireNonNull(e.getKey(), "key");
      Objects.requireNonNull(e.getValue(), () -> "value of " + e.getKey());
    }
    return Collections.unmodifiableMap(new LinkedHashMap<>(m));
  }

  private static void requireOnScale(Scale s, String what, Moments m) {
    if (m.hasMean() && (m.mean() < s.min() || m.mean() > s.max())) {
      throw new IllegalArgumentException(
          what + ": mean " + m.mean() + " lies outside the scale " + s.min() + ".." + s.max());
    }
  }
}
