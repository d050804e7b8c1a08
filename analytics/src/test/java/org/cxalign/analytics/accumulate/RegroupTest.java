package org.cxalign.analytics.accumulate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.cxalign.analytics.stat.Scale;
import org.junit.jupiter.api.Test;

/**
 * {@link AlignmentAccumulator#regroup} against the accumulator built from the same responses with
 * their new departments and rearranged ratings.
 */
class RegroupTest {

  private static final int M = AlignmentAccumulator.MISSING;
  private static final Scale[] SCALES = {
    new Scale(1, 5), new Scale(1, 7), new Scale(-3, 3), new Scale(0, 10), new Scale(1, 100)
  };

  /** One stored response. */
  private record Row(Population population, String department, int[] answers, int[] collab) {}

  /** A random layout: 1–12 items, 1–3 scales, collaboration targets = a subset of departments. */
  private static ResponseLayout layout(SplittableRandom r, List<String> departments) {
    Scale s = SCALES[r.nextInt(SCALES.length)];
    RandomLayouts.ItemsAndScales is = RandomLayouts.itemsAndScales(r);
    List<String> names = is.items();
    List<ScaleDefinition> scales = is.scales();
    List<String> targets = new ArrayList<>();
    if (r.nextInt(5) > 0) {
      for (String d : departments) {
        if (!d.isEmpty() && r.nextInt(4) > 0) {
          targets.add(d);
        }
      }
    }
    shuffle(targets, r);
    return new ResponseLayout(s, names, scales, targets);
  }

  /**
   * Random responses: some answer nothing, nobody rates their own department (as the survey asks),
   * a third of the departments have a narrow answer range (many complete cases).
   */
  private static List<Row> rows(SplittableRandom r, ResponseLayout l, List<String> depts, int n) {
    Scale s = l.scale();
    List<Row> rows = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      int di = r.nextInt(depts.size());
      String d = depts.get(di);
      Population p = d.isEmpty() || r.nextInt(3) == 0 ? Population.CUSTOMER : Population.EMPLOYEE;
      boolean blank = r.nextInt(40) == 0;
      int missing = di % 3 == 0 ? 30 : 6;
      int[] answers = new int[l.items().size()];
      for (int i = 0; i < answers.length; i++) {
        answers[i] = blank || r.nextInt(missing) == 0 ? M : s.min() + r.nextInt(s.options());
      }
      int[] collab = new int[l.collabTargets().size()];
      for (int t = 0; t < collab.length; t++) {
        boolean own = l.collabTargets().get(t).equals(d);
        collab[t] = blank || own || r.nextInt(missing) == 0 ? M : s.min() + r.nextInt(s.options());
      }
      rows.add(new Row(p, d, answers, collab));
    }
    return rows;
  }

  private static <T> void shuffle(List<T> list, SplittableRandom r) {
    for (int i = list.size() - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      T t = list.get(i);
      list.set(i, list.get(j));
      list.set(j, t);
    }
  }

  /** The same content with departments registered in name order (canonical encoding). */
  private static byte[] canonical(AlignmentAccumulator acc) {
    AlignmentAccumulator c = new AlignmentAccumulator(acc.layout());
    acc.departments().stream().sorted().forEach(c::department);
    c.merge(acc);
    return AccumulatorCodec.encode(c);
  }

  @Test
  void regroupedEqualsTheResponsesAddedWithTheirNewLabels() {
    SplittableRandom r = new SplittableRandom(20261202L);
    int merges = 0;
    int completeCasesMoved = 0;
    for (int trial = 0; trial < 150; trial++) {
      int nDepts = 1 + r.nextInt(r.nextBoolean() ? 8 : 40);
      List<String> depts = new ArrayList<>();
      depts.add(""); // customers without a department
      for (int d = 0; d < nDepts; d++) {
        depts.add(String.valueOf(100 + d));
      }
      ResponseLayout old = layout(r, depts);
      List<Row> rows = rows(r, old, depts, r.nextInt(4) == 0 ? r.nextInt(5) : r.nextInt(4000));

      // the aggregate: added in two halves, one through the codec, merged (as the server does)
      AlignmentAccumulator source = new AlignmentAccumulator(old);
      AlignmentAccumulator half = new AlignmentAccumulator(old);
      for (String d : depts) {
        if (r.nextInt(3) == 0) {
          source.department(d); // registered, maybe never answered
        }
      }
      for (int k = 0; k < rows.size(); k++) {
        Row w = rows.get(k);
        (k % 2 == 0 ? source : half).add(w.population(), w.department(), w.answers(), w.collab());
      }
      source.merge(AccumulatorCodec.decode(AccumulatorCodec.encode(half), old));

      // new names: every department renamed; targets in a new order
      Map<String, String> rename = new HashMap<>();
      for (String d : depts) {
        rename.put(d, d.isEmpty() ? "" : "Dept " + d);
      }
      List<String> newTargets = new ArrayList<>();
      for (String t : old.collabTargets()) {
        newTargets.add(rename.get(t));
      }
      shuffle(newTargets, r);
      int[] targets = new int[newTargets.size()];
      for (int t = 0; t < targets.length; t++) {
        targets[t] = newTargets.indexOf(rename.get(old.collabTargets().get(t)));
      }
      ResponseLayout into = new ResponseLayout(old.scale(), old.items(), old.scales(), newTargets);
      // per population × department: its new name, the pool, or one of two other groups
      Map<String, String> label = new HashMap<>();
      for (Population p : Population.values()) {
        for (String d : depts) {
          int c = r.nextInt(6);
          String to = c < 3 ? rename.get(d) : c < 5 ? "(pooled)" : "group " + r.nextInt(2);
          label.put(p + d, to);
        }
      }

      AlignmentAccumulator regrouped = source.regroup(into, (p, d) -> label.get(p + d), targets);

      AlignmentAccumulator expected = new AlignmentAccumulator(into);
      Map<String, Set<String>> members = new HashMap<>();
      for (Row w : rows) {
        int[] collab = new int[w.collab().length];
        for (int t = 0; t < collab.length; t++) {
          collab[targets[t]] = w.collab()[t];
        }
        String to = label.get(w.population() + w.department());
        expected.add(w.population(), to, w.answers(), collab);
        members.computeIfAbsent(to, x -> new HashSet<>()).add(w.department());
      }
      assertEquals(
          new HashSet<>(expected.departments()),
          new HashSet<>(regrouped.departments()),
          "trial " + trial + ": the groups that received responses");
      assertArrayEquals(canonical(expected), canonical(regrouped), "trial " + trial);
      for (String g : expected.departments()) {
        for (Population p : Population.values()) {
          assertEquals(expected.responses(p, g), regrouped.responses(p, g));
          if (!newTargets.isEmpty()) {
            assertEquals(
                expected.collaborationCompleteCases(p, g),
                regrouped.collaborationCompleteCases(p, g));
            assertEquals(
                expected.collaborationScores(p, g).moments().n(),
                regrouped.collaborationScores(p, g).moments().n());
            completeCasesMoved += (int) Math.min(1, regrouped.collaborationCompleteCases(p, g));
          }
        }
        merges += members.get(g).size() > 1 ? 1 : 0;
      }
    }
    // the cases that matter did occur
    assertTrue(merges > 100, "groups merged from several departments: " + merges);
    assertTrue(completeCasesMoved > 50, "groups with collaboration complete cases");
  }

  private static ResponseLayout twoTargets() {
    return new ResponseLayout(
        new Scale(1, 5),
        List.of("q0", "q1"),
        List.of(new ScaleDefinition("all", new int[] {0, 1})),
        List.of("A", "B"));
  }

  @Test
  void aMoveThatChangesWhichDepartmentIsOwnIsRefusedWhenRatingsExist() {
    ResponseLayout l = twoTargets();
    AlignmentAccumulator acc = new AlignmentAccumulator(l);
    acc.add(Population.EMPLOYEE, "A", new int[] {3, 4}, new int[] {M, 5});
    // A's employees into B: B's own target is B, which they rated
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> acc.regroup(l, (p, d) -> "B", new int[] {0, 1}));
    assertTrue(e.getMessage().contains("employees of \"A\" moved to \"B\""), e.getMessage());
    // into a pool it carries over (nobody rated their own department)
    AlignmentAccumulator pooled = acc.regroup(l, (p, d) -> "(pooled)", new int[] {0, 1});
    assertEquals(1, pooled.collaborationScores(Population.EMPLOYEE, "(pooled)").moments().n());
    assertEquals(0, pooled.collaborationCompleteCases(Population.EMPLOYEE, "(pooled)"));
  }

  @Test
  void aRespondentWhoRatedTheirOwnDepartmentCannotBePooledExactly() {
    ResponseLayout l = twoTargets();
    AlignmentAccumulator acc = new AlignmentAccumulator(l);
    acc.add(Population.EMPLOYEE, "A", new int[] {3, 4}, new int[] {2, 5});
    assertThrows(
        IllegalArgumentException.class,
        () -> acc.regroup(l, (p, d) -> "(pooled)", new int[] {0, 1}));
    // kept in its department under a new order of targets it is exact
    ResponseLayout swapped =
        new ResponseLayout(l.scale(), l.items(), l.scales(), List.of("B", "A"));
    AlignmentAccumulator moved = acc.regroup(swapped, (p, d) -> d, new int[] {1, 0});
    assertArrayEquals(
        acc.collabCounts(Population.EMPLOYEE, "A", 0),
        moved.collabCounts(Population.EMPLOYEE, "A", 1));
    assertEquals(1, moved.collaborationCompleteCases(Population.EMPLOYEE, "A"));
  }

  @Test
  void layoutsAndTargetMapsAreChecked() {
    ResponseLayout l = twoTargets();
    AlignmentAccumulator acc = new AlignmentAccumulator(l);
    acc.add(Population.CUSTOMER, "", new int[] {1, M}, new int[] {M, M});
    ResponseLayout otherItems =
        new ResponseLayout(l.scale(), List.of("q0", "q2"), l.scales(), l.collabTargets());
    assertThrows(
        IllegalArgumentException.class,
        () -> acc.regroup(otherItems, (p, d) -> d, new int[] {0, 1}));
    assertThrows(
        IllegalArgumentException.class, () -> acc.regroup(l, (p, d) -> d, new int[] {0, 0}));
    assertThrows(IllegalArgumentException.class, () -> acc.regroup(l, (p, d) -> d, new int[] {0}));
    assertThrows(
        IllegalArgumentException.class, () -> acc.regroup(l, (p, d) -> null, new int[] {0, 1}));
    AlignmentAccumulator same = acc.regroup(l, (p, d) -> d, new int[] {0, 1});
    assertEquals(List.of(""), same.departments());
    assertEquals(
        Arrays.toString(new long[] {1, 0, 0, 0, 0}),
        Arrays.toString(same.itemCounts(Population.CUSTOMER, "", 0)));
  }
}
