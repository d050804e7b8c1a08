package org.cxalign.survey.aggregate;

import jakarta.ejb.ApplicationException;

/** A rebuild of the campaign's aggregate is running already (HTTP 409). */
@ApplicationException(rollback = true)
public class RebuildRunningException extends RuntimeException {

  private final Long execution;

  public RebuildRunningException(long campaignId, Long execution) {
    super(
        "A rebuild of the aggregates of campaign "
            + campaignId
            + " is running"
            + (execution != null && execution >= 0 ? " (execution " + execution + ")" : ""));
    this.execution = execution;
  }

  /** The running rebuild's job execution, null or negative while it is being started. */
  public Long execution() {
    return execution;
  }
}
