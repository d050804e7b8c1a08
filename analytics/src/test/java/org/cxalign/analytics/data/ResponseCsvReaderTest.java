package org.cxalign.analytics.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cxalign.analytics.accumulate.AlignmentAccumulator;
import org.cxalign.analytics.accumulate.Population;
import org.cxalign.analytics.accumulate.ResponseLayout;
import org.cxalign.analytics.report.ReportBuilder;
import org.cxalign.analytics.report.ReportJson;
import org.cxalign.analytics.stat.Scale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResponseCsvReaderTest {
  @TempDir Path dir;

  private Path write(String content) throws IOException {
    Path p = dir.resolve("r.csv");
    Files.write(p, content.getBytes(StandardCharsets.UTF_8));
    return p;
  }

  private static AlignmentAccumulator read(Path p, int threads) throws IOException {
    ResponseCsvReader.Header h = ResponseCsvReader.readHeader(p);
    return ResponseCsvReader.read(
        p,
        ResponseLayout.singleScale(new Scale(1, 5), h.items(), "all", h.collabTargets()),
        threads);
  }

  @Test
  void headerSplitsItemsAndCollaborationColumns() throws IOException {
    ResponseCsvReader.Header h =
        ResponseCsvReader.readHeader(
            write(
                "respondent_id,population,department,q1,collab.Sales,q2,collab.R&D\n1,employee,A,1,2,3,4\n"));
    assertEquals(List.of("q1", "q2"), h.items());
    assertEquals(List.of("Sales", "R&D"), h.collabTargets());
  }

  @Test
  void quotesCrlfBomBlankLinesAndNoFinalNewline() throws IOException {
    Path p =
        write(
            "\uFEFFrespondent_id,population,department,q1,\"q2\"\r\n"
                + "\"a,1\",employee,\"Sales, EMEA\",1,\" 2 \"\r\n"
                + "\r\n"
                + "a2,employee,\"Sales, EMEA\",,5\r\n"
                + "a3,\"customer\",,4.0,3");
    AlignmentAccumulator acc = read(p, 1);
    assertEquals(2, acc.responses(Population.EMPLOYEE, "Sales, EMEA"));
    assertEquals(1, acc.responses(Population.CUSTOMER));
    assertArrayEquals(
        new long[] {1, 0, 0, 0, 0}, acc.itemCounts(Population.EMPLOYEE, "Sales, EMEA", 0));
    assertArrayEquals(
        new long[] {0, 1, 0, 0, 1}, acc.itemCounts(Population.EMPLOYEE, "Sales, EMEA", 1));
    assertArrayEquals(new long[] {0, 0, 0, 1, 0}, acc.itemCounts(Population.CUSTOMER, 0));
  }

  @Test
  void parallelChunksGiveTheSameAccumulatorAsOneThread() throws IOException {
    Path p = dir.resolve("gen.csv");
    SyntheticResponses.write(
        new SyntheticResponses.Spec(60_000, 15_000, 12, 9, true, 0.05, 1, 5, 11), p);
    String one = ReportJson.toJson(ReportBuilder.build(read(p, 1)), false);
    for (int threads : new int[] {2, 3, 8}) {
      assertEquals(one, ReportJson.toJson(ReportBuilder.build(read(p, threads)), false));
    }
  }

  @Test
  void errorsNameFileLineAndColumn() throws IOException {
    Path p =
        write(
            "respondent_id,population,department,q1,q2\ne1,employee,A,1,2\ne2,employee,A,1,\"x\"\n");
    CsvFormatException e = assertThrows(CsvFormatException.class, () -> read(p, 1));
    assertEquals(p.toString(), e.file());
    assertEquals(3, e.line());
    assertEquals(5, e.column());
    assertTrue(e.getMessage().contains("non-numeric answer \"x\""), e.getMessage());
  }

  @Test
  void columnsMustBelongToTheLayout() throws IOException {
    Path p = write("respondent_id,population,department,q1,q9,collab.B\ne1,employee,A,1,2,3\n");
    ResponseLayout layout =
        ResponseLayout.singleScale(new Scale(1, 5), List.of("q1", "q2"), "all", List.of("B"));
    CsvFormatException e =
        assertThrows(CsvFormatException.class, () -> ResponseCsvReader.read(p, layout, 1));
    assertEquals(1, e.line());
    assertEquals(5, e.column());
    assertTrue(e.getMessage().contains("unknown column"), e.getMessage());
    ResponseLayout noTargets =
        ResponseLayout.singleScale(new Scale(1, 5), List.of("q1", "q9"), "all", List.of());
    CsvFormatException e2 =
        assertThrows(CsvFormatException.class, () -> ResponseCsvReader.read(p, noTargets, 1));
    assertEquals(6, e2.column());
  }

  @Test
  void layoutItemsAbsentFromTheFileAreMissing() throws IOException {
    Path p = write("respondent_id,population,department,q2\ne1,employee,A,4\ne2,employee,A,5\n");
    ResponseLayout layout =
        ResponseLayout.singleScale(new Scale(1, 5), List.of("q1", "q2"), "all", List.of());
    AlignmentAccumulator acc = ResponseCsvReader.read(p, layout, 1);
    assertArrayEquals(new long[5], acc.itemCounts(Population.EMPLOYEE, "A", 0));
    assertArrayEquals(new long[] {0, 0, 0, 1, 1}, acc.itemCounts(Population.EMPLOYEE, "A", 1));
    assertEquals(0, acc.completeCases(Population.EMPLOYEE, "A", 0).n());
  }
}
