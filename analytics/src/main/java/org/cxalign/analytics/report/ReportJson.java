package org.cxalign.analytics.report;

import static org.cxalign.analytics.json.EstimateJson.estimate;

import org.cxalign.analytics.json.JsonWriter;

/**
 * Renders an {@link AlignmentReport} as JSON with snake_case keys (issue 3). An undefined figure is
 * written as {@code "key": null} followed by {@code "key_reason": "..."}; never NaN.
 *
 * <p>Top-level keys: {@code scale}, {@code respondents} {employee, customer}, {@code departments},
 * {@code between_departments}, {@code reliability}, {@code consensus}, {@code perception_gap}, then
 * {@code dimensions} (with an instrument) and {@code network} (with collaboration columns). The
 * caller may append further members (instrument sections) before closing the object: see {@link
 * #writeBody}.
 */
public final class ReportJson {
  private ReportJson() {}

  /** The report as one JSON document. */
  public static String toJson(AlignmentReport report, boolean pretty) {
    StringBuilder sb = new StringBuilder();
    JsonWriter w = new JsonWriter(sb, pretty);
    w.beginObject();
    writeBody(report, w);
    w.endObject();
    w.finish();
    return sb.toString();
  }

  /** Writes the report's members into an object the caller has opened. */
  public static void writeBody(AlignmentReport r, JsonWriter w) {
    w.name("scale").beginObject().name("min").value(r.scale().min());
    w.name("max").value(r.scale().max()).endObject();
    w.name("respondents").beginObject();
    w.name("employee").value(r.employees()).name("customer").value(r.customers()).endObject();
    writeScale(r.overall(), w);
    if (!r.dimensions().isEmpty()) {
      w.name("dimensions").beginArray();
      for (ScaleReport s : r.dimensions()) {
        w.beginObject().name("dimension").value(s.scale());
        w.name("items").beginArray();
        for (String item : s.items()) {
          w.value(item);
        }
        w.endArray();
        writeScale(s, w);
        w.endObject();
      }
      w.endArray();
    }
    if (r.network().isPresent()) {
      CollaborationNetwork n = r.network().get();
      w.name("network").beginObject();
      w.name("n").value(n.n());
      estimate(w, "mean", n.mean());
      estimate(w, "lower95", n.lower95());
      estimate(w, "upper95", n.upper95());
      w.name("links").beginArray();
      for (CollaborationLink l : n.links()) {
        w.beginObject().name("from").value(l.from()).name("to").value(l.to());
        w.name("n").value(l.n());
        estimate(w, "mean", l.mean());
        estimate(w, "lower95", l.lower95());
        estimate(w, "upper95", l.upper95());
        w.endObject();
      }
      w.endArray().endObject();
    }
    if (r.instrument().isPresent()) {
      writeInstrument(r.instrument().get(), w);
    }
  }

  private static void writeInstrument(InstrumentSections s, JsonWriter w) {
    w.name("instrument").beginObject();
    w.name("id").value(s.instrumentId()).name("version").value(s.instrumentVersion());
    w.endObject();
    w.name("perception_gaps").beginArray();
    for (ItemGap g : s.perceptionGaps()) {
      w.beginObject();
      w.name("facet").value(g.facet());
      w.name("employee_item").value(g.employeeItem());
      w.name("customer_item").value(g.customerItem());
      gapFigures(w, g);
      w.endObject();
    }
    w.endArray();
    w.name("maturity").beginObject();
    w.name("organisation");
    org.cxalign.analytics.maturity.MaturityJson.write(w, s.maturity().organisation());
    w.name("departments").beginArray();
    for (var e : s.maturity().departments().entrySet()) {
      w.beginObject().name("department").value(e.getKey());
      w.name("placement");
      org.cxalign.analytics.maturity.MaturityJson.write(w, e.getValue());
      w.endObject();
    }
    w.endArray();
    w.endObject();
    w.name("verdict");
    if (s.verdict().isPresent()) {
      org.cxalign.analytics.verdict.VerdictJson.write(w, s.verdict().get());
    } else {
      w.nullValue();
      w.name("verdict_reason").value(s.verdictUndefinedReason());
    }
  }

  /** Writes the members of one scale report (departments … perception_gap). */
  public static void writeScale(ScaleReport s, JsonWriter w) {
    w.name("departments").beginArray();
    for (DepartmentStatistics d : s.departments()) {
      w.beginObject();
      w.name("department").value(d.department());
      w.name("n").value(d.respondents());
      w.name("n_scored").value(d.scored());
      estimate(w, "mean", d.mean());
      estimate(w, "sd", d.sd());
      estimate(w, "rwg_j", d.rwgJ());
      w.name("n_complete").value(d.completeCases());
      estimate(w, "ad_md", d.adMJ());
      w.name("items").beginArray();
      for (ItemStatistics i : d.items()) {
        w.beginObject().name("item").value(i.item()).name("n").value(i.n());
        estimate(w, "mean", i.mean());
        estimate(w, "sd", i.sd());
        estimate(w, "rwg", i.rwg());
        estimate(w, "ad_m", i.adM());
        w.endObject();
      }
      w.endArray().endObject();
    }
    w.endArray();

    BetweenDepartments b = s.betweenDepartments();
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

    Reliability rel = s.reliability();
    w.name("reliability").beginObject();
    estimate(w, "cronbach_alpha", rel.cronbachAlpha());
    w.name("items").value(rel.items()).name("n").value(rel.n());
    w.endObject();

    Consensus c = s.consensus();
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

    PerceptionGap g = s.perceptionGap();
    w.name("perception_gap").beginObject();
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
    w.endObject();
  }

  /**
   * An item gap's figures, from the respondent counts to the Mann–Whitney p (the keys of {@code
   * perception_gaps[]}); the server's report writes the same keys with this method.
   */
  public static void gapFigures(JsonWriter w, ItemGap g) {
    w.name("n_employee").value(g.employees());
    w.name("n_customer").value(g.customers());
    estimate(w, "employee_mean", g.employeeMean());
    estimate(w, "employee_lower95", g.employeeInterval().lower());
    estimate(w, "employee_upper95", g.employeeInterval().upper());
    estimate(w, "customer_mean", g.customerMean());
    estimate(w, "customer_lower95", g.customerInterval().lower());
    estimate(w, "customer_upper95", g.customerInterval().upper());
    estimate(w, "mean_difference", g.meanDifference());
    estimate(w, "difference_lower95", g.differenceInterval().lower());
    estimate(w, "difference_upper95", g.differenceInterval().upper());
    estimate(w, "welch_t", g.welchT());
    estimate(w, "welch_df", g.welchDf());
    estimate(w, "welch_p", g.welchP());
    estimate(w, "cohen_d", g.cohenD());
    estimate(w, "mann_whitney_p", g.mannWhitneyP());
  }
}
