package org.cxalign.survey.aggregate;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Map;
import org.cxalign.survey.campaign.Audience;
import org.cxalign.survey.campaign.Campaign;
import org.cxalign.survey.department.Department;

/**
 * Writes the outbox row of a stored response in the caller's transaction (MANDATORY): the row
 * commits or rolls back with the response. One small insert; the state is changed later by {@link
 * AggregateDrainer}.
 */
@Stateless
public class AggregateOutbox {

  @PersistenceContext(unitName = "cxalign")
  EntityManager em;

  @EJB AggregateCache cache;

  /**
   * Records a stored response for counting. Collaboration answers ({@code collab.<name>}) are
   * resolved to the department ids their names have now.
   */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public void record(
      Campaign campaign,
      Audience audience,
      Department department,
      long responseId,
      Map<String, Integer> values) {
    String payload = cache.layout(campaign).outboxPayload(values);
    String sql =
        "INSERT INTO aggregate_outbox (campaign_id, response_id, population, department_id,"
            + " answers, applied) VALUES (:c, :r, :p, "
            + (department == null ? "NULL" : ":d")
            + ", :a, FALSE)";
    var q =
        em.createNativeQuery(sql)
            .setParameter("c", campaign.getId())
            .setParameter("r", responseId)
            .setParameter("p", CampaignLayout.population(audience))
            .setParameter("a", payload);
    if (department != null) {
      q.setParameter("d", department.getId());
    }
    q.executeUpdate();
  }
}
