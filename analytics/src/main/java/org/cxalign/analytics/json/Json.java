package org.cxalign.analytics.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON text (RFC 8259) into plain Java values: objects become {@code LinkedHashMap<String,
 * Object>} (member order kept), arrays {@code List<Object>}, strings {@code String}, numbers {@code
 * Double}, {@code true}/{@code false} {@code Boolean} and {@code null} {@code null}.
 *
 * <p>A duplicate member name, trailing commas, comments, leading zeros, unescaped control
 * characters, lone surrogate escapes are rejected; so is anything but whitespace after the value.
 * Every error is a {@link JsonParseException} naming the line and column.
 */
public final class Json {
  private static final int MAX_DEPTH = 512;

  private final String s;
  private int pos;
  private int line = 1;
  private int lineStart;

  private Json(String s) {
    this.s = s;
  }

  /**
   * Parses one JSON value.
   *
   * @throws JsonParseException on malformed input, with line and column
   * @throws NullPointerException if {@code text} is null
   */
  public static Object parse(String text) {
    if (text == null) {
      throw new NullPointerException("text");
    }
    Json p = new Json(text);
    p.skipWhitespace();
    if (p.pos >= text.length()) {
      throw p.error("empty input, expected a JSON value");
    }
    Object v = p.readValue(0);
    p.skipWhitespace();
    if (p.pos < text.length()) {
      throw p.error("unexpected '" + text.charAt(p.pos) + "' after the JSON value");
    }
    return v;
  }

  /** Parses JSON whose top level must be an object. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> parseObject(String text) {
    Object v = parse(text);
    if (!(v instanceof Map)) {
      throw new JsonParseException("expected a JSON object at the top level", 1, 1);
    }
    return (Map<String, Object>) v;
  }

  private JsonParseException error(String problem) {
    return new JsonParseException(problem, line, pos - lineStart + 1);
  }

  private void skipWhitespace() {
    while (pos < s.length()) {
      char c = s.charAt(pos);
      if (c == '\n') {
        line++;
        pos++;
        lineStart = pos;
      } else if (c == ' ' || c == '\t' || c == '\r') {
        pos++;
      } else {
        return;
      }
    }
  }

  private Object readValue(int depth) {
    if (depth > MAX_DEPTH) {
      throw error("nesting deeper than " + MAX_DEPTH);
    }
    if (pos >= s.length()) {
      throw error("unexpected end of input, expected a JSON value");
    }
    char c = s.charAt(pos);
    switch (c) {
      case '{':
        return readObject(depth);
      case '[':
        return readArray(depth);
      case '"':
        return readString();
      case 't':
        expectWord("true");
        return Boolean.TRUE;
      case 'f':
        expectWord("false");
        return Boolean.FALSE;
      case 'n':
        expectWord("null");
        return null;
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          return readNumber();
        }
        throw error("unexpected '" + c + "', expected a JSON value");
    }
  }

  private void expectWord(String word) {
    if (!s.startsWith(word, pos)) {
      throw error("invalid literal, expected '" + word + "'");
    }
    pos += word.length();
  }

  private Map<String, Object> readObject(int depth) {
    pos++; // '{'
    LinkedHashMap<String, Object> map = new LinkedHashMap<>();
    skipWhitespace();
    if (pos < s.length() && s.charAt(pos) == '}') {
      pos++;
      return map;
    }
    while (true) {
      skipWhitespace();
      if (pos >= s.length() || s.charAt(pos) != '"') {
        throw error(
            pos >= s.length()
                ? "unexpected end of input in object"
                : "expected a member name in quotes");
      }
      int nameLine = line;
      int nameCol = pos - lineStart + 1;
      String name = readString();
      if (map.containsKey(name)) {
        throw new JsonParseException("duplicate member name \"" + name + "\"", nameLine, nameCol);
      }
      skipWhitespace();
      if (pos >= s.length() || s.charAt(pos) != ':') {
        throw error("expected ':' after member name");
      }
      pos++;
      skipWhitespace();
      map.put(name, readValue(depth + 1));
      skipWhitespace();
      if (pos >= s.length()) {
        throw error("unexpected end of input in object, expected ',' or '}'");
      }
      char c = s.charAt(pos++);
      if (c == '}') {
        return map;
      }
      if (c != ',') {
        pos--;
        throw error("expected ',' or '}' in object");
      }
    }
  }

  private List<Object> readArray(int depth) {
    pos++; // '['
    List<Object> list = new ArrayList<>();
    skipWhitespace();
    if (pos < s.length() && s.charAt(pos) == ']') {
      pos++;
      return list;
    }
    while (true) {
      skipWhitespace();
      list.add(readValue(depth + 1));
      skipWhitespace();
      if (pos >= s.length()) {
        throw error("unexpected end of input in array, expected ',' or ']'");
      }
      char c = s.charAt(pos++);
      if (c == ']') {
        return list;
      }
      if (c != ',') {
        pos--;
        throw error("expected ',' or ']' in array");
      }
    }
  }

  private String readString() {
    pos++; // opening quote
    StringBuilder sb = new StringBuilder();
    while (true) {
      if (pos >= s.length()) {
        throw error("unterminated string");
      }
      char c = s.charAt(pos);
      if (c == '"') {
        pos++;
        return sb.toString();
      }
      if (c < 0x20) {
        throw error("unescaped control character in string");
      }
      if (c != '\\') {
        sb.append(c);
        pos++;
        continue;
      }
      if (pos + 1 >= s.length()) {
        pos++;
        throw error("unterminated escape in string");
      }
      char e = s.charAt(pos + 1);
      switch (e) {
        case '"', '\\', '/' -> sb.append(e);
        case 'b' -> sb.append('\b');
        case 'f' -> sb.append('\f');
        case 'n' -> sb.append('\n');
        case 'r' -> sb.append('\r');
        case 't' -> sb.append('\t');
        case 'u' -> {
          char u = readHex4(pos + 2);
          if (Character.isHighSurrogate(u)) {
            if (pos + 7 < s.length() && s.charAt(pos + 6) == '\\' && s.charAt(pos + 7) == 'u') {
              char low = readHex4(pos + 8);
              if (!Character.isLowSurrogate(low)) {
                throw error("high surrogate escape not followed by a low surrogate");
              }
              sb.append(u).append(low);
              pos += 6;
            } else {
              throw error("high surrogate escape not followed by a low surrogate");
            }
          } else if (Character.isLowSurrogate(u)) {
            throw error("lone low surrogate escape");
          } else {
            sb.append(u);
          }
          pos += 4;
        }
        default -> {
          pos++;
          throw error("invalid escape '\\" + e + "'");
        }
      }
      pos += 2;
    }
  }

  private char readHex4(int at) {
    if (at + 4 > s.length()) {
      pos = Math.min(at, s.length());
      throw error("incomplete \\u escape");
    }
    int v = 0;
    for (int i = at; i < at + 4; i++) {
      int d = Character.digit(s.charAt(i), 16);
      if (d < 0) {
        pos = i;
        throw error("invalid hex digit in \\u escape");
      }
      v = v * 16 + d;
    }
    return (char) v;
  }

  private Double readNumber() {
    int start = pos;
    if (s.charAt(pos) == '-') {
      pos++;
    }
    if (pos >= s.length()) {
      throw error("incomplete number");
    }
    char c = s.charAt(pos);
    if (c == '0') {
      pos++;
      if (pos < s.length() && isDigit(s.charAt(pos))) {
        throw error("leading zero in number");
      }
    } else if (c >= '1' && c <= '9') {
      while (pos < s.length() && isDigit(s.charAt(pos))) {
        pos++;
      }
    } else {
      throw error("expected a digit");
    }
    if (pos < s.length() && s.charAt(pos) == '.') {
      pos++;
      if (pos >= s.length() || !isDigit(s.charAt(pos))) {
        throw error("expected a digit after the decimal point");
      }
      while (pos < s.length() && isDigit(s.charAt(pos))) {
        pos++;
      }
    }
    if (pos < s.length() && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
      pos++;
      if (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
        pos++;
      }
      if (pos >= s.length() || !isDigit(s.charAt(pos))) {
        throw error("expected a digit in the exponent");
      }
      while (pos < s.length() && isDigit(s.charAt(pos))) {
        pos++;
      }
    }
    double v = Double.parseDouble(s.substring(start, pos));
    if (Double.isInfinite(v)) {
      pos = start;
      throw error("number out of range");
    }
    return v;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
