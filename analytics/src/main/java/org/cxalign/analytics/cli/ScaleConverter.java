package org.cxalign.analytics.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cxalign.analytics.stat.Scale;
import picocli.CommandLine;

/** Parses {@code MIN-MAX} (or {@code MIN..MAX}) into a {@link Scale}, e.g. {@code 1-5}. */
final class ScaleConverter implements CommandLine.ITypeConverter<Scale> {
  private static final Pattern P = Pattern.compile("\\s*(-?\\d+)\\s*(?:-|\\.\\.)\\s*(-?\\d+)\\s*");

  @Override
  public Scale convert(String value) {
    Matcher m = P.matcher(value);
    if (!m.matches()) {
      throw new CommandLine.TypeConversionException(
          "'" + value + "' is not a scale; expected MIN-MAX such as 1-5");
    }
    try {
      return new Scale(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.TypeConversionException(e.getMessage());
    }
  }
}
