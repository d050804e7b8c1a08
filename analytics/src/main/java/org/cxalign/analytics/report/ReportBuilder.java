package org.cxalign.analytics.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cxalign.analytics.accumulate.AlignmentAccumulator;
import org.cxalign.analytics.accumulate.CompleteCases;
import org.cxalign.analytics.accumulate.OptionCounts;
import org.cxalign.analytics.accumulate.Population;
import org.cxalign.analytics.accumulate.ResponseLayout;
import org.cxalign.analytics.accumulate.ScaleDefinition;
import org.cxalign.analytics.accumulate.ScaleScoreDistribution;
import org.cxalign.analytics.stat.AlphaResult;
import org.cxalign.analytics.stat.AnovaResult;
import org.cxalign.analytics.stat.AverageDeviation;
import org.cxalign.analytics.stat.CohenD;
import org.cxalign.analytics.stat.CronbachAlpha;
import org.cxalign.analytics.stat.Estimate;
import org.cxalign.analytics.stat.Interval;
import org.cxalign.analytics.stat.MannWhitney;
import org.cxalign.analytics.stat.MannWhitneyResult;
import org.cxalign.analytics.stat.MeanInterval;
import org.cxalign.analytics.stat.Moments;
import org.cxalign.analytics.stat.OneWayAnova;
import org.cxalign.analytics.stat.Rwg;
import org.cxalign.analytics.stat.RwgJ;
import org.cxalign.analytics.stat.Scale;
import org.cxalign.analytics.stat.WelchResult;
import org.cxalign.analytics.stat.WelchTTest;

/**
 * Builds an {@link AlignmentReport} from an accumulator alone, so its cost does not depend on the
 * number of responses. The layout's first scale is the overall scale; the others are dimensions.
 *
 * <p>Definitions (DESIGN.md): the departments are those with at least one employee response, sorted
 * by name. Item statistics use the answers given to the item; r_wg(J) and Cronbach's α use complete
 * cases (respondents who answered every item of the scale); a respondent's scale score is the mean
 * of the items answered (none answered: left out). The ANOVA, Welch, Cohen's d and Mann–Whitney use
 * scale scores; Kendall's W and Krippendorff's α use department means per item.
 */
public final class ReportBuilder {

  private ReportBuilder() {}

  /** The report without an instrument. */
  public static AlignmentReport build(AlignmentAccumulator acc) {
    return build(acc, null);
  }

  /**
   * The report; with an instrument ({@code acc} laid out by {@link InstrumentReportBuilder#layout})
   * also its sections.
   */
  public static AlignmentReport build(
      AlignmentAccumulator acc, org.cxalign.analytics.instrument.Instrument instrument) {
    ResponseLayout layout = acc.layout();
    List<String> departments = employeeDepartments(acc);
    ScaleReport overall = scale(acc, 0, departments);
    List<ScaleReport> dimensions = new ArrayList<>();
    for (int s = 1; s < layout.scales().size(); s++) {
      dimensions.add(scale(acc, s, departments));
    }
    Optional<CollaborationNetwork> network =
        layout.collabTargets().isEmpty()
            ? Optional.empty()
            : Optional.of(network(acc, departments));
    return new AlignmentReport(
        layout.scale(),
        acc.responses(Population.EMPLOYEE),
        acc.responses(Population.CUSTOMER),
        overall,
        dimensions,
        network,
        instrument == null
            ? Optional.empty()
            : Optional.of(InstrumentReportBuilder.build(instrument, acc)));
  }

  /** Departments with at least one employee response, sorted by name. */
  public static List<String> employeeDepartments(AlignmentAccumulator acc) {
    List<String> r = new ArrayList<>();
    for (String d : acc.departments()) {
      if (acc.responses(Population.EMPLOYEE, d) > 0) {
        r.add(d);
      }
    }
    r.sort(null);
    return r;
  }

  /** The report of scale {@code s} of the layout. */
  public static ScaleReport scale(AlignmentAccumulator acc, int s, List<String> departments) {
    ResponseLayout layout = acc.layout();
    Scale scale = layout.scale();
    ScaleDefinition def = layout.scales().get(s);
    List<String> itemNames = new ArrayList<>();
    for (int j = 0; j < def.size(); j++) {
      itemNames.add(layout.items().get(def.item(j)));
    }
    List<DepartmentStatistics> rows = new ArrayList<>();
    List<Moments> groups = new ArrayList<>();
    double[][] means = new double[departments.size()][def.size()];
    for (int d = 0; d < departments.size(); d++) {
      String dept = departments.get(d);
      List<ItemStatistics> items = new ArrayList<>();
      Estimate[] ads = new Estimate[def.size()];
      for (int j = 0; j < def.size(); j++) {
        long[] counts = acc.itemCounts(Population.EMPLOYEE, dept, def.item(j));
        Moments m = OptionCounts.moments(scale, counts);
        ads[j] = AverageDeviation.ofCounts(scale, counts);
        items.add(
            new ItemStatistics(
                itemNames.get(j), m.n(), m.meanEstimate(), sd(m), Rwg.of(scale, m).rwg(), ads[j]));
        means[d][j] = m.hasMean() ? m.mean() : Double.NaN;
      }
      Moments scores = acc.scores(Population.EMPLOYEE, dept, s).moments();
      groups.add(scores);
      CompleteCases cc = acc.completeCases(Population.EMPLOYEE, dept, s);
      rows.add(
          new DepartmentStatistics(
              dept,
              acc.responses(Population.EMPLOYEE, dept),
              scores.n(),
              scores.meanEstimate(),
              sd(scores),
              rwgJ(scale, cc),
              cc.n(),
              AverageDeviation.adMJ(ads),
              items));
    }
    return new ScaleReport(
        def.name(),
        itemNames,
        rows,
        between(OneWayAnova.of(groups)),
        reliability(acc.completeCases(Population.EMPLOYEE, s)),
        ConsensusCalculator.of(means),
        gap(acc.scores(Population.EMPLOYEE, s), acc.scores(Population.CUSTOMER, s)));
  }

  static Estimate sd(Moments m) {
    return m.hasVariance()
        ? Estimate.of(Math.sqrt(m.variance()))
        : Estimate.undefined("fewer than 2 values (n = " + m.n() + ")");
  }

  static Estimate rwgJ(Scale scale, CompleteCases cc) {
    double[] variances = cc.n() >= 2 ? cc.itemVariances() : new double[cc.items()];
    return RwgJ.of(scale, variances, cc.n()).rwgJ();
  }

  static BetweenDepartments between(AnovaResult a) {
    return new BetweenDepartments(
        a.icc1(),
        a.icc2(),
        a.f(),
        a.dfBetween(),
        a.dfWithin(),
        a.pValue(),
        a.etaSquared(),
        a.groups(),
        a.n());
  }

  static Reliability reliability(CompleteCases cc) {
    AlphaResult a =
        cc.n() < 2
            ? CronbachAlpha.ofVariances(cc.n(), new double[cc.items()], 0)
            : CronbachAlpha.ofVariances(cc.n(), cc.itemVariances(), cc.scoreVariance());
    return new Reliability(a.alpha(), a.items(), a.n());
  }

  static PerceptionGap gap(ScaleScoreDistribution employees, ScaleScoreDistribution customers) {
    Moments e = employees.moments();
    Moments c = customers.moments();
    if (e.n() == 0 || c.n() == 0) {
      Estimate u =
          Estimate.undefined(e.n() == 0 ? "no employee scale scores" : "no customer scale scores");
      return new PerceptionGap(
          e.n(), e.meanEstimate(), c.n(), c.meanEstimate(), u, u, u, u, u, u, u);
    }
    WelchResult w = WelchTTest.of(e, c);
    ScaleScoreDistribution.RankedCounts ranked =
        ScaleScoreDistribution.ranked(employees, customers);
    MannWhitneyResult mw =
        MannWhitney.ofCounts(ranked.values(), ranked.countsA(), ranked.countsB());
    return new PerceptionGap(
        e.n(),
        e.meanEstimate(),
        c.n(),
        c.meanEstimate(),
        Estimate.of(w.meanDifference()),
        w.t(),
        w.df(),
        w.pValue(),
        CohenD.of(e, c),
        Estimate.of(mw.w()),
        mw.pValue());
  }

  static CollaborationNetwork network(AlignmentAccumulator acc, List<String> departments) {
    ResponseLayout layout = acc.layout();
    Scale scale = layout.scale();
    List<CollaborationLink> links = new ArrayList<>();
    long[] all = new long[scale.options()];
    for (String from : departments) {
      for (int t = 0; t < layout.collabTargets().size(); t++) {
        long[] counts = acc.collabCounts(Population.EMPLOYEE, from, t);
        Moments m = OptionCounts.moments(scale, counts);
        if (m.n() == 0) {
          continue;
        }
        all = OptionCounts.add(all, counts);
        Interval ci = MeanInterval.of(m, 0.95);
        links.add(
            new CollaborationLink(
                from,
                layout.collabTargets().get(t),
                m.n(),
                m.meanEstimate(),
                ci.lower(),
                ci.upper()));
      }
    }
    Moments m = OptionCounts.moments(scale, all);
    Interval ci = MeanInterval.of(m, 0.95);
    return new CollaborationNetwork(links, m.n(), m.meanEstimate(), ci.lower(), ci.upper());
  }
}
