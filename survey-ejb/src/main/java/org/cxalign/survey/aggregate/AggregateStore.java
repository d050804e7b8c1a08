package org.cxalign.survey.aggregate;

import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.ejb.EJBException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cxalign.analytics.accumulate.AccumulatorCodec;
import org.cxalign.analytics.accumulate.AlignmentAccumulator;
import org.cxalign.analytics.accumulate.Population;
import org.cxalign.survey.campaign.Campaign;
import org.cxalign.survey.department.Department;

/**
 * The steps on a campaign's stored aggregate, inside the caller's transaction (the EJBs around it
 * set the boundaries): lock, load, apply outbox rows, store, and cache after commit.
 */
final class AggregateStore {

  private static final Logger LOG = Logger.getLogger(AggregateStore.class.getName());

  /** Most outbox rows read at once by a drain (it repeats until none are left). */
  static final int DRAIN_BATCH = 5_000;

  private final EntityManager em;
  private final AggregateCache cache;
  private final TransactionSynchronizationRegistry tsr;

  AggregateStore(EntityManager em, AggregateCache cache, TransactionSynchronizationRegistry tsr) {
    this.em = em;
    this.cache = cache;
    this.tsr = tsr;
  }

  /** The campaign's state row, locked (PESSIMISTIC_WRITE), or null when it does not exist yet. */
  AggregateState lock(long campaignId) {
    return em.find(AggregateState.class, campaignId, LockModeType.PESSIMISTIC_WRITE);
  }

  /** A rebuild whose job has not started this long after it was marked is taken as abandoned. */
  static final long STARTING_GRACE_SECONDS = 120;

  /**
   * A rebuild started by another node (or before this deployment started) is taken as abandoned
   * this long after its start: job executions live in each node's own job repository, so only the
   * starting node can ask whether its job still runs.
   */
  static final long FOREIGN_REBUILD_SECONDS = 30 * 60;

  /** This deployment's random id: the high 32 bits of the rebuild mark, the job execution below. */
  static final long NODE = new java.security.SecureRandom().nextInt(1, Integer.MAX_VALUE);

  /** The mark stored for a job execution started on this node. */
  static long mark(long execution) {
    return NODE << 32 | (execution & 0xFFFFFFFFL);
  }

  /** The job execution of a mark (of any node). */
  static long execution(long mark) {
    return mark < 0 ? mark : mark & 0xFFFFFFFFL;
  }

  /** The locked state row, created (empty) in its own transaction when missing. */
  AggregateState lockOrCreate(AggregateDrainer drainer, long campaignId) {
    AggregateState st = lock(campaignId);
    if (st == null) {
      try {
        drainer.create(campaignId);
      } catch (EJBException e) {
        // another drain created it at the same time; lock the one it made
        LOG.fine(() -> "aggregate row of campaign " + campaignId + " created concurrently");
      }
      st = lock(campaignId);
      if (st == null) {
        throw new IllegalStateException(
            "the aggregate row of campaign " + campaignId + " is missing");
      }
    }
    return st;
  }

  /**
   * Whether the (locked) state row names a rebuild that is still running. A rebuild whose job has
   * ended without swapping (failed, stopped, or lost with a restart) is cleared here: its kept
   * outbox rows were counted live already and are deleted.
   */
  boolean rebuildRunning(AggregateState st) {
    Long execution = st.getRebuildExecution();
    if (execution == null) {
      return false;
    }
    LocalDateTime started = st.getRebuildStarted();
    LocalDateTime now = LocalDateTime.now();
    if (execution < 0) {
      if (started != null && started.isAfter(now.minusSeconds(STARTING_GRACE_SECONDS))) {
        return true; // marked, the job is being started
      }
    } else if (execution >>> 32 == NODE) {
      if (jobAlive(execution(execution))) {
        return true;
      }
    } else if (started != null && started.isAfter(now.minusSeconds(FOREIGN_REBUILD_SECONDS))) {
      return true; // another node's job: assumed running until the timeout
    }
    LOG.warning(
        "rebuild " + execution + " of campaign " + st.getCampaignId() + " ended without swap");
    em.createNativeQuery("DELETE FROM aggregate_outbox WHERE campaign_id = ?1 AND applied = TRUE")
        .setParameter(1, st.getCampaignId())
        .executeUpdate();
    st.rebuilding(null, null);
    return false;
  }

  static boolean jobAlive(long execution) {
    try {
      BatchStatus s = BatchRuntime.getJobOperator().getJobExecution(execution).getBatchStatus();
      return s == BatchStatus.STARTING || s == BatchStatus.STARTED || s == BatchStatus.STOPPING;
    } catch (NoSuchJobExecutionException e) {
      return false;
    }
  }

  /** Whether the campaign has responses without an outbox row (stored before aggregates). */
  boolean hasUncounted(long campaignId) {
    return !em.createNativeQuery(
            "SELECT r.id FROM survey_response r WHERE r.campaign_id = ?1 AND NOT EXISTS"
                + " (SELECT 1 FROM aggregate_outbox o WHERE o.response_id = r.id)")
        .setParameter(1, campaignId)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  /** A copy of the decoded state, ready to change. */
  AlignmentAccumulator workingCopy(AggregateState st, CampaignLayout layout) {
    AlignmentAccumulator cached = cache.state(st.getCampaignId(), st.getVersion());
    if (cached != null) {
      return cached.copy();
    }
    return decode(st, layout);
  }

  /** The decoded state (fresh, not cached). */
  static AlignmentAccumulator decode(AggregateState st, CampaignLayout layout) {
    if (st.getState() == null) {
      return layout.newAccumulator();
    }
    return AccumulatorCodec.decode(st.getState(), layout.layout());
  }

  /** Outcome of applying outbox rows. */
  record Applied(int rows, int rejected) {}

  /**
   * Applies every not yet applied outbox row of the campaign to {@code acc}: deletes the rows, or
   * (while a rebuild runs) marks them applied so that the rebuild's swap counts them again.
   */
  Applied applyPending(
      long campaignId, CampaignLayout layout, AlignmentAccumulator acc, boolean keep) {
    return apply(campaignId, layout, acc, keep, false);
  }

  /**
   * Applies every outbox row of the campaign, applied during a rebuild or not, and deletes them:
   * the rebuild's swap, whose accumulator counts exactly the responses without an outbox row.
   */
  Applied applyAll(long campaignId, CampaignLayout layout, AlignmentAccumulator acc) {
    return apply(campaignId, layout, acc, false, true);
  }

  private Applied apply(
      long campaignId, CampaignLayout layout, AlignmentAccumulator acc, boolean keep, boolean all) {
    int total = 0;
    int rejected = 0;
    while (true) {
      @SuppressWarnings("unchecked")
      List<Object[]> rows =
          em.createNativeQuery(
                  "SELECT id, population, department_id, answers FROM aggregate_outbox"
                      + " WHERE campaign_id = ?1"
                      + (all ? "" : " AND applied = FALSE")
                      + " ORDER BY id")
              .setParameter(1, campaignId)
              .setMaxResults(DRAIN_BATCH)
              .getResultList();
      if (rows.isEmpty()) {
        break;
      }
      List<Long> ids = new ArrayList<>(rows.size());
      int[] answers = layout.emptyAnswers();
      int[] collab = layout.emptyCollab();
      for (Object[] r : rows) {
        long id = ((Number) r[0]).longValue();
        ids.add(id);
        int population = ((Number) r[1]).intValue();
        Long dept = r[2] == null ? null : ((Number) r[2]).longValue();
        try {
          ResponseVector.parse((String) r[3], answers, collab);
          acc.add(population, acc.department(CampaignLayout.departmentKey(dept)), answers, collab);
        } catch (IllegalArgumentException e) {
          rejected++;
          LOG.log(
              Level.WARNING,
              "aggregate outbox row {0} of campaign {1} cannot be counted: {2}",
              new Object[] {id, campaignId, e.getMessage()});
        }
      }
      removeOrKeep(ids, keep);
      total += rows.size();
      if (rows.size() < DRAIN_BATCH) {
        break;
      }
    }
    return new Applied(total, rejected);
  }

  private void removeOrKeep(List<Long> ids, boolean keep) {
    for (int from = 0; from < ids.size(); from += 500) {
      List<Long> part = ids.subList(from, Math.min(ids.size(), from + 500));
      StringBuilder in = new StringBuilder();
      for (Long id : part) {
        if (in.length() > 0) {
          in.append(',');
        }
        in.append(id.longValue());
      }
      String sql =
          keep
              ? "UPDATE aggregate_outbox SET applied = TRUE WHERE id IN (" + in + ")"
              : "DELETE FROM aggregate_outbox WHERE id IN (" + in + ")";
      em.createNativeQuery(sql).executeUpdate();
    }
  }

  /** Stores {@code acc} as the new state (version + 1) and caches it once committed. */
  void store(AggregateState st, AlignmentAccumulator acc) {
    st.replace(
        AccumulatorCodec.encode(acc),
        acc.responses(Population.EMPLOYEE),
        acc.responses(Population.CUSTOMER));
    em.flush();
    long campaignId = st.getCampaignId();
    long version = st.getVersion();
    tsr.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
              cache.put(campaignId, version, acc);
            } else {
              cache.forget(campaignId);
            }
          }
        });
  }

  /** Records the current names of the campaign's departments (for a later rebuild). */
  void recordNames(Campaign campaign) {
    @SuppressWarnings("unchecked")
    List<Object> known =
        em.createNativeQuery("SELECT name FROM aggregate_department_name WHERE campaign_id = ?1")
            .setParameter(1, campaign.getId())
            .getResultList();
    Set<String> names = new HashSet<>();
    for (Object o : known) {
      names.add((String) o);
    }
    for (Department d : campaign.getDepartments()) {
      if (!names.contains(d.getName())) {
        em.createNativeQuery(
                "INSERT INTO aggregate_department_name (campaign_id, name, department_id)"
                    + " VALUES (?1, ?2, ?3)")
            .setParameter(1, campaign.getId())
            .setParameter(2, d.getName())
            .setParameter(3, d.getId())
            .executeUpdate();
      }
    }
  }

  /** Former and current names recorded for the campaign, name → department id. */
  java.util.Map<String, Long> recordedNames(long campaignId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT name, department_id FROM aggregate_department_name WHERE campaign_id = ?1")
            .setParameter(1, campaignId)
            .getResultList();
    java.util.Map<String, Long> m = new java.util.HashMap<>();
    for (Object[] r : rows) {
      m.put((String) r[0], ((Number) r[1]).longValue());
    }
    return m;
  }
}
