package org.cxalign.survey.aggregate;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The rebuild's last step: swaps the rebuilt accumulator in (see {@link AggregateRebuilds}). */
@Named("aggregateRebuildSwap")
@Dependent
public class RebuildSwap extends AbstractBatchlet {

  @Inject
  @BatchProperty(name = "campaignId")
  String campaignId;

  @Inject JobContext job;

  @Inject AggregateRebuilds rebuilds;

  @Inject RebuildWork work;

  @Override
  public String process() {
    long execution = job.getExecutionId();
    RebuildWork.Work w = work.get(execution);
    long version;
    synchronized (w) {
      version = rebuilds.swap(Long.parseLong(campaignId), execution, w.accumulator);
    }
    job.setExitStatus(
        "COMPLETED version=" + version + " unplacedAnswers=" + work.unplaced(execution));
    return "SWAPPED";
  }
}
