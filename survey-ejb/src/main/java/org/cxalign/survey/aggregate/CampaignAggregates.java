package org.cxalign.survey.aggregate;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.cxalign.analytics.accumulate.AlignmentAccumulator;
import org.cxalign.survey.campaign.Campaign;

/**
 * The aggregates of campaigns, as report endpoints read them: live (the outbox is drained first
 * when it holds rows of the campaign) and cheap (the decoded state is cached on this node by
 * version; a read costs a few indexed queries, independent of the number of responses and of the
 * size of the accumulator).
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
   * call. Its accumulator is the one this node caches for that version, shared by every reader and
   * never changed (drains work on copies): read it, never add to it. When the version is cached the
   * call costs the queries of {@link #shared} and no work over the cells (no copy); a new version
   * (an answer arrived, here or on another node: the version stored in the database decides) is
   * decoded once per node.
   *
   * @throws UnknownCampaignException when there is no such campaign
   */
  public CampaignAggregate current(long campaignId) {
    return shared(campaignId);
  }

  /**
   * A value computed from a snapshot, cached on this node per campaign, state version and key: a
   * report section built once per version instead of once per request. {@code compute} must depend
   * only on the snapshot and the key (include viewer scope etc. in the key), and must not change
   * the snapshot's accumulator.
   */
  public <T> T derived(
      CampaignAggregate snapshot, String key, Function<CampaignAggregate, T> compute) {
    return cache.derived(
        snapshot.campaignId(), snapshot.version(), key, () -> compute.apply(snapshot));
  }

  /** The figures of the aggregate for administrators (drains first, like {@link #current}). */
  public AggregateFigures figures(long campaignId) {
    CampaignAggregate a = shared(campaignId);
    Object[] st =
        (Object[])
            em.createNativeQuery(
                    "SELECT rebuild_execution, uncounted FROM campaign_aggregate"
                        + " WHERE campaign_id = ?1")
                .setParameter(1, campaignId)
                .getSingleResult();
    String digest =
        cache.derived(campaignId, a.version(), "digest", () -> AggregateFigures.digest(a));
    return AggregateFigures.of(
        a,
        st[0] == null ? null : AggregateStore.execution(((Number) st[0]).longValue()),
        Boolean.TRUE.equals(st[1]),
        pending(campaignId),
        kept(campaignId),
        digest);
  }

  /** The snapshot over the cached accumulator itself (never changed). */
  private CampaignAggregate shared(long campaignId) {
    @SuppressWarnings("unchecked")
    List<Object[]> scope =
        em.createNativeQuery(
                "SELECT d.id, d.name FROM campaign_department cd JOIN department d"
                    + " ON d.id = cd.department_id WHERE cd.campaign_id = ?1 ORDER BY d.id")
            .setParameter(1, campaignId)
            .getResultList();
    CampaignLayout layout = cache.layoutIfCurrent(campaignId, scope);
    if (layout == null) {
      // first read on this node, or a department was renamed: load the campaign (and instrument)
      Campaign campaign = em.find(Campaign.class, campaignId);
      if (campaign == null) {
        throw new UnknownCampaignException(campaignId);
      }
      layout = cache.layout(campaign);
    }
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
        campaignId, version, layout.instrument(), layout.layout(), acc, layout.departments());
  }

  /**
   * Every name the campaign's departments had while their answers were counted (recorded by each
   * drain and rebuild), former and current, name → department id: collaboration answers are stored
   * under the name the rated department had then ({@code collab.<name>}).
   */
  public Map<String, Long> recordedNames(long campaignId) {
    return new AggregateStore(em, cache, tsr).recordedNames(campaignId);
  }

  /**
   * Whether the campaign's aggregate may miss responses stored before aggregates existed (until a
   * rebuild); false when it has no aggregate row yet ({@link #current} creates it).
   */
  public boolean uncounted(long campaignId) {
    List<?> r =
        em.createNativeQuery("SELECT uncounted FROM campaign_aggregate WHERE campaign_id = ?1")
            .setParameter(1, campaignId)
            .getResultList();
    return !r.isEmpty() && Boolean.TRUE.equals(r.get(0));
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
