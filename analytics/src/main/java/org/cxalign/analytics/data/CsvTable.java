package org.cxalign.analytics.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A small CSV table read whole (RFC 4180 quoting, no line breaks inside fields): a header and rows
 * of the same width, each with its line number. For rater designs ({@code icc}, {@code kripp}), not
 * for large files.
 */
public final class CsvTable {
  private final String file;
  private final List<String> header;
  private final List<String[]> rows;
  private final List<Long> lines;

  private CsvTable(String file, List<String> header, List<String[]> rows, List<Long> lines) {
    this.file = file;
    this.header = header;
    this.rows = rows;
    this.lines = lines;
  }

  /**
   * Reads a table.
   *
   * @throws CsvFormatException when the file is empty, has no data rows, or a row is ragged
   */
  public static CsvTable read(Path path) throws IOException {
    String file = path.toString();
    List<String> header = null;
    List<String[]> rows = new ArrayList<>();
    List<Long> lines = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      String text;
      long line = 0;
      while ((text = r.readLine()) != null) {
        line++;
        if (line == 1 && text.startsWith("\uFEFF")) {
          text = text.substring(1);
        }
        if (text.isEmpty()) {
          if (header == null) {
            throw new CsvFormatException(file, line, 1, null, "empty file: expected a header row");
          }
          continue; // blank lines (e.g. at the end) carry nothing
        }
        String[] fields = split(file, line, text);
        if (header == null) {
          header = List.of(fields);
          continue;
        }
        if (fields.length != header.size()) {
          throw new CsvFormatException(
              file,
              line,
              Math.min(fields.length, header.size()) + 1,
              null,
              "ragged row: expected " + header.size() + " fields, found " + fields.length);
        }
        rows.add(fields);
        lines.add(line);
      }
      if (header == null) {
        throw new CsvFormatException(file, 1, 1, null, "empty file: expected a header row");
      }
      if (rows.isEmpty()) {
        throw new CsvFormatException(file, line + 1, 1, null, "no data rows after the header");
      }
    }
    return new CsvTable(file, header, rows, lines);
  }

  static String[] split(String file, long line, String text) {
    List<String> out = new ArrayList<>();
    StringBuilder sb = new StringBuilder();
    int i = 0;
    int n = text.length();
    while (true) {
      sb.setLength(0);
      int fieldNo = out.size() + 1;
      if (i < n && text.charAt(i) == '"') {
        i++;
        while (true) {
          if (i >= n) {
            throw new CsvFormatException(file, line, fieldNo, null, "unterminated quoted field");
          }
          char c = text.charAt(i++);
          if (c == '"') {
            if (i < n && text.charAt(i) == '"') {
              sb.append('"');
              i++;
            } else {
              break;
            }
          } else {
            sb.append(c);
          }
        }
        if (i < n && text.charAt(i) != ',') {
          throw new CsvFormatException(
              file, line, fieldNo, null, "unexpected character after a quoted field");
        }
      } else {
        while (i < n && text.charAt(i) != ',') {
          sb.append(text.charAt(i++));
        }
      }
      out.add(sb.toString());
      if (i >= n) {
        return out.toArray(new String[0]);
      }
      i++; // comma
      if (i == n) {
        out.add("");
        return out.toArray(new String[0]);
      }
    }
  }

  public String file() {
    return file;
  }

  public List<String> header() {
    return header;
  }

  public int rowCount() {
    return rows.size();
  }

  /** Field {@code column} (0-based) of row {@code row} (0-based), unquoted. */
  public String field(int row, int column) {
    return rows.get(row)[column];
  }

  /** Line number of a row. */
  public long line(int row) {
    return lines.get(row);
  }

  /**
   * A field as a number; blank → {@code Double.NaN} when {@code blankAllowed}, else an error.
   *
   * @throws CsvFormatException when the field is not a finite number
   */
  public double number(int row, int column, boolean blankAllowed) {
    String s = field(row, column).trim();
    if (s.isEmpty()) {
      if (blankAllowed) {
        return Double.NaN;
      }
      throw error(row, column, "missing value (blank field)");
    }
    double v;
    try {
      v = Double.parseDouble(s);
    } catch (NumberFormatException e) {
      throw error(row, column, "non-numeric value \"" + s + "\"");
    }
    if (!Double.isFinite(v)
        || s.endsWith("d")
        || s.endsWith("D")
        || s.endsWith("f")
        || s.endsWith("F")) {
      throw error(row, column, "non-numeric value \"" + s + "\"");
    }
    return v;
  }

  /** An error located at a field. */
  public CsvFormatException error(int row, int column, String problem) {
    return new CsvFormatException(file, line(row), column + 1, header.get(column), problem);
  }
}
