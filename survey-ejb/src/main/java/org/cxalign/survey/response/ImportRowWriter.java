package org.cxalign.survey.response;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.cxalign.survey.aggregate.AggregateOutbox;
import org.cxalign.survey.campaign.Campaign;
import org.cxalign.survey.department.Department;
import org.cxalign.survey.department.DepartmentRepository;

/**
 * Stores a chunk of validated rows as responses (in the chunk's transaction, each with its
 * aggregate outbox row), without identity and dated by the day of the import. In the check step
 * ({@code store=false}) it stores nothing.
 */
@Named("importRowWriter")
@Dependent
public class ImportRowWriter extends AbstractItemWriter {

  @Inject
  @BatchProperty(name = "campaignId")
  String campaignId;

  @Inject
  @BatchProperty(name = "store")
  String store;

  @Inject DepartmentRepository departments;

  @Inject AggregateOutbox outbox;

  @PersistenceContext(unitName = "cxalign")
  EntityManager em;

  @Override
  public void writeItems(List<Object> items) {
    if (!Boolean.parseBoolean(store)) {
      return;
    }
    Campaign campaign = em.find(Campaign.class, Long.valueOf(campaignId));
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    List<SurveyResponse> stored = new ArrayList<>();
    List<Department> depts = new ArrayList<>();
    for (Object o : items) {
      ImportRow row = (ImportRow) o;
      Department dept =
          row.department() == null ? null : departments.findByName(row.department()).orElse(null);
      SurveyResponse r =
          new SurveyResponse(campaign, row.audience(), dept, today, null, row.values());
      em.persist(r);
      stored.add(r);
      depts.add(dept);
    }
    em.flush();
    for (int i = 0; i < stored.size(); i++) {
      ImportRow row = (ImportRow) items.get(i);
      outbox.record(campaign, row.audience(), depts.get(i), stored.get(i).getId(), row.values());
    }
  }
}
