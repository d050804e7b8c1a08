package org.cxalign.analytics.stat;

/**
 * Result of {@link KrippendorffAlpha}.
 *
 * @param alpha Krippendorff's α, undefined when it cannot be computed
 * @param observedDisagreement D_o (stored as NaN internally when no value is pairable: check {@link
 *     #hasDisagreements()}; the accessor then throws)
 * @param expectedDisagreement D_e (same convention)
 * @param pairableValues n, the number of values in units with at least two values
 * @param units the number of pairable units (units with at least two values)
 */
public record KrippendorffResult(
    Estimate alpha,
    double observedDisagreement,
    double expectedDisagreement,
    int pairableValues,
    int units) {

  /** Whether D_o and D_e are defined (at least one pairable unit). */
  public boolean hasDisagreements() {
    return pairableValues > 0;
  }

  /**
   * The observed disagreement D_o.
   *
   * @throws IllegalStateException when no value is pairable
   */
  @Override
  public double observedDisagreement() {
    requirePairable();
    return observedDisagreement;
  }

  /**
   * The expected disagreement D_e.
   *
   * @throws IllegalStateException when no value is pairable
   */
  @Override
  public double expectedDisagreement() {
    requirePairable();
    return expectedDisagreement;
  }

  private void requirePairable() {
    if (pairableValues == 0) {
      throw new IllegalStateException("no unit has two or more values");
    }
  }
}
