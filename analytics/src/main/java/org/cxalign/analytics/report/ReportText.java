package org.cxalign.analytics.report;

import java.util.Locale;
import org.cxalign.analytics.stat.Estimate;

/** Renders an {@link AlignmentReport} as a readable plain-text report. */
public final class ReportText {
  private ReportText() {}

  public static String render(AlignmentReport r) {
    StringBuilder sb = new StringBuilder();
    sb.append("CX Align report (scale ")
        .append(r.scale().min())
        .append('-')
        .append(r.scale().max())
        .append(")\n");
    sb.append(
        String.format(
            Locale.ROOT,
            "Respondents: %d employees, %d customers%n",
            r.employees(),
            r.customers()));
    section(sb, r.overall(), "All items");
    for (ScaleReport s : r.dimensions()) {
      section(sb, s, "Dimension " + s.scale());
    }
    r.network()
        .ifPresent(
            n -> {
              sb.append("\nCollaboration network\n");
              sb.append(
                  String.format(
                      Locale.ROOT,
                      "  all ratings: n=%d mean=%s 95%% CI [%s, %s]%n",
                      n.n(),
                      f(n.mean()),
                      f(n.lower95()),
                      f(n.upper95())));
              for (CollaborationLink l : n.links()) {
                sb.append(
                    String.format(
                        Locale.ROOT,
                        "  %-20s -> %-20s n=%-8d mean=%s [%s, %s]%n",
                        l.from(),
                        l.to(),
                        l.n(),
                        f(l.mean()),
                        f(l.lower95()),
                        f(l.upper95())));
              }
            });
    r.instrument()
        .ifPresent(
            in -> {
              sb.append("\nInstrument ")
                  .append(in.instrumentId())
                  .append(" v")
                  .append(in.instrumentVersion())
                  .append('\n');
              for (ItemGap g : in.perceptionGaps()) {
                sb.append(
                    String.format(
                        Locale.ROOT,
                        "  gap %-12s employee-customer diff=%s Welch p=%s d=%s Mann-Whitney p=%s%n",
                        g.facet(),
                        f(g.meanDifference()),
                        p(g.welchP()),
                        f(g.cohenD()),
                        p(g.mannWhitneyP())));
              }
              sb.append("  Level-5 verdict: ")
                  .append(
                      in.verdict().isPresent()
                          ? in.verdict().get().outcome().toString()
                          : "none (" + in.verdictUndefinedReason() + ")")
                  .append('\n');
            });
    return sb.toString();
  }

  private static void section(StringBuilder sb, ScaleReport s, String title) {
    sb.append('\n').append(title).append(" (").append(s.items().size()).append(" items)\n");
    sb.append(
        String.format(
            Locale.ROOT,
            "  %-24s %8s %8s %8s %8s %8s%n",
            "department",
            "n",
            "mean",
            "sd",
            "rwg(J)",
            "AD_M(J)"));
    for (DepartmentStatistics d : s.departments()) {
      sb.append(
          String.format(
              Locale.ROOT,
              "  %-24s %8d %8s %8s %8s %8s%n",
              d.department(),
              d.respondents(),
              f(d.mean()),
              f(d.sd()),
              f(d.rwgJ()),
              f(d.adMJ())));
    }
    BetweenDepartments b = s.betweenDepartments();
    sb.append(
        String.format(
            Locale.ROOT,
            "  Between departments: ICC(1)=%s ICC(2)=%s F(%s, %s)=%s p=%s eta^2=%s%n",
            f(b.icc1()),
            f(b.icc2()),
            num(b.dfBetween()),
            num(b.dfWithin()),
            f(b.f()),
            p(b.pValue()),
            f(b.etaSquared())));
    sb.append(
        String.format(
            Locale.ROOT,
            "  Reliability: Cronbach's alpha=%s (n=%d complete cases)%n",
            f(s.reliability().cronbachAlpha()),
            s.reliability().n()));
    Consensus c = s.consensus();
    sb.append(
        String.format(
            Locale.ROOT,
            "  Consensus: Kendall's W=%s chi^2=%s df=%s p=%s (%d departments); Krippendorff's alpha (interval)=%s%n",
            f(c.kendallW()),
            f(c.chiSquare()),
            f(c.df()),
            p(c.pValue()),
            c.judges(),
            f(c.krippendorffAlphaInterval())));
    PerceptionGap g = s.perceptionGap();
    sb.append(
        String.format(
            Locale.ROOT,
            "  Perception gap (employee - customer): diff=%s Welch t=%s df=%s p=%s d=%s Mann-Whitney p=%s%n",
            f(g.meanDifference()),
            f(g.welchT()),
            f(g.welchDf()),
            p(g.welchP()),
            f(g.cohenD()),
            p(g.mannWhitneyP())));
  }

  static String f(Estimate e) {
    return e.isDefined() ? String.format(Locale.ROOT, "%.3f", e.get()) : "n/a";
  }

  static String p(Estimate e) {
    if (!e.isDefined()) {
      return "n/a";
    }
    double v = e.get();
    return v < 0.001
        ? String.format(Locale.ROOT, "%.2e", v)
        : String.format(Locale.ROOT, "%.4f", v);
  }

  static String num(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v);
  }
}
