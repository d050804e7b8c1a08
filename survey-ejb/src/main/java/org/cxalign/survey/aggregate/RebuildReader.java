package org.cxalign.survey.aggregate;

import jakarta.annotation.Resource;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.sql.DataSource;

/**
 * Reads the campaign's responses that have no outbox row (those stored before the rebuild began),
 * in id order, a page at a time, as accumulator vectors.
 */
@Named("aggregateRebuildReader")
@Dependent
public class RebuildReader extends AbstractItemReader {

  /** Responses per query. */
  static final int PAGE = 1_000;

  @Inject
  @BatchProperty(name = "campaignId")
  String campaignId;

  @Inject JobContext job;

  @Inject AggregateRebuilds rebuilds;

  @Inject RebuildWork work;

  @Resource(lookup = "java:jboss/datasources/CxAlignDS")
  DataSource dataSource;

  private CampaignLayout layout;
  private long lastId;
  private boolean done;
  private final Deque<ResponseVector> buffer = new ArrayDeque<>();

  @Override
  public void open(Serializable checkpoint) {
    layout = rebuilds.rebuildLayout(Long.parseLong(campaignId));
    lastId = 0;
  }

  @Override
  public Object readItem() throws SQLException {
    if (buffer.isEmpty() && !done) {
      try (Connection con = dataSource.getConnection()) {
        RawResponses.Page page = RawResponses.readPage(con, layout, lastId, PAGE, true);
        if (page.responses().isEmpty()) {
          done = true;
        } else {
          lastId = page.lastId();
          buffer.addAll(page.responses());
          work.unplaced(job.getExecutionId(), page.unplaced());
        }
      }
    }
    return buffer.poll();
  }
}
