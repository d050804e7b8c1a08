package org.cxalign.survey.response;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cxalign.analytics.instrument.Item;
import org.cxalign.survey.campaign.Audience;
import org.cxalign.survey.campaign.Campaign;
import org.cxalign.survey.campaign.FieldViolation;

/**
 * Checks one import line against the campaign: population one of its audiences, an employee's
 * department in scope (a customer's blank or in scope), every answer on its item's scale and no
 * unknown column — the same rules as a submission. A bad line is filtered out; in the check step
 * ({@code record=true}) its problems are recorded with line and column.
 */
@Named("importRowProcessor")
@Dependent
public class ImportRowProcessor implements ItemProcessor {

  @Inject
  @BatchProperty(name = "campaignId")
  String campaignId;

  @Inject
  @BatchProperty(name = "record")
  String record;

  @Inject StepContext step;

  @PersistenceContext(unitName = "cxalign")
  EntityManager em;

  private Campaign campaign;
  private final Map<String, List<Item>> forms = new HashMap<>();

  @Override
  public Object processItem(Object item) {
    ImportLine in = (ImportLine) item;
    if (campaign == null) {
      campaign = em.find(Campaign.class, Long.valueOf(campaignId));
    }
    if (in.fields() == null) {
      return reject(in.line(), null, "unbalanced quotes");
    }
    if (in.fields().size() != in.header().size()) {
      return reject(
          in.line(),
          null,
          "has " + in.fields().size() + " fields, the header has " + in.header().size());
    }
    String population = in.fields().get(1).strip();
    Audience audience =
        switch (population) {
          case "employee" -> Audience.EMPLOYEES;
          case "customer" -> Audience.CUSTOMERS;
          default -> null;
        };
    if (audience == null) {
      return reject(in.line(), "population", "'" + population + "' is not employee or customer");
    }
    if (!campaign.audiences().contains(audience)) {
      return reject(in.line(), "population", "the campaign does not ask " + population + "s");
    }
    String department = in.fields().get(2).strip();
    if (department.isEmpty()) {
      department = null;
    }
    if (department == null && audience == Audience.EMPLOYEES) {
      return reject(in.line(), "department", "an employee needs a department");
    }
    if (department != null && !campaign.departmentNames().contains(department)) {
      return reject(in.line(), "department", "'" + department + "' is not in the campaign");
    }
    String dept = department;
    List<Item> form =
        forms.computeIfAbsent(
            audience + "|" + department,
            k ->
                SubmissionValidator.form(
                    campaign.getInstrument().instrument(),
                    audience.population(),
                    campaign.departmentNames(),
                    dept));
    Map<String, Object> answers = new LinkedHashMap<>();
    for (int c = ImportLineReader.FIXED.size(); c < in.header().size(); c++) {
      String v = in.fields().get(c).strip();
      if (v.isEmpty()) {
        continue;
      }
      Object value;
      try {
        value = new BigDecimal(v);
      } catch (NumberFormatException e) {
        value = v;
      }
      answers.put(in.header().get(c), value);
    }
    SubmissionValidator.Result result = SubmissionValidator.validate(form, answers, null);
    if (!result.valid()) {
      for (FieldViolation v : result.violations()) {
        String column = v.field().startsWith("answers.") ? v.field().substring(8) : v.field();
        record(in.line(), column, v.message());
      }
      return null;
    }
    return new ImportRow(in.line(), audience, department, result.values());
  }

  private Object reject(long line, String column, String message) {
    record(line, column, message);
    return null;
  }

  private void record(long line, String column, String message) {
    if (Boolean.parseBoolean(record)) {
      ImportProblems.add(step, new ImportProblem(line, column, message));
    }
  }
}
