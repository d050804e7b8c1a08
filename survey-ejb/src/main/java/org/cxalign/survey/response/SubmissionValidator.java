package org.cxalign.survey.response;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.cxalign.analytics.instrument.Instrument;
import org.cxalign.analytics.instrument.Item;
import org.cxalign.analytics.instrument.Model;
import org.cxalign.analytics.instrument.Population;
import org.cxalign.survey.campaign.FieldViolation;

/**
 * Checks a submission whole against the form of an instrument: every answer on its item's scale, no
 * unknown items, every required item present, the comment within bounds. Every violation is
 * reported, in item order; nothing is accepted partially.
 */
public final class SubmissionValidator {

  /** Longest comment accepted, in characters (the column width). */
  public static final int MAX_COMMENT_LENGTH = 2000;

  /** Most answers one submission may carry (more is an abuse, not a survey). */
  public static final int MAX_ANSWERS = 1000;

  private SubmissionValidator() {}

  /**
   * The items a respondent of {@code population} answers: the instrument's items for that
   * population (the collaboration template excepted) and, for employees, the generated
   * collaboration items rating each department in scope other than their own.
   */
  public static List<Item> form(
      Instrument instrument,
      Population population,
      List<String> departmentsInScope,
      String ownDepartment) {
    List<Item> form = new ArrayList<>();
    for (Item it : instrument.items()) {
      if (it.model() != Model.COLLABORATION && it.population().includes(population)) {
        form.add(it);
      }
    }
    if (population == Population.EMPLOYEE && instrument.collaborationTemplate().isPresent()) {
      for (String d : departmentsInScope) {
        if (d.equals(ownDepartment)) {
          continue;
        }
        try {
          form.addAll(instrument.collaborationItems(List.of(d)));
        } catch (IllegalArgumentException e) {
          // a department name that cannot be a CSV column (comma, quote) is not rated
        }
      }
    }
    return form;
  }

  /** The outcome: the accepted values by item id, or the violations (then values is empty). */
  public record Result(Map<String, Integer> values, List<FieldViolation> violations) {
    public boolean valid() {
      return violations.isEmpty();
    }
  }

  /**
   * Validates {@code answers} (item id → the JSON value: a {@link BigDecimal} for a number,
   * anything else for other JSON types, null for JSON null) and the optional comment.
   *
   * @param answers the answers, or null when the submission has none
   */
  public static Result validate(List<Item> form, Map<String, Object> answers, String comment) {
    List<FieldViolation> violations = new ArrayList<>();
    Map<String, Item> byId = new LinkedHashMap<>();
    for (Item it : form) {
      byId.put(it.id(), it);
    }
    Map<String, Integer> values = new LinkedHashMap<>();
    if (answers == null) {
      violations.add(new FieldViolation("answers", "is required: an object of item id to value"));
      answers = Map.of();
    } else if (answers.size() > MAX_ANSWERS) {
      violations.add(
          new FieldViolation("answers", "must have at most " + MAX_ANSWERS + " answers"));
      answers = Map.of();
    }
    Set<String> unknown = null;
    for (String k : answers.keySet()) {
      if (!byId.containsKey(k)) {
        if (unknown == null) {
          unknown = new java.util.TreeSet<>();
        }
        unknown.add(k);
      }
    }
    for (Item it : form) {
      String field = "answers." + it.id();
      if (!answers.containsKey(it.id()) || answers.get(it.id()) == null) {
        if (it.required()) {
          violations.add(new FieldViolation(field, "is required"));
        }
        continue;
      }
      Object v = answers.get(it.id());
      Integer value = onScale(v, it);
      if (value == null) {
        violations.add(
            new FieldViolation(
                field, "must be an integer from " + it.scale().min() + " to " + it.scale().max()));
      } else {
        values.put(it.id(), value);
      }
    }
    if (unknown != null) {
      for (String k : unknown) {
        violations.add(new FieldViolation("answers." + k, "is not an item of this survey"));
      }
    }
    if (values.isEmpty() && violations.isEmpty()) {
      // an empty submission would use up the respondent's one answer and say nothing
      violations.add(new FieldViolation("answers", "must answer at least one item"));
    }
    if (comment != null && comment.length() > MAX_COMMENT_LENGTH) {
      violations.add(
          new FieldViolation("comment", "must be at most " + MAX_COMMENT_LENGTH + " characters"));
    }
    if (!violations.isEmpty()) {
      return new Result(Map.of(), List.copyOf(violations));
    }
    return new Result(new TreeMap<>(values), List.of());
  }

  private static Integer onScale(Object v, Item it) {
    if (!(v instanceof BigDecimal d)) {
      return null;
    }
    BigDecimal stripped = d.stripTrailingZeros();
    if (stripped.scale() > 0) {
      return null;
    }
    if (stripped.compareTo(BigDecimal.valueOf(it.scale().min())) < 0
        || stripped.compareTo(BigDecimal.valueOf(it.scale().max())) > 0) {
      return null;
    }
    return stripped.intValueExact();
  }
}
