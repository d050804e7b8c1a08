package org.cxalign.survey.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.cxalign.analytics.accumulate.Population;
import org.cxalign.analytics.instrument.Instrument;
import org.cxalign.analytics.instrument.Instruments;
import org.cxalign.analytics.instrument.Item;
import org.cxalign.analytics.instrument.Model;
import org.cxalign.survey.campaign.Transparency;

/** Synthetic campaigns on the built-in instrument for the report tests. */
final class TestCampaigns {

  static final Instrument BUILT_IN = Instruments.builtIn();

  private TestCampaigns() {}

  static CampaignInfo campaign(long id, int k, Transparency t, List<String> departments) {
    Map<String, Long> ids = new LinkedHashMap<>();
    long next = 100;
    for (String d : departments.stream().sorted().toList()) {
      ids.put(d, next++);
    }
    return new CampaignInfo(
        id,
        "Campaign " + id,
        "wave " + id,
        "closed",
        LocalDate.of(2026, 1, 1).plusMonths(id),
        k,
        t,
        BUILT_IN.id(),
        BUILT_IN,
        ids);
  }

  /**
   * Employees per department (answers 1–5 around a department level, every employee item, a
   * collaboration rating of each other department) and customers per department ("" = none).
   */
  static List<ResponseRow> rows(
      long seed, Map<String, Integer> employees, Map<String, Integer> customers) {
    Random rnd = new Random(seed);
    List<ResponseRow> rows = new ArrayList<>();
    List<String> depts = new ArrayList<>(employees.keySet());
    int d = 0;
    for (Map.Entry<String, Integer> e : employees.entrySet()) {
      int level = 2 + (d++ % 3);
      for (int i = 0; i < e.getValue(); i++) {
        Map<String, Integer> a = new HashMap<>();
        for (Item it : BUILT_IN.items()) {
          if (it.model() != Model.COLLABORATION
              && it.population().includes(org.cxalign.analytics.instrument.Population.EMPLOYEE)) {
            a.put(it.id(), answer(rnd, level));
          }
        }
        for (String other : depts) {
          if (!other.equals(e.getKey())) {
            a.put("collab." + other, answer(rnd, level));
          }
        }
        rows.add(new ResponseRow(Population.EMPLOYEE, e.getKey(), a, "comment " + e.getKey() + i));
      }
    }
    for (Map.Entry<String, Integer> c : customers.entrySet()) {
      for (int i = 0; i < c.getValue(); i++) {
        Map<String, Integer> a = new HashMap<>();
        for (Item it : BUILT_IN.items()) {
          if (it.population() == org.cxalign.analytics.instrument.Population.CUSTOMER) {
            a.put(it.id(), answer(rnd, 3));
          }
        }
        rows.add(
            new ResponseRow(
                Population.CUSTOMER, c.getKey().isEmpty() ? null : c.getKey(), a, null));
      }
    }
    return rows;
  }

  static int answer(Random rnd, int level) {
    return Math.max(1, Math.min(5, level + rnd.nextInt(3) - 1));
  }

  static ResponseSource source(List<ResponseRow> rows) {
    return rows::forEach;
  }
}
