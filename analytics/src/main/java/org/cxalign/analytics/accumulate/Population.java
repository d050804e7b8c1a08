package org.cxalign.analytics.accumulate;

import java.util.Locale;

/** Who answered: an employee (in a department) or a customer. */
public enum Population {
  EMPLOYEE("employee"),
  CUSTOMER("customer");

  private final String label;

  Population(String label) {
    this.label = label;
  }

  /** The lower-case name used in the CSV and JSON ({@code employee}, {@code customer}). */
  public String label() {
    return label;
  }

  /** Parses {@code employee} or {@code customer} (case-insensitive). */
  public static Population parse(String s) {
    String t = s.trim().toLowerCase(Locale.ROOT);
    for (Population p : values()) {
      if (p.label.equals(t)) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        "unknown population \"" + s + "\" (expected employee or customer)");
  }
}
