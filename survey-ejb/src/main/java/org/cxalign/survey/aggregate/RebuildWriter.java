package org.cxalign.survey.aggregate;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** Adds a chunk of read responses to the rebuild's accumulator (in memory on this node). */
@Named("aggregateRebuildWriter")
@Dependent
public class RebuildWriter extends AbstractItemWriter {

  @Inject JobContext job;

  @Inject RebuildWork work;

  @Override
  public void writeItems(List<Object> items) {
    work.add(job.getExecutionId(), items);
  }
}
