package org.cxalign.survey.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.cxalign.analytics.accumulate.AlignmentAccumulator;
import org.cxalign.analytics.accumulate.Population;
import org.cxalign.analytics.accumulate.ResponseLayout;
import org.cxalign.analytics.instrument.Instrument;
import org.cxalign.analytics.instrument.Item;
import org.cxalign.analytics.instrument.Model;
import org.cxalign.analytics.report.InstrumentReportBuilder;
import org.cxalign.survey.aggregate.CampaignAggregate;
import org.cxalign.survey.aggregate.DepartmentKey;
import org.cxalign.survey.campaign.Transparency;

/**
 * A one-off timing of what the server computes for each new aggregate version (not a test; run by
 * hand, optionally under JFR): a campaign of the built-in instrument over 8 departments holding
 * {@code responses} responses (10% employees, as ReportBench seeds them), then {@code versions} new
 * versions of {@code batch} more responses each (as imports arriving); for each version the
 * anonymised campaign and the admin's report sections are built from scratch and timed.
 *
 * <pre>
 * java -cp survey-ejb/target/test-classes:survey-ejb/target/classes:$(deps) \
 *   org.cxalign.survey.report.ViewCostProfile [responses 1000000] [versions 40] [batch 100]
 * </pre>
 */
public final class ViewCostProfile {

  private static final Instrument INST = TestCampaigns.BUILT_IN;
  private static final String[] SECTIONS = {
    "anonymise", "summary", "departments", "heatmap", "network", "gap", "maturity", "verdict"
  };

  private ViewCostProfile() {}

  public static void main(String[] args) {
    long responses = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
    int versions = args.length > 1 ? Integer.parseInt(args[1]) : 40;
    int batch = args.length > 2 ? Integer.parseInt(args[2]) : 100;
    List<String> names =
        List.of(
            "Customer Service",
            "Finance",
            "IT",
            "Logistics",
            "Marketing",
            "People",
            "Product",
            "Sales");
    Map<String, Long> ids = new LinkedHashMap<>();
    long next = 100;
    for (String n : names) {
      ids.put(n, next++);
    }
    CampaignInfo c =
        new CampaignInfo(
            7,
            "Profile",
            "w",
            "open",
            LocalDate.of(2026, 3, 1),
            5,
            Transparency.ALL_DEPARTMENTS,
            INST.id(),
            INST,
            ids);
    List<DepartmentKey> keys = new ArrayList<>();
    ids.forEach((n, id) -> keys.add(new DepartmentKey(id.toString(), id, n)));
    List<String> targets = keys.stream().map(DepartmentKey::key).toList();
    ResponseLayout layout = InstrumentReportBuilder.layout(INST, targets);
    AlignmentAccumulator acc = new AlignmentAccumulator(layout);
    keys.forEach(k -> acc.department(k.key()));
    acc.department("");
    Random rnd = new Random(20261203L);
    long t0 = System.nanoTime();
    for (long i = 0; i < responses; i++) {
      add(acc, layout, keys, rnd);
    }
    System.out.printf(
        Locale.ROOT,
        "accumulated %d responses in %.1f s%n",
        responses,
        (System.nanoTime() - t0) / 1e9);
    double[] total = new double[SECTIONS.length];
    int measured = 0;
    AlignmentAccumulator current = acc;
    long hits0 = counter("hits");
    long misses0 = counter("misses");
    java.security.MessageDigest sha;
    try {
      sha = java.security.MessageDigest.getInstance("SHA-256");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    for (int v = 1; v <= versions; v++) {
      current = current.copy();
      for (int i = 0; i < batch; i++) {
        add(current, layout, keys, rnd);
      }
      CampaignAggregate agg = new CampaignAggregate(c.id(), v, INST, layout, current, keys);
      double[] ms = new double[SECTIONS.length];
      long s = System.nanoTime();
      AnonymisedCampaign ac = AnonymisedCampaign.of(c, agg);
      ReportViews views = new ReportViews(ac, Viewer.administrator());
      ms[0] = lap(s);
      s = System.nanoTime();
      digest(sha, views.summary());
      ms[1] = lap(s);
      s = System.nanoTime();
      digest(sha, views.departments());
      ms[2] = lap(s);
      s = System.nanoTime();
      digest(sha, views.heatmap());
      ms[3] = lap(s);
      s = System.nanoTime();
      digest(sha, views.network());
      ms[4] = lap(s);
      s = System.nanoTime();
      digest(sha, views.gap());
      ms[5] = lap(s);
      s = System.nanoTime();
      digest(sha, views.maturity());
      ms[6] = lap(s);
      s = System.nanoTime();
      digest(sha, views.verdict());
      ms[7] = lap(s);
      long hits = counter("hits");
      long misses = counter("misses");
      StringBuilder line =
          new StringBuilder(
              String.format(
                  Locale.ROOT,
                  "version %d (t quantiles: %d computed, %d remembered):",
                  v,
                  misses - misses0,
                  hits - hits0));
      hits0 = hits;
      misses0 = misses;
      double sum = 0;
      for (int i = 0; i < ms.length; i++) {
        line.append(String.format(Locale.ROOT, " %s %.1f", SECTIONS[i], ms[i]));
        sum += ms[i];
      }
      System.out.println(line.append(String.format(Locale.ROOT, " | all %.1f ms", sum)));
      if (v > versions / 2) { // the second half: a warm JVM
        measured++;
        for (int i = 0; i < ms.length; i++) {
          total[i] += ms[i];
        }
      }
    }
    System.out.println(
        "SHA-256 of every section of every version: "
            + java.util.HexFormat.of().formatHex(sha.digest()));
    StringBuilder line = new StringBuilder("mean of the last " + measured + " versions, ms:");
    double sum = 0;
    for (int i = 0; i < total.length; i++) {
      line.append(String.format(Locale.ROOT, " %s %.1f", SECTIONS[i], total[i] / measured));
      sum += total[i] / measured;
    }
    System.out.println(line.append(String.format(Locale.ROOT, " | all %.1f", sum)));
  }

  private static void digest(java.security.MessageDigest sha, String document) {
    // the envelope may carry a time; the figures are what must not change
    sha.update(
        document
            .replaceAll("\"generated[^\"]*\":\"[^\"]*\"", "")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** TQuantiles' counters when the analytics on the class path has them (0 before the cache). */
  private static long counter(String name) {
    try {
      return (long)
          Class.forName("org.cxalign.analytics.stat.TQuantiles").getMethod(name).invoke(null);
    } catch (ReflectiveOperationException e) {
      return 0;
    }
  }

  private static double lap(long start) {
    return (System.nanoTime() - start) / 1e6;
  }

  /**
   * One response drawn as ResponseSeeder draws them (10% employees; a third of customers without a
   * department).
   */
  private static void add(
      AlignmentAccumulator acc, ResponseLayout layout, List<DepartmentKey> keys, Random rnd) {
    boolean employee = rnd.nextInt(10) == 0;
    int d = employee || rnd.nextInt(3) != 0 ? rnd.nextInt(keys.size()) : -1;
    int level = 2 + (d < 0 ? 1 : d % 3);
    List<String> items = layout.items();
    int[] answers = new int[items.size()];
    for (int i = 0; i < answers.length; i++) {
      Item it = INST.item(items.get(i)).orElseThrow();
      boolean answers4 =
          employee
              ? it.model() != Model.COLLABORATION
                  && it.population().includes(org.cxalign.analytics.instrument.Population.EMPLOYEE)
              : it.population() == org.cxalign.analytics.instrument.Population.CUSTOMER;
      answers[i] = answers4 ? TestCampaigns.answer(rnd, level) : AlignmentAccumulator.MISSING;
    }
    int[] collab = new int[keys.size()];
    for (int t = 0; t < collab.length; t++) {
      collab[t] =
          employee && t != d ? TestCampaigns.answer(rnd, level) : AlignmentAccumulator.MISSING;
    }
    acc.add(
        employee ? Population.EMPLOYEE : Population.CUSTOMER,
        d < 0 ? "" : keys.get(d).key(),
        answers,
        collab);
  }
}
