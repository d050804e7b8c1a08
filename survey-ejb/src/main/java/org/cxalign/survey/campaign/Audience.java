package org.cxalign.survey.campaign;

import org.cxalign.analytics.instrument.Population;

/** Who a campaign asks. */
public enum Audience {
  EMPLOYEES(Population.EMPLOYEE),
  CUSTOMERS(Population.CUSTOMER);

  private final Population population;

  Audience(Population population) {
    this.population = population;
  }

  /** The instrument population whose items this audience answers. */
  public Population population() {
    return population;
  }
}
