package org.cxalign.analytics.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cxalign.analytics.accumulate.AlignmentAccumulator;
import org.cxalign.analytics.accumulate.OptionCounts;
import org.cxalign.analytics.accumulate.Population;
import org.cxalign.analytics.accumulate.ResponseLayout;
import org.cxalign.analytics.accumulate.ScaleDefinition;
import org.cxalign.analytics.instrument.Dimension;
import org.cxalign.analytics.instrument.Instrument;
import org.cxalign.analytics.instrument.Item;
import org.cxalign.analytics.instrument.Model;
import org.cxalign.analytics.maturity.MaturityPlacement;
import org.cxalign.analytics.maturity.PlacementRule;
import org.cxalign.analytics.stat.CohenD;
import org.cxalign.analytics.stat.Estimate;
import org.cxalign.analytics.stat.Interval;
import org.cxalign.analytics.stat.MannWhitney;
import org.cxalign.analytics.stat.MannWhitneyResult;
import org.cxalign.analytics.stat.MeanInterval;
import org.cxalign.analytics.stat.Moments;
import org.cxalign.analytics.stat.RwgJ;
import org.cxalign.analytics.stat.RwgJResult;
import org.cxalign.analytics.stat.Scale;
import org.cxalign.analytics.stat.WelchResult;
import org.cxalign.analytics.stat.WelchTTest;
import org.cxalign.analytics.verdict.DirectedLink;
import org.cxalign.analytics.verdict.Level5Verdict;
import org.cxalign.analytics.verdict.VerdictInput;
import org.cxalign.analytics.verdict.VerdictThresholds;

/**
 * The layout and the report sections of an instrument.
 *
 * <p>Layout: the items are the instrument's items (collaboration template excluded) in its order;
 * scale 0 ("employee") holds the items asked of employees, then one scale per dimension with items;
 * the collaboration targets are the file's {@code <template id>.<Department>} columns. Every item
 * must use the instrument's scale.
 */
public final class InstrumentReportBuilder {
  /** Name of the overall scale with an instrument. */
  public static final String EMPLOYEE_SCALE = "employee";

  private InstrumentReportBuilder() {}

  /** Prefix of the instrument's collaboration columns ({@code collab.} for the built-in one). */
  public static String collabPrefix(Instrument inst) {
    return inst.collaborationTemplate().map(t -> t.id() + ".").orElse("collab.");
  }

  /**
   * The accumulator layout of an instrument for a file with the given collaboration targets.
   *
   * @throws IllegalArgumentException if an item's scale differs from the instrument's
   */
  public static ResponseLayout layout(Instrument inst, List<String> collabTargets) {
    List<String> items = new ArrayList<>();
    List<Integer> employeeItems = new ArrayList<>();
    for (Item it : inst.items()) {
      if (it.model() == Model.COLLABORATION) {
        continue;
      }
      if (!it.scale().equals(inst.scale())) {
        throw new IllegalArgumentException(
            "instrument '"
                + inst.id()
                + "': item '"
                + it.id()
                + "' has scale "
                + it.scale()
                + ", the report needs every item on the instrument scale "
                + inst.scale());
      }
      if (it.population().includes(org.cxalign.analytics.instrument.Population.EMPLOYEE)) {
        employeeItems.add(items.size());
      }
      items.add(it.id());
    }
    List<ScaleDefinition> scales = new ArrayList<>();
    if (employeeItems.isEmpty()) {
      throw new IllegalArgumentException("instrument '" + inst.id() + "' has no employee items");
    }
    scales.add(new ScaleDefinition(EMPLOYEE_SCALE, toArray(employeeItems)));
    for (Dimension d : inst.dimensions()) {
      if (d.model() == Model.COLLABORATION) {
        continue;
      }
      List<Integer> idx = new ArrayList<>();
      for (Item it : inst.itemsOf(d.id())) {
        idx.add(items.indexOf(it.id()));
      }
      if (!idx.isEmpty()) {
        scales.add(new ScaleDefinition(d.id(), toArray(idx)));
      }
    }
    return new ResponseLayout(inst.scale(), items, scales, collabTargets);
  }

  private static int[] toArray(List<Integer> l) {
    return l.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The instrument sections of a report built from {@code acc} (laid out by {@link #layout}). */
  public static InstrumentSections build(Instrument inst, AlignmentAccumulator acc) {
    ResponseLayout layout = acc.layout();
    Scale scale = layout.scale();
    List<String> departments = ReportBuilder.employeeDepartments(acc);

    List<ItemGap> gaps = new ArrayList<>();
    for (Instrument.MatchedPair pair : inst.matchedPairs()) {
      gaps.add(
          gap(
              inst.dimensionOf(pair.employee()).facet(),
              pair.employee().id(),
              pair.customer().id(),
              scale,
              employeeCounts(acc, pair.employee().id()),
              customerCounts(acc, pair.customer().id())));
    }

    Map<String, Map<String, Moments>> byDepartment = new LinkedHashMap<>();
    for (String d : departments) {
      Map<String, Moments> m = new LinkedHashMap<>();
      for (int i = 0; i < layout.items().size(); i++) {
        Item it = inst.item(layout.items().get(i)).orElseThrow();
        if (it.population().includes(org.cxalign.analytics.instrument.Population.EMPLOYEE)) {
          m.put(it.id(), OptionCounts.moments(scale, acc.itemCounts(Population.EMPLOYEE, d, i)));
        }
      }
      byDepartment.put(d, m);
    }
    MaturityPlacement.Placements maturity =
        MaturityPlacement.placeAll(inst, byDepartment, PlacementRule.defaultsFor(scale));

    String reason = null;
    Optional<org.cxalign.analytics.verdict.VerdictResult> verdict = Optional.empty();
    Optional<Instrument.MatchedPair> seamless = inst.matchedPair(Model.SEAMLESS);
    if (inst.collaborationTemplate().isEmpty()) {
      reason = "the instrument has no collaboration block";
    } else if (layout.collabTargets().isEmpty()) {
      reason = "the data has no collaboration columns (" + collabPrefix(inst) + "<Department>)";
    } else if (seamless.isEmpty()) {
      reason = "the instrument has no matched \"" + Model.SEAMLESS + "\" pair";
    } else if (departments.size() < 2) {
      reason = "fewer than 2 departments with employee responses";
    } else {
      Map<String, RwgJResult> rwgJ = new LinkedHashMap<>();
      Map<String, Moments> scores = new LinkedHashMap<>();
      for (String d : departments) {
        long n = acc.collaborationCompleteCases(Population.EMPLOYEE, d);
        double[] variances =
            n >= 2
                ? acc.collaborationItemVariances(Population.EMPLOYEE, d)
                : new double[acc.collaborationScaleTargets(d).length];
        rwgJ.put(
            d,
            variances.length == 0
                ? new RwgJResult(
                    Estimate.undefined("no other department to rate"), 0, 0, Double.NaN)
                : RwgJ.of(scale, variances, n));
        scores.put(d, acc.collaborationScores(Population.EMPLOYEE, d).moments());
      }
      Map<DirectedLink, Moments> links = new LinkedHashMap<>();
      for (String from : departments) {
        for (int t = 0; t < layout.collabTargets().size(); t++) {
          String to = layout.collabTargets().get(t);
          if (to.equals(from) || !scores.containsKey(to)) {
            continue;
          }
          Moments m = OptionCounts.moments(scale, acc.collabCounts(Population.EMPLOYEE, from, t));
          if (m.n() > 0) {
            links.put(new DirectedLink(from, to), m);
          }
        }
      }
      VerdictInput in =
          new VerdictInput(
              scale,
              rwgJ,
              scores,
              links,
              OptionCounts.moments(scale, customerCounts(acc, seamless.get().customer().id())),
              OptionCounts.moments(scale, employeeCounts(acc, seamless.get().employee().id())));
      verdict = Optional.of(Level5Verdict.evaluate(in, VerdictThresholds.defaultsFor(scale)));
    }
    return new InstrumentSections(inst.id(), inst.version(), gaps, maturity, verdict, reason);
  }

  private static long[] employeeCounts(AlignmentAccumulator acc, String itemId) {
    return acc.itemCounts(Population.EMPLOYEE, acc.layout().items().indexOf(itemId));
  }

  private static long[] customerCounts(AlignmentAccumulator acc, String itemId) {
    return acc.itemCounts(Population.CUSTOMER, acc.layout().items().indexOf(itemId));
  }

  static ItemGap gap(
      String facet,
      String employeeItem,
      String customerItem,
      Scale scale,
      long[] employeeCounts,
      long[] customerCounts) {
    Moments e = OptionCounts.moments(scale, employeeCounts);
    Moments c = OptionCounts.moments(scale, customerCounts);
    Interval ei = MeanInterval.of(e, 0.95);
    Interval ci = MeanInterval.of(c, 0.95);
    if (e.n() == 0 || c.n() == 0) {
      Estimate u = Estimate.undefined(e.n() == 0 ? "no employee answers" : "no customer answers");
      return new ItemGap(
          facet,
          employeeItem,
          customerItem,
          e.n(),
          c.n(),
          e.meanEstimate(),
          ei,
          c.meanEstimate(),
          ci,
          u,
          new Interval(u, u),
          u,
          u,
          u,
          u,
          u);
    }
    WelchResult w = WelchTTest.of(e, c);
    List<Double> values = new ArrayList<>();
    List<long[]> counts = new ArrayList<>();
    for (int o = 0; o < employeeCounts.length; o++) {
      if (employeeCounts[o] + customerCounts[o] > 0) {
        values.add((double) (scale.min() + o));
        counts.add(new long[] {employeeCounts[o], customerCounts[o]});
      }
    }
    double[] v = new double[values.size()];
    long[] a = new long[values.size()];
    long[] b = new long[values.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = values.get(i);
      a[i] = counts.get(i)[0];
      b[i] = counts.get(i)[1];
    }
    MannWhitneyResult mw = MannWhitney.ofCounts(v, a, b);
    return new ItemGap(
        facet,
        employeeItem,
        customerItem,
        e.n(),
        c.n(),
        e.meanEstimate(),
        ei,
        c.meanEstimate(),
        ci,
        Estimate.of(w.meanDifference()),
        new Interval(w.lower95(), w.upper95()),
        w.t(),
        w.df(),
        w.pValue(),
        CohenD.of(e, c),
        mw.pValue());
  }
}
