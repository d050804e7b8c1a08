package org.cxalign.analytics.instrument;

import java.util.Objects;
import java.util.regex.Pattern;
import org.cxalign.analytics.stat.Scale;

/**
 * One survey statement or question.
 *
 * @param id stable identifier ({@link #ID_PATTERN}), e.g. {@code cx.l5.1}
 * @param text the wording shown to respondents; for the collaboration template it contains {@value
 *     Instrument#DEPARTMENT_PLACEHOLDER}
 * @param dimension the id of the {@link Dimension} the item belongs to
 * @param model the model of that dimension (must agree with it)
 * @param population who answers it
 * @param scale the answer scale
 * @param matchedItemId for a perception-gap item, the id of its counterpart asked of the other
 *     population; otherwise null
 * @param required whether a respondent must answer it
 */
public record Item(
    String id,
    String text,
    String dimension,
    Model model,
    Population population,
    Scale scale,
    String matchedItemId,
    boolean required) {

  /** Letters, digits, {@code _ . -}, starting with a letter or digit. */
  public static final Pattern ID_PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.\\-]*");

  /** Validates the components that do not depend on the rest of the instrument. */
  public Item {
    if (model == Model.COLLABORATION && id != null && id.indexOf('.') > 0) {
      // a generated collab.<Department> item: the department name need not be an identifier
      requireId(id.substring(0, id.indexOf('.')), "item");
      Instrument.requireDepartmentName(id.substring(id.indexOf('.') + 1));
    } else {
      requireId(id, "item");
    }
    String where = "item '" + id + "'";
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException(where + ": field 'text' must not be blank");
    }
    if (dimension == null || dimension.isBlank()) {
      throw new IllegalArgumentException(where + ": field 'dimension' is required");
    }
    Objects.requireNonNull(model, () -> where + ": field 'model' is required");
    Objects.requireNonNull(population, () -> where + ": field 'population' is required");
    Objects.requireNonNull(scale, () -> where + ": field 'scale' is required");
    if (matchedItemId != null && matchedItemId.equals(id)) {
      throw new IllegalArgumentException(where + ": an item cannot be matched with itself");
    }
  }

  static void requireId(String id, String kind) {
    if (id == null || !ID_PATTERN.matcher(id).matches()) {
      throw new IllegalArgumentException(
          kind + " id '" + id + "' is not valid (letters, digits, '_', '.', '-'; not blank)");
    }
  }
}
