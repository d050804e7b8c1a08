package org.cxalign.analytics.verdict;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.cxalign.analytics.stat.Moments;
import org.cxalign.analytics.stat.RwgJ;
import org.cxalign.analytics.stat.RwgJResult;
import org.cxalign.analytics.stat.Scale;

/**
 * Simulates the raw 1–5 answers of an organisation and summarises them into a {@link VerdictInput}
 * with the stat classes, as the report does.
 *
 * <p>Every item has an exact target marginal distribution over 1..5: a normal distribution
 * discretised at the half-points, whose latent mean and standard deviation are solved so that the
 * <em>discrete</em> distribution has the requested mean and variance. Answers of one respondent to
 * the collaboration items are correlated through a Gaussian copula (latent correlation ρ between
 * any two items); each marginal stays exact. So a "true" r_wg(J), link mean or department mean is
 * known exactly and borderline organisations can be placed exactly at a threshold.
 */
final class SimulatedOrganisation {

  static final Scale SCALE = new Scale(1, 5);
  private static final NormalDistribution N01 = new NormalDistribution(null, 0, 1, 1e-12);
  private static final Map<List<Double>, double[]> CUTS = new HashMap<>();

  /**
   * An organisation's true parameters.
   *
   * @param departments number of departments D
   * @param perDepartment employees per department (all rate every other department)
   * @param customers customer respondents
   * @param rho latent correlation between one respondent's collaboration answers
   * @param linkMean true mean of the ratings that department i gives to j (diagonal unused)
   * @param linkVariance true variance of those ratings
   * @param employeeSeamless true mean and variance of employees' seamless item
   * @param customerSeamless true mean and variance of customers' seamless item
   */
  record Spec(
      int departments,
      int perDepartment,
      int customers,
      double rho,
      double[][] linkMean,
      double[][] linkVariance,
      double[] employeeSeamless,
      double[] customerSeamless) {

    /** Every link with the same mean and variance. */
    static Spec uniform(
        int d,
        int n,
        int c,
        double rho,
        double mean,
        double variance,
        double[] emp,
        double[] cust) {
      double[][] m = new double[d][d];
      double[][] v = new double[d][d];
      for (int i = 0; i < d; i++) {
        java.util.Arrays.fill(m[i], mean);
        java.util.Arrays.fill(v[i], variance);
      }
      return new Spec(d, n, c, rho, m, v, emp, cust);
    }
  }

  private SimulatedOrganisation() {}

  static String department(int i) {
    return "D" + (i + 1);
  }

  /** One simulated survey wave, summarised. */
  static VerdictInput simulate(Spec s, SplittableRandom rnd) {
    int d = s.departments();
    Map<String, RwgJResult> rwg = new LinkedHashMap<>();
    Map<String, Moments> scores = new LinkedHashMap<>();
    Map<DirectedLink, Moments> links = new LinkedHashMap<>();
    double[] empSeamless = new double[d * s.perDepartment()];
    double[] empCuts = cuts(s.employeeSeamless()[0], s.employeeSeamless()[1]);
    double a = Math.sqrt(s.rho());
    double b = Math.sqrt(1 - s.rho());
    for (int i = 0; i < d; i++) {
      List<Integer> others = new ArrayList<>();
      for (int j = 0; j < d; j++) {
        if (j != i) {
          others.add(j);
        }
      }
      double[][] itemCuts = new double[others.size()][];
      for (int k = 0; k < others.size(); k++) {
        itemCuts[k] = cuts(s.linkMean()[i][others.get(k)], s.linkVariance()[i][others.get(k)]);
      }
      double[][] rows = new double[s.perDepartment()][others.size()];
      double[] score = new double[s.perDepartment()];
      for (int r = 0; r < s.perDepartment(); r++) {
        double z = rnd.nextGaussian();
        double sum = 0;
        for (int k = 0; k < others.size(); k++) {
          rows[r][k] = category(a * z + b * rnd.nextGaussian(), itemCuts[k]);
          sum += rows[r][k];
        }
        score[r] = sum / others.size();
        empSeamless[i * s.perDepartment() + r] = category(rnd.nextGaussian(), empCuts);
      }
      rwg.put(department(i), RwgJ.of(SCALE, rows));
      scores.put(department(i), Moments.of(score));
      for (int k = 0; k < others.size(); k++) {
        double[] col = new double[s.perDepartment()];
        for (int r = 0; r < col.length; r++) {
          col[r] = rows[r][k];
        }
        links.put(new DirectedLink(department(i), department(others.get(k))), Moments.of(col));
      }
    }
    double[] custCuts = cuts(s.customerSeamless()[0], s.customerSeamless()[1]);
    double[] cust = new double[s.customers()];
    for (int r = 0; r < cust.length; r++) {
      cust[r] = category(rnd.nextGaussian(), custCuts);
    }
    return new VerdictInput(SCALE, rwg, scores, links, Moments.of(cust), Moments.of(empSeamless));
  }

  private static int category(double latent, double[] cuts) {
    int k = 0;
    while (k < cuts.length && latent > cuts[k]) {
      k++;
    }
    return k + 1;
  }

  /**
   * Standard-normal cut-points of the discrete distribution with this mean and variance, so that
   * category(Z) has exactly that distribution for Z ~ N(0, 1).
   */
  static synchronized double[] cuts(double mean, double variance) {
    return CUTS.computeIfAbsent(List.of(mean, variance), k -> solveCuts(mean, variance));
  }

  /** The probabilities of 1..5 of a normal(mu, sigma) discretised at the half-points. */
  static double[] probabilities(double mu, double sigma) {
    double[] p = new double[5];
    double prev = 0;
    for (int k = 0; k < 4; k++) {
      double c = N01.cumulativeProbability((k + 1.5 - mu) / sigma);
      p[k] = c - prev;
      prev = c;
    }
    p[4] = 1 - prev;
    return p;
  }

  static double[] meanAndVariance(double[] p) {
    double m = 0;
    double m2 = 0;
    for (int k = 0; k < p.length; k++) {
      m += (k + 1) * p[k];
      m2 += (k + 1) * (k + 1) * p[k];
    }
    return new double[] {m, m2 - m * m};
  }

  private static double muFor(double mean, double sigma) {
    double lo = -30;
    double hi = 36;
    for (int it = 0; it < 100; it++) {
      double mid = (lo + hi) / 2;
      if (meanAndVariance(probabilities(mid, sigma))[0] < mean) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return (lo + hi) / 2;
  }

  private static double[] solveCuts(double mean, double variance) {
    double lo = 0.01;
    double hi = 50;
    for (int it = 0; it < 100; it++) {
      double mid = (lo + hi) / 2;
      if (meanAndVariance(probabilities(muFor(mean, mid), mid))[1] < variance) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    double sigma = (lo + hi) / 2;
    double[] p = probabilities(muFor(mean, sigma), sigma);
    double[] mv = meanAndVariance(p);
    if (Math.abs(mv[0] - mean) > 1e-9 || Math.abs(mv[1] - variance) > 1e-9) {
      throw new IllegalArgumentException(
          "no discretised normal on 1..5 has mean " + mean + " and variance " + variance);
    }
    double[] cuts = new double[4];
    double cum = 0;
    for (int k = 0; k < 4; k++) {
      cum += p[k];
      cuts[k] =
          cum <= 0
              ? Double.NEGATIVE_INFINITY
              : cum >= 1 ? Double.POSITIVE_INFINITY : N01.inverseCumulativeProbability(cum);
    }
    return cuts;
  }
}
