package org.cxalign.analytics.verdict;

import java.util.Locale;
import org.cxalign.analytics.stat.Estimate;

/** Renders a {@link VerdictResult} as readable text for the command line's text report. */
public final class VerdictText {

  private VerdictText() {}

  /** Several lines, ending with a newline. */
  public static String render(VerdictResult v) {
    StringBuilder sb = new StringBuilder();
    sb.append("Level-5 verdict: ").append(label(v.outcome().name())).append('\n');
    for (CriterionResult c : v.criteria()) {
      sb.append(String.format(Locale.ROOT, "  %-28s %-12s", c.name(), label(c.status().name())));
      sb.append(" statistic ").append(fmt(c.statistic()));
      sb.append(" [").append(fmt(c.lower())).append(", ").append(fmt(c.upper())).append(']');
      sb.append(" threshold ").append(String.format(Locale.ROOT, "%.3f", c.threshold()));
      sb.append(" n ").append(c.n()).append('\n');
      sb.append("    ").append(c.explanation()).append('\n');
      for (CriterionResult.Detail d : c.details()) {
        if (d.status() != CriterionResult.Status.PASS) {
          sb.append("    - ")
              .append(d.subject())
              .append(": ")
              .append(label(d.status().name()))
              .append(", ")
              .append(d.note())
              .append('\n');
        }
      }
    }
    RequiredSampleSize r = v.requiredSampleSize();
    if (r != null) {
      if (r.undefinedReason() != null) {
        sb.append("  No sample size decides it: ").append(r.undefinedReason()).append('\n');
      } else {
        sb.append("  To decide it: ");
        if (r.perDepartment() != null) {
          sb.append(r.perDepartment()).append(" respondents per department");
        }
        if (r.perDepartment() != null && r.customers() != null) {
          sb.append(", ");
        }
        if (r.customers() != null) {
          sb.append(r.customers()).append(" customers");
        }
        sb.append(" (").append(r.basis()).append(")\n");
      }
    }
    return sb.toString();
  }

  private static String label(String enumName) {
    return enumName.toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  private static String fmt(Estimate e) {
    return e.isDefined() ? String.format(Locale.ROOT, "%.3f", e.get()) : "n/a";
  }
}
