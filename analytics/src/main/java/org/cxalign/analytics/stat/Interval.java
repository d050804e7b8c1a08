package org.cxalign.analytics.stat;

/**
 * A confidence interval; either bound may be undefined (for example with fewer than two values).
 *
 * @param lower the lower bound
 * @param upper the upper bound
 */
public record Interval(Estimate lower, Estimate upper) {

  /** Validates that both bounds are given and, when both are defined, lower ≤ upper. */
  public Interval {
    if (lower == null || upper == null) {
      throw new IllegalArgumentException("both bounds must be given (possibly undefined)");
    }
    if (lower.isDefined() && upper.isDefined() && lower.get() > upper.get()) {
      throw new IllegalArgumentException("lower bound " + lower + " > upper bound " + upper);
    }
  }

  /** Whether both bounds are defined. */
  public boolean isDefined() {
    return lower.isDefined() && upper.isDefined();
  }

  /** An interval whose bounds are both undefined for the same reason. */
  public static Interval undefined(String reason) {
    Estimate u = Estimate.undefined(reason);
    return new Interval(u, u);
  }
}
