package org.cxalign.web.problem;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks the percent-encodings (RFC 3986, section 2.1) of a request's raw path and query before
 * JAX-RS decodes them. RESTEasy answers a path or query with a broken escape ({@code %zz}, a lone
 * {@code %}) with a bare 400 and logs a warning with a full stack trace (RESTEASY002130) for each;
 * {@link ApiRequestGuard} answers such a request itself, as a validation problem naming the path or
 * the query parameter. An escape sequence must also decode to UTF-8, as every text in the API is.
 */
final class PercentEncoding {

  /** A parameter name that may be echoed as the field (the API's names are all like this). */
  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");

  private PercentEncoding() {}

  /**
   * The violations of the raw path and query: at most one for the path (field {@code path}) and one
   * per query parameter (field: the parameter's name, or {@code query} when the name itself cannot
   * be shown).
   */
  static List<Problem.Violation> violations(String rawPath, String rawQuery) {
    List<Problem.Violation> out = new ArrayList<>();
    if (rawPath != null) {
      String reason = reason(rawPath);
      if (reason != null) {
        out.add(new Problem.Violation("path", "The path " + reason));
      }
    }
    if (rawQuery != null && !rawQuery.isEmpty()) {
      for (String pair : rawQuery.split("&", -1)) {
        int eq = pair.indexOf('=');
        String rawName = eq < 0 ? pair : pair.substring(0, eq);
        String reason = reason(pair);
        if (reason != null) {
          String name = reason(rawName) == null ? decode(rawName) : null;
          boolean plain = name != null && PLAIN_NAME.matcher(name).matches();
          out.add(
              new Problem.Violation(
                  plain ? name : "query",
                  (plain ? "The query parameter " : "A query parameter ") + reason));
        }
      }
    }
    return out;
  }

  /** Why {@code raw} is not validly percent-encoded, or null when it is. */
  static String reason(String raw) {
    if (raw.indexOf('%') < 0) {
      return null;
    }
    for (int i = raw.indexOf('%'); i >= 0; i = raw.indexOf('%', i + 3)) {
      if (i + 2 >= raw.length()) {
        return "has an incomplete percent-encoding at character "
            + (i + 1)
            + " ("
            + shown(raw.substring(i))
            + "): '%' must be followed by two hexadecimal digits";
      }
      if (!isHex(raw.charAt(i + 1)) || !isHex(raw.charAt(i + 2))) {
        return "has an invalid percent-encoding at character "
            + (i + 1)
            + " ("
            + shown(raw.substring(i, i + 3))
            + "): '%' must be followed by two hexadecimal digits";
      }
    }
    return utf8(raw) ? null : "has percent-encoded bytes that are not UTF-8";
  }

  private static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  /** Whether the escaped bytes, decoded with the rest, form valid UTF-8. */
  private static boolean utf8(String raw) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes(raw)));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  /** The bytes {@code raw} stands for: escapes decoded, other characters as UTF-8. */
  private static byte[] bytes(String raw) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        out.write(Integer.parseInt(raw.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        int end = Character.isHighSurrogate(c) && i + 1 < raw.length() ? i + 2 : i + 1;
        out.writeBytes(raw.substring(i, end).getBytes(StandardCharsets.UTF_8));
        i = end - 1;
      }
    }
    return out.toByteArray();
  }

  /** A validly encoded name, decoded ({@code +} stays: names have no spaces). */
  private static String decode(String raw) {
    return new String(bytes(raw), StandardCharsets.UTF_8);
  }

  /** The offending characters, safe to echo: letters and digits kept, the rest as '?'. */
  private static String shown(String s) {
    String t = s.length() > 3 ? s.substring(0, 3) : s;
    return "'" + t.replaceAll("[^A-Za-z0-9%]", "?") + "'";
  }
}
