package org.cxalign.analytics.data;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes a synthetic response file of the report format, reproducible from a seed.
 *
 * <p>Model: an answer is round(μ + δ_department + β_item + u_respondent + ε), clipped to the scale,
 * with δ ~ N(0, 0.3²), β ~ N(0, 0.3²), u ~ N(0, 0.6²), ε ~ N(0, 0.8²), μ = 3.4 for employees and
 * 3.0 for customers (who have no department); each answer is missing with probability {@code
 * missing}. With collaboration columns, each employee rates every other department (own department
 * blank) around μ + δ_rater + γ_target.
 */
public final class SyntheticResponses {
  /** Generator settings. */
  public record Spec(
      long employees,
      long customers,
      int items,
      int departments,
      boolean collab,
      double missing,
      int min,
      int max,
      long seed) {
    public Spec {
      if (employees < 0 || customers < 0 || employees + customers == 0) {
        throw new IllegalArgumentException("need at least one respondent");
      }
      if (items < 1 || departments < 1) {
        throw new IllegalArgumentException("need at least one item and one department");
      }
      if (!(missing >= 0 && missing < 1)) {
        throw new IllegalArgumentException("missing must be in [0, 1)");
      }
      if (min >= max) {
        throw new IllegalArgumentException("min must be < max");
      }
    }

    /**
     * The benchmark size: 1,000,000 employees + 200,000 customers × 30 items, 40
     * departments.
     */
    public static Spec benchmark(long seed, boolean collab) {
      return new Spec(1_000_000, 200_000, 30, 40, collab, 0.02, 1, 5, seed);
    }
  }

  private SyntheticResponses() {}

  /** Name of department {@code d} (0-based). */
  public static String departmentName(int d) {
    return String.format("Dept%02d", d + 1);
  }

  /** Name of item {@code i} (0-based). */
  public static String itemName(int i) {
    return String.format("q%02d", i + 1);
  }

  public static void write(Spec spec, Path file) throws IOException {
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
      write(spec, out);
    }
  }

  public static void write(Spec spec, OutputStream out) throws IOException {
    SplittableRandom rnd = new SplittableRandom(spec.seed());
    double[] deptEffect = new double[spec.departments()];
    double[] targetEffect = new double[spec.departments()];
    double[] itemEffect = new double[spec.items()];
    for (int d = 0; d < deptEffect.length; d++) {
      deptEffect[d] = 0.3 * rnd.nextGaussian();
      targetEffect[d] = 0.3 * rnd.nextGaussian();
    }
    for (int i = 0; i < itemEffect.length; i++) {
      itemEffect[i] = 0.3 * rnd.nextGaussian();
    }
    StringBuilder head = new StringBuilder("respondent_id,population,department");
    for (int i = 0; i < spec.items(); i++) {
      head.append(',').append(itemName(i));
    }
    if (spec.collab()) {
      for (int d = 0; d < spec.departments(); d++) {
        head.append(",collab.").append(departmentName(d));
      }
    }
    head.append('\n');
    out.write(head.toString().getBytes(StandardCharsets.UTF_8));
    byte[][] deptBytes = new byte[spec.departments()][];
    for (int d = 0; d < deptBytes.length; d++) {
      deptBytes[d] = departmentName(d).getBytes(StandardCharsets.UTF_8);
    }
    byte[] line = new byte[64 + 16 * (spec.items() + spec.departments())];
    long total = spec.employees() + spec.customers();
    for (long r = 0; r < total; r++) {
      boolean employee = r < spec.employees();
      int p = 0;
      String id = (employee ? "E" : "C") + (employee ? r + 1 : r - spec.employees() + 1);
      for (int k = 0; k < id.length(); k++) {
        line[p++] = (byte) id.charAt(k);
      }
      byte[] pop = employee ? EMPLOYEE : CUSTOMER;
      line[p++] = ',';
      System.arraycopy(pop, 0, line, p, pop.length);
      p += pop.length;
      line[p++] = ',';
      int dept = -1;
      double mu;
      if (employee) {
        dept = rnd.nextInt(spec.departments());
        System.arraycopy(deptBytes[dept], 0, line, p, deptBytes[dept].length);
        p += deptBytes[dept].length;
        mu = 3.4 + deptEffect[dept];
      } else {
        mu = 3.0;
      }
      double u = 0.6 * rnd.nextGaussian();
      for (int i = 0; i < spec.items(); i++) {
        line[p++] = ',';
        if (rnd.nextDouble() < spec.missing()) {
          continue;
        }
        p = writeInt(line, p, answer(mu + itemEffect[i] + u + 0.8 * rnd.nextGaussian(), spec));
      }
      if (spec.collab()) {
        for (int d = 0; d < spec.departments(); d++) {
          line[p++] = ',';
          if (!employee || d == dept || rnd.nextDouble() < spec.missing()) {
            continue;
          }
          double m = 3.2 + 0.5 * deptEffect[dept] + targetEffect[d];
          p = writeInt(line, p, answer(m + 0.5 * u + 0.8 * rnd.nextGaussian(), spec));
        }
      }
      line[p++] = '\n';
      out.write(line, 0, p);
    }
  }

  /**
   * Writes a file for an instrument: one column per item (employees answer the items asked of
   * employees, customers those asked of customers, blank otherwise) and, when the instrument has a
   * collaboration block and {@code spec.collab()}, one {@code <template id>.<Department>} column
   * per department. Same model as {@link #write(Spec, OutputStream)}; the scale is the
   * instrument's.
   */
  public static void writeForInstrument(
      org.cxalign.analytics.instrument.Instrument instrument, Spec spec, Path file)
      throws IOException {
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
      writeForInstrument(instrument, spec, out);
    }
  }

  public static void writeForInstrument(
      org.cxalign.analytics.instrument.Instrument instrument, Spec spec, OutputStream out)
      throws IOException {
    Spec s =
        new Spec(
            spec.employees(),
            spec.customers(),
            spec.items(),
            spec.departments(),
            spec.collab(),
            spec.missing(),
            instrument.scale().min(),
            instrument.scale().max(),
            spec.seed());
    List<org.cxalign.analytics.instrument.Item> items = new ArrayList<>();
    for (org.cxalign.analytics.instrument.Item it : instrument.items()) {
      if (it.model() != org.cxalign.analytics.instrument.Model.COLLABORATION) {
        items.add(it);
      }
    }
    boolean collab = spec.collab() && instrument.collaborationTemplate().isPresent();
    String prefix = instrument.collaborationTemplate().map(t -> t.id() + ".").orElse("");
    SplittableRandom rnd = new SplittableRandom(s.seed());
    double mid = (s.min() + s.max()) / 2.0;
    double spread = (s.max() - s.min()) / 4.0;
    double[] deptEffect = new double[s.departments()];
    double[] targetEffect = new double[s.departments()];
    double[] itemEffect = new double[items.size()];
    for (int d = 0; d < deptEffect.length; d++) {
      deptEffect[d] = 0.3 * spread * rnd.nextGaussian();
      targetEffect[d] = 0.3 * spread * rnd.nextGaussian();
    }
    for (int i = 0; i < itemEffect.length; i++) {
      itemEffect[i] = 0.3 * spread * rnd.nextGaussian();
    }
    StringBuilder head = new StringBuilder("respondent_id,population,department");
    for (org.cxalign.analytics.instrument.Item it : items) {
      head.append(',').append(it.id());
    }
    if (collab) {
      for (int d = 0; d < s.departments(); d++) {
        head.append(',').append(prefix).append(departmentName(d));
      }
    }
    head.append('\n');
    out.write(head.toString().getBytes(StandardCharsets.UTF_8));
    StringBuilder line = new StringBuilder();
    long total = s.employees() + s.customers();
    for (long r = 0; r < total; r++) {
      boolean employee = r < s.employees();
      line.setLength(0);
      line.append(employee ? "E" + (r + 1) : "C" + (r - s.employees() + 1));
      line.append(employee ? ",employee," : ",customer,");
      int dept = -1;
      double mu = mid + 0.4 * spread;
      if (employee) {
        dept = rnd.nextInt(s.departments());
        line.append(departmentName(dept));
        mu += deptEffect[dept];
      } else {
        mu -= 0.4 * spread;
      }
      double u = 0.6 * spread * rnd.nextGaussian();
      org.cxalign.analytics.instrument.Population pop =
          employee
              ? org.cxalign.analytics.instrument.Population.EMPLOYEE
              : org.cxalign.analytics.instrument.Population.CUSTOMER;
      for (int i = 0; i < items.size(); i++) {
        line.append(',');
        if (!items.get(i).population().includes(pop) || rnd.nextDouble() < s.missing()) {
          continue;
        }
        line.append(answer(mu + itemEffect[i] + u + 0.8 * spread * rnd.nextGaussian(), s));
      }
      if (collab) {
        for (int d = 0; d < s.departments(); d++) {
          line.append(',');
          if (!employee || d == dept || rnd.nextDouble() < s.missing()) {
            continue;
          }
          double m = mid + 0.4 * spread + 0.5 * deptEffect[dept] + targetEffect[d];
          line.append(answer(m + 0.5 * u + 0.8 * spread * rnd.nextGaussian(), s));
        }
      }
      line.append('\n');
      out.write(line.toString().getBytes(StandardCharsets.UTF_8));
    }
  }

  private static final byte[] EMPLOYEE = "employee".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] CUSTOMER = "customer".getBytes(StandardCharsets.US_ASCII);

  private static int answer(double x, Spec spec) {
    long v = Math.round(x);
    return (int) Math.max(spec.min(), Math.min(spec.max(), v));
  }

  private static int writeInt(byte[] b, int p, int v) {
    if (v >= 0 && v <= 9) {
      b[p] = (byte) ('0' + v);
      return p + 1;
    }
    byte[] s = Integer.toString(v).getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(s, 0, b, p, s.length);
    return p + s.length;
  }
}
