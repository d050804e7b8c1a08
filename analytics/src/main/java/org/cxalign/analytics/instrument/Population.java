package org.cxalign.analytics.instrument;

import java.util.Locale;

/** Who answers an item. */
public enum Population {
  /** Employees of the organisation (every department). */
  EMPLOYEE,
  /** Customers, through an invitation link. */
  CUSTOMER,
  /** Both employees and customers answer the same wording. */
  BOTH;

  /**
   * Whether a respondent of population {@code p} ({@code EMPLOYEE} or {@code CUSTOMER}) answers.
   */
  public boolean includes(Population p) {
    return this == BOTH || this == p;
  }

  /** Parses {@code employee}, {@code customer} or {@code both}, ignoring case. */
  public static Population parse(String s) {
    for (Population p : values()) {
      if (p.name().equalsIgnoreCase(s.trim())) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        "unknown population '" + s + "' (expected employee, customer or both)");
  }

  /** The lower-case name used in JSON. */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
