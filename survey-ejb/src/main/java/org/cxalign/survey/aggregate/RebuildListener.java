package org.cxalign.survey.aggregate;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Gives a rebuild its empty accumulator at the start; at the end frees it and, when the job did not
 * swap (failed or stopped), clears the campaign's rebuild mark.
 */
@Named("aggregateRebuildListener")
@Dependent
public class RebuildListener extends AbstractJobListener {

  @Inject
  @BatchProperty(name = "campaignId")
  String campaignId;

  @Inject JobContext job;

  @Inject AggregateRebuilds rebuilds;

  @Inject RebuildWork work;

  @Override
  public void beforeJob() {
    long id = Long.parseLong(campaignId);
    work.begin(job.getExecutionId(), rebuilds.rebuildLayout(id).newAccumulator());
  }

  @Override
  public void afterJob() {
    long execution = job.getExecutionId();
    try {
      String exit = job.getExitStatus();
      if (exit == null || !exit.startsWith("COMPLETED version=")) {
        rebuilds.clearMark(Long.parseLong(campaignId), execution);
      }
    } finally {
      work.end(execution);
    }
  }
}
