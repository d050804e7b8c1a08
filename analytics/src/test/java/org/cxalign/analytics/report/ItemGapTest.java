package org.cxalign.analytics.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cxalign.analytics.stat.Scale;
import org.junit.jupiter.api.Test;

/** The perception gap of one matched item, from option counts, against R. */
class ItemGapTest {

  private static final Scale FIVE = new Scale(1, 5);

  @Test
  void meansAndIntervalsAgreeWithR() {
    // x <- c(4,5,3,4,4,2,5,4,3,4,5,4); y <- c(3,2,4,3,3,1,2,3,4)
    // as counts of the options 1..5:
    long[] employees = {0, 1, 2, 6, 3};
    long[] customers = {1, 2, 4, 2, 0};
    ItemGap g = InstrumentReportBuilder.gap("seamless", "e", "c", FIVE, employees, customers);
    assertEquals(12, g.employees());
    assertEquals(9, g.customers());
    // mean(x); t.test(x)$conf.int
    assertEquals(3.9166666666666665, g.employeeMean().get(), 1e-12);
    assertEquals(3.3446200588831569, g.employeeInterval().lower().get(), 1e-9);
    assertEquals(4.4887132744501761, g.employeeInterval().upper().get(), 1e-9);
    // mean(y); t.test(y)$conf.int
    assertEquals(2.7777777777777777, g.customerMean().get(), 1e-12);
    assertEquals(2.0307667121283428, g.customerInterval().lower().get(), 1e-9);
    assertEquals(3.5247888434272125, g.customerInterval().upper().get(), 1e-9);
    // t.test(x, y)$conf.int (Welch)
    assertEquals(1.1388888888888888, g.meanDifference().get(), 1e-12);
    assertEquals(0.26107159090715304, g.differenceInterval().lower().get(), 1e-9);
    assertEquals(2.01670618687062442, g.differenceInterval().upper().get(), 1e-9);
  }

  @Test
  void withoutCustomersOnlyTheEmployeeSideIsDefined() {
    ItemGap g =
        InstrumentReportBuilder.gap(
            "seamless", "e", "c", FIVE, new long[] {0, 1, 2, 6, 3}, new long[5]);
    assertTrue(g.employeeInterval().isDefined());
    assertFalse(g.customerMean().isDefined());
    assertFalse(g.customerInterval().isDefined());
    assertFalse(g.meanDifference().isDefined());
    assertEquals("no customer answers", g.differenceInterval().lower().undefinedReason());
  }

  @Test
  void oneAnswerGivesAMeanWithoutAnInterval() {
    ItemGap g =
        InstrumentReportBuilder.gap(
            "seamless", "e", "c", FIVE, new long[] {0, 0, 0, 1, 0}, new long[] {1, 2, 4, 2, 0});
    assertEquals(4.0, g.employeeMean().get(), 0);
    assertFalse(g.employeeInterval().isDefined());
    assertTrue(g.customerInterval().isDefined());
    assertEquals(4.0 - 25.0 / 9, g.meanDifference().get(), 1e-12);
    assertFalse(g.differenceInterval().isDefined());
  }
}
