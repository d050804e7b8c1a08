package org.cxalign.analytics.stat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ScaleTest {

  @Test
  void optionsAndUniformNullVariance() {
    Scale five = new Scale(1, 5);
    assertEquals(5, five.options());
    // James, Demaree & Wolf (1984): sigma^2_EU = 2.0 for 5 options, 4.0 for 7 options
    assertEquals(2.0, five.uniformNullVariance(), 0);
    assertEquals(4.0, new Scale(1, 7).uniformNullVariance(), 0);
    assertEquals(10.0, new Scale(0, 10).uniformNullVariance(), 0);
  }

  @Test
  void containsOnlyIntegerOptions() {
    Scale s = new Scale(1, 5);
    assertTrue(s.contains(1));
    assertTrue(s.contains(5));
    assertFalse(s.contains(0));
    assertFalse(s.contains(6));
    assertFalse(s.contains(2.5));
    assertFalse(s.contains(Double.NaN));
  }

  @Test
  void requireRejectsValuesOffTheScale() {
    Scale s = new Scale(1, 5);
    s.require(3);
    IllegalArgumentException off = assertThrows(IllegalArgumentException.class, () -> s.require(6));
    assertEquals("value 6.0 is not an option of the scale 1..5 (integers only)", off.getMessage());
    IllegalArgumentException step =
        assertThrows(IllegalArgumentException.class, () -> s.require(2.5));
    assertEquals("value 2.5 is not an option of the scale 1..5 (integers only)", step.getMessage());
  }

  @Test
  void minMustBeBelowMax() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new Scale(5, 5));
    assertEquals("a scale needs min < max, got min=5, max=5", e.getMessage());
  }
}
