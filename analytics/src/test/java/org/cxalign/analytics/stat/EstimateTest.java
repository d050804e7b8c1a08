package org.cxalign.analytics.stat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EstimateTest {

  @Test
  void definedEstimate() {
    Estimate e = Estimate.of(0.5);
    assertTrue(e.isDefined());
    assertEquals(0.5, e.get());
    assertEquals(1.0, e.map(v -> 2 * v).get());
    assertTrue(e.asOptional().isPresent());
  }

  @Test
  void undefinedEstimateKeepsItsReason() {
    Estimate e = Estimate.undefined("fewer than 2 answers");
    assertFalse(e.isDefined());
    assertEquals("fewer than 2 answers", e.undefinedReason());
    assertEquals(-1.0, e.orElse(-1));
    assertEquals(e, e.map(v -> 2 * v));
    IllegalStateException ex = assertThrows(IllegalStateException.class, e::get);
    assertEquals("undefined estimate: fewer than 2 answers", ex.getMessage());
  }

  @Test
  void nanAndInfinityAreNotEstimates() {
    assertThrows(IllegalArgumentException.class, () -> Estimate.of(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> Estimate.of(Double.POSITIVE_INFINITY));
    assertThrows(IllegalArgumentException.class, () -> new Estimate(1.0, "both"));
    assertThrows(IllegalArgumentException.class, () -> new Estimate(null, null));
  }
}
