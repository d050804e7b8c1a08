package org.cxalign.analytics.maturity;

import java.util.Locale;
import org.cxalign.analytics.stat.Estimate;

/** Renders a {@link MaturityProfile} as readable text for the command line's text report. */
public final class MaturityText {

  private MaturityText() {}

  /** Several lines, each prefixed with {@code indent}, ending with a newline. */
  public static String render(MaturityProfile p, String indent) {
    StringBuilder sb = new StringBuilder();
    ladder(sb, indent, "CX level", p.cxLevel());
    ladder(sb, indent, "Data level", p.dataLevel());
    ladder(sb, indent, "Pyramid level", p.pyramid());
    IdicPlacement i = p.idic();
    sb.append(indent).append("IDIC quadrant: ");
    if (i.quadrant() == null) {
      sb.append("n/a (").append(i.undefinedReason()).append(")\n");
    } else {
      sb.append(name(i.quadrant().name()));
      if (!i.probabilities().isEmpty()) {
        sb.append(" (");
        for (Quadrant q : Quadrant.values()) {
          sb.append(q == Quadrant.MASS ? "" : ", ")
              .append(name(q.name()))
              .append(String.format(Locale.ROOT, " %.2f", i.probabilities().get(q)));
        }
        sb.append(')');
      }
      sb.append('\n');
    }
    sb.append(indent).append("Disciplines:");
    for (BlockScore b : p.disciplines()) {
      sb.append(' ').append(b.facet()).append(' ').append(fmt(b.mean()));
      sb.append(" [").append(fmt(b.lower())).append(", ").append(fmt(b.upper())).append(']');
    }
    return sb.append('\n').toString();
  }

  private static void ladder(StringBuilder sb, String indent, String title, LadderPlacement l) {
    sb.append(indent).append(title).append(": ");
    if (!l.isDefined()) {
      sb.append("n/a (").append(l.undefinedReason()).append(")\n");
      return;
    }
    sb.append(l.level())
        .append(" (means alone: ")
        .append(l.pointLevel())
        .append(", not ruled out up to ")
        .append(l.upperLevel())
        .append(")\n");
  }

  private static String name(String enumName) {
    return enumName.toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static String fmt(Estimate e) {
    return e.isDefined() ? String.format(Locale.ROOT, "%.2f", e.get()) : "n/a";
  }
}
