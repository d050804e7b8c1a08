package org.cxalign.survey.aggregate;

import jakarta.annotation.Resource;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.StepExecution;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.Properties;
import org.cxalign.analytics.accumulate.AlignmentAccumulator;
import org.cxalign.survey.campaign.Campaign;

/**
 * Rebuilds of a campaign's aggregate from the raw responses (Jakarta Batch job {@code
 * aggregate-rebuild}), swapped in without losing or double-counting responses stored meanwhile.
 *
 * <p>How: the start drains the outbox and marks the state row (one transaction, row locked). From
 * then on drains keep the outbox rows they count (applied = TRUE) instead of deleting them. The
 * job's reader counts the responses that have no outbox row — exactly those stored before the start
 * (a response and its outbox row commit together). The swap (row locked) adds every outbox row
 * still there to the rebuilt accumulator, deletes them, stores the result as the next version and
 * clears the mark.
 */
@Stateless
public class AggregateRebuilds {

  /** The job's name (META-INF/batch-jobs/aggregate-rebuild.xml). */
  public static final String JOB = "aggregate-rebuild";

  @PersistenceContext(unitName = "cxalign")
  EntityManager em;

  @EJB AggregateCache cache;
  @EJB AggregateDrainer drainer;
  @EJB RebuildWork work;
  @Resource TransactionSynchronizationRegistry tsr;
  @Resource SessionContext context;

  /**
   * Starts a rebuild.
   *
   * @return the job execution id
   * @throws UnknownCampaignException for an unknown campaign
   * @throws RebuildRunningException when one is running
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public long start(long campaignId) {
    AggregateRebuilds self = context.getBusinessObject(AggregateRebuilds.class);
    long total = self.prepare(campaignId);
    long execution;
    try {
      Properties p = new Properties();
      p.setProperty("campaignId", String.valueOf(campaignId));
      p.setProperty("total", String.valueOf(total));
      execution = BatchRuntime.getJobOperator().start(JOB, p);
    } catch (RuntimeException e) {
      self.clearMark(campaignId, -1L);
      throw e;
    }
    self.recordExecution(campaignId, execution);
    return execution;
  }

  /** Drains, marks the state row as rebuilding and counts the responses the job will read. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public long prepare(long campaignId) {
    Campaign campaign = em.find(Campaign.class, campaignId);
    if (campaign == null) {
      throw new UnknownCampaignException(campaignId);
    }
    AggregateStore store = new AggregateStore(em, cache, tsr);
    AggregateState st = store.lockOrCreate(drainer, campaignId);
    if (store.rebuildRunning(st)) {
      throw new RebuildRunningException(
          campaignId, AggregateStore.execution(st.getRebuildExecution()));
    }
    CampaignLayout layout = cache.layout(campaign);
    AlignmentAccumulator acc = store.workingCopy(st, layout);
    if (store.applyPending(campaignId, layout, acc, false).rows() > 0) {
      store.store(st, acc);
    }
    store.recordNames(campaign);
    st.rebuilding(-1L, LocalDateTime.now());
    return ((Number)
            em.createNativeQuery(
                    "SELECT COUNT(*) FROM survey_response r WHERE r.campaign_id = ?1 AND NOT EXISTS"
                        + " (SELECT 1 FROM aggregate_outbox o WHERE o.response_id = r.id)")
                .setParameter(1, campaignId)
                .getSingleResult())
        .longValue();
  }

  /** Puts the started job's execution id on the mark (unless the rebuild has ended already). */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void recordExecution(long campaignId, long execution) {
    AggregateState st = new AggregateStore(em, cache, tsr).lock(campaignId);
    if (st != null && Long.valueOf(-1L).equals(st.getRebuildExecution())) {
      st.rebuilding(AggregateStore.mark(execution), st.getRebuildStarted());
    }
  }

  /** Clears the mark if it still names {@code execution}; kept outbox rows are deleted. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void clearMark(long campaignId, long execution) {
    AggregateState st = new AggregateStore(em, cache, tsr).lock(campaignId);
    if (st != null
        && st.getRebuildExecution() != null
        && (st.getRebuildExecution() == AggregateStore.mark(execution)
            || st.getRebuildExecution() == -1L)) {
      em.createNativeQuery("DELETE FROM aggregate_outbox WHERE campaign_id = ?1 AND applied = TRUE")
          .setParameter(1, campaignId)
          .executeUpdate();
      st.rebuilding(null, null);
    }
  }

  /** The layout the job reads with: current names plus the names recorded for the campaign. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public CampaignLayout rebuildLayout(long campaignId) {
    Campaign campaign = em.find(Campaign.class, campaignId);
    if (campaign == null) {
      throw new UnknownCampaignException(campaignId);
    }
    return CampaignLayout.of(campaign)
        .withFormerNames(new AggregateStore(em, cache, tsr).recordedNames(campaignId));
  }

  /**
   * Swaps the rebuilt accumulator in: adds every outbox row still there, stores it as the next
   * version, clears the mark.
   *
   * @throws IllegalStateException when the mark no longer names this execution (abandoned)
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public long swap(long campaignId, long execution, AlignmentAccumulator rebuilt) {
    Campaign campaign = em.find(Campaign.class, campaignId);
    AggregateStore store = new AggregateStore(em, cache, tsr);
    AggregateState st = store.lock(campaignId);
    if (st == null
        || st.getRebuildExecution() == null
        || (st.getRebuildExecution() != AggregateStore.mark(execution)
            && st.getRebuildExecution() != -1L)) {
      throw new IllegalStateException(
          "rebuild " + execution + " of campaign " + campaignId + " was abandoned; not swapped");
    }
    CampaignLayout layout = cache.layout(campaign);
    AlignmentAccumulator acc = rebuilt.copy();
    store.applyAll(campaignId, layout, acc);
    store.store(st, acc);
    store.recordNames(campaign);
    st.rebuilding(null, null);
    st.counted();
    return st.getVersion();
  }

  /** The status of a rebuild of this campaign, or empty when there is none with this id. */
  public Optional<RebuildStatus> status(long campaignId, long executionId) {
    JobOperator jobs = BatchRuntime.getJobOperator();
    JobExecution execution;
    try {
      execution = jobs.getJobExecution(executionId);
    } catch (NoSuchJobExecutionException e) {
      return Optional.empty();
    }
    if (execution == null
        || !JOB.equals(execution.getJobName())
        || !String.valueOf(campaignId)
            .equals(execution.getJobParameters().getProperty("campaignId"))) {
      return Optional.empty();
    }
    long read = 0;
    for (StepExecution s : jobs.getStepExecutions(executionId)) {
      if (s.getStepName().equals("read") && s.getMetrics() != null) {
        for (Metric m : s.getMetrics()) {
          if (m.getType() == Metric.MetricType.READ_COUNT) {
            read = m.getValue();
          }
        }
      }
    }
    long total = Long.parseLong(execution.getJobParameters().getProperty("total", "0"));
    String exit = execution.getExitStatus();
    long unplaced = work.unplaced(executionId);
    if (unplaced < 0 && exit != null && exit.contains("unplacedAnswers=")) {
      unplaced = Long.parseLong(exit.substring(exit.indexOf("unplacedAnswers=") + 16).trim());
    }
    return Optional.of(
        new RebuildStatus(
            executionId,
            campaignId,
            execution.getBatchStatus().name(),
            read,
            total,
            Math.max(0, unplaced),
            exit));
  }
}
