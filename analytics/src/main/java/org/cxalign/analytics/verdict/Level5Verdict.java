package org.cxalign.analytics.verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.cxalign.analytics.stat.Estimate;
import org.cxalign.analytics.stat.MeanInterval;
import org.cxalign.analytics.stat.Moments;
import org.cxalign.analytics.stat.MultipleComparisons;
import org.cxalign.analytics.stat.RwgJResult;
import org.cxalign.analytics.stat.Scale;
import org.cxalign.analytics.stat.TQuantiles;
import org.cxalign.analytics.stat.Tost;
import org.cxalign.analytics.stat.TostResult;
import org.cxalign.analytics.verdict.CriterionResult.Detail;
import org.cxalign.analytics.verdict.CriterionResult.Status;

/**
 * The level-5 verdict of DESIGN.md: is "we collaborate across the organisation to create seamless
 * customer experiences" supported by the data?
 *
 * <p>Each criterion is PASS when it is shown to hold by a test at level α, FAIL ("with
 * significance") when it is shown to be violated by a test at level α, and INCONCLUSIVE when
 * neither. The verdict is {@code SUPPORTED} when all four pass, {@code NOT_SUPPORTED} when any one
 * fails, {@code INCONCLUSIVE} otherwise. Because SUPPORTED needs every criterion to pass, an
 * organisation that truly violates any one criterion is called SUPPORTED with probability at most
 * that criterion's α (an intersection–union test, Berger 1982): the verdict's false-positive rate
 * is at most α without a correction across criteria (up to the normal-theory approximations of the
 * t and χ² tests on 1–5 answers; {@code VerdictCalibrationTest} measures it by simulation).
 * Throughout, D is the number of departments (the keys of {@link
 * VerdictInput#collaborationScores()}), and "one-sided bound" means the (1 − α) one-sided t bound
 * of {@link MeanInterval#lowerBound(Moments, double)}.
 *
 * <h2>1. Agreement within departments</h2>
 *
 * r_wg(J) ≥ r₀ ⇔ s̄² ≤ v* = σ²_EU·J(1 − r₀)/(J(1 − r₀) + r₀), with s̄² the mean item variance and
 * σ²_EU = (A² − 1)/12 (James, Demaree &amp; Wolf 1984). Each department's s̄² is tested against v*
 * with the normal-theory χ² test on ν = n − 1 df (n = complete cases): p_meets = P(χ²_ν ≤
 * ν·s̄²/v*), p_misses = P(χ²_ν ≥ ν·s̄²/v*). ν = n − 1 treats the J items as perfectly correlated,
 * the case in which s̄² varies most, so under normal theory the test stays valid (conservative) for
 * any correlation between items; on simulated 1–5 answers it rejected at the boundary in 0.4% of
 * organisations (see the calibration test). Holm's correction is applied across departments to each
 * family. A department "meets" when its adjusted p_meets ≤ α and "misses" when its adjusted
 * p_misses ≤ α. With k = ⌈share·D⌉: PASS when at least k departments meet; FAIL when more than D −
 * k miss; INCONCLUSIVE otherwise (including departments without r_wg(J), which count as neither).
 * The statistic is the observed share of departments with r_wg(J) ≥ r₀; the bounds are (departments
 * that meet)/D and (D − departments that miss)/D, which contain the true share with probability ≥ 1
 * − 2α (Holm controls the family-wise error). A Wilson interval is not used: the departments are
 * the whole organisation, not a sample of it — the uncertainty lies in each department's r_wg(J).
 *
 * <h2>2. Alignment across departments</h2>
 *
 * Each department's mean collaboration score against the merged scores of all other departments,
 * TOST within ±δ (Schuirmann 1987, Welch-based, {@link Tost}). Equivalence p-values p_eq are
 * Holm-adjusted across departments: PASS when every adjusted p_eq ≤ α. Non-equivalence is the
 * one-sided test that the difference lies beyond the margin on the side of its estimate, p_neq =
 * min(1 − p_lower, 1 − p_upper) (H0: |d| ≤ δ; at d = ±δ one side rejects with probability α and the
 * other almost never); Holm-adjusted too: FAIL when some adjusted p_neq ≤ α. INCONCLUSIVE
 * otherwise, and when D &lt; 2 or a department has no testable difference (fewer than 2 scores, no
 * variance). The statistic is the largest |difference|, its bounds that department's (1 − 2α)
 * interval.
 *
 * <h2>3. A working network</h2>
 *
 * The organisation's mean collaboration score (respondents of all departments; each respondent
 * counts once, so the observations are independent) with its one-sided bounds. A link's one-sided t
 * tests against the threshold t₀ give p_above (H1: μ &gt; t₀) and p_below (H1: μ &lt; t₀); the
 * links of a department are those it gives and those it receives. A department is <em>isolated</em>
 * when it has links and every one of them has n ≥ 2 and p_below ≤ α (an intersection–union test, no
 * correction needed); it is <em>connected</em> when its smallest p_above ≤ α/L (Bonferroni over its
 * L testable links), i.e. at least one of its links is shown to work. PASS when the lower bound ≥
 * t₀ and every department is connected; FAIL when the upper bound &lt; t₀ or some department is
 * isolated; INCONCLUSIVE otherwise. (Requiring every department to be shown connected, not merely
 * not shown isolated, is what keeps an organisation with a truly isolated department from passing.)
 *
 * <h2>4. Customers feel it</h2>
 *
 * The customers' mean "seamless across departments" rating with its one-sided bounds against the
 * customer threshold, and TOST of the gap (employees − customers) within ±δ. PASS when the lower
 * bound ≥ the threshold and TOST declares equivalence at α; FAIL when the upper bound &lt; the
 * threshold or the gap's p_neq (as in criterion 2) ≤ α; INCONCLUSIVE otherwise.
 *
 * <h2>Sample size for an inconclusive verdict</h2>
 *
 * For each INCONCLUSIVE criterion, the observed estimates are taken as the true values and the
 * smallest n is sought at which the deciding test (towards PASS or FAIL, whichever side the
 * estimate lies on) reaches the configured power, with z_a = Φ⁻¹(1 − α') and z_b = Φ⁻¹(power):
 * criterion 1: per undecided department, the exact power of the χ² test above at α' = α/D
 * (Bonferroni, conservative for Holm); criterion 2: per undecided department, n = (z_a +
 * z_b)²·(s_d² + s_rest²/(D − 1))/(δ − |d|)² (or (|d| − δ)² towards FAIL) at α' = α/D, assuming
 * equal department sizes; criterion 3: n_total = (z_a + z_b)²·s²/(m − t₀)² at α' = α, divided by D,
 * and for each undecided department its best link, (z_a + z_b)²·s²/(m_link − t₀)² at α' = α/L
 * (towards connected) or α (towards isolated); criterion 4: the same for the customers' mean, and
 * for the gap the customers needed with the employees' current number (both when that is not
 * enough). The largest per-department figure and the largest customer figure are reported. An
 * estimate exactly at its threshold has no finite answer.
 */
public final class Level5Verdict {

  private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1, 1e-14);
  private static final long MAX_N = 100_000_000L;

  private Level5Verdict() {}

  /** Evaluates the four criteria and the verdict. */
  public static VerdictResult evaluate(VerdictInput in, VerdictThresholds th) {
    Objects.requireNonNull(in, "input");
    Objects.requireNonNull(th, "thresholds");
    List<String> depts = List.copyOf(in.collaborationScores().keySet());
    SampleNeeds needs = new SampleNeeds();
    List<CriterionResult> criteria =
        List.of(
            agreement(in, th, depts, needs),
            alignment(in, th, depts, needs),
            network(in, th, depts, needs),
            customers(in, th, depts, needs));
    boolean allPass = criteria.stream().allMatch(c -> c.status() == Status.PASS);
    boolean anyFail = criteria.stream().anyMatch(c -> c.status() == Status.FAIL);
    VerdictResult.Outcome outcome =
        allPass
            ? VerdictResult.Outcome.SUPPORTED
            : anyFail ? VerdictResult.Outcome.NOT_SUPPORTED : VerdictResult.Outcome.INCONCLUSIVE;
    return new VerdictResult(
        outcome, criteria, outcome == VerdictResult.Outcome.INCONCLUSIVE ? needs.result(th) : null);
  }

  // ---------------------------------------------------------------- criterion 1

  /** The mean item variance at which r_wg(J) equals r₀. */
  static double criticalMeanVariance(Scale s, int j, double r0) {
    return s.uniformNullVariance() * j * (1 - r0) / (j * (1 - r0) + r0);
  }

  private static CriterionResult agreement(
      VerdictInput in, VerdictThresholds th, List<String> depts, SampleNeeds needs) {
    int d = depts.size();
    double[] pMeets = new double[d];
    double[] pMisses = new double[d];
    boolean[] testable = new boolean[d];
    int reaching = 0;
    int defined = 0;
    for (int i = 0; i < d; i++) {
      RwgJResult r = in.collaborationRwgJ().get(depts.get(i));
      pMeets[i] = 1;
      pMisses[i] = 1;
      if (!r.rwgJ().isDefined()) {
        continue;
      }
      defined++;
      if (r.rwgJ().get() >= th.rwg()) {
        reaching++;
      }
      double vStar = criticalMeanVariance(in.scale(), r.j(), th.rwg());
      GammaDistribution chi = chiSquared(r.n() - 1);
      double x = (r.n() - 1) * r.meanVariance() / vStar;
      pMeets[i] = chi.cumulativeProbability(x);
      pMisses[i] = 1 - pMeets[i];
      testable[i] = true;
    }
    double[] adjMeets = MultipleComparisons.holm(pMeets);
    double[] adjMisses = MultipleComparisons.holm(pMisses);
    int meets = 0;
    int misses = 0;
    List<Detail> details = new ArrayList<>();
    for (int i = 0; i < d; i++) {
      RwgJResult r = in.collaborationRwgJ().get(depts.get(i));
      Status st;
      Estimate p;
      String note;
      if (!testable[i]) {
        st = Status.INCONCLUSIVE;
        p = Estimate.undefined(r.rwgJ().undefinedReason());
        note = "r_wg(J) undefined: " + r.rwgJ().undefinedReason();
      } else if (adjMeets[i] <= th.alpha()) {
        meets++;
        st = Status.PASS;
        p = Estimate.of(adjMeets[i]);
        note = "r_wg(J) significantly >= " + th.rwg() + " (Holm-adjusted p)";
      } else if (adjMisses[i] <= th.alpha()) {
        misses++;
        st = Status.FAIL;
        p = Estimate.of(adjMisses[i]);
        note = "r_wg(J) significantly < " + th.rwg() + " (Holm-adjusted p)";
      } else {
        st = Status.INCONCLUSIVE;
        p = Estimate.of(Math.min(adjMeets[i], adjMisses[i]));
        note = "r_wg(J) not distinguishable from " + th.rwg() + " (Holm-adjusted p)";
        double vStar = criticalMeanVariance(in.scale(), r.j(), th.rwg());
        needs.department(varianceTestN(r.meanVariance(), vStar, th.alpha() / d, th.power()));
      }
      Estimate ci = Estimate.undefined("no interval for a single r_wg(J)");
      details.add(new Detail(depts.get(i), r.rwgJ(), ci, ci, p, st, note));
    }
    int k = (int) Math.ceil(th.departmentShare() * d - 1e-9);
    Status status;
    String why;
    if (d > 0 && meets >= k) {
      status = Status.PASS;
      why = meets + " of " + d + " departments show r_wg(J) >= " + th.rwg() + ", " + k + " needed";
    } else if (d > 0 && misses > d - k) {
      status = Status.FAIL;
      why =
          misses
              + " of "
              + d
              + " departments show r_wg(J) < "
              + th.rwg()
              + ", at most "
              + (d - k)
              + " allowed";
    } else {
      status = Status.INCONCLUSIVE;
      why =
          d == 0
              ? "no departments"
              : meets
                  + " departments shown to reach and "
                  + misses
                  + " shown to miss r_wg(J) "
                  + th.rwg()
                  + "; "
                  + k
                  + " of "
                  + d
                  + " must reach it";
    }
    Estimate share =
        defined == 0
            ? Estimate.undefined("no department has a defined r_wg(J)")
            : Estimate.of((double) reaching / d);
    return new CriterionResult(
        "within_department_agreement",
        share,
        d == 0 ? Estimate.undefined("no departments") : Estimate.of((double) meets / d),
        d == 0 ? Estimate.undefined("no departments") : Estimate.of((double) (d - misses) / d),
        th.departmentShare(),
        d,
        status,
        why,
        details);
  }

  /**
   * Smallest n at which the χ² test of a mean variance σ² against v* at level a has the given power
   * (towards "meets" when σ² &lt; v*, towards "misses" when σ² &gt; v*); -1 if none.
   */
  static long varianceTestN(double sigma2, double vStar, double a, double power) {
    if (sigma2 == vStar) {
      return -1;
    }
    java.util.function.LongPredicate enough =
        n -> {
          GammaDistribution chi = chiSquared(n - 1);
          if (sigma2 < vStar) {
            if (sigma2 == 0) {
              return true;
            }
            return chi.cumulativeProbability(vStar * chi.inverseCumulativeProbability(a) / sigma2)
                >= power;
          }
          return 1
                  - chi.cumulativeProbability(
                      vStar * chi.inverseCumulativeProbability(1 - a) / sigma2)
              >= power;
        };
    // start near the normal approximation on the log scale, Var(ln s²) ≈ 2/(n − 1)
    double z =
        NORMAL.inverseCumulativeProbability(1 - a) + NORMAL.inverseCumulativeProbability(power);
    double guess = sigma2 == 0 ? 2 : 1 + 2 * Math.pow(z / Math.log(vStar / sigma2), 2);
    return smallest(enough, guess > MAX_N ? MAX_N : (long) Math.max(2, guess));
  }

  /**
   * χ²_ν as Gamma(ν/2, 2). Commons Math's ChiSquaredDistribution seeds a random generator on every
   * construction, which dominated the calibration's run time.
   */
  private static GammaDistribution chiSquared(double df) {
    return new GammaDistribution(null, df / 2, 2, 1e-14);
  }

  /**
   * Smallest n ≥ 2 satisfying a monotone predicate, searched outwards from {@code start} and then
   * by bisection; -1 beyond {@link #MAX_N}.
   */
  private static long smallest(java.util.function.LongPredicate ok, long start) {
    long lo;
    long hi;
    long step = Math.max(1, start / 8);
    if (ok.test(start)) {
      hi = start;
      lo = hi - step;
      while (lo >= 2 && ok.test(lo)) {
        hi = lo;
        step *= 2;
        lo = hi - step;
      }
      if (lo < 2) {
        if (hi == 2 || ok.test(2)) {
          return 2;
        }
        lo = 2;
      }
    } else {
      lo = start;
      hi = lo + step;
      while (!ok.test(hi)) {
        if (hi > MAX_N) {
          return -1;
        }
        lo = hi;
        step *= 2;
        hi = lo + step;
      }
    }
    // ok(hi) and not ok(lo)
    while (hi - lo > 1) {
      long mid = (lo + hi) >>> 1;
      if (ok.test(mid)) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    return hi;
  }

  // ---------------------------------------------------------------- criterion 2

  /** One-sided p of H0: |d| ≤ δ against the side of the estimate, from a TOST result. */
  static Estimate nonEquivalenceP(TostResult t) {
    if (!t.pLower().isDefined()) {
      return t.pLower();
    }
    return Estimate.of(Math.min(1 - t.pLower().get(), 1 - t.pUpper().get()));
  }

  private static CriterionResult alignment(
      VerdictInput in, VerdictThresholds th, List<String> depts, SampleNeeds needs) {
    int d = depts.size();
    long total = in.collaborationScores().values().stream().mapToLong(Moments::n).sum();
    if (d < 2) {
      Estimate u = Estimate.undefined("alignment needs at least 2 departments");
      return new CriterionResult(
          "cross_department_alignment",
          u,
          u,
          u,
          th.delta(),
          total,
          Status.INCONCLUSIVE,
          "needs at least 2 departments",
          List.of());
    }
    TostResult[] tosts = new TostResult[d];
    Moments[] rests = new Moments[d];
    double[] pEq = new double[d];
    double[] pNeq = new double[d];
    String[] untestable = new String[d];
    for (int i = 0; i < d; i++) {
      Moments a = in.collaborationScores().get(depts.get(i));
      Moments rest = Moments.empty();
      for (int j = 0; j < d; j++) {
        if (j != i) {
          rest = Moments.merge(rest, in.collaborationScores().get(depts.get(j)));
        }
      }
      rests[i] = rest;
      pEq[i] = 1;
      pNeq[i] = 1;
      if (!a.hasMean() || !rest.hasMean()) {
        untestable[i] = "no collaboration scores";
        continue;
      }
      tosts[i] = Tost.of(a, rest, th.delta(), th.alpha());
      if (!tosts[i].p().isDefined()) {
        untestable[i] = tosts[i].p().undefinedReason();
        continue;
      }
      pEq[i] = tosts[i].p().get();
      pNeq[i] = nonEquivalenceP(tosts[i]).get();
    }
    double[] adjEq = MultipleComparisons.holm(pEq);
    double[] adjNeq = MultipleComparisons.holm(pNeq);
    List<Detail> details = new ArrayList<>();
    int equivalent = 0;
    int different = 0;
    int worst = -1;
    for (int i = 0; i < d; i++) {
      TostResult t = tosts[i];
      if (untestable[i] != null) {
        Estimate u = Estimate.undefined(untestable[i]);
        Estimate diff = t == null ? u : Estimate.of(t.difference());
        details.add(new Detail(depts.get(i), diff, u, u, u, Status.INCONCLUSIVE, untestable[i]));
        continue;
      }
      if (worst < 0 || Math.abs(t.difference()) > Math.abs(tosts[worst].difference())) {
        worst = i;
      }
      Status st;
      Estimate p;
      String note;
      if (adjEq[i] <= th.alpha()) {
        equivalent++;
        st = Status.PASS;
        p = Estimate.of(adjEq[i]);
        note = "equivalent to the rest within ±" + th.delta() + " (Holm-adjusted TOST p)";
      } else if (adjNeq[i] <= th.alpha()) {
        different++;
        st = Status.FAIL;
        p = Estimate.of(adjNeq[i]);
        note = "differs from the rest by more than " + th.delta() + " (Holm-adjusted p)";
      } else {
        st = Status.INCONCLUSIVE;
        p = Estimate.of(adjEq[i]);
        note = "neither equivalence nor a difference beyond ±" + th.delta() + " shown";
        Moments a = in.collaborationScores().get(depts.get(i));
        if (a.hasVariance() && rests[i].hasVariance()) {
          double var = a.variance() + rests[i].variance() / (d - 1);
          needs.department(
              normalN(var, Math.abs(Math.abs(t.difference()) - th.delta()), th.alpha() / d, th));
        }
      }
      details.add(
          new Detail(depts.get(i), Estimate.of(t.difference()), t.lower(), t.upper(), p, st, note));
    }
    Status status;
    String why;
    if (equivalent == d) {
      status = Status.PASS;
      why = "all " + d + " departments are equivalent to the rest within ±" + th.delta();
    } else if (different > 0) {
      status = Status.FAIL;
      why = different + " department(s) differ from the rest by more than ±" + th.delta();
    } else {
      status = Status.INCONCLUSIVE;
      why = equivalent + " of " + d + " departments shown equivalent, none shown different";
    }
    Estimate stat =
        worst < 0
            ? Estimate.undefined("no testable department")
            : Estimate.of(Math.abs(tosts[worst].difference()));
    Estimate lo = worst < 0 ? stat : tosts[worst].lower();
    Estimate hi = worst < 0 ? stat : tosts[worst].upper();
    return new CriterionResult(
        "cross_department_alignment", stat, lo, hi, th.delta(), total, status, why, details);
  }

  /** n with (z_{1−a} + z_power)·sqrt(var/n) ≤ margin; -1 when the margin is 0. */
  private static long normalN(double var, double margin, double a, VerdictThresholds th) {
    if (!(margin > 0)) {
      return -1;
    }
    double z =
        NORMAL.inverseCumulativeProbability(1 - a)
            + NORMAL.inverseCumulativeProbability(th.power());
    double n = Math.ceil(z * z * var / (margin * margin));
    return n > MAX_N ? -1 : Math.max(2, (long) n);
  }

  // ---------------------------------------------------------------- criterion 3

  /** One-sided p-values (above, below) of a one-sample t test against t0; null if untestable. */
  static double[] oneSampleP(Moments m, double t0) {
    if (!m.hasVariance()) {
      return null;
    }
    double diff = m.mean() - t0;
    if (m.variance() == 0) {
      return new double[] {diff > 0 ? 0 : 1, diff < 0 ? 0 : 1};
    }
    double t = diff / Math.sqrt(m.variance() / m.n());
    TDistribution dist = new TDistribution(null, m.n() - 1);
    return new double[] {dist.cumulativeProbability(-t), dist.cumulativeProbability(t)};
  }

  private static CriterionResult network(
      VerdictInput in, VerdictThresholds th, List<String> depts, SampleNeeds needs) {
    double t0 = th.collaborationThreshold();
    double conf = 1 - th.alpha();
    Moments org = Moments.empty();
    for (Moments m : in.collaborationScores().values()) {
      org = Moments.merge(org, m);
    }
    Estimate lower = MeanInterval.lowerBound(org, conf);
    Estimate upper = upperBound(org, conf);
    List<Detail> details = new ArrayList<>();
    boolean meanAbove = lower.isDefined() && lower.get() >= t0;
    boolean meanBelow = upper.isDefined() && upper.get() < t0;
    details.add(
        new Detail(
            "organisation",
            org.meanEstimate(),
            lower,
            upper,
            Estimate.undefined("decided by the one-sided bounds"),
            meanAbove ? Status.PASS : meanBelow ? Status.FAIL : Status.INCONCLUSIVE,
            "mean collaboration score against " + t0));
    if (!meanAbove && !meanBelow && org.hasVariance()) {
      long total = normalN(org.variance(), Math.abs(org.mean() - t0), th.alpha(), th);
      needs.department(total < 0 ? -1 : (total + depts.size() - 1) / Math.max(1, depts.size()));
    }
    Map<DirectedLink, double[]> linkP = new java.util.HashMap<>();
    in.links().forEach((l, m) -> linkP.put(l, oneSampleP(m, t0)));
    int connected = 0;
    int isolated = 0;
    for (String dept : depts) {
      List<Map.Entry<DirectedLink, Moments>> own =
          in.links().entrySet().stream().filter(e -> e.getKey().touches(dept)).toList();
      int testable = 0;
      int below = 0;
      double minAbove = 1;
      Map.Entry<DirectedLink, Moments> best = null;
      for (Map.Entry<DirectedLink, Moments> e : own) {
        double[] p = linkP.get(e.getKey());
        if (p == null) {
          continue;
        }
        testable++;
        if (p[1] <= th.alpha()) {
          below++;
        }
        minAbove = Math.min(minAbove, p[0]);
        if (best == null || e.getValue().mean() > best.getValue().mean()) {
          best = e;
        }
      }
      Status st;
      Estimate p;
      String note;
      if (!own.isEmpty() && below == own.size()) {
        isolated++;
        st = Status.FAIL;
        p = Estimate.undefined("every link significantly below the threshold");
        note = "isolated: all " + own.size() + " links significantly below " + t0;
      } else if (testable > 0 && minAbove * testable <= th.alpha()) {
        connected++;
        st = Status.PASS;
        p = Estimate.of(Math.min(1, minAbove * testable));
        note = "connected: its best link is significantly above " + t0 + " (Bonferroni p)";
      } else {
        st = Status.INCONCLUSIVE;
        p =
            testable > 0
                ? Estimate.of(Math.min(1, minAbove * testable))
                : Estimate.undefined("no testable link");
        note = "neither shown connected nor isolated";
        if (best != null) {
          Moments b = best.getValue();
          double a = b.mean() > t0 ? th.alpha() / testable : th.alpha();
          needs.department(normalN(b.variance(), Math.abs(b.mean() - t0), a, th));
        }
      }
      Estimate bestMean =
          best == null ? Estimate.undefined("no testable link") : best.getValue().meanEstimate();
      Estimate none = Estimate.undefined("see the links");
      details.add(new Detail(dept, bestMean, none, none, p, st, note));
    }
    int d = depts.size();
    Status status;
    String why;
    if (meanBelow || isolated > 0) {
      status = Status.FAIL;
      why =
          meanBelow
              ? "the mean collaboration score is significantly below " + t0
              : isolated + " department(s) isolated";
    } else if (meanAbove && connected == d && d > 0) {
      status = Status.PASS;
      why = "mean collaboration significantly above " + t0 + " and every department connected";
    } else {
      status = Status.INCONCLUSIVE;
      why =
          (meanAbove ? "mean above " + t0 : "mean not distinguishable from " + t0)
              + "; "
              + connected
              + " of "
              + d
              + " departments shown connected";
    }
    return new CriterionResult(
        "collaboration_network",
        org.meanEstimate(),
        lower,
        upper,
        t0,
        org.n(),
        status,
        why,
        details);
  }

  /** One-sided (conf) upper t bound. */
  private static Estimate upperBound(Moments m, double conf) {
    if (!m.hasVariance()) {
      return Estimate.undefined("fewer than 2 values (n = " + m.n() + ")");
    }
    double q =
        TQuantiles.quantile(m.n() - 1, conf, TDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY);
    return Estimate.of(m.mean() + q * Math.sqrt(m.variance() / m.n()));
  }

  // ---------------------------------------------------------------- criterion 4

  private static CriterionResult customers(
      VerdictInput in, VerdictThresholds th, List<String> depts, SampleNeeds needs) {
    double t0 = th.customerThreshold();
    double conf = 1 - th.alpha();
    Moments c = in.customerSeamless();
    Moments e = in.employeeSeamless();
    Estimate lower = MeanInterval.lowerBound(c, conf);
    Estimate upper = upperBound(c, conf);
    boolean above = lower.isDefined() && lower.get() >= t0;
    boolean below = upper.isDefined() && upper.get() < t0;
    List<Detail> details = new ArrayList<>();
    details.add(
        new Detail(
            "customers",
            c.meanEstimate(),
            lower,
            upper,
            Estimate.undefined("decided by the one-sided bounds"),
            above ? Status.PASS : below ? Status.FAIL : Status.INCONCLUSIVE,
            "customers' seamless rating against " + t0));
    if (!above && !below && c.hasVariance()) {
      needs.customers(normalN(c.variance(), Math.abs(c.mean() - t0), th.alpha(), th));
    }
    boolean equivalent = false;
    boolean different = false;
    if (c.hasMean() && e.hasMean()) {
      TostResult gap = Tost.of(e, c, th.delta(), th.alpha());
      Estimate pNeq = nonEquivalenceP(gap);
      equivalent = gap.equivalent();
      different = pNeq.isDefined() && pNeq.get() <= th.alpha();
      Status st = equivalent ? Status.PASS : different ? Status.FAIL : Status.INCONCLUSIVE;
      details.add(
          new Detail(
              "gap",
              Estimate.of(gap.difference()),
              gap.lower(),
              gap.upper(),
              equivalent || !pNeq.isDefined() ? gap.p() : pNeq,
              st,
              "employees − customers, TOST within ±" + th.delta()));
      if (st == Status.INCONCLUSIVE && c.hasVariance() && e.hasVariance()) {
        gapNeeds(e, c, Math.abs(Math.abs(gap.difference()) - th.delta()), depts.size(), th, needs);
      }
    } else {
      Estimate u = Estimate.undefined("no customer or no employee ratings");
      details.add(new Detail("gap", u, u, u, u, Status.INCONCLUSIVE, u.undefinedReason()));
    }
    Status status;
    String why;
    if (below || different) {
      status = Status.FAIL;
      why =
          below
              ? "customers' seamless rating significantly below " + t0
              : "the employee–customer gap exceeds ±" + th.delta();
    } else if (above && equivalent) {
      status = Status.PASS;
      why =
          "customers rate seamlessness above " + t0 + " and as employees do (±" + th.delta() + ")";
    } else {
      status = Status.INCONCLUSIVE;
      why =
          (above ? "customers above " + t0 : "customers not distinguishable from " + t0)
              + "; gap "
              + (equivalent ? "equivalent" : "not shown equivalent");
    }
    return new CriterionResult(
        "customers_feel_it", c.meanEstimate(), lower, upper, t0, c.n(), status, why, details);
  }

  private static void gapNeeds(
      Moments e, Moments c, double margin, int depts, VerdictThresholds th, SampleNeeds needs) {
    if (!(margin > 0)) {
      needs.customers(-1);
      return;
    }
    double z =
        NORMAL.inverseCumulativeProbability(1 - th.alpha())
            + NORMAL.inverseCumulativeProbability(th.power());
    double target = (margin / z) * (margin / z); // required SE²
    double employeePart = e.variance() / e.n();
    if (employeePart < target) {
      needs.customers(ceilOrNone(c.variance() / (target - employeePart)));
    } else {
      needs.customers(ceilOrNone(2 * c.variance() / target));
      needs.department(ceilOrNone(2 * e.variance() / target / Math.max(1, depts)));
    }
  }

  private static long ceilOrNone(double n) {
    return n > MAX_N || !Double.isFinite(n) ? -1 : Math.max(2, (long) Math.ceil(n));
  }

  /** Collects the per-department and customer sample sizes of the undecided tests. */
  private static final class SampleNeeds {
    long perDepartment;
    long customers;
    boolean undecidable;

    void department(long n) {
      if (n < 0) {
        undecidable = true;
      } else {
        perDepartment = Math.max(perDepartment, n);
      }
    }

    void customers(long n) {
      if (n < 0) {
        undecidable = true;
      } else {
        customers = Math.max(customers, n);
      }
    }

    RequiredSampleSize result(VerdictThresholds th) {
      String basis =
          "power "
              + th.power()
              + " at alpha "
              + th.alpha()
              + ", observed estimates taken as true values, equal department sizes";
      if (perDepartment == 0 && customers == 0) {
        return new RequiredSampleSize(
            null,
            null,
            basis,
            undecidable
                ? "an estimate lies exactly at its threshold: no sample size decides it"
                : "no test is undecided for lack of data; an undefined statistic needs answers");
      }
      return new RequiredSampleSize(
          perDepartment == 0 ? null : perDepartment,
          customers == 0 ? null : customers,
          basis + (undecidable ? "; some estimate lies exactly at its threshold" : ""),
          null);
    }
  }
}
