package org.cxalign.analytics.verdict;

/**
 * A directed link of the collaboration network: employees of {@code from} rating how well their
 * department works with {@code to} (the column {@code collab.<to>} answered in department {@code
 * from}).
 */
public record DirectedLink(String from, String to) {

  /** Validates that both ends are named and differ. */
  public DirectedLink {
    if (from == null || from.isBlank() || to == null || to.isBlank()) {
      throw new IllegalArgumentException(
          "a link needs both departments, got " + from + " -> " + to);
    }
    if (from.equals(to)) {
      throw new IllegalArgumentException("a link joins two different departments, got " + from);
    }
  }

  /** Whether the department is one of the link's ends. */
  public boolean touches(String department) {
    return from.equals(department) || to.equals(department);
  }

  @Override
  public String toString() {
    return from + " -> " + to;
  }
}
