package org.cxalign.analytics.json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Streaming JSON writer. Calls must form a valid document: {@code name} only inside an object and
 * before each member value, values inside an array or after a name; misuse throws {@link
 * IllegalStateException}. A non-finite {@code double} throws {@link IllegalArgumentException}: an
 * undefined statistic is written as {@code null} (with a reason member), never as NaN.
 *
 * <pre>{@code
 * JsonWriter w = new JsonWriter(out, true);
 * w.beginObject().name("n").value(12).name("rwg").nullValue().endObject().finish();
 * }</pre>
 */
public final class JsonWriter {
  private static final int MAX_DEPTH = 512;

  private final Appendable out;
  private final boolean pretty;
  // per nesting level: 'o' object, 'a' array; whether a member/element has been written
  private final char[] kinds = new char[MAX_DEPTH];
  private final boolean[] nonEmpty = new boolean[MAX_DEPTH];
  private int depth;
  private boolean nameWritten;
  private boolean topValueWritten;

  /** Compact writer. */
  public JsonWriter(Appendable out) {
    this(out, false);
  }

  /** Writer; {@code pretty} indents by two spaces, one member per line. */
  public JsonWriter(Appendable out, boolean pretty) {
    if (out == null) {
      throw new NullPointerException("out");
    }
    this.out = out;
    this.pretty = pretty;
  }

  /** Renders a tree of maps, iterables, arrays of primitives, strings, numbers, booleans, null. */
  public static String toJson(Object value, boolean pretty) {
    StringBuilder sb = new StringBuilder();
    new JsonWriter(sb, pretty).tree(value).finish();
    return sb.toString();
  }

  public JsonWriter beginObject() {
    beforeValue();
    push('o');
    write('{');
    return this;
  }

  public JsonWriter endObject() {
    pop('o', '}');
    return this;
  }

  public JsonWriter beginArray() {
    beforeValue();
    push('a');
    write('[');
    return this;
  }

  public JsonWriter endArray() {
    pop('a', ']');
    return this;
  }

  /** Member name; must be followed by exactly one value. */
  public JsonWriter name(String name) {
    if (name == null) {
      throw new NullPointerException("name");
    }
    if (depth == 0 || kinds[depth - 1] != 'o') {
      throw new IllegalStateException("name(\"" + name + "\") outside an object");
    }
    if (nameWritten) {
      throw new IllegalStateException("name(\"" + name + "\") after a name without a value");
    }
    if (nonEmpty[depth - 1]) {
      write(',');
    }
    newline();
    string(name);
    write(pretty ? ": " : ":");
    nonEmpty[depth - 1] = true;
    nameWritten = true;
    return this;
  }

  public JsonWriter value(String v) {
    if (v == null) {
      return nullValue();
    }
    beforeValue();
    string(v);
    return this;
  }

  public JsonWriter value(long v) {
    beforeValue();
    write(Long.toString(v));
    return this;
  }

  /** Writes a finite double; integral values keep a trailing ".0" only when {@code |v| >= 1e16}. */
  public JsonWriter value(double v) {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException("non-finite number " + v + " cannot be written as JSON");
    }
    beforeValue();
    if (v == Math.rint(v) && Math.abs(v) < 1e16) {
      write(Long.toString((long) v));
    } else {
      write(Double.toString(v));
    }
    return this;
  }

  /** Writes a number, or {@code null} when {@code v} is null. */
  public JsonWriter value(Double v) {
    return v == null ? nullValue() : value(v.doubleValue());
  }

  public JsonWriter value(boolean v) {
    beforeValue();
    write(v ? "true" : "false");
    return this;
  }

  public JsonWriter nullValue() {
    beforeValue();
    write("null");
    return this;
  }

  /** Writes any tree accepted by {@link #toJson(Object, boolean)}. */
  public JsonWriter tree(Object v) {
    if (v == null) {
      return nullValue();
    }
    if (v instanceof String str) {
      return value(str);
    }
    if (v instanceof Boolean b) {
      return value(b.booleanValue());
    }
    if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
      return value(((Number) v).longValue());
    }
    if (v instanceof Number num) {
      return value(num.doubleValue());
    }
    if (v instanceof Enum<?> e) {
      return value(e.name());
    }
    if (v instanceof Map<?, ?> map) {
      beginObject();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        name(String.valueOf(e.getKey()));
        tree(e.getValue());
      }
      return endObject();
    }
    if (v instanceof Iterable<?> it) {
      beginArray();
      for (Object o : it) {
        tree(o);
      }
      return endArray();
    }
    if (v instanceof double[] a) {
      beginArray();
      for (double d : a) {
        value(d);
      }
      return endArray();
    }
    if (v instanceof long[] a) {
      beginArray();
      for (long d : a) {
        value(d);
      }
      return endArray();
    }
    if (v instanceof int[] a) {
      beginArray();
      for (int d : a) {
        value(d);
      }
      return endArray();
    }
    if (v instanceof Object[] a) {
      beginArray();
      for (Object o : a) {
        tree(o);
      }
      return endArray();
    }
    throw new IllegalArgumentException("cannot write " + v.getClass().getName() + " as JSON");
  }

  /** Checks that the document is complete and ends it with a newline when pretty. */
  public void finish() {
    if (depth != 0 || !topValueWritten) {
      throw new IllegalStateException("JSON document is incomplete");
    }
    if (pretty) {
      write('\n');
    }
  }

  private void beforeValue() {
    if (depth == 0) {
      if (topValueWritten) {
        throw new IllegalStateException("a JSON document holds one top-level value");
      }
      topValueWritten = true;
      return;
    }
    if (kinds[depth - 1] == 'o') {
      if (!nameWritten) {
        throw new IllegalStateException("value inside an object without a name");
      }
      nameWritten = false;
    } else {
      if (nonEmpty[depth - 1]) {
        write(',');
      }
      nonEmpty[depth - 1] = true;
      newline();
    }
  }

  private void push(char kind) {
    if (depth == MAX_DEPTH) {
      throw new IllegalStateException("nesting deeper than " + MAX_DEPTH);
    }
    kinds[depth] = kind;
    nonEmpty[depth] = false;
    depth++;
  }

  private void pop(char kind, char close) {
    if (depth == 0 || kinds[depth - 1] != kind) {
      throw new IllegalStateException("unbalanced '" + close + "'");
    }
    if (nameWritten) {
      throw new IllegalStateException("name without a value before '" + close + "'");
    }
    boolean had = nonEmpty[depth - 1];
    depth--;
    if (had) {
      newline();
    }
    write(close);
  }

  private void newline() {
    if (!pretty) {
      return;
    }
    write('\n');
    for (int i = 0; i < depth; i++) {
      write("  ");
    }
  }

  private void string(String v) {
    write('"');
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      switch (c) {
        case '"' -> write("\\\"");
        case '\\' -> write("\\\\");
        case '\n' -> write("\\n");
        case '\r' -> write("\\r");
        case '\t' -> write("\\t");
        case '\b' -> write("\\b");
        case '\f' -> write("\\f");
        default -> {
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            write(String.format("\\u%04x", (int) c));
          } else {
            write(c);
          }
        }
      }
    }
    write('"');
  }

  private void write(char c) {
    try {
      out.append(c);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void write(String str) {
    try {
      out.append(str);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
