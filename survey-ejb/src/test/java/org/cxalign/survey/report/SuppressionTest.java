package org.cxalign.survey.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.cxalign.survey.report.Suppression.Rule;
import org.junit.jupiter.api.Test;

class SuppressionTest {

  private static Map<String, Long> counts(Object... kv) {
    Map<String, Long> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], ((Number) kv[i + 1]).longValue());
    }
    return m;
  }

  @Test
  void nothingHiddenWhenEveryGroupHasK() {
    Suppression.Result r = Suppression.apply(counts("A", 5, "B", 9), 5);
    assertTrue(r.hidden().isEmpty());
    assertTrue(r.totalVisible());
  }

  @Test
  void oneSmallGroupTakesTheSmallestVisibleWithIt() {
    // A alone could be derived as total − B − C − D: the smallest visible (C, 6) is hidden too
    Suppression.Result r = Suppression.apply(counts("A", 3, "B", 20, "C", 6, "D", 7), 5);
    assertEquals(Map.of("A", Rule.MIN_K, "C", Rule.SECONDARY), r.hidden());
  }

  @Test
  void twoSmallGroupsBelowKTogetherTakeAThird() {
    // A + B = 3 < 5: their sum would be an aggregate of 3 respondents
    Suppression.Result r = Suppression.apply(counts("A", 1, "B", 2, "C", 8, "D", 30), 5);
    assertEquals(Map.of("A", Rule.MIN_K, "B", Rule.MIN_K, "C", Rule.SECONDARY), r.hidden());
  }

  @Test
  void twoSmallGroupsWithKTogetherAreEnough() {
    Suppression.Result r = Suppression.apply(counts("A", 3, "B", 4, "C", 8), 5);
    assertEquals(Map.of("A", Rule.MIN_K, "B", Rule.MIN_K), r.hidden());
  }

  @Test
  void tiesTakeTheFirstNameAndEmptyGroupsAreNotGroups() {
    Suppression.Result r = Suppression.apply(counts("Z", 2, "Y", 9, "X", 9, "W", 0), 5);
    assertEquals(Map.of("Z", Rule.MIN_K, "X", Rule.SECONDARY), r.hidden());
    assertFalse(r.isHidden("W"));
  }

  @Test
  void aTotalBelowKIsReported() {
    Suppression.Result r = Suppression.apply(counts("A", 2, "B", 1), 5);
    assertFalse(r.totalVisible());
    assertEquals(2, r.hidden().size());
  }

  @Test
  void alreadyHiddenGroupsCountInTheSecondaryRule() {
    Suppression.Result r =
        Suppression.extend(counts("A", 9, "B", 30, "C", 12), 5, Map.of("A", Rule.TRANSPARENCY));
    assertEquals(Map.of("A", Rule.TRANSPARENCY, "C", Rule.SECONDARY), r.hidden());
  }

  @Test
  void badInput() {
    assertThrows(IllegalArgumentException.class, () -> Suppression.apply(counts("A", -1), 5));
    assertThrows(IllegalArgumentException.class, () -> Suppression.apply(counts("A", 1), 0));
  }
}
