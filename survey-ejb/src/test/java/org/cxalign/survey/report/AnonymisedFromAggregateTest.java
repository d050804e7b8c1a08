package org.cxalign.survey.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.cxalign.analytics.accumulate.AlignmentAccumulator;
import org.cxalign.analytics.accumulate.Population;
import org.cxalign.analytics.accumulate.ResponseLayout;
import org.cxalign.analytics.instrument.Instrument;
import org.cxalign.analytics.report.InstrumentReportBuilder;
import org.cxalign.survey.aggregate.CampaignAggregate;
import org.cxalign.survey.aggregate.DepartmentKey;
import org.cxalign.survey.campaign.Transparency;
import org.junit.jupiter.api.Test;

/**
 * The anonymised campaign from the live aggregate (department ids, targets in id order) equals the
 * one read from the responses: every view, for every viewer, character for character.
 */
class AnonymisedFromAggregateTest {

  private static final Instrument INST = TestCampaigns.BUILT_IN;

  /** Ids not in name order, so that the targets are rearranged too. */
  private static CampaignInfo campaign(int k, Transparency t, Map<String, Long> ids) {
    Map<String, Long> byName = new LinkedHashMap<>();
    ids.keySet().stream().sorted().forEach(n -> byName.put(n, ids.get(n)));
    return new CampaignInfo(
        7, "Campaign", "w", "open", LocalDate.of(2026, 3, 1), k, t, INST.id(), INST, byName);
  }

  private static Map<String, Long> ids(List<String> names) {
    Map<String, Long> ids = new LinkedHashMap<>();
    long next = 900;
    for (String n : names) {
      ids.put(n, next);
      next -= 7;
    }
    return ids;
  }

  /** The aggregate as the server counts the rows: keys are ids, targets the ids in id order. */
  private static CampaignAggregate aggregate(CampaignInfo c, List<ResponseRow> rows) {
    List<DepartmentKey> keys = new ArrayList<>();
    c.departments().entrySet().stream()
        .sorted(Map.Entry.comparingByValue())
        .forEach(
            e -> keys.add(new DepartmentKey(e.getValue().toString(), e.getValue(), e.getKey())));
    List<String> targets =
        INST.collaborationTemplate().isPresent()
            ? keys.stream().map(DepartmentKey::key).toList()
            : List.of();
    ResponseLayout layout = InstrumentReportBuilder.layout(INST, targets);
    AlignmentAccumulator acc = new AlignmentAccumulator(layout);
    keys.forEach(k -> acc.department(k.key()));
    String prefix = InstrumentReportBuilder.collabPrefix(INST);
    for (ResponseRow r : rows) {
      int[] answers = new int[layout.items().size()];
      for (int i = 0; i < answers.length; i++) {
        Integer v = r.answers().get(layout.items().get(i));
        answers[i] = v == null ? AlignmentAccumulator.MISSING : v;
      }
      int[] collab = new int[targets.size()];
      for (int t = 0; t < collab.length; t++) {
        Integer v = r.answers().get(prefix + keys.get(t).name());
        collab[t] = v == null ? AlignmentAccumulator.MISSING : v;
      }
      String key = r.department() == null ? "" : c.departments().get(r.department()).toString();
      acc.add(r.population(), key, answers, collab);
    }
    return new CampaignAggregate(c.id(), 3, INST, layout, acc, keys);
  }

  /** Drops answers at random (some respondents answer nothing) to exercise the missing cells. */
  private static List<ResponseRow> holes(List<ResponseRow> rows, long seed) {
    Random rnd = new Random(seed);
    List<ResponseRow> out = new ArrayList<>();
    for (ResponseRow r : rows) {
      Map<String, Integer> a = new HashMap<>();
      if (rnd.nextInt(15) > 0) {
        // in item order: the rows' maps iterate in an order that changes from run to run
        for (String item : new java.util.TreeSet<>(r.answers().keySet())) {
          if (rnd.nextInt(9) > 0) {
            a.put(item, r.answers().get(item));
          }
        }
      }
      out.add(new ResponseRow(r.population(), r.department(), a, r.comment()));
    }
    return out;
  }

  private static void assertSameViews(CampaignInfo c, List<ResponseRow> rows, List<Viewer> who) {
    AnonymisedCampaign fromRows = AnonymisedCampaign.of(c, TestCampaigns.source(rows));
    AnonymisedCampaign fromAggregate = AnonymisedCampaign.of(c, aggregate(c, rows));
    assertEquals(fromRows.responses(), fromAggregate.responses());
    assertEquals(fromRows.groups(), fromAggregate.groups());
    assertEquals(fromRows.poolMembers(), fromAggregate.poolMembers());
    for (Viewer v : who) {
      ReportViews a = new ReportViews(fromRows, v);
      ReportViews b = new ReportViews(fromAggregate, v);
      assertEquals(a.all(fromRows, null), b.all(fromAggregate, null), v.toString());
      for (String d : c.departments().keySet()) {
        if (v.admin() || c.transparency() == Transparency.ALL_DEPARTMENTS) {
          assertEquals(a.department(d), b.department(d), v + " " + d);
        }
      }
    }
  }

  @Test
  void theStandardCampaignIsTheSameFromTheAggregate() {
    for (Transparency t : Transparency.values()) {
      CampaignInfo c =
          campaign(5, t, ids(new ArrayList<>(AnonymisedReportTest.EMPLOYEES.keySet())));
      List<ResponseRow> rows =
          TestCampaigns.rows(11, AnonymisedReportTest.EMPLOYEES, AnonymisedReportTest.CUSTOMERS);
      assertSameViews(
          c,
          rows,
          List.of(Viewer.administrator(), Viewer.headOf("Sales"), Viewer.headOf("Finance")));
      assertSameViews(c, holes(rows, 3), List.of(Viewer.administrator(), Viewer.headOf("People")));
    }
  }

  @Test
  void randomCampaignsAreTheSameFromTheAggregate() {
    Random rnd = new Random(20261202L);
    int pooled = 0;
    for (int trial = 0; trial < 25; trial++) {
      int n = 2 + rnd.nextInt(12);
      Map<String, Integer> employees = new LinkedHashMap<>();
      Map<String, Integer> customers = new LinkedHashMap<>();
      List<String> names = new ArrayList<>();
      for (int d = 0; d < n; d++) {
        String name = "Dept " + (char) ('A' + rnd.nextInt(26)) + d;
        names.add(name);
        employees.put(name, rnd.nextInt(4) == 0 ? rnd.nextInt(5) : rnd.nextInt(40));
        customers.put(name, rnd.nextInt(3) == 0 ? 0 : rnd.nextInt(25));
      }
      customers.put("", rnd.nextInt(20));
      int k = 2 + rnd.nextInt(6);
      CampaignInfo c = campaign(k, Transparency.ALL_DEPARTMENTS, ids(names));
      List<ResponseRow> rows = holes(TestCampaigns.rows(trial, employees, customers), trial);
      assertSameViews(c, rows, List.of(Viewer.administrator(), Viewer.headOf(names.get(0))));
      pooled +=
          AnonymisedCampaign.of(c, TestCampaigns.source(rows)).poolMembers().isEmpty() ? 0 : 1;
    }
    assertTrue(pooled > 5, "campaigns with a pool: " + pooled);
  }

  @Test
  void anAggregateWithADepartmentOutsideTheCampaignIsRefused() {
    CampaignInfo c = campaign(5, Transparency.ALL_DEPARTMENTS, ids(List.of("Sales", "Service")));
    CampaignAggregate a = aggregate(c, List.of());
    a.accumulator()
        .add(
            Population.CUSTOMER,
            "12345",
            a.layout().items().stream().map(x -> 3).mapToInt(Integer::intValue).toArray(),
            emptyCollab(a));
    assertThrows(IllegalArgumentException.class, () -> AnonymisedCampaign.of(c, a));
  }

  private static int[] emptyCollab(CampaignAggregate a) {
    int[] collab = new int[a.layout().collabTargets().size()];
    java.util.Arrays.fill(collab, AlignmentAccumulator.MISSING);
    return collab;
  }
}
