package org.cxalign.survey.response;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.StepExecution;
import jakarta.ejb.ApplicationException;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.cxalign.analytics.instrument.Instrument;
import org.cxalign.analytics.instrument.Item;
import org.cxalign.analytics.instrument.Population;
import org.cxalign.survey.campaign.Campaign;

/** Starts import jobs (Jakarta Batch job {@code survey-import}) and reports their status. */
@Stateless
public class ImportService {

  /** Largest file accepted, in bytes. */
  public static final long MAX_BYTES = 512L * 1024 * 1024;

  /** The upload exceeded {@link #MAX_BYTES}. */
  @ApplicationException(rollback = true)
  public static final class TooLarge extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TooLarge() {
      super("The file must be at most " + MAX_BYTES + " bytes");
    }
  }

  @PersistenceContext(unitName = "cxalign")
  EntityManager em;

  /**
   * Spools the upload to a temporary file and starts the job.
   *
   * @return the job execution id, or empty when there is no such campaign
   */
  public Optional<Long> start(long campaignId, InputStream csv, ImportMode mode) {
    return start(campaignId, csv, mode, List.of());
  }

  /**
   * Spools the upload to a temporary file and starts the job, renaming the file's columns by {@code
   * mapping} ({@code <file column>=<target>} pairs, see {@link ImportColumnMapping}).
   *
   * @return the job execution id, or empty when there is no such campaign
   * @throws org.cxalign.survey.campaign.InvalidInputException naming each bad mapping
   */
  public Optional<Long> start(
      long campaignId, InputStream csv, ImportMode mode, List<String> mapping) {
    Campaign campaign = em.find(Campaign.class, campaignId);
    if (campaign == null) {
      return Optional.empty();
    }
    ImportColumnMapping columns = ImportColumnMapping.parse(mapping, targets(campaign));
    Path file;
    try {
      Path dir =
          Path.of(System.getProperty("jboss.server.temp.dir", System.getProperty("java.io.tmpdir")))
              .resolve("cxalign-imports");
      Files.createDirectories(dir);
      file = dir.resolve(UUID.randomUUID() + ".csv");
      long copied = 0;
      byte[] buffer = new byte[1 << 16];
      try (OutputStream out = Files.newOutputStream(file)) {
        for (int n; (n = csv.read(buffer)) > 0; ) {
          copied += n;
          if (copied > MAX_BYTES) {
            out.close();
            Files.deleteIfExists(file);
            throw new TooLarge();
          }
          out.write(buffer, 0, n);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Properties p = new Properties();
    p.setProperty("campaignId", String.valueOf(campaignId));
    p.setProperty("file", file.toString());
    p.setProperty("mode", mode.name());
    p.setProperty("mapping", columns.encode());
    return Optional.of(BatchRuntime.getJobOperator().start("survey-import", p));
  }

  /** The column names an import file of this campaign may have. */
  static Set<String> targets(Campaign campaign) {
    Set<String> names = new HashSet<>(ImportLineReader.FIXED);
    Instrument instrument = campaign.getInstrument().instrument();
    for (Population p : List.of(Population.EMPLOYEE, Population.CUSTOMER)) {
      for (Item it : SubmissionValidator.form(instrument, p, campaign.departmentNames(), null)) {
        names.add(it.id());
      }
    }
    return names;
  }

  /** The status of an import of this campaign, or empty when there is none with this id. */
  @SuppressWarnings("unchecked")
  public Optional<ImportStatus> status(long campaignId, long executionId) {
    JobOperator jobs = BatchRuntime.getJobOperator();
    JobExecution execution;
    try {
      execution = jobs.getJobExecution(executionId);
    } catch (NoSuchJobExecutionException e) {
      return Optional.empty();
    }
    if (execution == null
        || !"survey-import".equals(execution.getJobName())
        || !String.valueOf(campaignId)
            .equals(execution.getJobParameters().getProperty("campaignId"))) {
      return Optional.empty();
    }
    long checked = 0;
    long imported = 0;
    List<ImportProblem> problems = new ArrayList<>();
    for (StepExecution s : jobs.getStepExecutions(executionId)) {
      if (s.getStepName().equals("check")) {
        checked = metric(s, Metric.MetricType.READ_COUNT);
        if (s.getPersistentUserData() instanceof List<?> list) {
          problems.addAll((List<ImportProblem>) list);
        }
      } else if (s.getStepName().equals("load")) {
        imported = metric(s, Metric.MetricType.WRITE_COUNT);
      }
    }
    return Optional.of(
        new ImportStatus(
            executionId,
            execution.getBatchStatus().name(),
            execution.getExitStatus(),
            checked,
            imported,
            problems));
  }

  private static long metric(StepExecution s, Metric.MetricType type) {
    if (s.getMetrics() == null) {
      return 0;
    }
    for (Metric m : s.getMetrics()) {
      if (m.getType() == type) {
        return m.getValue();
      }
    }
    return 0;
  }
}
