package org.cxalign.survey.aggregate;

import jakarta.ejb.ApplicationException;

/** There is no campaign with the id asked for (HTTP 404). */
@ApplicationException(rollback = true)
public class UnknownCampaignException extends RuntimeException {

  private final long campaignId;

  public UnknownCampaignException(long campaignId) {
    super("There is no campaign " + campaignId);
    this.campaignId = campaignId;
  }

  public long campaignId() {
    return campaignId;
  }
}
