package org.cxalign.survey.aggregate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cxalign.analytics.accumulate.AlignmentAccumulator;
import org.cxalign.analytics.accumulate.Population;
import org.cxalign.analytics.accumulate.ResponseLayout;
import org.cxalign.analytics.instrument.Instrument;
import org.cxalign.analytics.report.InstrumentReportBuilder;
import org.cxalign.survey.campaign.Audience;
import org.cxalign.survey.campaign.Campaign;
import org.cxalign.survey.department.Department;

/**
 * The fixed shape of a campaign's aggregate: its instrument, the accumulator layout (the
 * instrument's items; collaboration targets = the departments in scope keyed by id, in id order)
 * and the translation of stored answers ({@code item id → value}, collaboration answers under
 * {@code collab.<Department name>}) into the accumulator's arrays.
 *
 * <p>A campaign's instrument and scope do not change once it exists, so the layout is fixed; only
 * department names can change. Collaboration answers name the department as it was called when the
 * answer was stored: live counting resolves the name at that moment; a rebuild resolves it through
 * the names recorded in {@code aggregate_department_name} and the current names.
 */
public final class CampaignLayout {

  /** Department key of customers not attached to a department. */
  public static final String NO_DEPARTMENT = "";

  private final long campaignId;
  private final Instrument instrument;
  private final ResponseLayout layout;
  private final List<DepartmentKey> departments;
  private final Map<String, Integer> itemIndex = new HashMap<>();
  private final Map<String, Integer> targetByItem = new HashMap<>();
  private final String collabPrefix;

  private CampaignLayout(long campaignId, Instrument instrument, List<DepartmentKey> departments) {
    this.campaignId = campaignId;
    this.instrument = instrument;
    this.departments = List.copyOf(departments);
    this.collabPrefix = InstrumentReportBuilder.collabPrefix(instrument);
    List<String> targets =
        instrument.collaborationTemplate().isPresent()
            ? departments.stream().map(DepartmentKey::key).toList()
            : List.of();
    this.layout = InstrumentReportBuilder.layout(instrument, targets);
    for (int i = 0; i < layout.items().size(); i++) {
      itemIndex.put(layout.items().get(i), i);
    }
    if (!targets.isEmpty()) {
      for (int t = 0; t < departments.size(); t++) {
        targetByItem.put(collabPrefix + departments.get(t).name(), t);
      }
    }
  }

  /** The layout of a campaign with its departments' current names. */
  public static CampaignLayout of(Campaign campaign) {
    List<DepartmentKey> keys = new ArrayList<>();
    campaign.getDepartments().stream()
        .sorted(Comparator.comparing(Department::getId))
        .forEach(
            d ->
                keys.add(
                    new DepartmentKey(DepartmentKey.keyOf(d.getId()), d.getId(), d.getName())));
    return new CampaignLayout(campaign.getId(), campaign.getInstrument().instrument(), keys);
  }

  /**
   * The same layout resolving collaboration answers also under former names ({@code name →
   * department id}); a current name wins over a former one.
   */
  public CampaignLayout withFormerNames(Map<String, Long> formerNames) {
    CampaignLayout l = new CampaignLayout(campaignId, instrument, departments);
    if (!l.targetByItem.isEmpty()) {
      for (Map.Entry<String, Long> e : formerNames.entrySet()) {
        int t = l.targetIndex(e.getValue());
        if (t >= 0) {
          l.targetByItem.putIfAbsent(collabPrefix + e.getKey(), t);
        }
      }
    }
    return l;
  }

  private int targetIndex(long departmentId) {
    for (int t = 0; t < departments.size(); t++) {
      if (departments.get(t).id() == departmentId) {
        return t;
      }
    }
    return -1;
  }

  public long campaignId() {
    return campaignId;
  }

  public Instrument instrument() {
    return instrument;
  }

  public ResponseLayout layout() {
    return layout;
  }

  /** The departments in scope, in id order (also the collaboration targets' order). */
  public List<DepartmentKey> departments() {
    return departments;
  }

  /** An empty accumulator with every department in scope registered, in id order. */
  public AlignmentAccumulator newAccumulator() {
    AlignmentAccumulator acc = new AlignmentAccumulator(layout);
    for (DepartmentKey d : departments) {
      acc.department(d.key());
    }
    return acc;
  }

  /** Population index of an audience. */
  public static int population(Audience audience) {
    return audience == Audience.EMPLOYEES
        ? Population.EMPLOYEE.ordinal()
        : Population.CUSTOMER.ordinal();
  }

  /** Department key of a department id, {@link #NO_DEPARTMENT} for null. */
  public static String departmentKey(Long departmentId) {
    return departmentId == null ? NO_DEPARTMENT : DepartmentKey.keyOf(departmentId);
  }

  /** An empty answer vector (every item missing). */
  public int[] emptyAnswers() {
    int[] a = new int[layout.items().size()];
    java.util.Arrays.fill(a, AlignmentAccumulator.MISSING);
    return a;
  }

  /** An empty collaboration vector (every target missing). */
  public int[] emptyCollab() {
    int[] c = new int[layout.collabTargets().size()];
    java.util.Arrays.fill(c, AlignmentAccumulator.MISSING);
    return c;
  }

  /**
   * Puts one stored answer into the vectors.
   *
   * @return false when the item is neither an item of the layout nor a collaboration answer about a
   *     department in scope known by that name (the answer is then not counted)
   */
  public boolean put(String itemId, int value, int[] answers, int[] collab) {
    Integer i = itemIndex.get(itemId);
    if (i != null) {
      answers[i] = value;
      return true;
    }
    Integer t = targetByItem.get(itemId);
    if (t != null) {
      collab[t] = value;
      return true;
    }
    return false;
  }

  /**
   * The outbox text of a stored response's answers ({@code item id → value}, collaboration answers
   * under {@code collab.<current name>}): the answer and collaboration vectors of {@link
   * ResponseVector#payload}. Answers the layout does not know are not counted.
   */
  public String outboxPayload(Map<String, Integer> values) {
    int[] answers = emptyAnswers();
    int[] collab = emptyCollab();
    for (Map.Entry<String, Integer> e : values.entrySet()) {
      put(e.getKey(), e.getValue(), answers, collab);
    }
    return ResponseVector.payload(answers, collab);
  }

  /** The department of a key, if it is one in scope. */
  public Optional<DepartmentKey> department(String key) {
    return departments.stream().filter(d -> d.key().equals(key)).findFirst();
  }
}
