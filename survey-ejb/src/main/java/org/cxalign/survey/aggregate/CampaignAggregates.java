package org.cxalign.survey.aggregate;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.List;
import org.cxalign.analytics.accumulate.AlignmentAccumulator;
import org.cxalign.survey.campaign.Campaign;

/**
 * The aggregates of campaigns, as report endpoints read them: live (the outbox is drained first
 * when it holds rows of the campaign) and cheap (the decoded state is cached on this node by
 * version; a read costs a few indexed queries and one copy of the accumulator, independent of the
 * number of responses).
 */
@Stateless
public class CampaignAggregates {

  @PersistenceContext(unitName = "cxalign")
  EntityManager em;

  @EJB AggregateDrainer drainer;
  @EJB AggregateCache cache;
  @Resource TransactionSynchronizationRegistry tsr;

  /**
   * A snapshot of the campaign's aggregate counting every response stored (committed) before the
   * call.
   *
   * @throws UnknownCampaignException when there is no such campaign
   */
  public CampaignAggregate current(long campaignId) {
    Campaign campaign = em.find(Campaign.class, campaignId);
    if (campaign == null) {
      throw new UnknownCampaignException(campaignId);
    }
    CampaignLayout layout = cache.layout(campaign);
    Long version = storedVersion(campaignId);
    if (version == null || pending(campaignId) > 0) {
      version = drainer.drain(campaignId).version();
    }
    AlignmentAccumulator acc = cache.state(campaignId, version);
    if (acc == null) {
      AggregateState st = em.find(AggregateState.class, campaignId);
      em.refresh(st);
      acc = AggregateStore.decode(st, layout);
      version = st.getVersion();
      cache.put(campaignId, version, acc);
    }
    return new CampaignAggregate(
        campaignId,
        version,
        layout.instrument(),
        layout.layout(),
        acc.copy(),
        layout.departments());
  }

  /** The figures of the aggregate for administrators (drains first, like {@link #current}). */
  public AggregateFigures figures(long campaignId) {
    CampaignAggregate a = current(campaignId);
    AggregateState st = em.find(AggregateState.class, campaignId);
    em.refresh(st);
    return AggregateFigures.of(a, st, pending(campaignId), kept(campaignId));
  }

  Long storedVersion(long campaignId) {
    List<?> r =
        em.createNativeQuery("SELECT state_version FROM campaign_aggregate WHERE campaign_id = ?1")
            .setParameter(1, campaignId)
            .getResultList();
    return r.isEmpty() ? null : ((Number) r.get(0)).longValue();
  }

  long pending(long campaignId) {
    return ((Number)
            em.createNativeQuery(
                    "SELECT COUNT(*) FROM aggregate_outbox WHERE campaign_id = ?1 AND applied = FALSE")
                .setParameter(1, campaignId)
                .getSingleResult())
        .longValue();
  }

  long kept(long campaignId) {
    return ((Number)
            em.createNativeQuery(
                    "SELECT COUNT(*) FROM aggregate_outbox WHERE campaign_id = ?1 AND applied = TRUE")
                .setParameter(1, campaignId)
                .getSingleResult())
        .longValue();
  }
}
