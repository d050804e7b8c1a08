package org.cxalign.analytics.accumulate;

import java.util.Arrays;
import java.util.Objects;

/**
 * A named scale: the items (indices into the layout's item list) whose answers form a respondent's
 * scale score (the mean of the answered items).
 */
public record ScaleDefinition(String name, int[] items) {

  public ScaleDefinition {
    Objects.requireNonNull(name, "name");
    if (items == null || items.length == 0) {
      throw new IllegalArgumentException("scale \"" + name + "\" needs at least one item");
    }
    items = items.clone();
    int[] sorted = items.clone();
    Arrays.sort(sorted);
    for (int i = 0; i < sorted.length; i++) {
      if (sorted[i] < 0 || (i > 0 && sorted[i] == sorted[i - 1])) {
        throw new IllegalArgumentException(
            "scale \"" + name + "\" has a negative or repeated item index " + sorted[i]);
      }
    }
  }

  /** Item indices (a copy). */
  @Override
  public int[] items() {
    return items.clone();
  }

  /** Number of items J. */
  public int size() {
    return items.length;
  }

  /** Index of the j-th item of this scale in the layout's item list. */
  public int item(int j) {
    return items[j];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ScaleDefinition other
        && name.equals(other.name)
        && Arrays.equals(items, other.items);
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + Arrays.hashCode(items);
  }

  @Override
  public String toString() {
    return "ScaleDefinition[" + name + ", items=" + Arrays.toString(items) + "]";
  }
}
