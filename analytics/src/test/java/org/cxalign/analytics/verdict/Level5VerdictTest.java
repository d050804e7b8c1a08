package org.cxalign.analytics.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cxalign.analytics.stat.Moments;
import org.cxalign.analytics.stat.RwgJ;
import org.cxalign.analytics.stat.RwgJResult;
import org.cxalign.analytics.stat.Scale;
import org.cxalign.analytics.stat.Tost;
import org.cxalign.analytics.verdict.CriterionResult.Status;
import org.cxalign.analytics.verdict.VerdictResult.Outcome;
import org.junit.jupiter.api.Test;

class Level5VerdictTest {

  private static final Scale S = new Scale(1, 5);
  private static final VerdictThresholds TH = VerdictThresholds.defaults();

  /** Builder of summary inputs: every department alike unless changed. */
  private static final class Org {
    final int d;
    final long[] n;
    final double[] itemVariance;
    final double[] scoreMean;
    final double[] scoreVariance;
    final double[][] linkMean;
    final double[][] linkVariance;
    Moments customers = new Moments(200, 4.0, 0.8);
    Moments employees;

    Org(int d, long n) {
      this.d = d;
      this.n = new long[d];
      Arrays.fill(this.n, n);
      itemVariance = filled(d, 0.6);
      scoreMean = filled(d, 4.0);
      scoreVariance = filled(d, 0.35);
      linkMean = new double[d][];
      linkVariance = new double[d][];
      for (int i = 0; i < d; i++) {
        linkMean[i] = filled(d, 4.0);
        linkVariance[i] = filled(d, 0.6);
      }
      employees = new Moments(d * n, 4.0, 0.6);
    }

    private static double[] filled(int k, double v) {
      double[] a = new double[k];
      Arrays.fill(a, v);
      return a;
    }

    VerdictInput input() {
      Map<String, RwgJResult> rwg = new LinkedHashMap<>();
      Map<String, Moments> scores = new LinkedHashMap<>();
      Map<DirectedLink, Moments> links = new LinkedHashMap<>();
      for (int i = 0; i < d; i++) {
        String name = "D" + i;
        int j = Math.max(1, d - 1);
        double[] v = filled(j, itemVariance[i]);
        rwg.put(name, RwgJ.of(S, v, n[i]));
        scores.put(name, new Moments(n[i], scoreMean[i], scoreVariance[i]));
        for (int k = 0; k < d; k++) {
          if (k != i) {
            links.put(
                new DirectedLink(name, "D" + k),
                new Moments(n[i], linkMean[i][k], linkVariance[i][k]));
          }
        }
      }
      return new VerdictInput(S, rwg, scores, links, customers, employees);
    }

    VerdictResult verdict() {
      return Level5Verdict.evaluate(input(), TH);
    }
  }

  private static CriterionResult criterion(VerdictResult v, int i) {
    return v.criteria().get(i);
  }

  @Test
  void criticalMeanVarianceGivesRwgJAtTheThreshold() {
    // 7*(1-1.5/2)/(7*(1-1.5/2)+1.5/2) = 0.7 (multilevel::rwg.j formula)
    double vStar = Level5Verdict.criticalMeanVariance(S, 7, 0.70);
    assertEquals(1.5, vStar, 1e-12);
    double[] v = new double[7];
    Arrays.fill(v, vStar);
    assertEquals(0.70, RwgJ.of(S, v, 30).rwgJ().get(), 1e-12);
    double[] three = new double[3];
    Arrays.fill(three, Level5Verdict.criticalMeanVariance(S, 3, 0.70));
    assertEquals(0.70, RwgJ.of(S, three, 12).rwgJ().get(), 1e-12);
  }

  @Test
  void nonEquivalenceAndLinkPValuesAgreeWithR() {
    // ex <- function(n, m, v) { set.seed(1); z <- rnorm(n); as.numeric(scale(z)) * sqrt(v) + m }
    // a <- ex(30, 3.2, 0.5); b <- ex(210, 4.0, 0.5)
    // t.test(a, b, mu = -0.5, alternative = "less")$p.value   # 0.018032365129056763
    var tost = Tost.of(new Moments(30, 3.2, 0.5), new Moments(210, 4.0, 0.5), 0.5, 0.05);
    assertEquals(0.018032365129056763, Level5Verdict.nonEquivalenceP(tost).get(), 1e-9);
    // x <- ex(25, 3.8, 0.7); t.test(x, mu = 3.5, alternative = "greater")$p.value; "less"
    double[] p = Level5Verdict.oneSampleP(new Moments(25, 3.8, 0.7), 3.5);
    assertEquals(0.042806196813633998, p[0], 1e-9);
    assertEquals(0.95719380318636604, p[1], 1e-9);
  }

  @Test
  void singleDepartmentAgreementPValueAgreesWithRAndAlignmentNeedsTwo() {
    // J = 1: v* = 2 * 0.3 / (0.3 + 0.7) = 0.6, so s^2 = 0.6 sits exactly at the threshold;
    // p_meets = pchisq(29, 29) = 0.53493375876212101; the undecided department reports the
    // smaller one, p_misses = pchisq(29, 29, lower.tail = FALSE) = 0.46506624123787899
    Org o = new Org(1, 30);
    VerdictResult v = o.verdict();
    CriterionResult c1 = criterion(v, 0);
    assertEquals(0.46506624123787899, c1.details().get(0).p().get(), 1e-9);
    assertEquals(Status.INCONCLUSIVE, c1.status());
    assertEquals(Status.INCONCLUSIVE, criterion(v, 1).status());
    assertEquals("needs at least 2 departments", criterion(v, 1).explanation());
  }

  @Test
  void agreementPValueForSevenItemsAgreesWithR() {
    // pchisq(29 * 0.6 / 1.5, 29) = 0.0016652541034995311; Holm over 8 equal p: 8 * p
    Org o = new Org(8, 30);
    CriterionResult c1 = criterion(o.verdict(), 0);
    assertEquals(8 * 0.0016652541034995311, c1.details().get(0).p().get(), 1e-9);
    assertEquals(Status.PASS, c1.status());
    assertEquals(1.0, c1.statistic().get(), 0);
    assertEquals(1.0, c1.lower().get(), 0);
  }

  @Test
  void clearlyAlignedOrganisationIsSupported() {
    VerdictResult v = new Org(8, 60).verdict();
    assertEquals(Outcome.SUPPORTED, v.outcome());
    for (CriterionResult c : v.criteria()) {
      assertEquals(Status.PASS, c.status(), c.name() + ": " + c.explanation());
    }
    assertNull(v.requiredSampleSize());
    assertEquals(
        List.of(
            "within_department_agreement",
            "cross_department_alignment",
            "collaboration_network",
            "customers_feel_it"),
        v.criteria().stream().map(CriterionResult::name).toList());
  }

  @Test
  void disagreementWithinDepartmentsFailsCriterionOne() {
    // pchisq(29 * 1.9 / 1.5, 29, lower.tail = FALSE) = 0.1531686691304292: not significant alone
    Org o = new Org(8, 30);
    Arrays.fill(o.itemVariance, 1.9);
    assertEquals(Status.INCONCLUSIVE, criterion(o.verdict(), 0).status());
    Org big = new Org(8, 300);
    Arrays.fill(big.itemVariance, 1.9);
    VerdictResult v = big.verdict();
    assertEquals(Status.FAIL, criterion(v, 0).status());
    assertEquals(Outcome.NOT_SUPPORTED, v.outcome());
    assertEquals(0.0, criterion(v, 0).upper().get(), 0);
  }

  @Test
  void twoMissingDepartmentsOfEightFailCriterionOne() {
    // k = ceil(0.8 * 8) = 7 must meet; 2 shown to miss is more than the 1 allowed
    Org o = new Org(8, 300);
    o.itemVariance[0] = 1.9;
    o.itemVariance[1] = 1.9;
    assertEquals(Status.FAIL, criterion(o.verdict(), 0).status());
    o.itemVariance[1] = 0.6;
    assertEquals(Status.PASS, criterion(o.verdict(), 0).status());
  }

  @Test
  void aDepartmentFarFromTheRestFailsCriterionTwo() {
    Org o = new Org(8, 60);
    o.scoreMean[3] = 3.0;
    VerdictResult v = o.verdict();
    CriterionResult c2 = criterion(v, 1);
    assertEquals(Status.FAIL, c2.status());
    assertEquals(Status.FAIL, c2.details().get(3).status());
    assertEquals(1.0, c2.statistic().get(), 1e-12); // D3: 3.0 against the rest's 4.0
    assertEquals(Outcome.NOT_SUPPORTED, v.outcome());
  }

  @Test
  void anIsolatedDepartmentFailsCriterionThree() {
    Org o = new Org(8, 60);
    for (int i = 0; i < 8; i++) {
      o.linkMean[i][5] = 2.5;
      o.linkMean[5][i] = 2.5;
    }
    CriterionResult c3 = criterion(o.verdict(), 2);
    assertEquals(Status.FAIL, c3.status());
    CriterionResult.Detail d5 =
        c3.details().stream().filter(d -> d.subject().equals("D5")).findFirst().orElseThrow();
    assertEquals(Status.FAIL, d5.status());
    assertTrue(c3.explanation().contains("isolated"));
  }

  @Test
  void aLowNetworkMeanFailsCriterionThree() {
    Org o = new Org(8, 60);
    Arrays.fill(o.scoreMean, 3.0);
    CriterionResult c3 = criterion(o.verdict(), 2);
    assertEquals(Status.FAIL, c3.status());
    assertTrue(c3.upper().get() < 3.5);
  }

  @Test
  void customersBelowThresholdOrAGapBeyondDeltaFailCriterionFour() {
    Org low = new Org(8, 60);
    low.customers = new Moments(200, 3.0, 0.8);
    low.employees = new Moments(480, 3.0, 0.8);
    assertEquals(Status.FAIL, criterion(low.verdict(), 3).status());
    Org gap = new Org(8, 60);
    gap.employees = new Moments(480, 4.6, 0.4);
    gap.customers = new Moments(200, 3.8, 0.8);
    CriterionResult c4 = criterion(gap.verdict(), 3);
    assertEquals(Status.FAIL, c4.status());
    assertTrue(c4.explanation().contains("gap"));
  }

  @Test
  void inconclusiveVerdictNamesASampleSizeThatDecidesIt() {
    Org small = new Org(8, 12);
    small.customers = new Moments(20, 4.0, 0.8);
    small.employees = new Moments(96, 4.0, 0.6);
    VerdictResult v = small.verdict();
    assertEquals(Outcome.INCONCLUSIVE, v.outcome());
    RequiredSampleSize need = v.requiredSampleSize();
    assertNotNull(need);
    assertNull(need.undefinedReason());
    assertTrue(need.perDepartment() > 12, need.toString());
    // with the same estimates at the named sizes the verdict is decided
    long n = need.perDepartment();
    Org enough = new Org(8, n);
    enough.customers =
        new Moments(need.customers() == null ? 20 : Math.max(20, need.customers()), 4.0, 0.8);
    assertEquals(Outcome.SUPPORTED, enough.verdict().outcome());
    Org justShort = new Org(8, n / 2);
    justShort.customers = enough.customers;
    assertEquals(Outcome.INCONCLUSIVE, justShort.verdict().outcome());
  }

  @Test
  void anEstimateExactlyAtItsThresholdHasNoDecidingSampleSize() {
    Org o = new Org(8, 60);
    o.customers = new Moments(200, 3.5, 0.8);
    o.employees = new Moments(480, 3.5, 0.8);
    VerdictResult v = o.verdict();
    assertEquals(Outcome.INCONCLUSIVE, v.outcome());
    assertNotNull(v.requiredSampleSize().undefinedReason());
  }

  /** Power of the chi-square variance test at n, recomputed independently of the search. */
  private static double power(long n, double sigma2, double vStar, double a) {
    var chi = new org.apache.commons.math3.distribution.ChiSquaredDistribution(n - 1);
    if (sigma2 < vStar) {
      return chi.cumulativeProbability(vStar * chi.inverseCumulativeProbability(a) / sigma2);
    }
    return 1 - chi.cumulativeProbability(vStar * chi.inverseCumulativeProbability(1 - a) / sigma2);
  }

  @Test
  void sampleSizeOfTheVarianceTestIsTheSmallestReachingThePower() {
    double[][] cases = {{1.2, 1.5}, {0.6, 1.5}, {1.4, 1.5}, {1.9, 1.5}, {1.0, 0.6}, {0.1, 1.5}};
    for (double[] c : cases) {
      long n = Level5Verdict.varianceTestN(c[0], c[1], 0.05 / 8, 0.8);
      assertTrue(power(n, c[0], c[1], 0.05 / 8) >= 0.8, "n = " + n + " for " + c[0]);
      if (n > 2) {
        assertTrue(power(n - 1, c[0], c[1], 0.05 / 8) < 0.8, "n - 1 = " + (n - 1));
      }
    }
    assertTrue(
        Level5Verdict.varianceTestN(1.2, 1.5, 0.05 / 8, 0.8)
            > Level5Verdict.varianceTestN(0.6, 1.5, 0.05 / 8, 0.8));
    assertEquals(-1, Level5Verdict.varianceTestN(1.5, 1.5, 0.05, 0.8));
    assertEquals(2, Level5Verdict.varianceTestN(0, 1.5, 0.05, 0.8));
  }

  @Test
  void rejectsInconsistentInput() {
    VerdictInput ok = new Org(3, 10).input();
    Map<String, Moments> scores = new LinkedHashMap<>(ok.collaborationScores());
    scores.remove("D2");
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new VerdictInput(
                S,
                ok.collaborationRwgJ(),
                scores,
                Map.of(),
                ok.customerSeamless(),
                ok.employeeSeamless()));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new VerdictInput(
                S,
                ok.collaborationRwgJ(),
                ok.collaborationScores(),
                Map.of(new DirectedLink("D0", "Nowhere"), new Moments(3, 4, 1)),
                ok.customerSeamless(),
                ok.employeeSeamless()));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new VerdictInput(
                    S,
                    ok.collaborationRwgJ(),
                    ok.collaborationScores(),
                    ok.links(),
                    new Moments(10, 6.0, 1),
                    ok.employeeSeamless()));
    assertTrue(e.getMessage().contains("customerSeamless"));
    assertThrows(IllegalArgumentException.class, () -> new DirectedLink("A", "A"));
    assertThrows(
        IllegalArgumentException.class,
        () -> new VerdictThresholds(1.0, 0.8, 0.5, 0.05, 3.5, 3.5, 0.8));
  }

  @Test
  void defaultsScaleWithTheAnswerScale() {
    VerdictThresholds seven = VerdictThresholds.defaultsFor(new Scale(1, 7));
    assertEquals(0.75, seven.delta(), 1e-12);
    assertEquals(4.75, seven.collaborationThreshold(), 1e-12);
    assertEquals(3.5, TH.customerThreshold(), 0);
    assertEquals(0.5, TH.delta(), 0);
  }

  @Test
  void noDepartmentsIsInconclusive() {
    VerdictInput empty =
        new VerdictInput(
            S, Map.of(), Map.of(), Map.of(), new Moments(200, 4.0, 0.8), new Moments(0, 0, 0));
    VerdictResult v = Level5Verdict.evaluate(empty, TH);
    assertEquals(Outcome.INCONCLUSIVE, v.outcome());
    assertEquals(Status.INCONCLUSIVE, criterion(v, 0).status());
    assertEquals("no departments", criterion(v, 0).explanation());
    assertEquals(Status.INCONCLUSIVE, criterion(v, 2).status());
    assertEquals(Status.INCONCLUSIVE, criterion(v, 3).status()); // no employee ratings for the gap
    assertNotNull(v.requiredSampleSize().undefinedReason());
  }

  @Test
  void departmentsWithoutCompleteCasesLeaveCriterionOneUndecided() {
    Org o = new Org(8, 60);
    o.n[0] = 1;
    VerdictResult v = o.verdict();
    CriterionResult c1 = criterion(v, 0);
    assertEquals(Status.INCONCLUSIVE, c1.details().get(0).status());
    assertEquals(Status.PASS, c1.status()); // 7 of 8 still meet
    assertEquals(Status.INCONCLUSIVE, criterion(v, 1).details().get(0).status());
  }
}
