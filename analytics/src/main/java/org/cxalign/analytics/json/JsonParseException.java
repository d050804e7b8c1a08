package org.cxalign.analytics.json;

/** Malformed JSON, with the 1-based line and column where reading stopped. */
public final class JsonParseException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final int line;
  private final int column;

  public JsonParseException(String problem, int line, int column) {
    super("invalid JSON at line " + line + ", column " + column + ": " + problem);
    this.line = line;
    this.column = column;
  }

  /** 1-based line of the offending character. */
  public int line() {
    return line;
  }

  /** 1-based column of the offending character. */
  public int column() {
    return column;
  }
}
