package org.cxalign.survey.aggregate;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.cxalign.analytics.accumulate.AccumulatorCodec;
import org.cxalign.analytics.accumulate.AlignmentAccumulator;
import org.cxalign.analytics.accumulate.Population;

/**
 * What an administrator sees of a campaign's aggregate: its version, the responses counted per
 * population and department, the outbox rows waiting, and a running rebuild.
 *
 * @param campaignId the campaign
 * @param version the state's version
 * @param employees employee responses counted
 * @param customers customer responses counted
 * @param departments per department in scope (id order)
 * @param customersWithoutDepartment customer responses not attached to a department
 * @param pendingOutboxRows stored responses not yet counted (drained within about a second)
 * @param keptForRebuild outbox rows counted live and kept for the running rebuild's swap
 * @param rebuildExecution the running rebuild's job execution, null when none (negative: starting)
 * @param uncounted whether responses stored before the aggregate existed may be missing (run a
 *     rebuild)
 * @param digest SHA-256 (hex) of the encoded state in a canonical department order: equal digests
 *     mean equal counts in every cell (how a rebuild is checked against the live state)
 */
public record AggregateFigures(
    long campaignId,
    long version,
    long employees,
    long customers,
    List<Department> departments,
    long customersWithoutDepartment,
    long pendingOutboxRows,
    long keptForRebuild,
    Long rebuildExecution,
    boolean uncounted,
    String digest) {

  /** Counts of one department. */
  public record Department(long id, String name, long employees, long customers) {}

  static AggregateFigures of(
      CampaignAggregate a,
      Long rebuildExecution,
      boolean uncounted,
      long pending,
      long kept,
      String digest) {
    AlignmentAccumulator acc = a.accumulator();
    List<Department> ds = new ArrayList<>();
    for (DepartmentKey d : a.departments()) {
      ds.add(
          new Department(
              d.id(),
              d.name(),
              acc.responses(Population.EMPLOYEE, d.key()),
              acc.responses(Population.CUSTOMER, d.key())));
    }
    long none =
        acc.departments().contains(CampaignLayout.NO_DEPARTMENT)
            ? acc.responses(Population.CUSTOMER, CampaignLayout.NO_DEPARTMENT)
            : 0;
    return new AggregateFigures(
        a.campaignId(),
        a.version(),
        acc.responses(Population.EMPLOYEE),
        acc.responses(Population.CUSTOMER),
        ds,
        none,
        pending,
        kept,
        rebuildExecution,
        uncounted,
        digest);
  }

  /** SHA-256 of the state with departments registered in scope order, then "". */
  static String digest(CampaignAggregate a) {
    AlignmentAccumulator canonical = new AlignmentAccumulator(a.layout());
    for (DepartmentKey d : a.departments()) {
      canonical.department(d.key());
    }
    canonical.department(CampaignLayout.NO_DEPARTMENT);
    canonical.merge(a.accumulator());
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(AccumulatorCodec.encode(canonical)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
