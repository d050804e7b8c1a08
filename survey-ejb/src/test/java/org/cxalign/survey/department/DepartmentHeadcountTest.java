package org.cxalign.survey.department;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DepartmentHeadcountTest {

  @Test
  void theHeadcountUpdateSaysWhetherItChanged() {
    Department d = new Department("Sales", null, LocalDate.of(2026, 1, 1));
    assertTrue(d.updateHeadcount(2), "unknown -> 2");
    assertFalse(d.updateHeadcount(2), "2 -> 2");
    assertTrue(d.updateHeadcount(0), "2 -> 0");
    assertEquals(0, d.getHeadcount());
  }

  @Test
  void aNegativeHeadcountIsRejectedAndLeavesTheOldOne() {
    Department d = new Department("Sales", 120, LocalDate.of(2026, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> d.updateHeadcount(-1));
    assertEquals(120, d.getHeadcount());
  }
}
