package org.cxalign.analytics.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.cxalign.analytics.accumulate.AlignmentAccumulator;
import org.cxalign.analytics.accumulate.Population;
import org.cxalign.analytics.accumulate.ResponseLayout;
import org.cxalign.analytics.accumulate.ScaleDefinition;
import org.cxalign.analytics.stat.AnovaResult;
import org.cxalign.analytics.stat.AverageDeviation;
import org.cxalign.analytics.stat.CohenD;
import org.cxalign.analytics.stat.CronbachAlpha;
import org.cxalign.analytics.stat.Estimate;
import org.cxalign.analytics.stat.Interval;
import org.cxalign.analytics.stat.KendallResult;
import org.cxalign.analytics.stat.KendallW;
import org.cxalign.analytics.stat.KrippendorffAlpha;
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
import org.junit.jupiter.api.Test;

/**
 * Property test: every figure of a report built from accumulators equals the figure computed from
 * the raw rows with the stat package's raw-data factories — counts exactly, item means exactly
 * (against Σx/n), every other figure to a relative 1e-10 — on random data with fixed seeds (missing
 * answers, respondents with no answer, departments of one respondent, customers or none, several
 * scales, collaboration ratings). Accumulating one response at a time, and accumulating random
 * parts and merging them in random order, give the identical report.
 */
class ReportFromAccumulatorsPropertyTest {
  private static final int CASES = 300;
  private static double maxRelativeDifference;
  private static final double TOL = 1e-10;
  private static final Scale[] SCALES = {
    new Scale(1, 5), new Scale(1, 7), new Scale(0, 10), new Scale(-2, 2), new Scale(1, 2)
  };

  record Row(int population, String department, int[] answers, int[] collab) {}

  record Case(ResponseLayout layout, List<Row> rows, List<String> departments) {}

  static Case randomCase(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    Scale scale = SCALES[r.nextInt(SCALES.length)];
    int items = 1 + r.nextInt(7);
    List<String> itemNames = new ArrayList<>();
    for (int i = 0; i < items; i++) {
      itemNames.add("q" + i);
    }
    int deptCount = 1 + r.nextInt(r.nextInt(5) == 0 ? 12 : 6); // > 8 grows the arrays
    List<String> departments = new ArrayList<>();
    for (int d = 0; d < deptCount; d++) {
      departments.add("D" + d);
    }
    List<String> targets =
        r.nextBoolean() ? List.of() : departments.subList(0, 1 + r.nextInt(deptCount));
    List<ScaleDefinition> scales = new ArrayList<>();
    int[] all = new int[items];
    for (int i = 0; i < items; i++) {
      all[i] = i;
    }
    scales.add(new ScaleDefinition("all", all));
    if (items >= 2 && r.nextBoolean()) {
      scales.add(new ScaleDefinition("first", new int[] {0, 1}));
      scales.add(new ScaleDefinition("last", new int[] {items - 1}));
    }
    ResponseLayout layout = new ResponseLayout(scale, itemNames, scales, targets);
    double missing = r.nextInt(4) == 0 ? 0 : r.nextDouble() * 0.5;
    // a department effect so that the statistics are not all near zero
    double[] effect = new double[deptCount];
    for (int d = 0; d < deptCount; d++) {
      effect[d] = r.nextDouble() * (scale.max() - scale.min()) * 0.5;
    }
    List<Row> rows = new ArrayList<>();
    for (int d = 0; d < deptCount; d++) {
      int size = r.nextInt(4) == 0 ? 1 : 1 + r.nextInt(40);
      for (int k = 0; k < size; k++) {
        rows.add(randomRow(r, layout, 0, departments.get(d), effect[d], missing));
      }
    }
    int customers = r.nextInt(3) == 0 ? 0 : 1 + r.nextInt(50);
    for (int k = 0; k < customers; k++) {
      String dept = r.nextBoolean() ? "" : departments.get(r.nextInt(deptCount));
      rows.add(randomRow(r, layout, 1, dept, 0, missing));
    }
    Collections.shuffle(rows, new java.util.Random(seed));
    return new Case(layout, rows, departments);
  }

  static Row randomRow(
      SplittableRandom r,
      ResponseLayout layout,
      int pop,
      String dept,
      double effect,
      double missing) {
    Scale s = layout.scale();
    int[] a = new int[layout.items().size()];
    boolean constant = r.nextInt(10) == 0; // some respondents give one answer throughout
    int c0 = s.min() + r.nextInt(s.options());
    for (int i = 0; i < a.length; i++) {
      if (r.nextDouble() < missing) {
        a[i] = AlignmentAccumulator.MISSING;
      } else if (constant) {
        a[i] = c0;
      } else {
        int v = (int) Math.round(s.min() + effect + r.nextDouble() * (s.max() - s.min()) * 0.6);
        a[i] = Math.max(s.min(), Math.min(s.max(), v));
      }
    }
    int[] c = new int[layout.collabTargets().size()];
    for (int t = 0; t < c.length; t++) {
      c[t] =
          pop == 1 || r.nextDouble() < missing
              ? AlignmentAccumulator.MISSING
              : s.min() + r.nextInt(s.options());
    }
    return new Row(pop, dept, a, c);
  }

  static AlignmentAccumulator oneByOne(Case c) {
    AlignmentAccumulator acc = new AlignmentAccumulator(c.layout());
    for (Row row : c.rows()) {
      acc.add(row.population(), acc.department(row.department()), row.answers(), row.collab());
    }
    return acc;
  }

  static AlignmentAccumulator mergedParts(Case c, long seed) {
    SplittableRandom r = new SplittableRandom(seed ^ 0x5DEECE66DL);
    int parts = 1 + r.nextInt(4);
    List<AlignmentAccumulator> accs = new ArrayList<>();
    for (int p = 0; p < parts; p++) {
      accs.add(new AlignmentAccumulator(c.layout()));
    }
    for (Row row : c.rows()) {
      AlignmentAccumulator acc = accs.get(r.nextInt(parts));
      acc.add(
          row.population() == 0 ? Population.EMPLOYEE : Population.CUSTOMER,
          row.department(),
          row.answers(),
          row.collab());
    }
    Collections.shuffle(accs, new java.util.Random(seed));
    AlignmentAccumulator total = new AlignmentAccumulator(c.layout());
    for (AlignmentAccumulator a : accs) {
      total.merge(a.copy());
    }
    return total;
  }

  @Test
  void reportFromAccumulatorsEqualsRawComputation() {
    for (long seed = 1; seed <= CASES; seed++) {
      Case c = randomCase(seed);
      AlignmentReport one = ReportBuilder.build(oneByOne(c));
      AlignmentReport merged = ReportBuilder.build(mergedParts(c, seed));
      assertEquals(
          ReportJson.toJson(one, false),
          ReportJson.toJson(merged, false),
          "seed " + seed + ": merged accumulators differ from one-by-one");
      checkAgainstRaw(c, one, "seed " + seed);
    }
    System.out.println(
        "ReportFromAccumulatorsPropertyTest: largest relative difference to the raw computation "
            + maxRelativeDifference);
  }

  /**
   * The collaboration scale (ratings of every target except the own department) from accumulators
   * equals the raw computation: scale scores, complete cases and r_wg(J).
   */
  @Test
  void collaborationScaleEqualsRawComputation() {
    int checked = 0;
    for (long seed = 1; seed <= CASES; seed++) {
      Case c = randomCase(seed);
      if (c.layout().collabTargets().isEmpty()) {
        continue;
      }
      AlignmentAccumulator acc = mergedParts(c, seed);
      Scale scale = c.layout().scale();
      for (String dept : acc.departments()) {
        int own = c.layout().collabTargets().indexOf(dept);
        List<Double> scores = new ArrayList<>();
        List<double[]> complete = new ArrayList<>();
        for (Row r : c.rows()) {
          if (r.population() != 0 || !r.department().equals(dept)) {
            continue;
          }
          double sum = 0;
          int k = 0;
          List<Double> all = new ArrayList<>();
          for (int t = 0; t < r.collab().length; t++) {
            if (t == own) {
              continue;
            }
            int v = r.collab()[t];
            if (v != AlignmentAccumulator.MISSING) {
              sum += v;
              k++;
              all.add((double) v);
            }
          }
          if (k > 0) {
            scores.add(sum / k);
          }
          int others = r.collab().length - (own >= 0 ? 1 : 0);
          if (k == others && k > 0) {
            complete.add(all.stream().mapToDouble(Double::doubleValue).toArray());
          }
        }
        String w = "seed " + seed + ", " + dept;
        Moments raw = Moments.of(scores.stream().mapToDouble(Double::doubleValue).toArray());
        Moments got = acc.collaborationScores(Population.EMPLOYEE, dept).moments();
        assertEquals(raw.n(), got.n(), w);
        close(raw.meanEstimate(), got.meanEstimate(), w + " collaboration mean");
        close(raw.varianceEstimate(), got.varianceEstimate(), w + " collaboration variance");
        long n = acc.collaborationCompleteCases(Population.EMPLOYEE, dept);
        assertEquals(complete.size(), n, w);
        int j = acc.collaborationScaleTargets(dept).length;
        if (j == 0) {
          continue; // the department is the only target: no collaboration scale
        }
        Estimate expected =
            complete.isEmpty()
                ? RwgJ.of(scale, new double[j], 0).rwgJ()
                : RwgJ.of(scale, complete.toArray(new double[0][])).rwgJ();
        double[] variances =
            n >= 2 ? acc.collaborationItemVariances(Population.EMPLOYEE, dept) : new double[j];
        close(expected, RwgJ.of(scale, variances, n).rwgJ(), w + " collaboration rwg_j");
        checked++;
      }
    }
    assertTrue(checked > 100, "too few departments with collaboration ratings: " + checked);
  }

  private static void checkAgainstRaw(Case c, AlignmentReport rep, String where) {
    ResponseLayout layout = c.layout();
    Scale scale = layout.scale();
    long employees = c.rows().stream().filter(r -> r.population() == 0).count();
    assertEquals(employees, rep.employees(), where);
    assertEquals(c.rows().size() - employees, rep.customers(), where);
    List<String> depts = new ArrayList<>();
    for (String d : c.departments()) {
      if (c.rows().stream().anyMatch(r -> r.population() == 0 && r.department().equals(d))) {
        depts.add(d);
      }
    }
    depts.sort(null); // the report lists departments by name
    for (int s = 0; s < layout.scales().size(); s++) {
      ScaleReport sr = s == 0 ? rep.overall() : rep.dimensions().get(s - 1);
      ScaleDefinition def = layout.scales().get(s);
      String w = where + ", scale " + def.name();
      assertEquals(depts.size(), sr.departments().size(), w);
      double[][] groups = new double[depts.size()][];
      double[][] means = new double[depts.size()][def.size()];
      for (int d = 0; d < depts.size(); d++) {
        String dept = depts.get(d);
        DepartmentStatistics ds = sr.departments().get(d);
        String wd = w + ", " + dept;
        assertEquals(dept, ds.department(), wd);
        List<Row> rows =
            c.rows().stream()
                .filter(r -> r.population() == 0 && r.department().equals(dept))
                .toList();
        assertEquals(rows.size(), ds.respondents(), wd);
        Estimate[] ads = new Estimate[def.size()];
        for (int j = 0; j < def.size(); j++) {
          double[] x = answers(rows, def.item(j));
          ItemStatistics is = ds.items().get(j);
          assertEquals(x.length, is.n(), wd);
          if (x.length == 0) {
            assertTrue(!is.mean().isDefined(), wd);
            means[d][j] = Double.NaN;
          } else {
            double sum = 0;
            for (double v : x) {
              sum += v;
            }
            assertEquals(sum / x.length, is.mean().get(), 0.0, wd + " item mean (exact)");
            // Σx/n, correctly rounded, so that equal rational means are equal doubles (ties
            // in Kendall's W) — as R's mean()
            means[d][j] = sum / x.length;
          }
          close(Rwg.of(scale, x).rwg(), is.rwg(), wd + " rwg");
          ads[j] = AverageDeviation.ofValues(x);
          close(ads[j], is.adM(), wd + " AD_M");
        }
        close(AverageDeviation.adMJ(ads), ds.adMJ(), wd + " AD_M(J)");
        double[] scores = scores(rows, def);
        groups[d] = scores;
        assertEquals(scores.length, ds.scored(), wd);
        close(Moments.of(scores).meanEstimate(), ds.mean(), wd + " mean score");
        double[][] complete = completeCases(rows, def);
        assertEquals(complete.length, ds.completeCases(), wd);
        Estimate rawRwgJ =
            complete.length == 0
                ? RwgJ.of(scale, new double[def.size()], 0).rwgJ()
                : RwgJ.of(scale, complete).rwgJ();
        close(rawRwgJ, ds.rwgJ(), wd + " rwg_j");
      }
      AnovaResult a = OneWayAnova.of(groups);
      BetweenDepartments b = sr.betweenDepartments();
      close(a.icc1(), b.icc1(), w + " icc1");
      close(a.icc2(), b.icc2(), w + " icc2");
      close(a.f(), b.f(), w + " F");
      close(a.pValue(), b.pValue(), w + " p");
      close(a.etaSquared(), b.etaSquared(), w + " eta2");
      assertEquals(a.dfBetween(), b.dfBetween(), w);
      assertEquals(a.dfWithin(), b.dfWithin(), w);

      List<Row> emp = c.rows().stream().filter(r -> r.population() == 0).toList();
      List<Row> cus = c.rows().stream().filter(r -> r.population() == 1).toList();
      double[][] cc = completeCases(emp, def);
      Estimate alpha =
          cc.length == 0
              ? CronbachAlpha.ofVariances(0, new double[def.size()], 0).alpha()
              : CronbachAlpha.ofCompleteCases(cc).alpha();
      close(alpha, sr.reliability().cronbachAlpha(), w + " alpha");
      assertEquals(cc.length, sr.reliability().n(), w);

      KendallResult k = KendallW.of(means);
      close(k.w(), sr.consensus().kendallW(), w + " W");
      if (k.hasChiSquare()) {
        close(Estimate.of(k.chiSquare()), sr.consensus().chiSquare(), w + " chi2");
        close(Estimate.of(k.pValue()), sr.consensus().pValue(), w + " W p");
      }
      close(
          KrippendorffAlpha.of(means, KrippendorffAlpha.Level.INTERVAL).alpha(),
          sr.consensus().krippendorffAlphaInterval(),
          w + " kripp");

      double[] e = scores(emp, def);
      double[] cs = scores(cus, def);
      PerceptionGap g = sr.perceptionGap();
      assertEquals(e.length, g.employees(), w);
      assertEquals(cs.length, g.customers(), w);
      if (e.length > 0 && cs.length > 0) {
        Moments me = Moments.of(e);
        Moments mc = Moments.of(cs);
        WelchResult wt = WelchTTest.of(me, mc);
        close(Estimate.of(wt.meanDifference()), g.meanDifference(), w + " diff");
        close(wt.t(), g.welchT(), w + " t");
        close(wt.df(), g.welchDf(), w + " df");
        close(wt.pValue(), g.welchP(), w + " welch p");
        close(CohenD.of(me, mc), g.cohenD(), w + " d");
        MannWhitneyResult mw = MannWhitney.of(e, cs);
        close(Estimate.of(mw.w()), g.mannWhitneyW(), w + " W");
        close(mw.pValue(), g.mannWhitneyP(), w + " MW p");
      } else {
        assertTrue(!g.meanDifference().isDefined(), w);
      }
    }
    if (layout.collabTargets().isEmpty()) {
      assertTrue(rep.network().isEmpty(), where);
      return;
    }
    CollaborationNetwork net = rep.network().orElseThrow();
    List<Double> allRatings = new ArrayList<>();
    int link = 0;
    for (String from : depts) {
      for (int t = 0; t < layout.collabTargets().size(); t++) {
        List<Double> x = new ArrayList<>();
        for (Row r : c.rows()) {
          if (r.population() == 0
              && r.department().equals(from)
              && r.collab()[t] != AlignmentAccumulator.MISSING) {
            x.add((double) r.collab()[t]);
          }
        }
        if (x.isEmpty()) {
          continue;
        }
        allRatings.addAll(x);
        CollaborationLink l = net.links().get(link++);
        assertEquals(from, l.from(), where);
        assertEquals(layout.collabTargets().get(t), l.to(), where);
        assertEquals(x.size(), l.n(), where);
        Moments m = Moments.of(x.stream().mapToDouble(Double::doubleValue).toArray());
        Interval ci = MeanInterval.of(m, 0.95);
        close(m.meanEstimate(), l.mean(), where + " link mean");
        close(ci.lower(), l.lower95(), where + " link lower");
        close(ci.upper(), l.upper95(), where + " link upper");
      }
    }
    assertEquals(link, net.links().size(), where);
    assertEquals(allRatings.size(), net.n(), where);
  }

  static double[] answers(List<Row> rows, int item) {
    return rows.stream()
        .mapToInt(r -> r.answers()[item])
        .filter(v -> v != AlignmentAccumulator.MISSING)
        .asDoubleStream()
        .toArray();
  }

  static double[] scores(List<Row> rows, ScaleDefinition def) {
    List<Double> out = new ArrayList<>();
    for (Row r : rows) {
      double sum = 0;
      int k = 0;
      for (int j = 0; j < def.size(); j++) {
        int v = r.answers()[def.item(j)];
        if (v != AlignmentAccumulator.MISSING) {
          sum += v;
          k++;
        }
      }
      if (k > 0) {
        out.add(sum / k);
      }
    }
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }

  static double[][] completeCases(List<Row> rows, ScaleDefinition def) {
    List<double[]> out = new ArrayList<>();
    for (Row r : rows) {
      double[] x = new double[def.size()];
      boolean complete = true;
      for (int j = 0; j < def.size(); j++) {
        int v = r.answers()[def.item(j)];
        complete &= v != AlignmentAccumulator.MISSING;
        x[j] = v;
      }
      if (complete) {
        out.add(x);
      }
    }
    return out.toArray(new double[0][]);
  }

  /** Both undefined, or both defined and equal to a relative 1e-10. */
  static void close(Estimate expected, Estimate actual, String what) {
    assertEquals(
        expected.isDefined(),
        actual.isDefined(),
        what + ": expected " + expected + ", got " + actual);
    if (expected.isDefined()) {
      double e = expected.get();
      double a = actual.get();
      maxRelativeDifference =
          Math.max(maxRelativeDifference, Math.abs(e - a) / Math.max(1, Math.abs(e)));
      assertTrue(
          Math.abs(e - a) <= TOL * Math.max(1, Math.abs(e)),
          what + ": expected " + e + ", got " + a + " (diff " + Math.abs(e - a) + ")");
    }
  }
}
