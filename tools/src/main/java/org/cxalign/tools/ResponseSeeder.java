package org.cxalign.tools;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.cxalign.analytics.instrument.Instrument;
import org.cxalign.analytics.instrument.InstrumentJson;
import org.cxalign.analytics.instrument.Item;
import org.cxalign.analytics.instrument.Model;
import org.cxalign.analytics.instrument.Population;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Inserts simulated responses for one campaign straight into PostgreSQL with COPY (no outbox rows:
 * the aggregates count them after a rebuild). Employees answer every employee item and rate every
 * other department in scope; customers answer the customer items; values are a department level
 * plus noise, rounded to the scale.
 */
public final class ResponseSeeder {

  private final Connection con;
  private final long campaignId;
  private final Instrument instrument;
  private final List<Long> departmentIds = new ArrayList<>();
  private final List<String> departmentNames = new ArrayList<>();

  public ResponseSeeder(Connection con, long campaignId) throws SQLException {
    this.con = con;
    this.campaignId = campaignId;
    try (PreparedStatement ps =
        con.prepareStatement(
            "SELECT i.definition FROM campaign c JOIN instrument i ON i.id = c.instrument_id"
                + " WHERE c.id = ?")) {
      ps.setLong(1, campaignId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalArgumentException("no campaign " + campaignId);
        }
        instrument = InstrumentJson.read(rs.getString(1));
      }
    }
    try (PreparedStatement ps =
        con.prepareStatement(
            "SELECT d.id, d.name FROM campaign_department cd JOIN department d"
                + " ON d.id = cd.department_id WHERE cd.campaign_id = ? ORDER BY d.id")) {
      ps.setLong(1, campaignId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          departmentIds.add(rs.getLong(1));
          departmentNames.add(rs.getString(2));
        }
      }
    }
    if (departmentIds.isEmpty()) {
      throw new IllegalArgumentException("campaign " + campaignId + " has no departments");
    }
  }

  /** Result: responses and answers inserted. */
  public record Seeded(long responses, long answers) {}

  /**
   * Inserts {@code n} responses, a share {@code employeeShare} of them employees, in one
   * transaction.
   */
  public Seeded seed(long n, double employeeShare, long seed) throws SQLException {
    boolean auto = con.getAutoCommit();
    con.setAutoCommit(false);
    try {
      long first = reserveIds(n);
      CopyManager copy = con.unwrap(PGConnection.class).getCopyAPI();
      SplittableRandom random = new SplittableRandom(seed);
      List<Item> employeeItems = new ArrayList<>();
      List<Item> customerItems = new ArrayList<>();
      for (Item it : instrument.items()) {
        if (it.model() == Model.COLLABORATION) {
          continue;
        }
        if (it.population().includes(Population.EMPLOYEE)) {
          employeeItems.add(it);
        }
        if (it.population().includes(Population.CUSTOMER)) {
          customerItems.add(it);
        }
      }
      String prefix = instrument.collaborationTemplate().map(t -> t.id() + ".").orElse(null);
      int min = instrument.scale().min();
      int max = instrument.scale().max();
      double[] level = new double[departmentIds.size()];
      for (int d = 0; d < level.length; d++) {
        level[d] = d == level.length - 1 ? 2.6 : 3.5 + random.nextDouble() * 0.6;
      }
      LocalDate day = LocalDate.now();
      long answers = 0;
      CopyIn responses =
          copy.copyIn(
              "COPY survey_response (id, campaign_id, audience, department_id, submitted_on)"
                  + " FROM STDIN (FORMAT csv)");
      Buffer rb = new Buffer(responses);
      // the answers go to a second COPY after the first ends (one COPY at a time per connection)
      List<long[]> plan = new ArrayList<>();
      for (long k = 0; k < n; k++) {
        boolean employee = random.nextDouble() < employeeShare;
        int d = employee || random.nextInt(3) != 0 ? random.nextInt(departmentIds.size()) : -1;
        long id = first + k;
        rb.line(
            id
                + ","
                + campaignId
                + ","
                + (employee ? "EMPLOYEES" : "CUSTOMERS")
                + ","
                + (d < 0 ? "" : String.valueOf(departmentIds.get(d)))
                + ","
                + day.minusDays(random.nextInt(28)));
        plan.add(new long[] {id, employee ? 1 : 0, d});
      }
      rb.end();
      CopyIn answerCopy =
          copy.copyIn(
              "COPY response_answer (response_id, item_id, answer_value) FROM STDIN (FORMAT csv)");
      Buffer ab = new Buffer(answerCopy);
      for (long[] p : plan) {
        boolean employee = p[1] == 1;
        int d = (int) p[2];
        double base = d < 0 ? 3.2 : employee ? level[d] : level[d] - 0.5;
        double person = random.nextGaussian() * 0.4;
        for (Item it : employee ? employeeItems : customerItems) {
          ab.line(
              p[0]
                  + ","
                  + it.id()
                  + ","
                  + clip(base + person + random.nextGaussian() * 0.7, min, max));
          answers++;
        }
        if (employee && prefix != null) {
          for (int t = 0; t < departmentNames.size(); t++) {
            if (t != d) {
              double l =
                  t == departmentNames.size() - 1 || d == departmentNames.size() - 1 ? 2.5 : 3.8;
              ab.line(
                  p[0]
                      + ","
                      + prefix
                      + departmentNames.get(t)
                      + ","
                      + clip(l + random.nextGaussian() * 0.8, min, max));
              answers++;
            }
          }
        }
      }
      ab.end();
      con.commit();
      return new Seeded(n, answers);
    } catch (SQLException | RuntimeException e) {
      con.rollback();
      throw e;
    } finally {
      con.setAutoCommit(auto);
    }
  }

  /**
   * A response file for the import API ({@code respondent_id,population,department,<items>,
   * collab.<Department>}) of {@code n} responses drawn like {@link #seed}'s: a share {@code
   * employeeShare} employees answering every employee item and rating the other departments,
   * customers the customer items (a third of them without a department).
   */
  public String importCsv(int n, double employeeShare, long seed, String idPrefix) {
    SplittableRandom random = new SplittableRandom(seed);
    List<String> columns = new ArrayList<>();
    Map<String, Boolean> employeeItem = new LinkedHashMap<>();
    for (Item it : instrument.items()) {
      if (it.model() == Model.COLLABORATION) {
        continue;
      }
      columns.add(it.id());
      employeeItem.put(it.id(), it.population().includes(Population.EMPLOYEE));
    }
    String prefix = instrument.collaborationTemplate().map(t -> t.id() + ".").orElse(null);
    int min = instrument.scale().min();
    int max = instrument.scale().max();
    StringBuilder sb = new StringBuilder("respondent_id,population,department");
    columns.forEach(c -> sb.append(',').append(c));
    if (prefix != null) {
      departmentNames.forEach(d -> sb.append(',').append(prefix).append(d));
    }
    sb.append('\n');
    for (int k = 0; k < n; k++) {
      boolean employee = random.nextDouble() < employeeShare;
      int d = employee || random.nextInt(3) != 0 ? random.nextInt(departmentNames.size()) : -1;
      double base = d < 0 ? 3.2 : employee ? 3.7 : 3.2;
      double person = random.nextGaussian() * 0.4;
      sb.append(idPrefix).append(k).append(employee ? ",employee," : ",customer,");
      sb.append(d < 0 ? "" : departmentNames.get(d));
      for (String c : columns) {
        sb.append(',');
        boolean forEmployees = employeeItem.get(c);
        Item it = instrument.item(c).orElseThrow();
        if (employee ? forEmployees : it.population().includes(Population.CUSTOMER)) {
          sb.append(clip(base + person + random.nextGaussian() * 0.7, min, max));
        }
      }
      if (prefix != null) {
        for (int t = 0; t < departmentNames.size(); t++) {
          sb.append(',');
          if (employee && t != d) {
            sb.append(clip(3.8 + random.nextGaussian() * 0.8, min, max));
          }
        }
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  /** Takes n ids from the response id sequence; returns the first. */
  private long reserveIds(long n) throws SQLException {
    try (Statement st = con.createStatement();
        ResultSet rs =
            st.executeQuery("SELECT nextval(pg_get_serial_sequence('survey_response', 'id'))")) {
      rs.next();
      long first = rs.getLong(1);
      try (PreparedStatement ps =
          con.prepareStatement(
              "SELECT setval(pg_get_serial_sequence('survey_response', 'id'), ?)")) {
        ps.setLong(1, first + n);
        ps.execute();
      }
      return first;
    }
  }

  private static int clip(double x, int min, int max) {
    return (int) Math.max(min, Math.min(max, Math.round(x)));
  }

  /** Lines to a COPY, sent in blocks of about 1 MB. */
  private static final class Buffer {
    private final CopyIn in;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);

    Buffer(CopyIn in) {
      this.in = in;
    }

    void line(String s) throws SQLException {
      byte[] b = (s + "\n").getBytes(StandardCharsets.UTF_8);
      out.write(b, 0, b.length);
      if (out.size() >= 1 << 20) {
        flush();
      }
    }

    private void flush() throws SQLException {
      byte[] b = out.toByteArray();
      in.writeToCopy(b, 0, b.length);
      out.reset();
    }

    void end() throws SQLException {
      flush();
      in.endCopy();
    }
  }

  /** Department names in scope (id order). */
  public Map<Long, String> departments() {
    Map<Long, String> m = new LinkedHashMap<>();
    for (int i = 0; i < departmentIds.size(); i++) {
      m.put(departmentIds.get(i), departmentNames.get(i));
    }
    return m;
  }
}
