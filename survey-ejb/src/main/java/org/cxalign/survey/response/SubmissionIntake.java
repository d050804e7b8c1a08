package org.cxalign.survey.response;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.cxalign.survey.participation.ParticipationKeys;
import org.cxalign.survey.platform.Databases;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Group commit of submissions: a request queues its submission and waits; a few writer threads each
 * take what has queued meanwhile (up to {@code cxalign.ingest.max-batch}) and store it in one
 * transaction ({@link SubmissionBatches}), so that many submissions share one commit and one round
 * trip per table instead of a dozen round trips and a commit each. A request is answered only after
 * its batch committed: an acknowledged response is stored exactly as with one transaction per
 * submission.
 *
 * <p>Whatever a batch does not store (a refusal, a retry, anything unusual, a failed batch, a full
 * queue, a wait that ran out before a writer took it, batching switched off) returns empty, and the
 * request stores the submission through the one-transaction path of {@link ResponseService} or
 * {@link org.cxalign.survey.invitation.InvitationService}, which also gives every refusal its
 * error. A retry after an unknown outcome is safe on either path: both recognise the idempotency
 * key.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SubmissionIntake {

  private static final Logger LOG = Logger.getLogger(SubmissionIntake.class.getName());

  /** Longest wait for the database on a writer's connection (a statement or the commit). */
  private static final int NETWORK_TIMEOUT_MILLIS = 60_000;

  @Inject
  @ConfigProperty(name = "cxalign.ingest.batch", defaultValue = "true")
  String enabledSetting;

  @Inject
  @ConfigProperty(name = "cxalign.ingest.writers", defaultValue = "auto")
  String writersSetting;

  @Inject
  @ConfigProperty(name = "cxalign.ingest.max-batch", defaultValue = "200")
  int maxBatch;

  @Inject
  @ConfigProperty(name = "cxalign.ingest.queue", defaultValue = "5000")
  int queueSize;

  @Inject
  @ConfigProperty(name = "cxalign.ingest.wait-seconds", defaultValue = "30")
  int waitSeconds;

  @Resource(lookup = "java:jboss/ee/concurrency/factory/default")
  ManagedThreadFactory threadFactory;

  @EJB SubmissionBatches batches;

  /** The writers' datasource (no JTA): each writer keeps one connection of it. */
  @Resource(lookup = "java:jboss/datasources/CxAlignBatchDS")
  DataSource batchDataSource;

  private final Map<Long, CampaignForm> forms = new ConcurrentHashMap<>();
  private final List<Thread> threads = new ArrayList<>();

  /**
   * One queue per writer; a respondent (an employee in a campaign, a link) always goes to the same
   * one, so that two copies of a submission (a client's retry) never sit in two batches written at
   * the same time, where both would pass the check for an earlier answer and one batch would then
   * fail on the unique key as a whole.
   */
  private volatile List<BlockingQueue<PendingSubmission>> queues;

  private volatile boolean running;
  private final AtomicLong batchCount = new AtomicLong();
  private final AtomicLong storedInBatches = new AtomicLong();
  private final AtomicLong alone = new AtomicLong();
  private final AtomicLong failedBatches = new AtomicLong();
  private final AtomicInteger largestBatch = new AtomicInteger();

  @PostConstruct
  void start() {
    if (!"true".equalsIgnoreCase(enabledSetting.trim())) {
      LOG.info("Group commit of submissions is off (cxalign.ingest.batch)");
      return;
    }
    int n = writerCount(writersSetting, Runtime.getRuntime().availableProcessors());
    List<BlockingQueue<PendingSubmission>> qs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      qs.add(new ArrayBlockingQueue<>(Math.max(1, queueSize / n)));
    }
    queues = List.copyOf(qs);
    running = true;
    for (int i = 0; i < n; i++) {
      BlockingQueue<PendingSubmission> own = qs.get(i);
      Thread t = threadFactory.newThread(() -> writeLoop(own));
      t.setName("cxalign-ingest-" + (i + 1));
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
    LOG.info(
        () ->
            "Group commit of submissions: "
                + threads.size()
                + " writers, batches of up to "
                + maxBatch
                + ", queue "
                + queueSize);
  }

  /**
   * The number of writer threads: {@code auto} is one per two cores (at least one), else the
   * setting's number (at least one). On the 2-core benchmark machine one writer took batches twice
   * as large and cost the node and PostgreSQL 15-20% less CPU per response than two (README,
   * ingestion benchmark, 2026-12-03 evening); more cores leave more to write in parallel.
   *
   * @throws IllegalArgumentException when the setting is neither {@code auto} nor a number
   */
  static int writerCount(String setting, int cores) {
    String s = setting == null ? "auto" : setting.trim();
    if (s.equalsIgnoreCase("auto")) {
      return Math.max(1, cores / 2);
    }
    try {
      return Math.max(1, Integer.parseInt(s));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "cxalign.ingest.writers must be auto or a number of writer threads, not \"" + s + "\"",
          e);
    }
  }

  /**
   * What this node's intake has done since it started: {@code batches} committed with {@code
   * stored} submissions in all (the largest {@code largest}), {@code failed} batches rolled back,
   * and {@code alone} submissions handed to the one-transaction path (refusals, retries, failed
   * batches, a full queue, batching off).
   */
  public String summary() {
    return "batches="
        + batchCount.get()
        + " stored="
        + storedInBatches.get()
        + " largest="
        + largestBatch.get()
        + " failed="
        + failedBatches.get()
        + " alone="
        + alone.get();
  }

  @PreDestroy
  void stop() {
    LOG.info(() -> "Group commit of submissions, since start: " + summary());
    running = false;
    threads.forEach(Thread::interrupt);
    List<BlockingQueue<PendingSubmission>> qs = queues;
    if (qs != null) {
      for (BlockingQueue<PendingSubmission> q : qs) {
        List<PendingSubmission> left = new ArrayList<>();
        q.drainTo(left);
        left.forEach(PendingSubmission::fallBack);
      }
    }
  }

  /**
   * Stores an employee's submission in a batch.
   *
   * @return the receipt, or empty when the caller must use {@link ResponseService#submitEmployee}
   */
  public Optional<Receipt> employee(
      long campaignId,
      String subject,
      String department,
      String idempotencyKey,
      Map<String, Object> answers,
      String comment) {
    if (subject == null || department == null || !plausible(idempotencyKey, answers)) {
      return alone();
    }
    return await(
        PendingSubmission.employee(
            campaignId,
            subject,
            department,
            ParticipationKeys.sha256(idempotencyKey),
            answers,
            comment));
  }

  /**
   * Stores a customer's submission through a one-time link in a batch.
   *
   * @return the receipt, or empty when the caller must use the invitation service's submit
   */
  public Optional<Receipt> customer(
      String token, String idempotencyKey, Map<String, Object> answers, String comment) {
    if (token == null
        || token.isBlank()
        || token.length() > 100
        || !plausible(idempotencyKey, answers)) {
      return alone();
    }
    return await(
        PendingSubmission.customer(
            ParticipationKeys.sha256(token),
            ParticipationKeys.sha256(idempotencyKey),
            answers,
            comment));
  }

  /** Cheap checks whose failure the one-transaction path reports with its error. */
  private static boolean plausible(String key, Map<String, Object> answers) {
    return key != null
        && !key.isBlank()
        && key.length() <= IdempotencyKey.MAX_LENGTH
        && answers != null
        && !answers.isEmpty()
        && answers.size() <= SubmissionValidator.MAX_ANSWERS;
  }

  private Optional<Receipt> await(PendingSubmission p) {
    Optional<Receipt> r = queued(p);
    return r.isPresent() ? r : alone();
  }

  private Optional<Receipt> alone() {
    alone.incrementAndGet();
    return Optional.empty();
  }

  private Optional<Receipt> queued(PendingSubmission p) {
    List<BlockingQueue<PendingSubmission>> qs = queues;
    if (!running || qs == null || !qs.get(Math.floorMod(p.respondent(), qs.size())).offer(p)) {
      return Optional.empty();
    }
    try {
      try {
        return Optional.ofNullable(p.outcome.get(waitSeconds, TimeUnit.SECONDS));
      } catch (TimeoutException e) {
        if (p.abandon()) {
          return Optional.empty();
        }
        // a writer has it: its outcome decides, and it comes (a batch ends in a commit or a
        // rollback; the writer connection's network timeout bounds each statement)
        return Optional.ofNullable(p.outcome.get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      if (p.abandon()) {
        return Optional.empty();
      }
      throw new IllegalStateException("interrupted while the submission was being stored", e);
    } catch (ExecutionException e) {
      return Optional.empty();
    }
  }

  private void writeLoop(BlockingQueue<PendingSubmission> queue) {
    List<PendingSubmission> batch = new ArrayList<>(maxBatch);
    Connection con = null;
    boolean postgresql = false;
    try {
      while (running) {
        try {
          PendingSubmission first = queue.poll(1, TimeUnit.SECONDS);
          if (first == null) {
            continue;
          }
          batch.clear();
          if (first.take()) {
            batch.add(first);
          }
          List<PendingSubmission> more = new ArrayList<>();
          queue.drainTo(more, Math.max(0, maxBatch - 1));
          for (PendingSubmission p : more) {
            if (p.take()) {
              batch.add(p);
            }
          }
          if (batch.isEmpty()) {
            continue;
          }
          if (con == null) {
            con = open();
            postgresql = con != null && postgresql(con);
          }
          if (con == null || !write(con, postgresql, batch)) {
            // no connection, or a failed batch: its requests store their own; the next batch
            // starts on a fresh connection (this one may be broken)
            batch.forEach(PendingSubmission::fallBack);
            closeQuietly(con);
            con = null;
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        } catch (RuntimeException e) {
          // write() answers every submission of its batch; this is a bug of the loop itself
          LOG.warning("Submission writer: " + e);
        }
      }
    } finally {
      closeQuietly(con);
    }
  }

  /** A connection for a writer, or null (logged) when the database cannot give one now. */
  private Connection open() {
    try {
      Connection con = batchDataSource.getConnection();
      try {
        // a statement that hangs (a database that stopped answering) fails instead of holding
        // the batch's requests; a transaction of the JTA datasource had its timeout for that
        con.setNetworkTimeout(Runnable::run, NETWORK_TIMEOUT_MILLIS);
      } catch (SQLFeatureNotSupportedException e) {
        // H2 (embedded) has no network
      } catch (SQLException e) {
        LOG.warning("Submission writer: no network timeout on its connection: " + e);
      }
      return con;
    } catch (SQLException e) {
      LOG.warning("Submission writer: no database connection: " + e);
      return null;
    }
  }

  private static void closeQuietly(Connection con) {
    if (con != null) {
      try {
        con.close();
      } catch (SQLException | RuntimeException e) {
        // a broken connection: the pool discards it
      }
    }
  }

  /** Whether a writer's connection leads to PostgreSQL (else H2); false when it cannot tell. */
  private static boolean postgresql(Connection con) {
    try {
      return Databases.isPostgresql(con);
    } catch (SQLException e) {
      // the batch then takes H2's statements, which PostgreSQL runs as well
      LOG.warning("Submission writer: the database's product is unknown: " + e);
      return false;
    }
  }

  /** Writes a batch and answers its requests; false when it failed and nothing was answered. */
  private boolean write(Connection con, boolean postgresql, List<PendingSubmission> batch) {
    Receipt[] receipts;
    try {
      receipts = batches.write(con, postgresql, batch, forms);
    } catch (RuntimeException e) {
      // rolled back: nothing of the batch is stored; each request stores its own submission
      LOG.log(
          Level.WARNING,
          () ->
              "A batch of "
                  + batch.size()
                  + " submissions was not stored; each is stored alone instead: "
                  + rootMessage(e));
      failedBatches.incrementAndGet();
      return false;
    }
    int stored = 0;
    for (Receipt r : receipts) {
      stored += r == null ? 0 : 1;
    }
    if (stored > 0) {
      batchCount.incrementAndGet();
      storedInBatches.addAndGet(stored);
      largestBatch.accumulateAndGet(stored, Math::max);
    }
    for (int i = 0; i < batch.size(); i++) {
      if (receipts[i] != null) {
        batch.get(i).stored(receipts[i]);
      } else {
        batch.get(i).fallBack();
      }
    }
    return true;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t == e ? String.valueOf(e) : e.getClass().getSimpleName() + ": " + t;
  }
}
