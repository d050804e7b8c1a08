package org.cxalign.survey.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import org.cxalign.analytics.accumulate.ResponseLayout;
import org.cxalign.analytics.instrument.Dimension;
import org.cxalign.analytics.instrument.Instrument;
import org.cxalign.analytics.instrument.Item;
import org.cxalign.analytics.json.JsonWriter;
import org.cxalign.analytics.report.InstrumentReportBuilder;

/**
 * The anonymised responses in the {@code cx-align report} input format: {@code
 * respondent_id,population,department,<items>,collab.<Department>...}. The department column
 * carries the anonymised label ({@link AnonymisedCampaign#label}): departments hidden by k or by
 * secondary suppression read {@value AnonymisedCampaign#POOL}. Respondent ids are random per export
 * ({@code r} + 16 hex digits), never database ids; comments are not exported.
 */
public final class ResponseCsvExport {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final AnonymisedCampaign ac;
  private final ResponseLayout layout;
  private final String prefix;

  public ResponseCsvExport(AnonymisedCampaign ac) {
    this.ac = ac;
    this.layout = ac.accumulator().layout();
    this.prefix = InstrumentReportBuilder.collabPrefix(ac.campaign().instrument());
  }

  /** The header line (with its line end). */
  public void header(Appendable out) {
    try {
      out.append("respondent_id,population,department");
      for (String item : layout.items()) {
        out.append(',').append(field(item));
      }
      for (String t : layout.collabTargets()) {
        out.append(',').append(field(prefix + t));
      }
      out.append('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One response as a line, under a fresh random respondent id. */
  public void row(Appendable out, ResponseRow r) {
    byte[] id = new byte[8];
    RANDOM.nextBytes(id);
    try {
      out.append('r').append(HexFormat.of().formatHex(id));
      out.append(',').append(r.population().label()).append(',');
      out.append(field(ac.label(r.population(), r.department())));
      for (String item : layout.items()) {
        out.append(',');
        Integer v = r.answers().get(item);
        if (v != null) {
          out.append(Integer.toString(v));
        }
      }
      for (String t : layout.collabTargets()) {
        out.append(',');
        Integer v = r.answers().get(prefix + t);
        if (v != null) {
          out.append(Integer.toString(v));
        }
      }
      out.append('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An RFC 4180 field: quoted when it holds a comma, quote or line break. */
  static String field(String s) {
    if (s == null) {
      return "";
    }
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }

  /** The codebook of the export's columns as JSON. */
  public String codebook() {
    Instrument inst = ac.campaign().instrument();
    StringBuilder sb = new StringBuilder();
    JsonWriter w = new JsonWriter(sb, true);
    w.beginObject();
    w.name("instrument").beginObject();
    w.name("key").value(ac.campaign().instrumentKey());
    w.name("version").value(inst.version());
    w.name("title").value(inst.title());
    w.endObject();
    w.name("scale").beginObject().name("min").value(inst.scale().min());
    w.name("max").value(inst.scale().max()).endObject();
    w.name("k").value(ac.campaign().k());
    w.name("pooled_label").value(AnonymisedCampaign.POOL);
    w.name("pooled_departments").beginArray();
    for (String d : ac.poolMembers()) {
      w.value(d);
    }
    w.endArray();
    w.name("columns").beginArray();
    fixed(w, "respondent_id", "id", "random per export; not a database id");
    fixed(w, "population", "population", "employee or customer");
    fixed(
        w,
        "department",
        "department",
        "the respondent's department (customers: the invitation's, blank for none); "
            + AnonymisedCampaign.POOL
            + " for departments below k and those hidden by secondary suppression");
    for (String id : layout.items()) {
      Item it = inst.item(id).orElseThrow();
      item(w, id, "item", it.text(), inst, it);
    }
    Item template = inst.collaborationTemplate().orElse(null);
    for (String t : layout.collabTargets()) {
      item(
          w,
          prefix + t,
          "collaboration",
          template.text().replace(Instrument.DEPARTMENT_PLACEHOLDER, t),
          inst,
          template);
    }
    w.endArray();
    w.endObject();
    w.finish();
    return sb.toString();
  }

  private static void fixed(JsonWriter w, String column, String kind, String description) {
    w.beginObject().name("column").value(column).name("kind").value(kind);
    w.name("description").value(description).endObject();
  }

  private static void item(
      JsonWriter w, String column, String kind, String wording, Instrument inst, Item it) {
    w.beginObject().name("column").value(column).name("kind").value(kind);
    w.name("wording").value(wording);
    w.name("dimension").value(it.dimension());
    w.name("dimension_title")
        .value(inst.dimension(it.dimension()).map(Dimension::title).orElse(it.dimension()));
    w.name("model").value(it.model().name().toLowerCase(java.util.Locale.ROOT));
    w.name("population").value(it.population().name().toLowerCase(java.util.Locale.ROOT));
    w.name("min").value(it.scale().min()).name("max").value(it.scale().max());
    w.name("required").value(it.required());
    w.endObject();
  }

  /** The column names, for tests. */
  public List<String> columns() {
    List<String> c =
        new java.util.ArrayList<>(List.of("respondent_id", "population", "department"));
    c.addAll(layout.items());
    layout.collabTargets().forEach(t -> c.add(prefix + t));
    return c;
  }
}
