package org.cxalign.survey.response;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.BufferedReader;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cxalign.survey.department.DepartmentCsv;

/**
 * Streams the lines of an import file (the analytics CSV format: {@code
 * respondent_id,population,department,<item columns>}); the checkpoint is the line number, so a
 * restarted step resumes where it stopped. A bad header ends the read with a problem on line 1.
 */
@Named("importLineReader")
@Dependent
public class ImportLineReader extends AbstractItemReader {

  static final List<String> FIXED = List.of("respondent_id", "population", "department");

  @Inject
  @BatchProperty(name = "file")
  String file;

  @Inject
  @BatchProperty(name = "mapping")
  String mapping;

  @Inject StepContext step;

  private BufferedReader in;
  private List<String> header;

  /** For each column of {@link #header}, the index of its field in a file line. */
  private int[] order;

  private long line;

  @Override
  public void open(Serializable checkpoint) throws Exception {
    in = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8);
    String first = in.readLine();
    line = 1;
    if (first != null && !first.isEmpty() && first.charAt(0) == '\uFEFF') {
      first = first.substring(1);
    }
    List<String> h = first == null ? null : DepartmentCsv.fields(first);
    ImportColumnMapping columns = ImportColumnMapping.decode(mapping);
    if (h != null && !columns.isEmpty()) {
      List<String> missing = columns.missingFrom(h);
      if (!missing.isEmpty()) {
        for (String m : missing) {
          ImportProblems.add(
              step, new ImportProblem(1, m, "the column mapping names a column the file lacks"));
        }
        header = null;
        return;
      }
      h = columns.rename(h);
      order = fixedFirst(h);
      if (order == null) {
        ImportProblems.add(
            step,
            new ImportProblem(
                1,
                null,
                "after the column mapping the header must have "
                    + String.join(",", FIXED)
                    + " once each"));
        header = null;
        return;
      }
      List<String> reordered = new ArrayList<>(h.size());
      for (int i : order) {
        reordered.add(h.get(i));
      }
      h = reordered;
    }
    if (h == null || h.size() < FIXED.size() || !h.subList(0, 3).equals(FIXED)) {
      ImportProblems.add(
          step,
          new ImportProblem(1, null, "the header must start with " + String.join(",", FIXED)));
      header = null;
      return;
    }
    header = List.copyOf(h);
    long resumeAfter = checkpoint == null ? 1 : (Long) checkpoint;
    while (line < resumeAfter && in.readLine() != null) {
      line++;
    }
  }

  @Override
  public Object readItem() throws Exception {
    if (header == null) {
      return null;
    }
    String text;
    do {
      text = in.readLine();
      if (text == null) {
        return null;
      }
      line++;
    } while (text.isBlank());
    List<String> fields = DepartmentCsv.fields(text);
    if (fields != null && order != null && fields.size() == order.length) {
      List<String> reordered = new ArrayList<>(order.length);
      for (int i : order) {
        reordered.add(fields.get(i));
      }
      fields = reordered;
    }
    return new ImportLine(line, header, fields == null ? null : new ArrayList<>(fields));
  }

  /**
   * The order that puts the fixed columns first (in {@link #FIXED}'s order) and keeps the others as
   * they come, or null when a fixed column is missing or repeated.
   */
  static int[] fixedFirst(List<String> h) {
    int[] order = new int[h.size()];
    int k = 0;
    for (String f : FIXED) {
      int at = h.indexOf(f);
      if (at < 0 || h.lastIndexOf(f) != at) {
        return null;
      }
      order[k++] = at;
    }
    for (int i = 0; i < h.size(); i++) {
      if (!FIXED.contains(h.get(i))) {
        order[k++] = i;
      }
    }
    return order;
  }

  @Override
  public Serializable checkpointInfo() {
    return line;
  }

  @Override
  public void close() throws Exception {
    if (in != null) {
      in.close();
    }
  }
}
