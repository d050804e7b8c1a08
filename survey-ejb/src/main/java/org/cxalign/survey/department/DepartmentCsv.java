package org.cxalign.survey.department;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a department list in CSV (RFC 4180 quoting, one record per line): a header {@code name} or
 * {@code name,headcount} (any order, case ignored), then one department per line. Every error is
 * collected with its line number, so that a file is accepted or rejected as a whole.
 */
public final class DepartmentCsv {

  /** Most departments one file may hold. */
  public static final int MAX_ROWS = 10_000;

  /** Largest headcount accepted. */
  public static final int MAX_HEADCOUNT = 10_000_000;

  private DepartmentCsv() {}

  /** One department of the file and the line it came from. */
  public record Row(int line, String name, Integer headcount) {}

  /** An error on a line (0 for the file as a whole). */
  public record LineError(int line, String message) {}

  /** The rows, or the errors (then rows is empty). */
  public record Result(List<Row> rows, List<LineError> errors) {}

  public static Result parse(String text) {
    List<LineError> errors = new ArrayList<>();
    List<Row> rows = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return new Result(List.of(), List.of(new LineError(0, "the file is empty")));
    }
    if (text.charAt(0) == '\uFEFF') {
      text = text.substring(1);
    }
    String[] lines = text.split("\r?\n", -1);
    int nameCol = -1;
    int headcountCol = -1;
    int width = 0;
    boolean header = true;
    int dataLines = 0;
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < lines.length; i++) {
      int line = i + 1;
      if (lines[i].isBlank()) {
        continue;
      }
      List<String> fields = fields(lines[i]);
      if (fields == null) {
        errors.add(new LineError(line, "unbalanced quotes"));
        if (header) {
          return new Result(List.of(), errors);
        }
        continue;
      }
      if (header) {
        header = false;
        width = fields.size();
        for (int c = 0; c < fields.size(); c++) {
          String h = fields.get(c).strip().toLowerCase(Locale.ROOT);
          if (h.equals("name") && nameCol < 0) {
            nameCol = c;
          } else if (h.equals("headcount") && headcountCol < 0) {
            headcountCol = c;
          } else {
            errors.add(
                new LineError(
                    line, "unknown or repeated column '" + fields.get(c) + "' (name, headcount)"));
          }
        }
        if (nameCol < 0) {
          errors.add(new LineError(line, "the header needs a 'name' column"));
        }
        if (!errors.isEmpty()) {
          return new Result(List.of(), errors);
        }
        continue;
      }
      if (++dataLines > MAX_ROWS) {
        errors.add(new LineError(line, "more than " + MAX_ROWS + " departments"));
        break;
      }
      if (fields.size() != width) {
        errors.add(
            new LineError(line, "has " + fields.size() + " fields, the header has " + width));
        continue;
      }
      String name;
      try {
        name = Department.normalise(fields.get(nameCol));
      } catch (IllegalArgumentException e) {
        errors.add(new LineError(line, "name: " + e.getMessage()));
        continue;
      }
      Integer headcount = null;
      if (headcountCol >= 0 && !fields.get(headcountCol).isBlank()) {
        String h = fields.get(headcountCol).strip();
        try {
          headcount = Integer.valueOf(h);
        } catch (NumberFormatException e) {
          headcount = -1;
        }
        if (headcount < 0 || headcount > MAX_HEADCOUNT || !h.matches("[0-9]+")) {
          errors.add(
              new LineError(
                  line, "headcount: '" + h + "' is not a whole number from 0 to " + MAX_HEADCOUNT));
          continue;
        }
      }
      Integer first = seen.putIfAbsent(Department.keyOf(name), line);
      if (first != null) {
        errors.add(new LineError(line, "name: '" + name + "' is on line " + first + " already"));
        continue;
      }
      rows.add(new Row(line, name, headcount));
    }
    if (header) {
      errors.add(new LineError(0, "the file is empty"));
    } else if (errors.isEmpty() && rows.isEmpty()) {
      errors.add(new LineError(0, "the file has a header but no departments"));
    }
    return errors.isEmpty()
        ? new Result(List.copyOf(rows), List.of())
        : new Result(List.of(), errors);
  }

  /** The fields of one line, or null when its quotes do not balance. */
  public static List<String> fields(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder f = new StringBuilder();
    boolean quoted = false;
    boolean wasQuoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
            f.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          f.append(c);
        }
      } else if (c == '"' && f.isEmpty() && !wasQuoted) {
        quoted = true;
        wasQuoted = true;
      } else if (c == ',') {
        out.add(f.toString());
        f.setLength(0);
        wasQuoted = false;
      } else if (c == '"') {
        return null;
      } else {
        f.append(c);
      }
    }
    if (quoted) {
      return null;
    }
    out.add(f.toString());
    return out;
  }
}
