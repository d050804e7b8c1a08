package org.cxalign.survey.department;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DepartmentCsvTest {

  private static List<String> errors(DepartmentCsv.Result r) {
    return r.errors().stream().map(e -> e.line() + ": " + e.message()).toList();
  }

  @Test
  void aGoodFileWithQuotesBomCrlfAndBlankLines() {
    DepartmentCsv.Result r =
        DepartmentCsv.parse(
            "\uFEFFHeadcount,Name\r\n12,Sales\r\n\r\n,\"Research, Development\"\r\n3,\"The \"\"A\"\" team\"\r\n");
    assertEquals(List.of(), r.errors());
    assertEquals(
        List.of(
            new DepartmentCsv.Row(2, "Sales", 12),
            new DepartmentCsv.Row(4, "Research, Development", null),
            new DepartmentCsv.Row(5, "The \"A\" team", 3)),
        r.rows());
  }

  @Test
  void aNameOnlyHeaderIsEnough() {
    DepartmentCsv.Result r = DepartmentCsv.parse("name\n  Legal   Team \n");
    assertEquals(List.of(new DepartmentCsv.Row(2, "Legal Team", null)), r.rows());
    assertNull(r.rows().get(0).headcount());
  }

  @Test
  void everyBadLineIsReportedWithItsNumberAndNoRowIsReturned() {
    DepartmentCsv.Result r =
        DepartmentCsv.parse(
            String.join(
                "\n",
                "name,headcount",
                "Sales,10",
                " ,5",
                "Finance,-1",
                "Legal,lots",
                "SALES,3",
                "Ops",
                "\"Broken,4",
                "x".repeat(101) + ",1",
                "Fine,2.5"));
    assertTrue(r.rows().isEmpty());
    assertEquals(
        List.of(
            "3: name: name must not be blank",
            "4: headcount: '-1' is not a whole number from 0 to 10000000",
            "5: headcount: 'lots' is not a whole number from 0 to 10000000",
            "6: name: 'SALES' is on line 2 already",
            "7: has 1 fields, the header has 2",
            "8: unbalanced quotes",
            "9: name: name must be at most 100 characters",
            "10: headcount: '2.5' is not a whole number from 0 to 10000000"),
        errors(r));
  }

  @Test
  void aBadHeaderOrAnEmptyFileIsRejected() {
    assertEquals(
        List.of(
            "1: unknown or repeated column 'dept' (name, headcount)",
            "1: the header needs a 'name' column"),
        errors(DepartmentCsv.parse("dept,headcount\nSales,1\n")));
    assertEquals(List.of("0: the file is empty"), errors(DepartmentCsv.parse("")));
    assertEquals(List.of("0: the file is empty"), errors(DepartmentCsv.parse("\n\n")));
    assertEquals(
        List.of("0: the file has a header but no departments"),
        errors(DepartmentCsv.parse("name,headcount\n")));
  }

  @Test
  void tooManyRowsStopTheRead() {
    StringBuilder csv = new StringBuilder("name\n");
    for (int i = 0; i <= DepartmentCsv.MAX_ROWS; i++) {
      csv.append("D").append(i).append('\n');
    }
    DepartmentCsv.Result r = DepartmentCsv.parse(csv.toString());
    assertEquals(
        List.of((DepartmentCsv.MAX_ROWS + 2) + ": more than 10000 departments"), errors(r));
  }
}
