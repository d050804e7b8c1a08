package org.cxalign.analytics.stat;

import java.util.List;
import java.util.Optional;

/**
 * Result of {@link IntraclassCorrelation}.
 *
 * @param forms the six forms in the order ICC1, ICC2, ICC3, ICC1k, ICC2k, ICC3k; empty when
 *     undefined
 * @param targets number of targets n
 * @param raters number of raters k
 * @param confidence the confidence level of the intervals
 * @param undefinedReason why the ICCs are undefined, or null
 */
public record IccResult(
    List<IccForm> forms, int targets, int raters, double confidence, String undefinedReason) {

  /** Copies the forms into an unmodifiable list. */
  public IccResult {
    forms = List.copyOf(forms);
    if (forms.isEmpty() == (undefinedReason == null)) {
      throw new IllegalArgumentException("give either six forms or a reason, not both or neither");
    }
  }

  /** Whether the ICCs are defined. */
  public boolean isDefined() {
    return undefinedReason == null;
  }

  /** The form with the given name (ICC1, ICC2, ICC3, ICC1k, ICC2k, ICC3k), if defined. */
  public Optional<IccForm> form(String name) {
    return forms.stream().filter(f -> f.name().equals(name)).findFirst();
  }
}
