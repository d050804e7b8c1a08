package org.cxalign.analytics.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.cxalign.analytics.verdict.SimulatedOrganisation.Spec;
import org.junit.jupiter.api.Test;

/**
 * Calibration of the level-5 verdict by simulation (fixed seeds), at the documented sample sizes:
 * {@value #DEPARTMENTS} departments of {@value #PER_DEPARTMENT} employees each (every employee
 * rates the other 7 departments), {@value #CUSTOMERS} customers, default thresholds (r_wg(J) .70 in
 * 80% of departments, δ = 0.5, α = .05, thresholds 3.5 on 1–5). Answers are generated on the 1–5
 * scale with exact marginals (see {@link SimulatedOrganisation}); latent correlation of one
 * respondent's collaboration answers ρ = {@value #RHO}.
 *
 * <p>Aligned: every link mean 4.0 (variance 0.6, so r_wg(J) = 0.94), employees' and customers'
 * seamless ratings mean 4.0 (variance 0.6 and 0.8). Unaligned: one criterion placed exactly at its
 * boundary (the hardest case; there a test at level α rejects with probability α, so the measured
 * rate is compared with 5% allowing for Monte-Carlo error), plus a clearly siloed organisation. The
 * measured rates are in /work/notes/verdict-calibration.md.
 */
class VerdictCalibrationTest {

  static final int DEPARTMENTS = 8;
  static final int PER_DEPARTMENT = 30;
  static final int CUSTOMERS = 60;
  static final double RHO = 0.5;
  static final int REPLICATIONS = Integer.getInteger("verdict.reps", 1000);
  static final int BOUNDARY_REPLICATIONS = Integer.getInteger("verdict.boundaryReps", 2000);

  private static final double[] EMP = {4.0, 0.6};
  private static final double[] CUST = {4.0, 0.8};
  private static final VerdictThresholds TH = VerdictThresholds.defaults();

  private static int perDepartment() {
    return Integer.getInteger("verdict.n", PER_DEPARTMENT);
  }

  private static int customers() {
    return Integer.getInteger("verdict.customers", CUSTOMERS);
  }

  static Spec aligned() {
    return aligned(EMP, CUST);
  }

  /**
   * Aligned links, with the given {mean, variance} of employees' and customers' seamless ratings.
   */
  static Spec aligned(double[] employeeSeamless, double[] customerSeamless) {
    return Spec.uniform(
        DEPARTMENTS,
        perDepartment(),
        customers(),
        RHO,
        4.0,
        0.6,
        employeeSeamless,
        customerSeamless);
  }

  /** Runs the replications and counts the outcomes. */
  static Map<VerdictResult.Outcome, Integer> run(String name, Spec spec, long seed, int reps) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Map<VerdictResult.Outcome, Integer> counts = new EnumMap<>(VerdictResult.Outcome.class);
    for (VerdictResult.Outcome o : VerdictResult.Outcome.values()) {
      counts.put(o, 0);
    }
    int[] pass = new int[4];
    for (int r = 0; r < reps; r++) {
      VerdictResult v = Level5Verdict.evaluate(SimulatedOrganisation.simulate(spec, rnd), TH);
      counts.merge(v.outcome(), 1, Integer::sum);
      for (int c = 0; c < 4; c++) {
        if (v.criteria().get(c).status() == CriterionResult.Status.PASS) {
          pass[c]++;
        }
      }
    }
    System.out.printf(
        "calibration %-28s n=%d customers=%d reps=%d SUPPORTED=%.3f NOT_SUPPORTED=%.3f"
            + " INCONCLUSIVE=%.3f PASS by criterion %.3f %.3f %.3f %.3f%n",
        name,
        spec.perDepartment(),
        spec.customers(),
        reps,
        counts.get(VerdictResult.Outcome.SUPPORTED) / (double) reps,
        counts.get(VerdictResult.Outcome.NOT_SUPPORTED) / (double) reps,
        counts.get(VerdictResult.Outcome.INCONCLUSIVE) / (double) reps,
        pass[0] / (double) reps,
        pass[1] / (double) reps,
        pass[2] / (double) reps,
        pass[3] / (double) reps);
    return counts;
  }

  /**
   * Asserts that the SUPPORTED rate is at most 5%: the measured rate must not exceed 5% by more
   * than Monte-Carlo error (its one-sided 99% Wilson lower bound must be ≤ 0.05).
   */
  private static void atMostFivePercent(String name, Spec spec, long seed) {
    int s = run(name, spec, seed, BOUNDARY_REPLICATIONS).get(VerdictResult.Outcome.SUPPORTED);
    double n = BOUNDARY_REPLICATIONS;
    double p = s / n;
    double z = 2.326;
    double wilsonLower =
        (p + z * z / (2 * n) - z * Math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)))
            / (1 + z * z / n);
    assertTrue(
        wilsonLower <= 0.05,
        name
            + ": SUPPORTED in "
            + p
            + " of unaligned organisations (99% lower bound "
            + wilsonLower
            + ")");
  }

  @Test
  void alignedOrganisationsAreSupportedWithAtLeast80PercentPower() {
    int s = run("aligned", aligned(), 1L, REPLICATIONS).get(VerdictResult.Outcome.SUPPORTED);
    assertTrue(s >= 0.80 * REPLICATIONS, "power " + s / (double) REPLICATIONS);
  }

  @Test
  void twoDepartmentsAtTheAgreementBoundary() {
    // 2 of 8 departments (25% > 20%) with true r_wg(J) = .70 exactly: mean item variance v*.
    Spec a = aligned();
    double vStar = Level5Verdict.criticalMeanVariance(SimulatedOrganisation.SCALE, 7, 0.70);
    assertEquals(1.5, vStar, 1e-12);
    for (int i = DEPARTMENTS - 2; i < DEPARTMENTS; i++) {
      java.util.Arrays.fill(a.linkVariance()[i], vStar);
    }
    atMostFivePercent("agreement boundary", a, 2L);
  }

  @Test
  void oneDepartmentAtTheAlignmentMargin() {
    // D8's employees' collaboration scores average exactly δ below the rest (3.5 vs 4.0).
    Spec a = aligned();
    java.util.Arrays.fill(a.linkMean()[DEPARTMENTS - 1], 4.0 - TH.delta());
    atMostFivePercent("alignment boundary", a, 3L);
  }

  @Test
  void networkMeanAtTheThreshold() {
    // Every department's links alternate 4.1 / 2.9 (and one 3.5): all connected, mean exactly 3.5.
    Spec a = aligned();
    double[] offsets = {0.6, -0.6, 0.6, -0.6, 0.6, -0.6, 0};
    for (int i = 0; i < DEPARTMENTS; i++) {
      for (int k = 1; k < DEPARTMENTS; k++) {
        a.linkMean()[i][(i + k) % DEPARTMENTS] = TH.collaborationThreshold() + offsets[k - 1];
      }
    }
    atMostFivePercent("network mean boundary", a, 4L);
  }

  @Test
  void departmentIsolatedAtTheThreshold() {
    // Every link to and from D8 has mean exactly 3.5; the other links 3.8.
    Spec a = Spec.uniform(DEPARTMENTS, perDepartment(), customers(), RHO, 3.8, 0.6, EMP, CUST);
    int last = DEPARTMENTS - 1;
    for (int i = 0; i < DEPARTMENTS; i++) {
      a.linkMean()[i][last] = TH.collaborationThreshold();
      a.linkMean()[last][i] = TH.collaborationThreshold();
    }
    atMostFivePercent("isolated department boundary", a, 5L);
  }

  @Test
  void customersAtTheThreshold() {
    Spec s = aligned(new double[] {3.5, 0.6}, new double[] {3.5, 0.8});
    atMostFivePercent("customer threshold boundary", s, 6L);
  }

  @Test
  void perceptionGapAtTheMargin() {
    Spec s = aligned(new double[] {4.5, 0.4}, CUST);
    atMostFivePercent("gap boundary", s, 7L);
  }

  @Test
  void siloedOrganisationIsNotSupported() {
    // Departments disagree internally (variance 1.8), rate each other 2.8, customers 3.0.
    Spec s =
        Spec.uniform(
            DEPARTMENTS,
            perDepartment(),
            customers(),
            RHO,
            2.8,
            1.8,
            new double[] {4.0, 0.6},
            new double[] {3.0, 1.0});
    Map<VerdictResult.Outcome, Integer> c = run("siloed", s, 8L, 200);
    assertEquals(0, c.get(VerdictResult.Outcome.SUPPORTED));
    assertTrue(c.get(VerdictResult.Outcome.NOT_SUPPORTED) >= 190);
  }
}
