package org.cxalign.analytics.maturity;

/**
 * The quadrants of the interact × customise capability matrix (from the IDIC process of Peppers
 * &amp; Rogers). "High" means the capability's block mean is at or above the agreement cut-off.
 */
public enum Quadrant {
  /** Low interaction, low customisation: the same offer for everyone, one-way communication. */
  MASS(false, false),
  /** Low interaction, high customisation: offers tailored to a segment without a dialogue. */
  NICHE(false, true),
  /** High interaction, low customisation: individual dialogue, standard offer. */
  TARGETED(true, false),
  /** High interaction, high customisation: individual dialogue and individual offer. */
  ONE_TO_ONE(true, true);

  private final boolean highInteraction;
  private final boolean highCustomisation;

  Quadrant(boolean highInteraction, boolean highCustomisation) {
    this.highInteraction = highInteraction;
    this.highCustomisation = highCustomisation;
  }

  /** Whether interaction capability is high in this quadrant. */
  public boolean highInteraction() {
    return highInteraction;
  }

  /** Whether customisation capability is high in this quadrant. */
  public boolean highCustomisation() {
    return highCustomisation;
  }

  /** The quadrant of these two capability levels. */
  public static Quadrant of(boolean highInteraction, boolean highCustomisation) {
    for (Quadrant q : values()) {
      if (q.highInteraction == highInteraction && q.highCustomisation == highCustomisation) {
        return q;
      }
    }
    throw new AssertionError();
  }
}
