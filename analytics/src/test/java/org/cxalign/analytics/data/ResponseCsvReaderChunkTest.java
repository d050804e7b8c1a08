package org.cxalign.analytics.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.cxalign.analytics.accumulate.AlignmentAccumulator;
import org.cxalign.analytics.accumulate.Population;
import org.cxalign.analytics.accumulate.ResponseLayout;
import org.cxalign.analytics.report.ReportBuilder;
import org.cxalign.analytics.report.ReportJson;
import org.cxalign.analytics.stat.Scale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parallel byte parser against a plain line-by-line reading of the same file (the oracle
 * below), with tiny chunks and buffers so that lines cross chunk and buffer boundaries, and the
 * four-fields-at-a-time path of one-digit answers next to missing, quoted, padded and CRLF fields.
 */
class ResponseCsvReaderChunkTest {
  @TempDir Path dir;

  private static final Scale SCALE = new Scale(1, 5);

  private int files;

  private Path write(String content) throws IOException {
    Path p = dir.resolve("r" + files++ + ".csv");
    Files.write(p, content.getBytes(StandardCharsets.UTF_8));
    return p;
  }

  private static ResponseLayout layout(Path p, Scale scale) throws IOException {
    ResponseCsvReader.Header h = ResponseCsvReader.readHeader(p);
    return ResponseLayout.singleScale(scale, h.items(), "all", h.collabTargets());
  }

  private static String report(AlignmentAccumulator acc) {
    return ReportJson.toJson(ReportBuilder.build(acc), false);
  }

  /** Splits one CSV line (quotes, no line breaks inside fields). */
  private static List<String> split(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder f = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          f.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          f.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == ',') {
        out.add(f.toString());
        f.setLength(0);
      } else {
        f.append(ch);
      }
    }
    out.add(f.toString());
    return out;
  }

  /** The oracle: every line split into strings, added through the accumulator's by-name API. */
  private static AlignmentAccumulator oracle(String content, ResponseLayout layout) {
    AlignmentAccumulator acc = new AlignmentAccumulator(layout);
    String[] lines = content.split("\r?\n");
    List<String> header = split(lines[0]);
    for (int l = 1; l < lines.length; l++) {
      if (lines[l].isEmpty()) {
        continue;
      }
      List<String> f = split(lines[l]);
      int[] answers = new int[layout.items().size()];
      int[] collab = new int[layout.collabTargets().size()];
      Arrays.fill(answers, AlignmentAccumulator.MISSING);
      Arrays.fill(collab, AlignmentAccumulator.MISSING);
      for (int c = 3; c < f.size(); c++) {
        String v = f.get(c).trim();
        int value = v.isEmpty() ? AlignmentAccumulator.MISSING : (int) Double.parseDouble(v);
        String col = header.get(c);
        if (col.startsWith("collab.")) {
          collab[layout.collabTargets().indexOf(col.substring(7))] = value;
        } else {
          answers[layout.items().indexOf(col)] = value;
        }
      }
      acc.add(Population.parse(f.get(1)), f.get(2).trim(), answers, collab);
    }
    return acc;
  }

  /** A file of {@code rows} random responses with every kind of field the reader accepts. */
  private static String randomFile(int rows, int items, boolean collab, long seed) {
    Random r = new Random(seed);
    StringBuilder s = new StringBuilder("respondent_id,population,department");
    for (int i = 1; i <= items; i++) {
      s.append(",q").append(i);
      if (collab && i == items / 2) {
        s.append(",collab.Sales,collab.\"IT\"".replace("\"", ""));
      }
    }
    s.append('\n');
    String[] depts = {"Sales", "IT", "\"Sales, EMEA\"", "Ops ", "R&D"};
    for (int row = 0; row < rows; row++) {
      boolean customer = r.nextInt(5) == 0;
      s.append(r.nextBoolean() ? "e" + row : "\"e" + row + "\"");
      s.append(customer ? ",customer," : ",employee,");
      s.append(customer && r.nextBoolean() ? "" : depts[r.nextInt(depts.length)]);
      int fields = items + (collab ? 2 : 0);
      for (int i = 0; i < fields; i++) {
        s.append(',');
        int kind = r.nextInt(40);
        int v = 1 + r.nextInt(5);
        if (kind == 0) {
          // missing
        } else if (kind == 1) {
          s.append('"').append(v).append('"');
        } else if (kind == 2) {
          s.append(' ').append(v).append(".0 ");
        } else if (kind == 3) {
          s.append('+').append(v);
        } else {
          s.append(v);
        }
      }
      s.append(r.nextInt(10) == 0 ? "\r\n" : "\n");
      if (r.nextInt(50) == 0) {
        s.append('\n'); // blank line
      }
    }
    return s.toString();
  }

  @Test
  void chunksAndBuffersOfAnySizeGiveTheOraclesAccumulator() throws IOException {
    for (boolean collab : new boolean[] {false, true}) {
      String content = randomFile(700, 13, collab, collab ? 2 : 1);
      Path p = write(content);
      ResponseLayout layout = layout(p, SCALE);
      String expected = report(oracle(content, layout));
      long size = Files.size(p);
      long[][] cases = {
        {1, 1 << 22, 1 << 22}, // one chunk, one buffer
        {8, 1 << 22, 1 << 22}, // file smaller than a chunk: one part whatever the threads
        {2, 1, 1 << 22}, // two chunks, the boundary in the middle of a line
        {3, size / 3, 64}, // lines cross buffer refills too
        {8, 1, 1}, // a one-byte buffer grows to the longest line
        {5, 997, 100},
      };
      for (long[] c : cases) {
        AlignmentAccumulator acc =
            ResponseCsvReader.read(
                p, layout, (int) c[0], ResponseCsvReader.COLLAB_PREFIX, c[1], (int) c[2]);
        assertEquals(expected, report(acc), Arrays.toString(c));
        assertEquals(
            content.lines().filter(l -> l.contains("customer")).count(),
            acc.responses(Population.CUSTOMER),
            Arrays.toString(c));
      }
    }
  }

  @Test
  void departmentsAreRegisteredInOrderOfFirstAppearanceWhateverTheThreads() throws IOException {
    StringBuilder s = new StringBuilder("respondent_id,population,department,q1,q2,q3,q4,q5\n");
    Random r = new Random(4);
    // departments first appear late in the file, so that later chunks meet them first
    for (int row = 0; row < 3000; row++) {
      int d = r.nextInt(1 + Math.min(12, row / 200));
      s.append("e,employee,D").append(11 - d).append(",1,2,3,4,5\n");
    }
    String content = s.toString();
    Path p = write(content);
    ResponseLayout layout = layout(p, SCALE);
    List<String> expected = new ArrayList<>(oracle(content, layout).departments());
    expected.add(0, ""); // "no department" is known from the start
    for (int threads : new int[] {1, 2, 3, 8}) {
      AlignmentAccumulator acc =
          ResponseCsvReader.read(p, layout, threads, ResponseCsvReader.COLLAB_PREFIX, 500, 256);
      assertEquals(expected, acc.departments(), "threads " + threads);
      assertEquals(3000, acc.responses(Population.EMPLOYEE));
    }
  }

  @Test
  void aTwoRowFileSplitInTwoCountsEachRowOnce() throws IOException {
    String content =
        "respondent_id,population,department,q1,q2,q3,q4,q5,q6\n"
            + "e1,employee,A,1,2,3,4,5,1\n"
            + "e2,employee,A,2,2,2,2,2,2";
    Path p = write(content);
    AlignmentAccumulator acc =
        ResponseCsvReader.read(p, layout(p, SCALE), 2, ResponseCsvReader.COLLAB_PREFIX, 1, 8);
    assertEquals(2, acc.responses(Population.EMPLOYEE, "A"));
    assertEquals(report(oracle(content, layout(p, SCALE))), report(acc));
  }

  @Test
  void anErrorInTheSecondChunkNamesItsLineAndColumn() throws IOException {
    StringBuilder s = new StringBuilder("respondent_id,population,department");
    for (int i = 1; i <= 10; i++) {
      s.append(",q").append(i);
    }
    s.append('\n');
    for (int row = 0; row < 200; row++) {
      s.append("e").append(row).append(",employee,A");
      for (int i = 1; i <= 10; i++) {
        // line 152 (row 150): q7 = 6, off the scale, inside a group of four one-digit fields
        s.append(',').append(row == 150 && i == 7 ? 6 : 1 + (row + i) % 5);
      }
      s.append(row % 3 == 0 ? "\r\n" : "\n");
    }
    Path p = write(s.toString());
    ResponseLayout layout = layout(p, SCALE);
    for (int threads : new int[] {1, 2, 4}) {
      CsvFormatException e =
          assertThrows(
              CsvFormatException.class,
              () ->
                  ResponseCsvReader.read(
                      p, layout, threads, ResponseCsvReader.COLLAB_PREFIX, 1, 50));
      assertEquals(152, e.line(), "threads " + threads);
      assertEquals(10, e.column());
      assertTrue(e.getMessage().contains("value 6 is off the scale 1..5"), e.getMessage());
    }
    // a second error later in the file: the first one is reported, whichever chunk finds it
    Path p2 = write(s.toString().replace("e190,employee,A,", "e190,employee,A,x"));
    for (int threads : new int[] {1, 2, 4}) {
      CsvFormatException e =
          assertThrows(
              CsvFormatException.class,
              () ->
                  ResponseCsvReader.read(
                      p2, layout, threads, ResponseCsvReader.COLLAB_PREFIX, 1, 50));
      assertEquals(152, e.line(), "threads " + threads);
    }
    Path p3 = write(s.toString().replace(",6,", ",3,").replace("e190,employee,A,", "e190,,A,"));
    CsvFormatException e3 =
        assertThrows(
            CsvFormatException.class,
            () -> ResponseCsvReader.read(p3, layout, 2, ResponseCsvReader.COLLAB_PREFIX, 1, 50));
    assertEquals(192, e3.line());
    assertEquals(2, e3.column());
  }

  @Test
  void oneDigitGroupsStopAtEveryOddField() throws IOException {
    String head = "respondent_id,population,department,q1,q2,q3,q4,q5,q6,q7,q8,q9\n";
    Path zero = write(head + "e1,employee,A,1,2,3,4,5,1,0,3,4\n");
    CsvFormatException e =
        assertThrows(
            CsvFormatException.class, () -> ResponseCsvReader.read(zero, layout(zero, SCALE), 1));
    assertEquals(10, e.column());
    assertTrue(e.getMessage().contains("value 0 is off the scale"), e.getMessage());
    Path letter = write(head + "e1,employee,A,1,2,3,4,5,1,2,x,4\n");
    e =
        assertThrows(
            CsvFormatException.class,
            () -> ResponseCsvReader.read(letter, layout(letter, SCALE), 1));
    assertEquals(11, e.column());
    assertTrue(e.getMessage().contains("non-numeric answer \"x\""), e.getMessage());
    // a short row followed by another: the 8-byte read must not run into the next line
    Path shortRow = write(head + "e1,employee,A,1,2\ne2,employee,A,1,2,3,4,5,1,2,3,4\n");
    e =
        assertThrows(
            CsvFormatException.class,
            () -> ResponseCsvReader.read(shortRow, layout(shortRow, SCALE), 1));
    assertEquals(2, e.line());
    assertEquals(6, e.column());
    assertTrue(e.getMessage().contains("expected 12 fields, found 5"), e.getMessage());
    Path longRow = write(head + "e1,employee,A,1,2,3,4,5,1,2,3,4,5\n");
    e =
        assertThrows(
            CsvFormatException.class,
            () -> ResponseCsvReader.read(longRow, layout(longRow, SCALE), 1));
    assertTrue(e.getMessage().contains("expected 12 fields, found 13"), e.getMessage());
  }

  @Test
  void otherScales() throws IOException {
    // 0-9 (every digit an option), 1-7, and 1-10 where two-digit answers take the general path
    String content =
        "respondent_id,population,department,q1,q2,q3,q4,q5,q6,q7,q8,q9\n"
            + "e1,employee,A,0,9,3,4,5,1,7,3,4\n"
            + "e2,employee,A,1,2,,4,5,6,7,8,9\n"
            + "e3,customer,,9,9,9,9,9,9,9,9,9\r\n";
    Path p = write(content);
    for (Scale scale : new Scale[] {new Scale(0, 9), new Scale(0, 10)}) {
      ResponseLayout layout = layout(p, scale);
      assertEquals(report(oracle(content, layout)), report(ResponseCsvReader.read(p, layout, 1)));
    }
    Path tens = write(content.replace(",9,", ",10,"));
    ResponseLayout layout = layout(tens, new Scale(1, 10));
    assertThrows(CsvFormatException.class, () -> ResponseCsvReader.read(tens, layout, 1));
    String noZero = content.replace(",0,", ",1,").replace(",9,", ",10,");
    Path t2 = write(noZero);
    assertEquals(report(oracle(noZero, layout)), report(ResponseCsvReader.read(t2, layout, 1)));
    ResponseLayout seven = layout(p, new Scale(1, 7));
    CsvFormatException e =
        assertThrows(CsvFormatException.class, () -> ResponseCsvReader.read(p, seven, 1));
    assertEquals(2, e.line());
    assertEquals(4, e.column());
  }
}
