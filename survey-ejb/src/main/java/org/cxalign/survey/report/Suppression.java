package org.cxalign.survey.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The suppression rules for groups that add up to a visible total.
 *
 * <p><b>Primary</b>: a group with {@code 0 < n < k} is hidden (rule {@link Rule#MIN_K}). Groups
 * with {@code n = 0} are not groups (nothing to hide, nothing shown).
 *
 * <p><b>Secondary</b>: when a total is visible, the hidden groups within it can be recovered
 * together as the total minus the visible groups. That is harmless only if the hidden set is empty
 * or holds at least two groups whose combined n is at least k; otherwise the smallest visible group
 * (ties by key) is hidden too (rule {@link Rule#SECONDARY}), repeatedly, until it holds. When no
 * visible group is left and the combined n is still below k, the total itself is below k and must
 * be hidden by the caller ({@link Result#totalVisible()} is false).
 */
public final class Suppression {

  /** Why something is hidden. */
  public enum Rule {
    /** Fewer than k respondents or answers. */
    MIN_K("min_k"),
    /** Hidden although at least k, so that a smaller hidden group cannot be derived. */
    SECONDARY("secondary"),
    /** Hidden from a department head by the campaign's transparency. */
    TRANSPARENCY("transparency"),
    /** Organisation figures hidden because they would reveal the only other department. */
    ORGANISATION_HIDDEN("organisation_hidden");

    private final String json;

    Rule(String json) {
      this.json = json;
    }

    /** The value of the {@code rule} member. */
    public String json() {
      return json;
    }
  }

  /**
   * The outcome for one family of groups under one total.
   *
   * @param hidden the hidden groups with the rule that hid each, in the order they were hidden
   * @param totalVisible whether the total (all groups together) has at least k
   */
  public record Result(Map<String, Rule> hidden, boolean totalVisible) {
    public Result {
      hidden = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(hidden));
    }

    public boolean isHidden(String key) {
      return hidden.containsKey(key);
    }
  }

  private Suppression() {}

  /**
   * Applies the primary and secondary rules to groups with counts {@code n} under threshold k.
   *
   * @throws IllegalArgumentException on a negative count or k &lt; 1
   */
  public static Result apply(Map<String, Long> n, int k) {
    return extend(n, k, Map.of());
  }

  /**
   * Like {@link #apply} but starting from groups already hidden for another reason (they count as
   * hidden in the secondary rule, keeping their rule).
   */
  public static Result extend(Map<String, Long> n, int k, Map<String, Rule> alreadyHidden) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be at least 1, got " + k);
    }
    Map<String, Rule> hidden = new LinkedHashMap<>();
    long total = 0;
    for (Map.Entry<String, Long> e : n.entrySet()) {
      long c = e.getValue();
      if (c < 0) {
        throw new IllegalArgumentException("negative count for " + e.getKey() + ": " + c);
      }
      total += c;
      if (alreadyHidden.containsKey(e.getKey()) && c > 0) {
        hidden.put(e.getKey(), alreadyHidden.get(e.getKey()));
      } else if (c > 0 && c < k) {
        hidden.put(e.getKey(), Rule.MIN_K);
      }
    }
    if (!hidden.isEmpty()) {
      List<String> visible = new ArrayList<>();
      for (Map.Entry<String, Long> e : n.entrySet()) {
        if (e.getValue() > 0 && !hidden.containsKey(e.getKey())) {
          visible.add(e.getKey());
        }
      }
      visible.sort(
          Comparator.<String>comparingLong(n::get).thenComparing(Comparator.naturalOrder()));
      int next = 0;
      while (!safe(hidden, n, k) && next < visible.size()) {
        hidden.put(visible.get(next++), Rule.SECONDARY);
      }
    }
    return new Result(hidden, total >= k);
  }

  /** Whether the hidden set is empty or has at least two groups with combined n ≥ k. */
  static boolean safe(Map<String, Rule> hidden, Map<String, Long> n, int k) {
    if (hidden.isEmpty()) {
      return true;
    }
    long sum = 0;
    for (String h : hidden.keySet()) {
      sum += n.get(h);
    }
    return hidden.size() >= 2 && sum >= k;
  }
}
