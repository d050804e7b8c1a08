package org.cxalign.analytics.maturity;

/**
 * The quadrants of the interact × customise capability matrix, after the "Enterprise Strategy Map"
 * of Peppers &amp; Rogers (Enterprise One to One, 1997): interactivity (knowing individual
 * customers, addressing and remembering each) on one axis, tailoring (customising the offer) on the
 * other. Their quadrants I–IV (mass marketing, niche marketing, database marketing, learning
 * relationships) are named here mass, niche, targeted and one-to-one. "High" means the capability's
 * block mean is at or above the agreement cut-off.
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
