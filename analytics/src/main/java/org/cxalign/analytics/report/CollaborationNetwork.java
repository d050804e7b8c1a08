package org.cxalign.analytics.report;

import java.util.List;
import org.cxalign.analytics.stat.Estimate;

/**
 * The directed, weighted department network from the {@code collab.<Department>} ratings of
 * employees, with the mean of all ratings and its 95% t interval.
 */
public record CollaborationNetwork(
    List<CollaborationLink> links, long n, Estimate mean, Estimate lower95, Estimate upper95) {
  public CollaborationNetwork {
    links = List.copyOf(links);
  }
}
