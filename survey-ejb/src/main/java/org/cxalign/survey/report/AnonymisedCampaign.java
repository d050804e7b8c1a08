package org.cxalign.survey.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import org.cxalign.analytics.accumulate.AlignmentAccumulator;
import org.cxalign.analytics.accumulate.Population;
import org.cxalign.analytics.accumulate.ResponseLayout;
import org.cxalign.analytics.accumulate.ScaleDefinition;
import org.cxalign.analytics.instrument.Instrument;
import org.cxalign.analytics.report.AlignmentReport;
import org.cxalign.analytics.report.CollaborationLink;
import org.cxalign.analytics.report.DepartmentStatistics;
import org.cxalign.analytics.report.InstrumentReportBuilder;
import org.cxalign.analytics.report.ItemStatistics;
import org.cxalign.analytics.report.ReportBuilder;
import org.cxalign.analytics.report.ScaleReport;
import org.cxalign.survey.aggregate.CampaignAggregate;
import org.cxalign.survey.aggregate.CampaignLayout;
import org.cxalign.survey.report.Suppression.Rule;

/**
 * A campaign's responses in their anonymised partition, with the report computed on it and the
 * suppression state of every cell. Independent of the viewer: {@link ReportViews} applies the
 * viewer's scope on top.
 *
 * <p><b>Partition.</b> Employees are grouped by department; the departments hidden by {@link
 * Suppression} (fewer than k respondents, plus secondary suppression) are merged into one group
 * labelled {@value #POOL}, which then holds at least two departments and at least k respondents.
 * Customers are partitioned the same way by the department of their invitation (none: the group
 * {@code ""}). The accumulator holds the respondents under these labels (built from the live
 * aggregate by {@link #of(CampaignInfo, CampaignAggregate)}, or from the responses), so the report
 * equals {@code cx-align report} on the exported CSV, whose department column carries the same
 * labels.
 *
 * <p><b>Cells</b> inside visible groups (the finer outputs) follow the same rules, each within the
 * totals a reader can see:
 *
 * <ul>
 *   <li>scale cells (group × scale, n = respondents with a scale score): hidden below k; secondary
 *       per scale across groups (the organisation's scale figures are visible);
 *   <li>item cells (group × item of a dimension, n = answers): hidden below k; when one item of a
 *       dimension is hidden in a group, all items of that dimension in that group are hidden (the
 *       dimension mean and the other item means would otherwise give it away); secondary per item
 *       across groups; the two rules are applied until nothing changes;
 *   <li>collaboration links (rater group × rated department, n = ratings): hidden below k;
 *       secondary within each rater group and across the whole network;
 *   <li>r_wg(J) of a group and scale: hidden when fewer than k respondents are complete cases;
 *   <li>customer item cells (customer group × customer item): hidden below k; secondary per item.
 * </ul>
 *
 * If the whole organisation has fewer than k employee respondents, nothing about employees is shown
 * ({@link #organisationVisible()} false).
 */
public final class AnonymisedCampaign {

  /** The department label of pooled (suppressed) groups, in the API and in the CSV export. */
  public static final String POOL = "(pooled)";

  private final CampaignInfo campaign;
  private final long responses;
  private final Map<String, Long> employeeCounts = new TreeMap<>();
  private final Map<String, Long> customerCounts = new TreeMap<>();
  private final Suppression.Result employeePartition;
  private final Suppression.Result customerPartition;
  private final AlignmentAccumulator acc;
  private final AlignmentReport report;
  private final List<String> groups;
  private final Map<String, Rule> scaleCells = new HashMap<>();
  private final Map<String, Rule> itemCells = new HashMap<>();
  private final Map<String, Rule> linkCells = new HashMap<>();
  private final Map<String, Rule> customerItemCells = new HashMap<>();
  private final Set<String> rwgHidden = new LinkedHashSet<>();

  /** Builds the partition's accumulator, given its layout and each respondent's group label. */
  @FunctionalInterface
  private interface Accumulate {
    AlignmentAccumulator into(ResponseLayout layout, BiFunction<Population, String, String> label);
  }

  private AnonymisedCampaign(
      CampaignInfo campaign,
      long responses,
      Map<String, Long> employeeCounts,
      Map<String, Long> customerCounts,
      Accumulate accumulate) {
    this.campaign = campaign;
    this.responses = responses;
    this.employeeCounts.putAll(employeeCounts);
    this.customerCounts.putAll(customerCounts);
    int k = campaign.k();
    employeePartition = Suppression.apply(this.employeeCounts, k);
    customerPartition = Suppression.apply(this.customerCounts, k);
    Instrument inst = campaign.instrument();
    acc = accumulate.into(InstrumentReportBuilder.layout(inst, targets(campaign)), this::label);
    report = ReportBuilder.build(acc, inst);
    groups = ReportBuilder.employeeDepartments(acc);
    if (organisationVisible()) {
      suppressCells();
    }
  }

  /** The collaboration targets of the partition: the campaign's departments by current name. */
  private static List<String> targets(CampaignInfo campaign) {
    return campaign.instrument().collaborationTemplate().isPresent()
        ? new ArrayList<>(campaign.departments().keySet())
        : List.of();
  }

  /**
   * From the stored responses, read twice: the respondents per department, then the accumulator
   * with the anonymised labels. Its cost grows with the number of responses; {@link
   * #of(CampaignInfo, CampaignAggregate)} gives the same from the live aggregate.
   */
  public static AnonymisedCampaign of(CampaignInfo campaign, ResponseSource source) {
    Map<String, Long> employees = new TreeMap<>();
    Map<String, Long> customers = new TreeMap<>();
    long[] total = new long[1];
    source.forEach(
        r -> {
          total[0]++;
          if (r.population() == Population.EMPLOYEE) {
            if (r.department() != null) {
              employees.merge(r.department(), 1L, Long::sum);
            }
          } else {
            customers.merge(r.department() == null ? "" : r.department(), 1L, Long::sum);
          }
        });
    String prefix = InstrumentReportBuilder.collabPrefix(campaign.instrument());
    return new AnonymisedCampaign(
        campaign,
        total[0],
        employees,
        customers,
        (layout, label) -> {
          AlignmentAccumulator acc = new AlignmentAccumulator(layout);
          List<String> targets = layout.collabTargets();
          int[] answers = new int[layout.items().size()];
          int[] collab = new int[targets.size()];
          source.forEach(
              r -> {
                if (r.population() == Population.EMPLOYEE && r.department() == null) {
                  return; // cannot happen for stored responses; the CSV format needs a department
                }
                for (int i = 0; i < answers.length; i++) {
                  Integer v = r.answers().get(layout.items().get(i));
                  answers[i] = v == null ? AlignmentAccumulator.MISSING : v;
                }
                for (int t = 0; t < collab.length; t++) {
                  Integer v = r.answers().get(prefix + targets.get(t));
                  collab[t] = v == null ? AlignmentAccumulator.MISSING : v;
                }
                acc.add(
                    r.population(), label.apply(r.population(), r.department()), answers, collab);
              });
          return acc;
        });
  }

  /**
   * From the campaign's live aggregate, without reading a response: the respondents per department
   * are its response counts (every response counts, also one that answered no scale item), and the
   * partition's accumulator is the aggregate regrouped ({@link AlignmentAccumulator#regroup}):
   * department ids become current names or {@value #POOL}, collaboration targets become the
   * departments' current names in this campaign's order. Equal to {@link #of(CampaignInfo,
   * ResponseSource)} on the responses the aggregate counted (cells are sums over respondents). The
   * cost depends on the number of departments and items only.
   *
   * @throws IllegalArgumentException when the aggregate does not fit the campaign (a department key
   *     that is not one of its departments, employees without a department, or a collaboration
   *     scale that cannot be regrouped exactly): read the responses instead
   */
  public static AnonymisedCampaign of(CampaignInfo campaign, CampaignAggregate aggregate) {
    AlignmentAccumulator counts = aggregate.accumulator();
    Map<String, String> names = new HashMap<>(); // accumulator key -> department name, "" = none
    Map<String, Long> employees = new TreeMap<>();
    Map<String, Long> customers = new TreeMap<>();
    for (String key : counts.departments()) {
      String name = CampaignLayout.NO_DEPARTMENT.equals(key) ? "" : aggregate.name(key);
      if (!key.isEmpty() && !campaign.departments().containsKey(name)) {
        throw new IllegalArgumentException(
            "department " + key + " of the aggregate is not one of the campaign's departments");
      }
      names.put(key, name);
      long e = counts.responses(Population.EMPLOYEE, key);
      long c = counts.responses(Population.CUSTOMER, key);
      if (e > 0) {
        if (name.isEmpty()) {
          throw new IllegalArgumentException("the aggregate counts employees without a department");
        }
        employees.merge(name, e, Long::sum);
      }
      if (c > 0) {
        customers.merge(name, c, Long::sum);
      }
    }
    long total = counts.responses(Population.EMPLOYEE) + counts.responses(Population.CUSTOMER);
    List<String> from = aggregate.layout().collabTargets();
    return new AnonymisedCampaign(
        campaign,
        total,
        employees,
        customers,
        (layout, label) -> {
          int[] targets = new int[from.size()];
          for (int t = 0; t < targets.length; t++) {
            targets[t] = layout.collabTargets().indexOf(aggregate.name(from.get(t)));
          }
          return counts.regroup(layout, (p, key) -> label.apply(p, names.get(key)), targets);
        });
  }

  /** The group label of a respondent: the department, or {@value #POOL} when it is suppressed. */
  public String label(Population p, String department) {
    if (p == Population.EMPLOYEE) {
      return employeePartition.isHidden(department) ? POOL : department;
    }
    String d = department == null ? "" : department;
    return customerPartition.isHidden(d) ? POOL : d;
  }

  private void suppressCells() {
    int k = campaign.k();
    ResponseLayout layout = acc.layout();
    List<ScaleReport> scales = scales();
    // scale cells and r_wg(J)
    for (int s = 0; s < scales.size(); s++) {
      Map<String, Long> n = new LinkedHashMap<>();
      for (DepartmentStatistics d : scales.get(s).departments()) {
        n.put(d.department(), d.scored());
        if (d.completeCases() < k) {
          rwgHidden.add(key(d.department(), scales.get(s).scale()));
        }
      }
      String scale = scales.get(s).scale();
      Suppression.apply(n, k).hidden().forEach((g, rule) -> scaleCells.put(key(g, scale), rule));
    }
    // item cells of the dimensions: row rule (group × dimension) and column rule (item)
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int s = 1; s < scales.size(); s++) {
        ScaleReport sr = scales.get(s);
        for (DepartmentStatistics d : sr.departments()) {
          boolean anyHidden = scaleCells.containsKey(key(d.department(), sr.scale()));
          for (ItemStatistics it : d.items()) {
            String c = key(d.department(), it.item());
            if (it.n() > 0 && it.n() < k && !itemCells.containsKey(c)) {
              itemCells.put(c, Rule.MIN_K);
              changed = true;
            }
            anyHidden |= itemCells.containsKey(c);
          }
          if (anyHidden) {
            for (ItemStatistics it : d.items()) {
              if (itemCells.putIfAbsent(key(d.department(), it.item()), Rule.SECONDARY) == null) {
                changed = true;
              }
            }
          }
        }
        for (String item : sr.items()) {
          Map<String, Long> n = new LinkedHashMap<>();
          Map<String, Rule> already = new HashMap<>();
          for (DepartmentStatistics d : sr.departments()) {
            for (ItemStatistics it : d.items()) {
              if (it.item().equals(item)) {
                n.put(d.department(), it.n());
                Rule r = itemCells.get(key(d.department(), item));
                if (r != null) {
                  already.put(d.department(), r);
                }
              }
            }
          }
          for (Map.Entry<String, Rule> e : Suppression.extend(n, k, already).hidden().entrySet()) {
            if (itemCells.putIfAbsent(key(e.getKey(), item), e.getValue()) == null) {
              changed = true;
            }
          }
        }
      }
    }
    // collaboration links: within each rater group and across the network
    if (report.network().isPresent()) {
      Map<String, Long> all = new LinkedHashMap<>();
      Map<String, Map<String, Long>> rows = new LinkedHashMap<>();
      for (CollaborationLink l : report.network().get().links()) {
        String c = key(l.from(), l.to());
        all.put(c, l.n());
        rows.computeIfAbsent(l.from(), f -> new LinkedHashMap<>()).put(c, l.n());
      }
      changed = true;
      while (changed) {
        changed = false;
        for (Map<String, Long> row : rows.values()) {
          changed |= extendInto(linkCells, row, k);
        }
        changed |= extendInto(linkCells, all, k);
      }
    }
    // customer item cells per customer item across customer groups
    for (int i = 0; i < layout.items().size(); i++) {
      String item = layout.items().get(i);
      if (!campaign
          .instrument()
          .item(item)
          .orElseThrow()
          .population()
          .includes(org.cxalign.analytics.instrument.Population.CUSTOMER)) {
        continue;
      }
      Map<String, Long> n = new LinkedHashMap<>();
      for (String g : acc.departments()) {
        long c = Arrays.stream(acc.itemCounts(Population.CUSTOMER, g, i)).sum();
        if (acc.responses(Population.CUSTOMER, g) > 0) {
          n.put(g, c);
        }
      }
      Suppression.apply(n, k).hidden().forEach((g, r) -> customerItemCells.put(key(g, item), r));
    }
  }

  private static boolean extendInto(Map<String, Rule> cells, Map<String, Long> n, int k) {
    Map<String, Rule> already = new HashMap<>();
    for (String c : n.keySet()) {
      if (cells.containsKey(c)) {
        already.put(c, cells.get(c));
      }
    }
    boolean changed = false;
    for (Map.Entry<String, Rule> e : Suppression.extend(n, k, already).hidden().entrySet()) {
      if (cells.putIfAbsent(e.getKey(), e.getValue()) == null) {
        changed = true;
      }
    }
    return changed;
  }

  static String key(String a, String b) {
    return a + "\u0000" + b;
  }

  // ---- read side ----

  public CampaignInfo campaign() {
    return campaign;
  }

  /** Stored responses behind this snapshot. */
  public long responses() {
    return responses;
  }

  /** The report on the anonymised partition (what {@code cx-align report} gives on the export). */
  public AlignmentReport report() {
    return report;
  }

  public AlignmentAccumulator accumulator() {
    return acc;
  }

  /** The overall scale then the dimensions. */
  public List<ScaleReport> scales() {
    List<ScaleReport> s = new ArrayList<>();
    s.add(report.overall());
    s.addAll(report.dimensions());
    return s;
  }

  /** Employee groups of the partition (named departments ≥ k and the pool), by label. */
  public List<String> groups() {
    return groups;
  }

  /** Whether the organisation has at least k employee respondents. */
  public boolean organisationVisible() {
    return employeePartition.totalVisible();
  }

  /** Employee respondents per department (before pooling). */
  public long employees(String department) {
    return employeeCounts.getOrDefault(department, 0L);
  }

  /** The rule that hides a department's employees, or null when it is a group of its own. */
  public Rule departmentRule(String department) {
    return employeePartition.hidden().get(department);
  }

  /** The departments merged into {@value #POOL}, by name. */
  public List<String> poolMembers() {
    return employeePartition.hidden().keySet().stream().sorted().toList();
  }

  /** The rule hiding the customers of a department (null: visible or none). */
  public Rule customerRule(String department) {
    return customerPartition.hidden().get(department == null ? "" : department);
  }

  public long customers(String department) {
    return customerCounts.getOrDefault(department == null ? "" : department, 0L);
  }

  /** The rule hiding a scale cell (group × scale name), or null. */
  public Rule scaleCell(String group, String scale) {
    return scaleCells.get(key(group, scale));
  }

  /** The rule hiding an item cell (group × item), or null. */
  public Rule itemCell(String group, String item) {
    return itemCells.get(key(group, item));
  }

  /** The rule hiding a collaboration link, or null. */
  public Rule linkCell(String from, String to) {
    return linkCells.get(key(from, to));
  }

  /** The rule hiding customers' answers to an item in a customer group, or null. */
  public Rule customerItemCell(String group, String item) {
    return customerItemCells.get(key(group, item));
  }

  /** Whether r_wg(J) of a group and scale rests on fewer than k complete cases. */
  public boolean rwgHidden(String group, String scale) {
    return rwgHidden.contains(key(group, scale));
  }

  /**
   * Whether every scale and item cell of a group is visible (its maturity profile may be shown).
   */
  public boolean fullyVisible(String group) {
    for (ScaleDefinition s : acc.layout().scales()) {
      if (scaleCell(group, s.name()) != null) {
        return false;
      }
    }
    for (String item : acc.layout().items()) {
      if (itemCell(group, item) != null) {
        return false;
      }
    }
    return true;
  }
}
