package org.cxalign.analytics.data;

/**
 * A data file that cannot be read: names the file, the 1-based line and the 1-based column (the
 * field number, with its header name when known).
 */
public final class CsvFormatException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final long line;
  private final int column;
  private final String problem;

  public CsvFormatException(String file, long line, int column, String columnName, String problem) {
    super(
        file
            + ", line "
            + line
            + ", column "
            + column
            + (columnName == null ? "" : " (" + columnName + ")")
            + ": "
            + problem);
    this.file = file;
    this.line = line;
    this.column = column;
    this.problem = problem;
  }

  public String file() {
    return file;
  }

  public long line() {
    return line;
  }

  public int column() {
    return column;
  }

  /** The problem without the location. */
  public String problem() {
    return problem;
  }
}
