package org.cxalign.survey.response;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cxalign.survey.campaign.FieldViolation;
import org.cxalign.survey.campaign.InvalidInputException;

/**
 * An import's column mapping: the file's column names renamed to the analytics format's names
 * ({@code respondent_id}, {@code population}, {@code department}, item ids). Columns not mapped
 * keep their names. Each mapping is written {@code <file column>=<target>}; the target is what
 * follows the last {@code =}, so a file column may itself contain {@code =}.
 */
public final class ImportColumnMapping {

  /** No renaming. */
  public static final ImportColumnMapping NONE = new ImportColumnMapping(Map.of());

  private final Map<String, String> targets;

  private ImportColumnMapping(Map<String, String> targets) {
    this.targets = Map.copyOf(targets);
  }

  /**
   * Parses {@code <file column>=<target>} pairs and checks every target against the names a
   * campaign's file may have.
   *
   * @param pairs the pairs, possibly empty or null
   * @param allowedTargets the format's fixed columns and the campaign's item ids
   * @throws InvalidInputException naming each malformed pair, unknown target, file column mapped
   *     twice and target used twice (field {@code map[<file column>]})
   */
  public static ImportColumnMapping parse(Collection<String> pairs, Set<String> allowedTargets) {
    if (pairs == null || pairs.isEmpty()) {
      return NONE;
    }
    Map<String, String> targets = new LinkedHashMap<>();
    List<FieldViolation> violations = new ArrayList<>();
    Map<String, String> sourceOfTarget = new LinkedHashMap<>();
    for (String pair : pairs) {
      int eq = pair == null ? -1 : pair.lastIndexOf('=');
      if (eq <= 0 || eq == pair.length() - 1) {
        violations.add(
            new FieldViolation("map", "'" + pair + "' must be <file column>=<target column>"));
        continue;
      }
      String source = pair.substring(0, eq).strip();
      String target = pair.substring(eq + 1).strip();
      String field = "map[" + source + "]";
      if (!allowedTargets.contains(target)) {
        violations.add(
            new FieldViolation(
                field,
                "unknown target column '"
                    + target
                    + "': must be respondent_id, population, department or an item id of the"
                    + " campaign's instrument"));
      } else if (targets.containsKey(source)) {
        violations.add(new FieldViolation(field, "is mapped more than once"));
      } else if (sourceOfTarget.containsKey(target)) {
        violations.add(
            new FieldViolation(
                field,
                "target '" + target + "' is mapped from '" + sourceOfTarget.get(target) + "' too"));
      } else {
        targets.put(source, target);
        sourceOfTarget.put(target, source);
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException("The column mapping is invalid", violations);
    }
    return new ImportColumnMapping(targets);
  }

  public boolean isEmpty() {
    return targets.isEmpty();
  }

  /** The file columns that are renamed, and their new names. */
  public Map<String, String> targets() {
    return targets;
  }

  /** The header with mapped columns renamed; other columns unchanged. */
  public List<String> rename(List<String> header) {
    List<String> renamed = new ArrayList<>(header.size());
    for (String h : header) {
      renamed.add(targets.getOrDefault(h.strip(), h));
    }
    return renamed;
  }

  /** The mapped file columns that the header lacks. */
  public List<String> missingFrom(List<String> header) {
    Set<String> present = new java.util.HashSet<>();
    for (String h : header) {
      present.add(h.strip());
    }
    return targets.keySet().stream().filter(s -> !present.contains(s)).toList();
  }

  /** A form fit for a job parameter; {@link #decode} reads it back. */
  public String encode() {
    StringBuilder b = new StringBuilder();
    targets.forEach(
        (s, t) -> {
          if (b.length() > 0) {
            b.append('&');
          }
          b.append(URLEncoder.encode(s, StandardCharsets.UTF_8))
              .append('=')
              .append(URLEncoder.encode(t, StandardCharsets.UTF_8));
        });
    return b.toString();
  }

  /** Reads {@link #encode}'s form; null or empty is no mapping. */
  public static ImportColumnMapping decode(String encoded) {
    if (encoded == null || encoded.isEmpty()) {
      return NONE;
    }
    Map<String, String> targets = new LinkedHashMap<>();
    for (String pair : encoded.split("&")) {
      int eq = pair.indexOf('=');
      targets.put(
          URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return new ImportColumnMapping(targets);
  }
}
