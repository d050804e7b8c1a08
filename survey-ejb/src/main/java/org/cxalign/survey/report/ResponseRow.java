package org.cxalign.survey.report;

import java.util.Map;
import java.util.Objects;
import org.cxalign.analytics.accumulate.Population;

/**
 * One stored response as the report reads it: no identity.
 *
 * @param population employee or customer
 * @param department the respondent's department (employees) or the invitation's (customers); null
 *     for none
 * @param answers item id to answer, collaboration ratings under {@code collab.<Department>}
 * @param comment the free-text comment, or null
 */
public record ResponseRow(
    Population population, String department, Map<String, Integer> answers, String comment) {
  public ResponseRow {
    Objects.requireNonNull(population, "population");
    answers = Map.copyOf(answers);
  }
}
