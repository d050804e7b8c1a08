package org.cxalign.survey.report;

import static org.cxalign.analytics.json.EstimateJson.estimate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.cxalign.analytics.accumulate.AlignmentAccumulator;
import org.cxalign.analytics.accumulate.OptionCounts;
import org.cxalign.analytics.accumulate.Population;
import org.cxalign.analytics.instrument.Dimension;
import org.cxalign.analytics.instrument.Instrument;
import org.cxalign.analytics.json.JsonWriter;
import org.cxalign.analytics.maturity.MaturityJson;
import org.cxalign.analytics.maturity.MaturityProfile;
import org.cxalign.analytics.report.BetweenDepartments;
import org.cxalign.analytics.report.CollaborationLink;
import org.cxalign.analytics.report.CollaborationNetwork;
import org.cxalign.analytics.report.Consensus;
import org.cxalign.analytics.report.DepartmentStatistics;
import org.cxalign.analytics.report.InstrumentSections;
import org.cxalign.analytics.report.ItemGap;
import org.cxalign.analytics.report.ItemStatistics;
import org.cxalign.analytics.report.PerceptionGap;
import org.cxalign.analytics.report.Reliability;
import org.cxalign.analytics.report.ReportJson;
import org.cxalign.analytics.report.ScaleReport;
import org.cxalign.analytics.stat.CohenD;
import org.cxalign.analytics.stat.Estimate;
import org.cxalign.analytics.stat.Interval;
import org.cxalign.analytics.stat.MannWhitney;
import org.cxalign.analytics.stat.MannWhitneyResult;
import org.cxalign.analytics.stat.MeanInterval;
import org.cxalign.analytics.stat.Moments;
import org.cxalign.analytics.stat.MultipleComparisons;
import org.cxalign.analytics.stat.Scale;
import org.cxalign.analytics.stat.WelchResult;
import org.cxalign.analytics.stat.WelchTTest;
import org.cxalign.analytics.verdict.CriterionResult;
import org.cxalign.analytics.verdict.VerdictResult;
import org.cxalign.survey.campaign.Transparency;
import org.cxalign.survey.report.Suppression.Rule;

/**
 * The report endpoints' JSON for one viewer (the shapes of /work/notes/report-api.md and the
 * README): snake_case members as {@code cx-align report}, an undefined figure as {@code null} plus
 * {@code <key>_reason}, a hidden row or cell as {@code "suppressed": true, "rule", "reason"} with
 * its identifying keys only.
 *
 * <p>Viewer scope: an administrator sees every group the anonymised partition shows; a department
 * head sees the organisation and their own department, other departments (and the pool) only under
 * {@link Transparency#ALL_DEPARTMENTS}. Under {@link Transparency#OWN_DEPARTMENT_ONLY}, when the
 * head's department is a group and exactly one other group exists, organisation figures are hidden
 * (rule {@code organisation_hidden}): the organisation minus the own department would be that
 * group.
 *
 * <p>Safe to share between threads: nothing changes after construction except the memo of the
 * section documents ({@link #summary}, {@link #departments}, {@link #department}, {@link #heatmap},
 * {@link #network}, {@link #gap}, {@link #maturity}, {@link #verdict}), each written once.
 */
public final class ReportViews {

  private final AnonymisedCampaign ac;
  private final Viewer viewer;
  private final CampaignInfo campaign;
  private final int k;
  // the documents of the sections without parameters of their own, by section (see #section)
  private final Map<String, String> rendered = new java.util.concurrent.ConcurrentHashMap<>();

  public ReportViews(AnonymisedCampaign ac, Viewer viewer) {
    this.ac = ac;
    this.viewer = viewer;
    this.campaign = ac.campaign();
    this.k = campaign.k();
  }

  /** The anonymised campaign these views show. */
  public AnonymisedCampaign anonymised() {
    return ac;
  }

  private boolean ownOnly() {
    return !viewer.admin() && campaign.transparency() == Transparency.OWN_DEPARTMENT_ONLY;
  }

  // ---- visibility ----

  /** Why a department's row is hidden from this viewer, or null when it is shown. */
  public Rule departmentRule(String department) {
    if (ownOnly() && !department.equals(viewer.department())) {
      return Rule.TRANSPARENCY;
    }
    if (!ac.organisationVisible() || ac.employees(department) == 0) {
      return Rule.MIN_K;
    }
    return ac.departmentRule(department);
  }

  /** Why a group (a department label or the pool) is hidden from this viewer, or null. */
  public Rule groupRule(String group) {
    if (group.equals(AnonymisedCampaign.POOL)) {
      if (ownOnly()) {
        return Rule.TRANSPARENCY;
      }
      return ac.organisationVisible() ? null : Rule.MIN_K;
    }
    return departmentRule(group);
  }

  /** Why organisation-level employee figures are hidden from this viewer, or null. */
  public Rule organisationRule() {
    if (!ac.organisationVisible()) {
      return Rule.MIN_K;
    }
    if (ownOnly() && ac.groups().contains(viewer.department())) {
      long others = ac.groups().stream().filter(g -> !g.equals(viewer.department())).count();
      if (others == 1) {
        return Rule.ORGANISATION_HIDDEN;
      }
    }
    return null;
  }

  private String reason(Rule r, String unit) {
    return switch (r) {
      case MIN_K -> "fewer than k = " + k + " " + unit;
      case SECONDARY ->
          "hidden although it has at least k = "
              + k
              + " "
              + unit
              + ", so that a smaller hidden group cannot be derived from the totals (secondary"
              + " suppression)";
      case TRANSPARENCY ->
          "the campaign shows department heads only the organisation and their own department";
      case ORGANISATION_HIDDEN ->
          "organisation figures would reveal the only other department (organisation minus your"
              + " department)";
    };
  }

  private void suppressed(JsonWriter w, Rule r, String unit) {
    w.name("suppressed").value(true);
    w.name("rule").value(r.json());
    w.name("reason").value(reason(r, unit));
  }

  private void departmentKeys(JsonWriter w, String group) {
    w.name("department").value(group);
    Long id = campaign.departments().get(group);
    w.name("department_id");
    if (id == null) {
      w.nullValue();
    } else {
      w.value(id.longValue());
    }
  }

  /** Opens a group's row: keys, and the suppression members when hidden; returns the rule. */
  private Rule groupRow(JsonWriter w, String group) {
    departmentKeys(w, group);
    Rule r = groupRule(group);
    if (r != null) {
      suppressed(w, r, "respondents");
    } else if (group.equals(AnonymisedCampaign.POOL)) {
      w.name("pooled").value(true);
      w.name("members").beginArray();
      for (String m : ac.poolMembers()) {
        w.value(m);
      }
      w.endArray();
    }
    return r;
  }

  /** Every row label: the campaign's departments by name, then the pool when there is one. */
  private List<String> rowLabels() {
    List<String> rows = new ArrayList<>(campaign.departments().keySet());
    for (String g : ac.groups()) {
      if (!rows.contains(g)) {
        rows.add(g); // the pool, or a department no longer in the campaign
      }
    }
    return rows;
  }

  // ---- documents ----

  private String document(java.util.function.Consumer<JsonWriter> body) {
    StringBuilder sb = new StringBuilder();
    JsonWriter w = new JsonWriter(sb, false);
    w.beginObject();
    envelope(w);
    body.accept(w);
    w.endObject();
    w.finish();
    return sb.toString();
  }

  private void envelope(JsonWriter w) {
    w.name("campaign").beginObject();
    w.name("id").value(campaign.id()).name("title").value(campaign.title());
    w.name("wave");
    if (campaign.wave() == null) {
      w.nullValue();
    } else {
      w.value(campaign.wave());
    }
    w.name("status").value(campaign.status());
    w.name("instrument").beginObject();
    w.name("key").value(campaign.instrumentKey());
    w.name("version").value(campaign.instrument().version());
    w.endObject().endObject();
    w.name("k").value(k);
    w.name("transparency").value(campaign.transparency().name().toLowerCase(Locale.ROOT));
    w.name("viewer").beginObject().name("role").value(viewer.role());
    w.name("department");
    if (viewer.department() == null) {
      w.nullValue();
    } else {
      w.value(viewer.department());
    }
    w.endObject();
    w.name("responses").value(ac.responses());
    Scale s = ac.accumulator().layout().scale();
    w.name("scale").beginObject().name("min").value(s.min()).name("max").value(s.max());
    w.endObject();
  }

  /**
   * A section's document, written once per instance: the snapshot and the viewer are fixed, so the
   * document is too (the report service keeps one instance per snapshot version and viewer).
   */
  private String section(String key, java.util.function.Consumer<JsonWriter> body) {
    return rendered.computeIfAbsent(key, k -> document(body));
  }

  public String summary() {
    return section("summary", this::writeSummary);
  }

  public String departments() {
    return section("departments", w -> writeDepartments(w, false));
  }

  /** One department in full (the caller has checked it is in the campaign and visible). */
  public String department(String name) {
    return section("department\u0000" + name, w -> writeDepartment(w, name));
  }

  public String heatmap() {
    return section("heatmap", this::writeHeatmap);
  }

  public String network() {
    return section("network", this::writeNetwork);
  }

  public String gap() {
    return section("gap", this::writeGap);
  }

  public String maturity() {
    return section("maturity", this::writeMaturity);
  }

  public String verdict() {
    return section("verdict", this::writeVerdict);
  }

  /** The trend against the previous wave (null with the reason when there is none). */
  public String trend(AnonymisedCampaign previous, String noPreviousReason) {
    return document(w -> writeTrend(w, previous, noPreviousReason));
  }

  /**
   * One page of comments of the groups (employee groups by label, customers as one group) with its
   * cursor: {@code after} as asked, {@code next} to ask for the following page (null: last page).
   */
  public String comments(
      Map<String, List<String>> employeeComments,
      List<String> customerComments,
      long after,
      int limit,
      Long next) {
    return document(
        w -> {
          writeComments(w, employeeComments, customerComments);
          w.name("page").beginObject();
          w.name("after").value(after);
          w.name("limit").value(limit);
          w.name("next");
          if (next == null) {
            w.nullValue();
          } else {
            w.value(next.longValue());
          }
          w.endObject();
        });
  }

  /** Every section in one document (the report export). */
  public String all(AnonymisedCampaign previous, String noPreviousReason) {
    return document(
        w -> {
          w.name("summary").beginObject();
          writeSummary(w);
          w.endObject();
          w.name("departments").beginObject();
          writeDepartments(w, true);
          w.endObject();
          w.name("heatmap").beginObject();
          writeHeatmap(w);
          w.endObject();
          w.name("network").beginObject();
          writeNetwork(w);
          w.endObject();
          w.name("gap").beginObject();
          writeGap(w);
          w.endObject();
          w.name("maturity").beginObject();
          writeMaturity(w);
          w.endObject();
          w.name("verdict").beginObject();
          writeVerdict(w);
          w.endObject();
          w.name("trend").beginObject();
          writeTrend(w, previous, noPreviousReason);
          w.endObject();
        });
  }

  // ---- summary ----

  private void writeSummary(JsonWriter w) {
    w.name("respondents").beginObject();
    w.name("employee").value(ac.report().employees());
    w.name("customer").value(ac.report().customers());
    w.endObject();
    Rule org = organisationRule();
    List<ScaleReport> scales = ac.scales();
    w.name("organisation").beginObject();
    if (org != null) {
      suppressed(w, org, "respondents");
    } else {
      writeOrganisationScale(w, 0, scales.get(0));
    }
    w.endObject();
    w.name("dimensions").beginArray();
    for (int s = 1; s < scales.size(); s++) {
      ScaleReport sr = scales.get(s);
      w.beginObject().name("dimension").value(sr.scale());
      Optional<Dimension> d = campaign.instrument().dimension(sr.scale());
      w.name("title").value(d.map(Dimension::title).orElse(sr.scale()));
      w.name("items").beginArray();
      for (String item : sr.items()) {
        w.value(item);
      }
      w.endArray();
      if (org != null) {
        suppressed(w, org, "respondents");
      } else {
        writeOrganisationScale(w, s, sr);
      }
      w.endObject();
    }
    w.endArray();
    w.name("departments").beginArray();
    for (String g : rowLabels()) {
      w.beginObject();
      if (groupRow(w, g) == null) {
        w.name("n").value(ac.accumulator().responses(Population.EMPLOYEE, g));
      }
      w.endObject();
    }
    w.endArray();
  }

  private void writeOrganisationScale(JsonWriter w, int s, ScaleReport sr) {
    Moments m = ac.accumulator().scores(Population.EMPLOYEE, s).moments();
    w.name("n").value(m.n());
    estimate(w, "mean", m.meanEstimate());
    Interval ci = MeanInterval.of(m, 0.95);
    estimate(w, "lower95", ci.lower());
    estimate(w, "upper95", ci.upper());
    BetweenDepartments b = sr.betweenDepartments();
    w.name("between_departments").beginObject();
    estimate(w, "icc1", b.icc1());
    estimate(w, "icc2", b.icc2());
    estimate(w, "f", b.f());
    w.name("df_between").value(b.dfBetween());
    w.name("df_within").value(b.dfWithin());
    estimate(w, "p_value", b.pValue());
    estimate(w, "eta_squared", b.etaSquared());
    w.name("groups").value(b.groups()).name("n").value(b.n());
    w.endObject();
    Reliability rel = sr.reliability();
    w.name("reliability").beginObject();
    estimate(w, "cronbach_alpha", rel.cronbachAlpha());
    w.name("items").value(rel.items()).name("n").value(rel.n());
    w.endObject();
    Consensus c = sr.consensus();
    w.name("consensus").beginObject();
    estimate(w, "kendall_w", c.kendallW());
    estimate(w, "chi_square", c.chiSquare());
    estimate(w, "df", c.df());
    estimate(w, "p_value", c.pValue());
    estimate(w, "krippendorff_alpha_interval", c.krippendorffAlphaInterval());
    w.name("judges").value(c.judges());
    w.name("observers").value(c.observers());
    w.name("objects").value(c.objects());
    w.endObject();
    PerceptionGap g = sr.perceptionGap();
    w.name("perception_gap").beginObject();
    boolean customersShown = g.customers() >= k;
    if (!customersShown && g.customers() > 0) {
      suppressed(w, Rule.MIN_K, "customer respondents");
    } else {
      estimate(w, "mean_difference", g.meanDifference());
      estimate(w, "welch_t", g.welchT());
      estimate(w, "welch_df", g.welchDf());
      estimate(w, "welch_p", g.welchP());
      estimate(w, "cohen_d", g.cohenD());
      estimate(w, "mann_whitney_w", g.mannWhitneyW());
      estimate(w, "mann_whitney_p", g.mannWhitneyP());
      w.name("employee").beginObject().name("n").value(g.employees());
      estimate(w, "mean", g.employeeMean());
      w.endObject();
      w.name("customer").beginObject().name("n").value(g.customers());
      estimate(w, "mean", g.customerMean());
      w.endObject();
    }
    w.endObject();
  }

  // ---- departments ----

  private void writeDepartments(JsonWriter w, boolean withItems) {
    List<ScaleReport> scales = ac.scales();
    w.name("scales").beginArray();
    for (ScaleReport s : scales) {
      w.value(s.scale());
    }
    w.endArray();
    w.name("departments").beginArray();
    for (String g : rowLabels()) {
      w.beginObject();
      writeDepartmentBody(w, g, withItems);
      w.endObject();
    }
    w.endArray();
  }

  private void writeDepartmentBody(JsonWriter w, String g, boolean withItems) {
    if (groupRow(w, g) != null) {
      return;
    }
    w.name("n").value(ac.accumulator().responses(Population.EMPLOYEE, g));
    w.name("scales").beginArray();
    List<ScaleReport> scales = ac.scales();
    for (int s = 0; s < scales.size(); s++) {
      ScaleReport sr = scales.get(s);
      DepartmentStatistics d = row(sr, g);
      w.beginObject().name("scale").value(sr.scale());
      Rule cell = ac.scaleCell(g, sr.scale());
      if (cell != null) {
        suppressed(w, cell, "scored respondents");
        w.endObject();
        continue;
      }
      w.name("n_scored").value(d.scored());
      estimate(w, "mean", d.mean());
      Interval ci =
          MeanInterval.of(ac.accumulator().scores(Population.EMPLOYEE, g, s).moments(), 0.95);
      estimate(w, "lower95", ci.lower());
      estimate(w, "upper95", ci.upper());
      estimate(w, "sd", d.sd());
      if (ac.rwgHidden(g, sr.scale()) && d.rwgJ().isDefined()) {
        estimate(
            w, "rwg_j", Estimate.undefined("suppressed: " + reason(Rule.MIN_K, "complete cases")));
      } else {
        estimate(w, "rwg_j", d.rwgJ());
      }
      w.name("n_complete").value(d.completeCases());
      boolean itemHidden = d.items().stream().anyMatch(i -> ac.itemCell(g, i.item()) != null);
      if (itemHidden) {
        estimate(w, "ad_md", Estimate.undefined("suppressed: an item of the scale is suppressed"));
      } else {
        estimate(w, "ad_md", d.adMJ());
      }
      if (withItems && s > 0) {
        w.name("items").beginArray();
        for (ItemStatistics i : d.items()) {
          w.beginObject().name("item").value(i.item());
          Rule ir = ac.itemCell(g, i.item());
          if (ir != null) {
            suppressed(w, ir, "answers");
          } else {
            w.name("n").value(i.n());
            estimate(w, "mean", i.mean());
            estimate(w, "sd", i.sd());
            estimate(w, "rwg", i.rwg());
            estimate(w, "ad_m", i.adM());
          }
          w.endObject();
        }
        w.endArray();
      }
      w.endObject();
    }
    w.endArray();
  }

  private static DepartmentStatistics row(ScaleReport sr, String group) {
    for (DepartmentStatistics d : sr.departments()) {
      if (d.department().equals(group)) {
        return d;
      }
    }
    throw new IllegalStateException("no row for " + group + " in " + sr.scale());
  }

  private void writeDepartment(JsonWriter w, String name) {
    w.name("department").beginObject();
    writeDepartmentBody(w, name, true);
    w.endObject();
    if (groupRule(name) != null) {
      return;
    }
    w.name("maturity").beginObject();
    writeMaturityOf(w, name);
    w.endObject();
    w.name("gap").beginArray();
    Optional<InstrumentSections> sections = ac.report().instrument();
    if (sections.isPresent()) {
      for (ItemGap g : sections.get().perceptionGaps()) {
        w.beginObject();
        w.name("facet").value(g.facet());
        w.name("employee_item").value(g.employeeItem());
        w.name("customer_item").value(g.customerItem());
        writeDepartmentGap(w, name, g);
        w.endObject();
      }
    }
    w.endArray();
    w.name("links").beginArray();
    if (ac.report().network().isPresent()) {
      for (CollaborationLink l : ac.report().network().get().links()) {
        if (l.from().equals(name)) {
          writeLink(w, l);
        }
      }
    }
    w.endArray();
  }

  // ---- heatmap ----

  /**
   * A heatmap cell: the group's scores and, when there is another group, Welch's test against the
   * rest (only its mean difference and p are shown; {@link WelchTTest#pValue} spares the interval's
   * t quantile, the costly part, at the same p).
   */
  private record HeatCell(String group, int scale, Moments m, Double difference, Estimate p) {}

  private void writeHeatmap(JsonWriter w) {
    List<ScaleReport> scales = ac.scales();
    AlignmentAccumulator acc = ac.accumulator();
    List<HeatCell> cells = new ArrayList<>();
    List<Double> ps = new ArrayList<>();
    if (ac.organisationVisible()) {
      for (int s = 1; s < scales.size(); s++) {
        for (String g : ac.groups()) {
          if (ac.scaleCell(g, scales.get(s).scale()) != null) {
            continue;
          }
          Moments m = acc.scores(Population.EMPLOYEE, g, s).moments();
          Moments rest = Moments.empty();
          for (String o : ac.groups()) {
            if (!o.equals(g)) {
              rest = Moments.merge(rest, acc.scores(Population.EMPLOYEE, o, s).moments());
            }
          }
          boolean compared = m.n() > 0 && rest.n() > 0;
          Estimate p = compared ? WelchTTest.pValue(m, rest) : null;
          cells.add(new HeatCell(g, s, m, compared ? m.mean() - rest.mean() : null, p));
          if (p != null && p.isDefined()) {
            ps.add(p.get());
          }
        }
      }
    }
    double[] q = MultipleComparisons.benjaminiHochberg(ps.stream().mapToDouble(d -> d).toArray());
    java.util.Map<String, Double> qOf = new java.util.HashMap<>();
    int at = 0;
    for (HeatCell c : cells) {
      if (c.p() != null && c.p().isDefined()) {
        qOf.put(AnonymisedCampaign.key(c.group(), scales.get(c.scale()).scale()), q[at++]);
      }
    }
    w.name("dimensions").beginArray();
    for (int s = 1; s < scales.size(); s++) {
      w.value(scales.get(s).scale());
    }
    w.endArray();
    w.name("q_threshold").value(0.05);
    w.name("tests").value(ps.size());
    w.name("rows").beginArray();
    for (String g : rowLabels()) {
      w.beginObject();
      if (groupRow(w, g) == null) {
        w.name("n").value(acc.responses(Population.EMPLOYEE, g));
        w.name("cells").beginArray();
        for (int s = 1; s < scales.size(); s++) {
          String dim = scales.get(s).scale();
          w.beginObject().name("dimension").value(dim);
          Rule r = ac.scaleCell(g, dim);
          HeatCell c = null;
          for (HeatCell hc : cells) {
            if (hc.group().equals(g) && hc.scale() == s) {
              c = hc;
            }
          }
          if (r != null || c == null) {
            suppressed(w, r == null ? Rule.MIN_K : r, "scored respondents");
          } else {
            w.name("n").value(c.m().n());
            estimate(w, "mean", c.m().meanEstimate());
            Interval ci = MeanInterval.of(c.m(), 0.95);
            estimate(w, "lower95", ci.lower());
            estimate(w, "upper95", ci.upper());
            if (c.p() == null) {
              Estimate u = Estimate.undefined("no other group to compare with");
              estimate(w, "difference", u);
              estimate(w, "p", u);
              estimate(w, "q", u);
              w.name("flag").nullValue();
            } else {
              estimate(w, "difference", Estimate.of(c.difference()));
              estimate(w, "p", c.p());
              Double qv = qOf.get(AnonymisedCampaign.key(g, dim));
              estimate(w, "q", qv == null ? Estimate.undefined("no p-value") : Estimate.of(qv));
              w.name("flag");
              if (qv != null && qv <= 0.05) {
                w.value(c.difference() > 0 ? "above" : "below");
              } else {
                w.nullValue();
              }
            }
          }
          w.endObject();
        }
        w.endArray();
      }
      w.endObject();
    }
    w.endArray();
  }

  // ---- network ----

  private void writeLink(JsonWriter w, CollaborationLink l) {
    w.beginObject().name("from").value(l.from()).name("to").value(l.to());
    Rule r = groupRule(l.from());
    if (r == null) {
      r = ac.linkCell(l.from(), l.to());
    }
    if (r != null) {
      suppressed(w, r, "ratings");
    } else {
      w.name("n").value(l.n());
      estimate(w, "mean", l.mean());
      estimate(w, "lower95", l.lower95());
      estimate(w, "upper95", l.upper95());
    }
    w.endObject();
  }

  private List<String> isolated() {
    List<String> out = new ArrayList<>();
    Optional<VerdictResult> v = ac.report().instrument().flatMap(InstrumentSections::verdict);
    if (v.isEmpty()) {
      return null;
    }
    for (CriterionResult c : v.get().criteria()) {
      if (c.name().equals("collaboration_network")) {
        for (CriterionResult.Detail d : c.details()) {
          if (d.status() == CriterionResult.Status.FAIL && ac.groups().contains(d.subject())) {
            out.add(d.subject());
          }
        }
      }
    }
    return out;
  }

  private void writeNetwork(JsonWriter w) {
    Optional<CollaborationNetwork> net = ac.report().network();
    Rule org = organisationRule();
    if (org != null) {
      suppressed(w, org, "respondents");
    } else if (net.isPresent()) {
      w.name("n").value(net.get().n());
      estimate(w, "mean", net.get().mean());
      estimate(w, "lower95", net.get().lower95());
      estimate(w, "upper95", net.get().upper95());
    }
    List<String> isolated = org == null ? isolated() : null;
    w.name("nodes").beginArray();
    for (String g : rowLabels()) {
      w.beginObject();
      if (groupRow(w, g) == null) {
        w.name("n").value(ac.accumulator().responses(Population.EMPLOYEE, g));
        estimate(
            w,
            "collaboration_mean",
            ac.accumulator().collaborationScores(Population.EMPLOYEE, g).moments().meanEstimate());
        w.name("isolated").value(isolated != null && isolated.contains(g));
      }
      w.endObject();
    }
    w.endArray();
    w.name("links").beginArray();
    if (net.isPresent() && ac.organisationVisible()) {
      for (CollaborationLink l : net.get().links()) {
        writeLink(w, l);
      }
    }
    w.endArray();
    w.name("isolated");
    if (isolated == null) {
      w.nullValue();
      w.name("isolated_reason")
          .value(
              org != null
                  ? reason(org, "respondents")
                  : ac.report()
                      .instrument()
                      .map(InstrumentSections::verdictUndefinedReason)
                      .orElse("no instrument"));
    } else {
      w.beginArray();
      for (String g : isolated) {
        if (groupRule(g) == null) {
          w.value(g);
        }
      }
      w.endArray();
    }
  }

  // ---- gap ----

  private void writeGap(JsonWriter w) {
    w.name("items").beginArray();
    Optional<InstrumentSections> sections = ac.report().instrument();
    if (sections.isPresent()) {
      for (ItemGap g : sections.get().perceptionGaps()) {
        w.beginObject();
        w.name("facet").value(g.facet());
        w.name("employee_item").value(g.employeeItem());
        w.name("customer_item").value(g.customerItem());
        Rule org = organisationRule();
        if (org != null) {
          suppressed(w, org, "respondents");
        } else if (g.customers() > 0 && g.customers() < k) {
          suppressed(w, Rule.MIN_K, "customer answers");
        } else {
          ReportJson.gapFigures(w, g);
        }
        w.name("departments").beginArray();
        for (String d : campaign.departments().keySet()) {
          w.beginObject();
          departmentKeys(w, d);
          writeDepartmentGap(w, d, g);
          w.endObject();
        }
        w.endArray();
        w.endObject();
      }
    }
    w.endArray();
  }

  /** The gap members of one department (keys written by the caller). */
  private void writeDepartmentGap(JsonWriter w, String d, ItemGap g) {
    Rule r = departmentRule(d);
    String unit = "respondents";
    if (r == null) {
      r = ac.itemCell(d, g.employeeItem());
      unit = "answers";
    }
    if (r == null) {
      r = ac.customerRule(d);
      unit = "customer respondents";
      if (r == null && ac.customers(d) == 0) {
        r = Rule.MIN_K;
      }
    }
    if (r == null) {
      r = ac.customerItemCell(d, g.customerItem());
      unit = "customer answers";
    }
    AlignmentAccumulator acc = ac.accumulator();
    Scale scale = acc.layout().scale();
    long[] e =
        r != null
            ? null
            : acc.itemCounts(
                Population.EMPLOYEE, d, acc.layout().items().indexOf(g.employeeItem()));
    long[] c =
        r != null
            ? null
            : acc.itemCounts(
                Population.CUSTOMER, d, acc.layout().items().indexOf(g.customerItem()));
    // a side without a single answer to its item (every respondent skipped it): fewer than k, as
    // a department without customers above; a cell of 0 is not hidden by the cell rules
    if (r == null && Arrays.stream(e).sum() == 0) {
      r = Rule.MIN_K;
      unit = "answers";
    } else if (r == null && Arrays.stream(c).sum() == 0) {
      r = Rule.MIN_K;
      unit = "customer answers";
    }
    if (r != null) {
      suppressed(w, r, unit);
      return;
    }
    Moments me = OptionCounts.moments(scale, e);
    Moments mc = OptionCounts.moments(scale, c);
    w.name("n_employee").value(me.n());
    w.name("n_customer").value(mc.n());
    Interval ei = MeanInterval.of(me, 0.95);
    Interval ci = MeanInterval.of(mc, 0.95);
    estimate(w, "employee_mean", me.meanEstimate());
    estimate(w, "employee_lower95", ei.lower());
    estimate(w, "employee_upper95", ei.upper());
    estimate(w, "customer_mean", mc.meanEstimate());
    estimate(w, "customer_lower95", ci.lower());
    estimate(w, "customer_upper95", ci.upper());
    WelchResult welch = WelchTTest.of(me, mc);
    estimate(w, "mean_difference", Estimate.of(welch.meanDifference()));
    estimate(w, "difference_lower95", welch.lower95());
    estimate(w, "difference_upper95", welch.upper95());
    estimate(w, "welch_t", welch.t());
    estimate(w, "welch_df", welch.df());
    estimate(w, "welch_p", welch.pValue());
    estimate(w, "cohen_d", CohenD.of(me, mc));
    estimate(w, "mann_whitney_p", mannWhitney(scale, e, c).pValue());
  }

  static MannWhitneyResult mannWhitney(Scale scale, long[] a, long[] b) {
    List<double[]> rows = new ArrayList<>();
    for (int o = 0; o < a.length; o++) {
      if (a[o] + b[o] > 0) {
        rows.add(new double[] {scale.min() + o, a[o], b[o]});
      }
    }
    double[] v = new double[rows.size()];
    long[] ca = new long[rows.size()];
    long[] cb = new long[rows.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = rows.get(i)[0];
      ca[i] = (long) rows.get(i)[1];
      cb[i] = (long) rows.get(i)[2];
    }
    return MannWhitney.ofCounts(v, ca, cb);
  }

  // ---- maturity ----

  private void writeMaturity(JsonWriter w) {
    Optional<InstrumentSections> sections = ac.report().instrument();
    Rule org = organisationRule();
    w.name("organisation");
    if (org != null || sections.isEmpty()) {
      w.beginObject();
      suppressed(w, org == null ? Rule.MIN_K : org, "respondents");
      w.endObject();
    } else {
      MaturityJson.write(w, sections.get().maturity().organisation());
    }
    w.name("departments").beginArray();
    for (String g : rowLabels()) {
      w.beginObject();
      writeMaturityOf(w, g);
      w.endObject();
    }
    w.endArray();
  }

  private void writeMaturityOf(JsonWriter w, String g) {
    if (groupRow(w, g) != null) {
      return;
    }
    MaturityProfile p =
        ac.report().instrument().map(s -> s.maturity().departments().get(g)).orElse(null);
    if (p == null) {
      w.name("placement").nullValue();
      w.name("placement_reason").value("no employee answers");
    } else if (!ac.fullyVisible(g)) {
      w.name("placement").beginObject();
      suppressed(w, Rule.SECONDARY, "answers on some items of the department");
      w.endObject();
    } else {
      w.name("placement");
      MaturityJson.write(w, p);
    }
  }

  // ---- verdict ----

  private void writeVerdict(JsonWriter w) {
    Optional<InstrumentSections> sections = ac.report().instrument();
    Rule org = organisationRule();
    w.name("verdict");
    if (org != null) {
      w.nullValue();
      w.name("verdict_reason").value(reason(org, "respondents"));
      return;
    }
    if (sections.isEmpty() || sections.get().verdict().isEmpty()) {
      w.nullValue();
      w.name("verdict_reason")
          .value(sections.map(InstrumentSections::verdictUndefinedReason).orElse("no instrument"));
      return;
    }
    VerdictResult v = sections.get().verdict().get();
    w.beginObject();
    w.name("outcome").value(v.outcome().name().toLowerCase(Locale.ROOT));
    w.name("criteria").beginArray();
    for (CriterionResult c : v.criteria()) {
      w.beginObject().name("name").value(c.name());
      w.name("status").value(c.status().name().toLowerCase(Locale.ROOT));
      estimate(w, "statistic", c.statistic());
      estimate(w, "lower", c.lower());
      estimate(w, "upper", c.upper());
      w.name("threshold").value(c.threshold());
      w.name("n").value(c.n());
      w.name("explanation").value(c.explanation());
      w.name("details").beginArray();
      for (CriterionResult.Detail d : c.details()) {
        w.beginObject().name("subject").value(d.subject());
        Rule r = null;
        if (ac.groups().contains(d.subject())) {
          r = groupRule(d.subject());
          if (r == null
              && c.name().equals("within_department_agreement")
              && ac.accumulator().collaborationCompleteCases(Population.EMPLOYEE, d.subject())
                  < k) {
            r = Rule.MIN_K;
          }
        }
        if (r != null) {
          suppressed(w, r, "respondents");
        } else {
          estimate(w, "statistic", d.statistic());
          estimate(w, "lower", d.lower());
          estimate(w, "upper", d.upper());
          estimate(w, "p", d.p());
          w.name("status").value(d.status().name().toLowerCase(Locale.ROOT));
          w.name("note").value(d.note());
        }
        w.endObject();
      }
      w.endArray().endObject();
    }
    w.endArray();
    w.name("required_sample_size");
    var rs = v.requiredSampleSize();
    if (rs == null) {
      w.nullValue();
    } else {
      w.beginObject();
      w.name("per_department");
      if (rs.perDepartment() == null) {
        w.nullValue();
      } else {
        w.value(rs.perDepartment().longValue());
      }
      w.name("customers");
      if (rs.customers() == null) {
        w.nullValue();
      } else {
        w.value(rs.customers().longValue());
      }
      w.name("basis").value(rs.basis());
      if (rs.undefinedReason() != null) {
        w.name("reason").value(rs.undefinedReason());
      }
      w.endObject();
    }
    w.endObject();
    w.name("verdict_reason").nullValue();
  }

  // ---- trend ----

  private void writeTrend(JsonWriter w, AnonymisedCampaign previous, String noPreviousReason) {
    w.name("previous");
    if (previous == null) {
      w.nullValue();
      w.name("previous_reason").value(noPreviousReason);
      w.name("rows").beginArray().endArray();
      return;
    }
    CampaignInfo pc = previous.campaign();
    w.beginObject().name("id").value(pc.id()).name("title").value(pc.title());
    w.name("wave");
    if (pc.wave() == null) {
      w.nullValue();
    } else {
      w.value(pc.wave());
    }
    w.name("k").value(pc.k()).endObject();
    w.name("previous_reason").nullValue();
    ReportViews before = new ReportViews(previous, viewer);
    List<String> scalesNow = scaleNames(ac);
    List<String> scalesBefore = scaleNames(previous);
    w.name("rows").beginArray();
    Rule orgNow = organisationRule();
    Rule orgBefore = before.organisationRule();
    for (String s : scalesNow) {
      if (!scalesBefore.contains(s)) {
        continue;
      }
      w.beginObject().name("department").nullValue().name("dimension").value(s);
      Rule r = orgNow != null ? orgNow : orgBefore;
      if (r != null) {
        suppressed(w, r, "respondents");
      } else {
        trendFigures(
            w,
            ac.accumulator().scores(Population.EMPLOYEE, scalesNow.indexOf(s)).moments(),
            previous.accumulator().scores(Population.EMPLOYEE, scalesBefore.indexOf(s)).moments());
      }
      w.endObject();
    }
    for (String d : campaign.departments().keySet()) {
      for (String s : scalesNow) {
        if (!scalesBefore.contains(s)) {
          continue;
        }
        w.beginObject();
        departmentKeys(w, d);
        w.name("dimension").value(s);
        Rule r = departmentRule(d);
        if (r == null) {
          r = ac.scaleCell(d, s);
        }
        if (r == null) {
          r =
              previous.employees(d) == 0 || !previous.groups().contains(d)
                  ? before.departmentRule(d) == null ? Rule.MIN_K : before.departmentRule(d)
                  : previous.scaleCell(d, s);
        }
        if (r != null) {
          suppressed(w, r, "respondents in this or the previous wave");
        } else {
          trendFigures(
              w,
              ac.accumulator().scores(Population.EMPLOYEE, d, scalesNow.indexOf(s)).moments(),
              previous
                  .accumulator()
                  .scores(Population.EMPLOYEE, d, scalesBefore.indexOf(s))
                  .moments());
        }
        w.endObject();
      }
    }
    w.endArray();
  }

  private static List<String> scaleNames(AnonymisedCampaign a) {
    return a.accumulator().layout().scales().stream().map(x -> x.name()).toList();
  }

  private static void trendFigures(JsonWriter w, Moments now, Moments before) {
    w.name("n_current").value(now.n());
    estimate(w, "mean_current", now.meanEstimate());
    w.name("n_previous").value(before.n());
    estimate(w, "mean_previous", before.meanEstimate());
    if (now.n() == 0 || before.n() == 0) {
      Estimate u = Estimate.undefined("no scale scores in one of the waves");
      estimate(w, "difference", u);
      estimate(w, "welch_t", u);
      estimate(w, "welch_df", u);
      estimate(w, "welch_p", u);
      return;
    }
    WelchResult r = WelchTTest.of(now, before);
    estimate(w, "difference", Estimate.of(r.meanDifference()));
    estimate(w, "welch_t", r.t());
    estimate(w, "welch_df", r.df());
    estimate(w, "welch_p", r.pValue());
  }

  // ---- comments ----

  private void writeComments(
      JsonWriter w, Map<String, List<String>> employee, List<String> customers) {
    w.name("groups").beginArray();
    for (String g : rowLabels()) {
      w.beginObject().name("population").value("employee");
      if (groupRow(w, g) == null) {
        w.name("n").value(ac.accumulator().responses(Population.EMPLOYEE, g));
        w.name("comments").beginArray();
        for (String c : sorted(employee.getOrDefault(g, List.of()))) {
          w.value(c);
        }
        w.endArray();
      }
      w.endObject();
    }
    long nc = ac.report().customers();
    if (nc > 0) {
      w.beginObject().name("population").value("customer").name("department").nullValue();
      if (nc < k) {
        suppressed(w, Rule.MIN_K, "customer respondents");
      } else {
        w.name("n").value(nc);
        w.name("comments").beginArray();
        for (String c : sorted(customers)) {
          w.value(c);
        }
        w.endArray();
      }
      w.endObject();
    }
    w.endArray();
  }

  private static List<String> sorted(List<String> l) {
    List<String> s = new ArrayList<>(l);
    s.sort(null);
    return s;
  }

  /** The instrument's dimension ids with a title (for the codebook). */
  static String dimensionTitle(Instrument inst, String id) {
    return inst.dimension(id).map(Dimension::title).orElse(id);
  }
}
